"""What a FRUS document says about itself: number, kind, date, place, classification, parties.

Everything is read from the edition's markup where it has any (``<date when>``,
``<placeName>``, ``type="from|to"``) and from the printed head otherwise; a value read
from print rather than markup says so (``place_supplied``: the editors' brackets in
"[Washington,]"; a party with ``how="head"``).
"""

from __future__ import annotations

import re

from lxml import etree

from historiograph.ingest.writer import BLOCK_SEPARATOR
from historiograph.ingest.xmlscan import local
from historiograph.model import Document, Party

# Security classifications as FRUS prints them; other words of the opener are handling.
CLASSIFICATIONS = (
    "top secret",
    "secret",
    "confidential",
    "restricted",
    "limited official use",
    "official use only",
    "unclassified",
)
# The form a document takes, by the source note's last words or the head's first words.
FORMS = {
    "telegram": "telegram",
    "circular telegram": "telegram",
    "airgram": "airgram",
    "circular airgram": "airgram",
    "despatch": "despatch",
    "dispatch": "despatch",
    "circular": "circular",
    "note": "note",
    "aide-mémoire": "aide-memoire",
    "aide-memoire": "aide-memoire",
    "letter": "letter",
    "memorandum of conversation": "conversation",
    "memorandum for the record": "memorandum",
    "memorandum": "memorandum",
    "minutes": "meeting",
    "notes of a meeting": "meeting",
    "summary of a meeting": "meeting",
    "report": "report",
    "paper": "paper",
    "draft": "paper",
    "statement": "statement",
    "editorial note": "editorial-note",
}
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
_FORMS_LONGEST_FIRST = sorted(FORMS, key=len, reverse=True)  # "memorandum of conversation" first
_VOLUME = re.compile(r"frus(\d{4}(?:-\d{2,4})?)(?:v(\d+)|(\w+?))?(?:p(\d+))?$", re.I)


def _text(el) -> str:  # type: ignore[no-untyped-def]
    """An element's words, notes left out, white space folded."""
    parts: list[str] = []

    def walk(e) -> None:  # type: ignore[no-untyped-def]
        if e.text:
            parts.append(e.text)
        for child in e:
            if isinstance(child.tag, str) and local(child.tag) != "note":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


def _child(el, name: str):  # type: ignore[no-untyped-def]
    return next((c for c in el if isinstance(c.tag, str) and local(c.tag) == name), None)


def _first(el, name: str):  # type: ignore[no-untyped-def]
    return next((e for e in el.iter() if isinstance(e.tag, str) and local(e.tag) == name), None)


def volume_fields(volume_id: str) -> dict[str, str]:
    """``frus1949v07p2`` -> year 1949, volume 7, part 2 (as the series numbers them)."""
    m = _VOLUME.match(volume_id)
    if not m:
        return {}
    out = {"frus_year": m.group(1)}
    if m.group(2):
        out["frus_volume"] = str(int(m.group(2)))
    elif m.group(3):
        out["frus_volume"] = m.group(3)  # a volume named, not numbered ("Intel")
    if m.group(4):
        out["frus_part"] = str(int(m.group(4)))
    return out


def form_of(head: str, source_note: str) -> str | None:
    """The document's form: the source note's last words ("…/1–2749: Telegram"), else the
    head's first ("Memorandum of Conversation, by …")."""
    tail = source_note.rpartition(":")[2].strip().lower() if ":" in source_note else ""
    if tail in FORMS:
        return FORMS[tail]
    low = head.lower()
    for words in _FORMS_LONGEST_FIRST:
        if re.match(rf"(?:the\s+)?{re.escape(words)}\b", low):
            return FORMS[words]
    return None


def own_dateline(element: etree._Element):  # type: ignore[no-untyped-def]
    """The document's own dateline: in its opener, else its closer (memoranda), else the
    first one (not an enclosure's, which stands deeper)."""
    for part in (_child(element, "opener"), _child(element, "closer")):
        if part is not None and (found := _first(part, "dateline")) is not None:
            return found
    return _first(element, "dateline")


def document_meta(element: etree._Element, volume_id: str) -> dict[str, str]:
    meta = {"volume": volume_id} | volume_fields(volume_id)
    for key, attr in (("number", "n"), ("subtype", "subtype")):
        if element.get(attr):
            meta[key] = element.get(attr) or ""
    head = _child(element, "head")  # the document's title: ``Document.title``, read by the reader
    source = next(
        (
            e
            for e in element.iter()
            if isinstance(e.tag, str) and local(e.tag) == "note" and e.get("type") == "source"
        ),
        None,
    )
    if source is not None:
        meta["source_note"] = _text(source)
    form = form_of(_text(head) if head is not None else "", meta.get("source_note", ""))
    if form:
        meta["form"] = form
    opener = _child(element, "opener")
    dateline = own_dateline(element)
    if dateline is not None:
        date = _first(dateline, "date")
        # the day printed, or the start of a range printed
        when = date is not None and (date.get("when") or date.get("notBefore") or date.get("from"))
        if when:
            meta["date"] = when
        place = _first(dateline, "placeName")
        if place is not None:
            meta["place"] = _text(place).strip("[], ").title()
            if _text(dateline).startswith("["):
                meta["place_supplied"] = "1"  # the editors' brackets: not printed in the original
    if "date" not in meta:
        # no date in a dateline: the edition's own dating of the document, when it is one day
        low = element.get(f"{{{FRUS_NS}}}doc-dateTime-min") or ""
        high = element.get(f"{{{FRUS_NS}}}doc-dateTime-max") or ""
        if low[:10] and low[:10] == high[:10] and meta.get("subtype") != "editorial-note":
            meta["date"] = low[:10]
            meta["date_from"] = "frus:doc-dateTime-min"
    if opener is not None:
        words = []
        for seg in (e for e in opener.iter() if isinstance(e.tag, str) and local(e.tag) == "seg"):
            lines = [h for h in seg.iter() if isinstance(h.tag, str) and local(h.tag) == "hi"]
            words += [_text(h).lower() for h in lines or [seg] if _text(h)]
        found = [c for c in CLASSIFICATIONS if c in words]
        if found:
            meta["classification"] = found[0]
        handling = [w for w in dict.fromkeys(words) if w not in CLASSIFICATIONS]
        if handling:
            meta["handling"] = ", ".join(handling)  # priority, niact, eyes only …
    return meta


_BY = re.compile(r",?\s+by\s+(?:the\s+)?(.+?)(?:\s+\(([^()]+)\))?\s*$")


def find_parties(
    doc: Document, names: list[tuple[str, int, int]], rows: list[tuple[int, int]]
) -> list[Party]:
    """From and to as the markup names them in the head or opener; else the author a
    memorandum's head names after "by"; and a "Participants:" list."""
    parties = [
        Party("from" if role == "from" else "to", s, e, "markup") for role, s, e in names if e > s
    ]
    title = next((b for b in doc.blocks if b.kind == "title"), None)
    if title is not None and not any(p.role == "from" for p in parties):
        head = doc.text[title.start : title.end]
        if m := _BY.search(head):
            g = 2 if m.group(2) else 1
            parties.append(Party("from", title.start + m.start(g), title.start + m.end(g), "head"))
    listing, last_end = False, None
    for start, end in rows:  # the rows of the document's tables, in order
        line = doc.text[start:end]
        m = re.match(r"(?:Participants|Present)\s*:\s*", line)
        # the list goes on over the rows right after it, not into a later table
        follows = last_end is not None and doc.text[last_end:start] == BLOCK_SEPARATOR
        last_end = end
        if m:
            listing = True
        elif not (listing and follows):
            listing = False
            continue
        who = line[m.end() if m else 0 :]
        name = re.split(r",\s", who, maxsplit=1)[0].strip()
        if name and len(name) < 80:
            s = start + (m.end() if m else 0)
            parties.append(Party("participant", s, s + len(name), "table"))
    return parties
