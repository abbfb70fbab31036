"""The explorer in a real headless browser: Debian's Chromium, driven by Playwright.

The server runs in a thread on a free loopback port. Screenshots go to
``build/screenshots/`` for a person to look at after ``make test``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from historiograph.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
TIMELINEJS = ROOT / "tests/assets/timelinejs-3.9.11/timeline.js"
# As root in a container, and with no network: no sandbox, no background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)"
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The explorer over ``db`` on a loopback port, in a thread, for the length of a module."""

    def __init__(self, db: Path):
        self.port = _free_port()
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the explorer did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def corpus_site(corpus_db_file):
    with Server(corpus_db_file) as url:
        yield url


@pytest.fixture(scope="module")
def handmade_site(handmade_db_file):
    with Server(handmade_db_file) as url:
        yield url


class Page:
    """A browser tab that records console errors, uncaught exceptions, failed requests and
    dialogs (an ``alert`` would mean a document's text ran as code)."""

    def __init__(self, browser, base: str):
        self.base = base
        self.tab = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.tab.on("console", self._console)
        self.tab.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        self.tab.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.tab.on("dialog", self._dialog)

    def _console(self, msg) -> None:
        if msg.type in ("error", "warning"):
            self.problems.append(f"console {msg.type}: {msg.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> None:
        response = self.tab.goto(self.base + path)
        assert response.status == 200, path
        self.tab.wait_for_load_state("networkidle")

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.fixture()
def page(browser, corpus_site):
    tab = Page(browser, corpus_site)
    yield tab
    tab.tab.close()


def _json(page: Page, path: str):
    """A JSON twin, fetched beside the page (not through it)."""
    return page.tab.request.get(page.base + path).json()


def test_every_page_renders_without_console_errors(page):
    event = _json(page, "/timeline.json")["items"][0]
    source = _json(page, "/sources.json")["sources"][0]["id"]
    pages = {
        "home": "/",
        "document": "/documents/seed2_intervention",
        "timeline": "/timeline",
        "network": "/network",
        "event": event["url"],
        "actors": "/actors",
        "actor": "/actors/mao",
        "sources": "/sources",
        "source": f"/sources/{source}",
        "decisions": "/decisions?actor=Mao+Zedong",
        "search": "/search?q=air+cover",
    }
    for name, path in pages.items():
        page.open(path)
        if name == "timeline":
            page.tab.wait_for_selector(".vis-item")
        if name == "network":
            page.tab.wait_for_selector("#network[data-nodes]")
        page.shot(name)
        assert page.problems == [], (name, page.problems)
    assert page.dialogs == []


def _zoom_in(page: Page) -> None:
    """Click clusters until events show one by one."""
    for _ in range(4):
        if not page.tab.locator("button.cluster-count").count():
            return
        if any(a.is_visible() for a in page.tab.locator(".vis-item a.timeline-link").all()):
            return
        page.tab.locator("button.cluster-count").first.click()
        page.tab.wait_for_timeout(700)


def test_two_clicks_from_the_timeline_reach_the_sentence_and_its_footnote(page):
    page.open("/timeline?doc=seed2_intervention&type=communication")
    page.tab.wait_for_selector(".vis-item")
    _zoom_in(page)
    # an item on screen whose event has a footnote with its text
    links = page.tab.locator(".vis-item a.timeline-link")
    target = None
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        data = _json(page, f"{href}.json")
        if data["notes"] and data["notes"][0]["text"] and links.nth(i).is_visible():
            target = (links.nth(i), data)
            break
    assert target, "no visible timeline item with a footnote"
    link, data = target
    link.click()  # click 1: the event page
    page.tab.wait_for_url(f"**{data['event']['id']}")
    evidence = data["event"]["evidence_spans"][0]["text"]
    assert page.tab.locator("blockquote.context mark.evidence").first.inner_text() == evidence
    note = data["notes"][0]
    assert note["text"][:30] in page.tab.locator(f"#note-{note['n']} .note-text").inner_text()
    page.shot("event")
    page.tab.locator(
        f"#note-{note['n']} a.footnote-link"
    ).click()  # click 2: the footnote in the text
    page.tab.wait_for_url(f"**#note-{note['n']}")
    shown = page.tab.locator(f"li#note-{note['n']}")
    assert shown.is_visible() and note["text"][:30] in shown.inner_text()
    # the note's "cited by" link leads back to the sentence, which holds the evidence
    cited = shown.locator(".cited-by a").first
    cited.click()
    anchor = page.tab.evaluate("location.hash")
    assert anchor.startswith("#s-")
    page.shot("footnote")
    # and "read it in the document" lands on the exact characters, highlighted
    page.tab.go_back()
    page.tab.go_back()
    page.tab.locator("a.in-document").first.click()
    page.tab.wait_for_load_state("networkidle")
    marked = page.tab.locator("#normalized mark.target").all_inner_texts()
    assert "".join(marked) == evidence
    assert page.problems == []


def test_the_network_follows_the_date_range(page):
    page.open("/network")
    page.tab.wait_for_selector("#network[data-edges]")
    everything = int(page.tab.get_attribute("#network", "data-edges"))
    days = page.tab.get_attribute("#range", "data-days").split(",")
    october = [i for i, d in enumerate(days) if d.startswith("1950-10")]
    page.tab.evaluate(
        """([lo, hi]) => {
            const a = document.getElementById('range-from'), b = document.getElementById('range-to');
            b.value = hi; b.dispatchEvent(new Event('input'));
            a.value = lo; a.dispatchEvent(new Event('input'));
        }""",
        [october[0], october[-1]],
    )
    expected = _json(page, f"/network.json?from={days[october[0]]}&to={days[october[-1]]}")
    page.tab.wait_for_function(
        "n => document.getElementById('network').dataset.edges == n",
        arg=str(len(expected["edges"])),
    )
    page.tab.wait_for_load_state("networkidle")
    shown = int(page.tab.get_attribute("#network", "data-edges"))
    assert 0 < shown == len(expected["edges"]) < everything
    assert page.tab.locator("#edges tbody tr").count() == shown
    assert "from=1950-10" in page.tab.url  # the range is in the address, to share
    page.shot("network-october")
    assert page.problems == []


def test_the_reader_toggles_to_the_raw_file(page):
    page.open("/documents/seed1_armistice")
    assert page.tab.locator("#raw").is_hidden()
    page.tab.click("#toggle-raw")
    assert page.tab.locator("#raw").is_visible() and page.tab.locator("#normalized").is_hidden()
    page.shot("raw")
    page.tab.click("#toggle-raw")
    assert page.tab.locator("#normalized").is_visible()


def test_markup_in_a_document_is_shown_as_text_never_run(browser, handmade_site):
    tab = Page(browser, handmade_site)
    for path in [
        "/",
        "/documents/hostile_markup",
        "/timeline?doc=hostile_markup",
        "/search?q=alert",
    ]:
        tab.open(path)
        if path.startswith("/timeline"):
            tab.tab.wait_for_selector(".vis-item")
    tab.open("/documents/hostile_markup")
    body = tab.tab.locator("#normalized").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(2)>" in body
    assert "<script>alert(3)</script>" in tab.tab.locator("#note-1").inner_text()
    assert tab.tab.locator("#normalized script, #normalized img").count() == 0
    tab.shot("hostile-markup")
    assert tab.dialogs == []
    tab.tab.close()


def test_timelinejs_export_loads_in_timelinejs(browser, corpus_db_file):
    """TimelineJS's own TimelineConfig reads the export: no errors, and no slide dropped."""
    from historiograph.export.events import to_timelinejs
    from historiograph.store import queries
    from historiograph.store.db import connect

    data = json.loads(to_timelinejs(queries.events(connect(corpus_db_file, readonly=True))))
    tab = browser.new_page()
    tab.set_content('<div id="tl" style="width:900px;height:600px"></div>')
    tab.add_script_tag(path=str(TIMELINEJS))
    result = tab.evaluate(
        """data => new Promise((resolve, reject) => {
            const t = new TL.Timeline('tl', data);  // reads its config once its language is loaded
            const started = Date.now();
            (function poll() {
                if (t.config) {
                    resolve({valid: t.config.isValid(), errors: t.config.getErrors().map(String),
                             slides: t.config.events.length});
                } else if (Date.now() - started > 15000) {
                    reject(new Error('TimelineJS read no configuration'));
                } else {
                    setTimeout(poll, 50);
                }
            })();
        })""",
        data,
    )
    tab.close()
    assert result == {"valid": True, "errors": [], "slides": len(data["events"])}


def test_the_timeline_opens_on_every_event_with_labels_whole(browser, corpus_site):
    for width, height, suffix in ((1400, 900, ""), (390, 844, "-phone")):
        tab = Page(browser, corpus_site)
        tab.tab.set_viewport_size({"width": width, "height": height})
        tab.open("/timeline?doc=seed2_intervention")
        tab.tab.wait_for_selector("#timeline[data-window-start]")
        items = _json(tab, "/timeline.json?doc=seed2_intervention")["items"]
        box = tab.tab.locator("#timeline")
        lo, hi = box.get_attribute("data-window-start"), box.get_attribute("data-window-end")
        # every event of the filter inside the window it opens on
        assert all(
            lo[:10] <= it["start"][:10] and (it["end"] or it["start"])[:10] <= hi[:10]
            for it in items
        )
        tab.tab.wait_for_selector(".vis-item")
        tab.shot(f"timeline{suffix}")
        # the crowded months are clusters with their count; a click zooms in to them
        counts = tab.tab.locator("button.cluster-count")
        assert sum(int(t.split()[0]) for t in counts.all_inner_texts()) + tab.tab.locator(
            ".vis-item a.timeline-link"
        ).count() == len(items)
        _zoom_in(tab)
        labels = {it["url"]: it["label"].replace(" -> ", " → ") for it in items}
        shown = [a for a in tab.tab.locator(".vis-item a.timeline-link").all() if a.is_visible()]
        assert shown
        for link in shown:  # the whole label, actor names first, never the date
            assert link.inner_text() == labels[link.get_attribute("href")]
            clipped = link.evaluate("a => a.scrollWidth > a.getBoundingClientRect().width + 1")
            assert not clipped
        tab.shot(f"timeline-zoomed{suffix}")
        tab.tab.select_option("#lanes", "actor")
        tab.tab.wait_for_timeout(300)
        assert "Mao Zedong" in tab.tab.locator(".vis-labelset").inner_text()
        tab.shot(f"timeline-by-actor{suffix}")
        assert tab.problems == [], tab.problems
        tab.tab.close()


def test_the_network_separates_and_the_ego_view_keeps_only_correspondents(page):
    page.tab.set_viewport_size({"width": 1400, "height": 900})
    page.open("/network?doc=seed2_intervention")
    page.tab.wait_for_selector("#network[data-nodes]")
    page.shot("network")
    boxes = page.tab.evaluate(
        "() => window.historiographNetwork.nodes().map(n => n.renderedBoundingBox({includeLabels: false}))"
    )
    # no two nodes drawn on top of each other (the ring of before piled the names)
    piled = sum(
        1
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if abs(a["x1"] - b["x1"]) < 2 and abs(a["y1"] - b["y1"]) < 2
    )
    assert piled == 0
    edges = _json(page, "/network.json?doc=seed2_intervention")["edges"]
    expected = (
        {"stalin"}
        | {e["target"] for e in edges if e["source"] == "stalin"}
        | {e["source"] for e in edges if e["target"] == "stalin"}
    )
    page.tab.evaluate("() => window.historiographNetwork.getElementById('stalin').emit('tap')")
    page.tab.wait_for_selector("#network[data-ego='stalin']")
    visible = page.tab.evaluate(
        "() => window.historiographNetwork.nodes(':visible').map(n => n.id())"
    )
    assert set(visible) == expected and len(expected) > 2
    assert "Correspondents" in page.tab.locator("#edge-detail").inner_text()
    page.shot("network-ego-stalin")
    page.tab.set_viewport_size({"width": 390, "height": 844})
    page.tab.locator("#show-everyone").click()
    page.tab.evaluate("() => window.scrollTo(0, 0)")
    page.shot("network-phone")
    assert page.problems == [], page.problems


def test_the_decision_flow_draws_the_deciders_chain(page):
    flow = _json(page, "/decisions.json?actor=mao-zedong&doc=seed2_intervention")["flow"]
    decisions = [n for n in flow["nodes"] if n["kind"] == "decision"]
    reversals = [e for e in flow["edges"] if e["kind"] == "reverses"]
    # October 1950: no (Oct 2), yes if Soviet assistance (Oct 5), no (Oct 11 and 12), yes
    # (Oct 13); the yes of Oct 5 reverses the no of Oct 2, the yes of Oct 13 that of Oct 12
    october = sorted(
        (n for n in decisions if (n["date"] or "").startswith("1950-10")), key=lambda n: n["order"]
    )
    assert [n["polarity"][0] for n in october] == ["n", "p", "n", "n", "p"]
    by_key = {n["id"]: n for n in decisions}
    arrows = {
        (by_key[e["source"]]["date"][:10], by_key[e["target"]]["date"][:10]) for e in reversals
    }
    assert arrows == {("1950-10-05", "1950-10-02"), ("1950-10-13", "1950-10-12")}
    for width, height, suffix in ((1400, 900, ""), (390, 844, "-phone")):
        page.tab.set_viewport_size({"width": width, "height": height})
        page.open("/decisions?actor=mao-zedong&doc=seed2_intervention")
        box = page.tab.wait_for_selector("#decision-flow[data-decisions]")
        assert int(box.get_attribute("data-decisions")) == len(decisions)
        assert int(box.get_attribute("data-reversals")) == len(reversals)
        # in date order, left to right and row by row, every label at a legible size
        order = page.tab.evaluate(
            "() => window.historiographFlow.nodes('[kind = \"decision\"]').map(n => [n.data('order'),"
            " n.renderedPosition().y, n.renderedPosition().x, window.historiographFlow.zoom()])"
        )
        placed = sorted(order, key=lambda o: (round(o[1]), o[2]))
        assert [o[0] for o in placed] == sorted(o[0] for o in order)
        assert order[0][3] >= 0.75
        # nothing piled: no two boxes (decisions, conditions, messages) overlap
        boxes = page.tab.evaluate(
            "() => window.historiographFlow.nodes().map(n => {"
            " const b = n.renderedBoundingBox({includeLabels: false}); return [b.x1, b.y1, b.x2, b.y2]; })"
        )
        piled = [
            (a, b)
            for i, a in enumerate(boxes)
            for b in boxes[i + 1 :]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        ]
        assert piled == [], piled
        page.shot(f"decisions{suffix}")
        page.open("/actors/mao")
        page.tab.wait_for_selector("#decision-flow[data-decisions]")
        page.shot(f"actor{suffix}")
    assert page.problems == [], page.problems
