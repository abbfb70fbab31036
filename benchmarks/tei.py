"""Reading a FRUS TEI volume of about 4 MB, beside lxml's bare parse of the same file.

The volume is built from the bundled Korea slice: its 46 complete documents repeated
under distinct ids inside one TEI element, until the file passes 4 MB (a real volume of
FRUS runs 2-8 MB). Timed: ``read_tei`` (safety check, tag scan, one lxml parse per
document plus one of the whole file, text with its offset map, metadata, pages), and
``lxml.etree.fromstring`` alone. Best of three runs each.

Run: ``python benchmarks/tei.py`` (``make bench`` runs it).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from lxml import etree

from historiograph.ingest.tei import read_tei
from historiograph.ingest.xmlscan import safe_parser

ROOT = Path(__file__).resolve().parent.parent
SLICE = ROOT / "corpus" / "primary" / "frus1949v07p2_korea_slice.xml"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"'


def build_volume(target_bytes: int = 4_000_000) -> str:
    raw = SLICE.read_text("utf-8")
    start = raw.index('<div type="document" xml:id="d189"')
    end = raw.index('<div type="document" xml:id="d235"')
    docs = raw[start:end].rstrip()
    docs = docs[: docs.rindex("</div>") + len("</div>")]
    copies, k = [], 0
    while sum(len(c.encode()) for c in copies) < target_bytes:
        # distinct ids per copy: d189 -> d0189, d1189 …; pg_941 -> pg_0941 …
        copies.append(re.sub(r'(xml:id="[a-z_]+?)(\d+)', rf"\g<1>{k}\g<2>", docs))
        k += 1
    body = "\n".join(copies)
    return f'<?xml version="1.0"?>\n<TEI {TEI} xml:id="frus1949v07p2"><text><body><div type="chapter">\n{body}\n</div></body></text></TEI>\n'


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    text = build_volume()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frus1949v07p2.xml"
        path.write_text(text, "utf-8")
        data = path.read_bytes()
        volume = read_tei(path)
        assert not volume.errors and not volume.notices, (volume.errors, volume.notices)
        ours = best(lambda: read_tei(path))
        bare = best(lambda: etree.fromstring(data, safe_parser()))
    mb = len(data) / 1e6
    print(f"reading a FRUS TEI volume: {mb:.1f} MB, {len(volume.documents)} documents")
    print(f"{'reader':36} {'seconds':>8} {'MB/s':>7}")
    print(f"{'historiograph read_tei':36} {ours:8.2f} {mb / ours:7.1f}")
    print(f"{'lxml.etree.fromstring (bare parse)':36} {bare:8.2f} {mb / bare:7.1f}")


if __name__ == "__main__":
    main()
