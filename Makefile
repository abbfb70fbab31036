# historiograph — `make demo` runs the main job on the bundled corpus, `make test` the suite.
# Needs only Python 3.11+ and pip: everything else is installed into .venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= historiograph.db
CONSTRAINTS := requirements/constraints.txt
# Every gold folder, each given to eval as its own --gold.
GOLD ?= ../shared/gold ../shared/gold-general

.PHONY: demo test test-all fuzz bench eval lint install install-test chromium serve clean

# The browser tests drive Debian's Chromium (never a downloaded browser): installed with apt
# when it is missing (as root, or through sudo).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml $(CONSTRAINTS)
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/historiograph ingest --db $(DB) corpus/*.txt corpus/primary/*.xml
	@echo
	$(BIN)/historiograph docs --kind article --db $(DB)
	@echo
	$(BIN)/historiograph docs --kind primary --db $(DB) | head -6
	@echo
	$(BIN)/historiograph show seed2_intervention --note 88 --db $(DB)
	@echo
	$(BIN)/historiograph citations seed2_intervention --note 17 --db $(DB)
	@echo
	$(BIN)/historiograph actors seed2_intervention --kind person --db $(DB) | head -15
	@echo
	$(BIN)/historiograph times seed2_intervention --db $(DB) | sed -n '1,2p;/hours later\|p\.m\./p'
	@echo
	$(BIN)/historiograph decisions seed2_intervention --actor "Mao Zedong" --db $(DB)
	@echo
	$(BIN)/historiograph timeline seed2_intervention --from 1950-10-11 --to 1950-10-13 --db $(DB) | head -24
	@echo
	$(BIN)/historiograph network seed2_intervention --from 1950-10 --to 1950-10 --db $(DB) | head -8
	@echo
	@echo "A primary source: a FRUS telegram of the bundled Korea slice, and the event it is"
	$(BIN)/historiograph show frus1949v07p2-d196 --db $(DB)
	@echo
	$(BIN)/historiograph events frus1949v07p2-d196 --db $(DB) | head -4
	@echo
	@echo "A text of the general corpus, saved from the web: a FRUS history chapter's note and the sentence citing it"
	$(BIN)/historiograph show frus_history_ch8_1958_1979 --note 1 --db $(DB)
	@echo
	@echo "More: $(BIN)/historiograph events seed2_intervention --type communication --db $(DB)"
	@echo "      $(BIN)/historiograph events seed1_armistice --actor Ridgway --json --db $(DB)"
	@echo "      $(BIN)/historiograph search \"air cover\" --db $(DB)"
	@echo "      $(BIN)/historiograph actors --kind role --db $(DB)"
	@echo "      $(BIN)/historiograph sources --archive RGASPI --db $(DB)"
	@echo "      $(BIN)/historiograph export citations --format csl-json -o sources.json --db $(DB)"
	@echo "      $(BIN)/historiograph export network --format gexf -o network.gexf --db $(DB)   (opens in Gephi)"
	@echo
	@echo "Explore it in a browser: run  make serve  (or $(BIN)/historiograph serve --db $(DB))"
	@echo "and open http://127.0.0.1:8000/  (timeline, network, decisions, every fact at its source)"

serve: install
	test -f $(DB) || $(BIN)/historiograph ingest --db $(DB) corpus/*.txt
	$(BIN)/historiograph serve --db $(DB)

chromium:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q chromium >/dev/null; }; }

test: install-test chromium
	$(BIN)/python -m pytest -q -m "not slow"

test-all: install-test chromium
	$(BIN)/python -m pytest -q

# Property tests on many more inputs than make test tries; failing inputs land in tests/fuzz_cases/.
FUZZ_EXAMPLES ?= 10000
fuzz: install-test
	$(BIN)/python tools/fuzz.py --examples $(FUZZ_EXAMPLES)

bench: install
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[baseline]' || echo "baselines (refextract, dateparser) not installed"
	$(BIN)/python benchmarks/run.py
	@echo
	$(BIN)/python benchmarks/scale.py
	@echo
	$(BIN)/python benchmarks/citations.py
	@echo
	$(BIN)/python benchmarks/tei.py
	@echo
	$(BIN)/python benchmarks/layers.py
	@echo
	$(BIN)/python benchmarks/serve_load.py --clients 50 --seconds 20

eval: install
	$(BIN)/historiograph ingest --db $(DB) corpus/*.txt corpus/primary/*.xml
	$(BIN)/historiograph eval --summary $(addprefix --gold ,$(GOLD)) --db $(DB)

lint: install-test
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[dev]'
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build
