"""Fuzz the readers and the whole ingest with text-like inputs (``make fuzz``).

    python tools/fuzz.py [--examples 10000] [--ingest-every 10] [--seed 0]

Every input is read by every reader; every ``--ingest-every``-th one also goes
through the whole ingest (all stages, the store) twice. An input that breaks an
invariant (see ``tests/fuzzing.py``) is written to ``tests/fuzz_cases/``, where
the test suite checks it again; keep it once fixed. Prints what was tried, what
failed and how long it took; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from tests.fuzzing import REGRESSIONS, read_every_way, text_like  # noqa: E402
from tests.test_fuzz import _ingest_twice  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--ingest-every", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    tried = ingested = 0
    failures: dict[str, str] = {}  # where it failed -> the input
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="historiograph-fuzz-"))

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(text_like())
    def run(raw: str) -> None:
        nonlocal tried, ingested
        tried += 1
        try:
            read_every_way(raw)
            if tried % args.ingest_every == 0:
                ingested += 1
                _ingest_twice(Path(tempfile.mkdtemp(dir=work)), raw)
        except Exception as e:  # noqa: BLE001 - every failure is a finding
            frame = traceback.extract_tb(e.__traceback__)[-1]
            where = f"{type(e).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if where not in failures:
                failures[where] = raw
                print(f"failure: {where}: {str(e)[:160]}", flush=True)
        if tried % 1000 == 0:
            print(f"  {tried} tried, {len(failures)} failure(s)", flush=True)

    run._hypothesis_internal_use_seed = args.seed  # type: ignore[attr-defined]
    run()
    seconds = time.perf_counter() - start
    REGRESSIONS.mkdir(exist_ok=True)
    for raw in failures.values():
        data = raw.encode("utf-8", "surrogatepass")
        (REGRESSIONS / f"case_{hashlib.sha256(data).hexdigest()[:12]}.txt").write_bytes(data)
    print(
        f"fuzz: {tried} inputs tried ({ingested} through the whole ingest twice),"
        f" {len(failures)} distinct failure(s), {seconds:.0f} s"
    )
    if failures:
        print(f"failing inputs written to {REGRESSIONS.relative_to(ROOT)}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
