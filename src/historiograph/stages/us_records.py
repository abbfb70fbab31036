"""U.S. archival citations: what a document is and where it is kept.

Historians of U.S. foreign policy cite a document by its parties or its title, then where it
is kept, from the archive down: "Noble to Philip Brooks, September 13, 1960, NARA, RG 59,
CDF 1960–1963, 023.1/9–1360"; "Minutes of 1957 HAC meeting, pp. 33–61, Department of State,
HAC Lot File 03D130, 1957–HAC–Annual Meeting"; "Gerald R. Ford Presidential Library,
National Security Adviser Presidential Country Files for Europe and Canada, Box 18, USSR
(23)". Several documents may share one location ("A to B, date; and C to D, date in NARA,
…"), and one location may list several series or files ("CFPF 1963, 1964–1966, and
1967–1969, PR 10"): each document in each place is a citation of its own that carries the
location. Archives, central files and document words are listed in ``data/us_records.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from historiograph import data
from historiograph.stages.citation_fields import MONTHS as _MONTHS
from historiograph.stages.citation_fields import URL
from historiograph.stages.ranges import expand_ranges

_MONTH = "(?:" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_FULL_DATE = re.compile(rf"\[?\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b\??\]?")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b")
_NO_DATE = re.compile(r"\[(?:no date|n\.\s?d\.|undated)\]", re.I)
_PAGES = re.compile(
    r"(?:^|,\s*|\s)(pp?\.?\s+((?:[A-Z]?[-–]?\d+[a-z]?(?:\s*[-–—]\s*[A-Z]?[-–]?\d+)?)"
    r"(?:(?:\s*,\s*|\s+and\s+)\d+(?:\s*[-–—]\s*\d+)?)*))(?:\s+of\b)?"
)
_URL = re.compile(rf"\(?\s*({URL.pattern})[.,;]?\s*\)?(?=\s|$)")  # and its brackets
_HENCEFORTH = re.compile(r"\s*\((?:henceforth|hereafter)(?:\s+cited\s+as)?\s+([^)]+)\)")
_BOX = re.compile(r"^Box(?:es)?\s+(\S+)$")
_RECORD_GROUP = re.compile(r"^(?:RG|Record Group)\s+\d+[A-Z]?$")
_YEARS = r"\d{4}(?:\s*[-–]\s*\d{2,4})?"
_SEE = re.compile(
    r"^(?:(?:[Ss]ee(?:,\s+for\s+example,|,?\s+inter\s+alia,)?(?:\s+also)?|[Qq]uotes?\s+(?:from|in)"
    r"|[Cc]f\.)\s+)+"
)
_ATTACHED = re.compile(r"(?:,\s*|\s+)(?=attached\s+(?:as\s+[^,]{1,30}?\s+)?to\s)")
_NAME_WORD = re.compile(  # "Noble", "E.R.", "MacGregor", "D[avid]", "[Name not declassified]"
    r"^(?:[A-Z][a-z’'.-]*(?:[A-Z][a-z’'-]+)?\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z]?\[[^\]]*\][a-z]*|[A-Z][a-z]*\[[^\]]*\])$"
)


@cache
def _lists() -> dict[str, frozenset[str]]:
    return data.sections("us_records.txt", "archives")


@cache
def _archive_pattern(extra: frozenset[str]) -> re.Pattern[str]:
    names = sorted(_lists()["archives"] | extra, key=len, reverse=True)
    library = r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:Presidential\s+)?Library(?:\s+and\s+Museum)?"
    heads = "|".join([re.escape(n) for n in names] + [library])
    # An archive heads a location: at the start, after a comma or "in", and is followed by
    # its parts (a comma, a record group, a "henceforth") or ends the piece.
    return re.compile(
        rf"(?:^|(?<=,\s)|(?<=,”\s)|(?<=\sin\s)|(?<=\.\s))({heads})(?=\s*,|\s+RG\b|\s*\(|\s*\.?\s*$)"
    )


@cache
def _words_pattern(section: str) -> re.Pattern[str]:
    words = sorted(_lists()[section], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _central(series: str) -> bool:
    return any(series.startswith(c) for c in _lists()["central files"])


def _outside(text: str) -> list[bool]:
    """For each character: is it outside brackets and quotation marks?"""
    depth, quote, out = 0, False, []
    for ch in text:
        out.append(depth == 0 and not quote)
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch == "“":
            quote = True
        elif ch == "”":
            quote = False
    return out


def top_level(text: str, sep: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` between matches of ``sep`` outside brackets and quotation marks."""
    outside = _outside(text)
    cuts, i = [], 0
    while i < len(text):
        if outside[i] and text[i] not in "([“" and (m := sep.match(text, i)) and m.end() > i:
            cuts.append((i, m.end()))
            i = m.end()
            continue
        i += 1
    spans, start = [], 0
    for a, b in cuts:
        spans.append((start, a))
        start = b
    spans.append((start, len(text)))
    return spans


_COMMA = re.compile(r",\s*")
_AND = re.compile(r"\s+and\s+")
_LIST = re.compile(r",\s+and\s+|,\s+|\s+and\s+")


def split_top(text: str, sep: re.Pattern[str] = _COMMA) -> list[str]:
    """The non-blank pieces of ``text`` between top-level ``sep`` (commas by default)."""
    return [text[a:b].strip() for a, b in top_level(text, sep) if text[a:b].strip()]


# -- dates, names --------------------------------------------------------------


def strip_see(text: str) -> str:
    """ "See also X", "See, inter alia, X", "Quote from X" -> "X"."""
    return _SEE.sub("", text.strip())


def find_pages(text: str) -> tuple[str, int, int] | None:
    """The first "p. 5" / "pp. 33–61" / "pp. 2 and 58" in ``text``: pages in full, and where
    the "p." starts and the pages end."""
    m = _PAGES.search(text)
    if not m:
        return None
    following = "ff" if text.startswith("ff", m.end(2)) else ""  # "126–128ff."
    return expand_ranges(m.group(2)) + following, m.start(1), m.end(2) + len(following)


def document_date(text: str) -> tuple[str, int, int] | None:
    """The first full date (or month and year) at a comma in ``text``: ISO value and span."""
    m = _FULL_DATE.search(text)
    if m:
        return f"{m.group(3)}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", *m.span()
    m = _MONTH_YEAR.search(text)
    if m:
        return f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}", *m.span()
    return None


def _name_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)


def names_only(text: str) -> bool:
    found = names(text)
    return all(_name_like(n) for n in (found if isinstance(found, list) else [found]))


def names(text: str) -> str | list[str]:
    """ "Trask, Aandahl, Costrell, and Kogan" -> four names; "All Assistant Secretaries and
    Office Heads" stays one office. A list needs its final "and"."""
    text = text.strip(" ,")
    if not top_level(text, _AND)[1:] and ", and " not in text:
        return text
    parts = split_top(text, _LIST)
    offices = _words_pattern("offices")
    if len(parts) > 2 or not any(offices.search(p) for p in parts):
        return parts
    return text


# -- the document --------------------------------------------------------------


def _remarks(text: str, fields: dict[str, Any]) -> str:
    """Move what is said about a document beside it into ``remark`` / ``pinpoint``: a
    parenthesis in lower case ("(with attached …)", "(quote on p. 47)"), "[no date]" and
    what it is "attached to"; return the rest."""
    remarks: list[tuple[int, str]] = []
    kept = []
    last = 0
    for m in re.finditer(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        inner = m.group(1).strip()
        if not inner or not inner[0].islower():
            continue
        kept.append(text[last : m.start()])
        last = m.end()
        if re.match(r"(?:quotes?|especially)\b", inner):
            fields["pinpoint"] = inner
        else:
            remarks.append((m.start(), inner))
    kept.append(text[last:])
    text = "".join(kept)
    if m := _NO_DATE.search(text):
        remarks.append((-1, m.group(0)))
        text = text[: m.start()] + text[m.end() :]
    if m := _ATTACHED.search(text):
        remarks.append((10**6, _clean(text[m.end() :])))
        text = text[: m.start()]
    if remarks:
        said = "; ".join(r for _, r in sorted(remarks, key=lambda r: r[0]))
        fields["remark"] = re.sub(r"[,.]”", "”", said)
    return text


def _clean(text: str) -> str:
    """``citation_fields.clean`` but keeping a final period: a file or folder name may end
    in an abbreviation ("PR 10 Foreign Relations of U.S.", "Min. of Meeting 11/7/58")."""
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def parse_document(text: str) -> dict[str, Any]:
    """Fields of a document as cited before its location: parties, title, date, pages."""
    fields: dict[str, Any] = {}
    text = re.sub(r"^(?:[^“”]*?,\s+)?see\s+(?:also\s+)?(?=[a-z\[])", "", text.strip())
    text = re.sub(r"^and\s+", "", _SEE.sub("", text))
    if text == "passim" or text.endswith(" in passim"):
        fields["passim"] = True
        text = text[: -len("passim")].removesuffix(" in ").strip()
    text = _remarks(text, fields)
    if m := _PAGES.search(text):
        fields["pages"] = expand_ranges(m.group(2))
        text = text[: m.start()] + text[m.end() :]
    if q := re.search(r"“(.+?)(?:[,.]”|”\s*$)", text):
        fields["title"] = _clean(q.group(1))
        text = text[: q.start()] + text[q.end() :]
    if found := document_date(text):
        fields["date"], s, e = found
        head = text[:s]
    else:
        head = text
    if (day := re.search(rf"\s*\(({_MONTH})\s+(\d{{1,2}})\)", head)) and (
        year := re.search(r"\b(\d{4})\b", head)
    ):
        month = _MONTHS[day.group(1).lower()]
        fields.setdefault("date", f"{year.group(1)}-{month:02d}-{int(day.group(2)):02d}")
        head = head[: day.start()] + head[day.end() :]
    _parties(_clean(head), fields)
    return fields


def _parties(head: str, fields: dict[str, Any]) -> None:
    """ "A through V to B", "memorandum of conversation among A, B, and C", "A, report of …",
    "A memorandum", a title."""
    if not head:
        return
    documents = _words_pattern("documents")
    if m := re.match(r"^(.+?)\s+(?:among|between)\s+(.+)$", head):
        if documents.search(m.group(1)) and (
            m.group(1)[:1].islower() or documents.match(m.group(1))
        ):
            fields.setdefault("title", m.group(1))
            fields["participants"] = names(m.group(2))
            return
    if (m := re.match(r"^(.+?),\s+((?!and\b)[a-z].*)$", head)) and names_only(m.group(1)):
        fields["creator"] = names(m.group(1))  # "Robert B. Stewart, report of …"
        fields.setdefault("title", m.group(2))
        return
    to = top_level(head, re.compile(r"\s+to\s+"))
    if len(to) >= 2:
        creator = head[to[0][0] : to[0][1]]
        recipient = head[to[1][0] :]
        if lead := re.match(r"^((?:[a-z][\w-]*\s+)+(?:\[\?\]\s+)?)(?=[A-Z\[])", creator):
            fields.setdefault("title", lead.group(1).strip())
            creator = creator[lead.end() :]
        elif (kind := re.match(r"^(.+?)\s+from\s+(?=[A-Z\[])", creator)) and documents.match(
            kind.group(1)
        ):  # "Telegram from Roshchin to Stalin"
            fields.setdefault("title", kind.group(1))
            creator = creator[kind.end() :]
        via = top_level(creator, re.compile(r"\s+through\s+"))
        if len(via) == 2:
            fields["via"] = names(creator[via[1][0] :])
            creator = creator[: via[0][1]]
        fields["creator"] = names(_clean(creator))
        fields["recipient"] = names(_clean(recipient))
        return
    if m := re.match(r"^(.+?)\s+from\s+(.+)$", head):  # "congressional correspondence from A, B"
        if m.group(1)[:1].islower():
            fields.setdefault("title", m.group(1))
            fields["creator"] = names(m.group(2))
            return
    if m := re.match(r"^(.*?[A-Z][\w\]’'.-]*)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)*)$", head):
        if _name_like(m.group(1)) and documents.search(m.group(2)):  # "Perkins memorandum"
            fields["creator"] = m.group(1)
            fields.setdefault("title", m.group(2).strip())
            return
    if "title" in fields:
        if _name_like(head) or head.startswith("["):
            fields["creator"] = names(head)
        else:
            fields["remark"] = "; ".join(x for x in (head, fields.get("remark")) if x)
        return
    if head[:1].islower() or documents.search(head) or not _name_like(head):
        fields["title"] = head
    else:
        fields["creator"] = names(head)


# -- the location --------------------------------------------------------------


def parse_location(text: str) -> list[dict[str, Any]]:
    """ "NARA, RG 59, CFPF 1964–1966, PR 10 Foreign Relations of U.S." -> archive, record
    group, series, file; one dict per series and file the location lists."""
    base: dict[str, Any] = {}
    if m := _URL.search(text):
        base["url"] = m.group(1)
        text = text[: m.start()] + text[m.end() :]
    parts = split_top(_clean(text))
    head = parts.pop(0) if parts else ""
    if m := re.match(r"^(.+?)\s+((?:RG|Record Group)\s+\d+[A-Z]?)$", head):
        head, parts = m.group(1), [m.group(2), *parts]
    if m := _HENCEFORTH.search(head):
        base["abbreviation"] = _clean(m.group(1))
        head = head[: m.start()] + head[m.end() :]
    base["archive"] = _clean(head)
    if parts and _RECORD_GROUP.match(parts[0]):
        base["record_group"] = parts.pop(0)
    cleaned = []
    for p in parts:
        if m := _HENCEFORTH.search(p):
            base["abbreviation"] = _clean(m.group(1))
            p = _clean(p[: m.start()] + p[m.end() :])
        cleaned.append(p)
    parts = cleaned
    series: list[str] = []
    files: list[str] = []
    box = next((i for i, p in enumerate(parts) if _BOX.match(p)), None)
    if box is not None:
        base["box"] = _BOX.match(parts[box]).group(1)
        if parts[box + 1 :]:
            base["folder"] = ", ".join(parts[box + 1 :])
        series = [", ".join(parts[:box])] if parts[:box] else []
    elif parts and _central(parts[0]):
        series, rest = _series_list(parts)
        if rest:
            suffix = ", ".join(rest[:-1])
            series = [f"{s}, {suffix}" if suffix else s for s in series]
            files = [
                f for f in split_top(rest[-1], re.compile(r"\s+and\s+(?=[A-Z]{2,5}\s+\d|\d{3}\b)"))
            ]
    elif lot := next((i for i, p in enumerate(parts) if re.search(r"\bLot\b", p)), None):
        series = [", ".join(parts[: lot + 1])]
        if parts[lot + 1 :]:
            base["folder"] = ", ".join(parts[lot + 1 :])
    elif len(parts) == 1 and re.search(r"\d", parts[0]) and not re.search(r"\s", parts[0]):
        files = parts  # "CREST, CIA–RDP80B01676R000900080012–4"
    elif len(parts) >= 2:
        series = [", ".join(parts[:-1])]
        base["folder"] = parts[-1]
    elif parts:
        series = parts
    out = []
    for s in series or [None]:
        for f in files or [None]:
            item = dict(base)
            if s:
                item["series"] = s
            if f:
                item["file"] = f
            out.append(item)
    return out


def _series_list(parts: list[str]) -> tuple[list[str], list[str]]:
    """ "CFPF 1963", "1964–1966", "and 1967–1969" -> three central-file series; the rest."""
    series, prefix = [], ""
    for i, p in enumerate(parts):
        items = [x.removeprefix("and ").strip() for x in split_top(p, _AND)]
        ok = []
        for x in items:
            if m := re.fullmatch(rf"(\D+?)\s+{_YEARS}", x):
                if _central(x):
                    prefix = m.group(1)
                    ok.append(x)
                    continue
            if prefix and re.fullmatch(_YEARS, x):
                ok.append(f"{prefix} {x}")
                continue
            ok = []
            break
        if not ok:
            return series, parts[i:]
        series += ok
    return series, []


# -- a piece of a note ---------------------------------------------------------


@dataclass(slots=True)
class Record:
    """One cited document in its place: ``start``/``end`` in the piece, its fields, and how
    it got its location (``located``: its own; ``shared``: the location is introduced by
    "in" and also belongs to the documents before it that have none)."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    located: bool = False
    shared: bool = False
    other: bool = False  # not a U.S. record: a work the general parser reads
    place: dict[str, Any] = field(default_factory=dict)  # the location's fields alone
    place_at: tuple[int, int] | None = None  # where the location is printed in the piece
    defines: str | None = None  # an abbreviation the note defines for the archive


def location_at(text: str, known: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """Where the location of the document in ``text`` begins (outside brackets)."""
    outside = _outside(text)
    return next((m for m in _archive_pattern(known).finditer(text) if outside[m.start()]), None)


def mentions_location(text: str, known: frozenset[str] = frozenset()) -> bool:
    return bool(_archive_pattern(known).search(text))


_DOC_START = re.compile(r"^(?:[A-Z“\[]|[a-z]+\s)")


def _starts_document(text: str) -> bool:
    """After "and": does a new citation begin here (a document, or another work)?"""
    text = text.strip()
    if not _DOC_START.match(text) or re.match(r"^\d", text):
        return False
    if text[:1].islower() and not _words_pattern("documents").match(text):
        return False
    first = top_level(text, re.compile(r"(?<!,)\s+and\s+"))[0]
    body = text[: first[1]]
    return bool(
        document_date(body)
        or _NO_DATE.search(body)
        or "“" in body
        or _PAGES.search(body)
        or location_at(body)
    )


def _complete(text: str, known: frozenset[str], after: str) -> bool:
    """Is ``text`` a whole citation before "and" (a date, a location or pages, or a title
    with a letter after it: "report on FRUS consultations and Trask to Consultants, …")?"""
    if document_date(text) or location_at(text, known) or _PAGES.search(text):
        return True
    title = re.sub(r"^[^,]*,\s+(?=[a-z])", "", text.strip())  # "Baehler, report on …"
    return bool(
        _words_pattern("documents").match(title)
        and top_level(after.split(",")[0], re.compile(r"\s+to\s+"))[1:]
    )


def split_documents(text: str, known: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Cut a piece at each "and" that ends one cited document and begins another."""
    out, start = [], 0
    spans = top_level(text, _AND)
    cuts = [(a_end, b_start) for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)]
    for a, b in cuts:
        if _complete(text[start:a], known, text[b:]) and _starts_document(text[b:]):
            out.append((start, a))
            start = b
    out.append((start, len(text)))
    return out


def _titles(text: str) -> list[str]:
    """ "“Agenda Item 4: …, Group A,” “Group B,” and “Group C,”": several documents by title."""
    found = re.findall(r"“([^“”]+?)[,.]?”", text)
    rest = re.sub(r"“[^“”]+”|,|\band\b|\s", "", strip_see(text))
    return [_clean(t) for t in found] if len(found) > 1 and not rest else []


_TWO_DAYS = re.compile(
    rf"\b({_MONTH})\s+(\d{{1,2}})\s+and\s+(?=({_MONTH})\s+\d{{1,2}},?\s+(\d{{4}}))"
)


def _dated_documents(doc: str) -> list[dict[str, Any]]:
    """One document, or one per day where a note dates two letters of the same parties at
    once ("Noble to Winnacker, March 6 and March 28, 1956")."""
    if not doc.strip():
        return [{}]
    if m := _TWO_DAYS.search(doc):
        first = f"{doc[: m.start()]}{m.group(1)} {m.group(2)}, {m.group(4)}"
        return [parse_document(first), parse_document(doc[: m.start()] + doc[m.end() :])]
    return [parse_document(doc)]


def looks_like_document(text: str) -> bool:
    """A document cited without its location yet ("Franklin to John Snell, April 27, 1965")."""
    text = strip_see(text)
    found = document_date(text) or _NO_DATE.search(text)
    if not found:  # undated, a title alone: "Baehler, report on FRUS consultations"
        title = re.sub(r"^[A-Z][^,]{0,40},\s+(?=[a-z])", "", text)
        return len(text.split()) <= 10 and bool(_words_pattern("documents").match(title))
    if not text[:1].isalpha() and text[:1] not in "[“":
        return False
    head = text[: found[1] if isinstance(found, tuple) else found.start()]
    head = re.sub(r"\([^()]*\)", "", head)  # "(with attached …)" is said beside it
    return bool(
        len(head.split()) <= 14
        and (
            top_level(head, re.compile(r"\s+to\s+"))[1:] or _words_pattern("documents").search(head)
        )
    )


_PARTY_WORD = re.compile(r"^(?:[A-Z\d“(][^\s]*|of|and|the|for|in|on|at|through|de|von|van)$")


def is_letter(text: str) -> bool:
    """ "Carr to Root, June 15, 1908" / "Hanna memorandum of April 3, 1907": a document by
    its parties (or its writer and kind) and a full date, nothing after the date."""
    text = strip_see(text).rstrip(" .")
    found = _FULL_DATE.search(text)
    if not found or text[found.end() :].strip(" ,.") or not looks_like_document(text):
        return False
    head = re.sub(r"\([^()]*\)|\[[^\]]*\]", "", text[: found.start()]).strip(" ,")
    to = top_level(head, re.compile(r"\s+to\s+"))
    if to[1:]:  # the parties are names or offices, not a clause ("Mao told Zhou to wait")
        return all(_PARTY_WORD.match(w) for w in head.replace(",", " ").split() if w != "to")
    return bool(
        re.match(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+[a-z]", head)
        and _words_pattern("documents").search(head)
    )


def read_piece(text: str, known: frozenset[str] = frozenset()) -> list[Record] | None:
    """The U.S. records cited in one piece of a note, in order, with the other works cut
    from it (``other``); None when it cites no U.S. record."""
    records = []
    for s, e in split_documents(text, known):
        part = text[s:e]
        loc = location_at(part, known)
        if loc is None:
            if looks_like_document(part):
                records.append(Record(s, e, parse_document(part)))
            else:
                records.append(Record(s, e, other=True))
            continue
        doc = part[: loc.start()]
        shared = bool(re.search(r"\s+in\s+$", doc))
        doc = re.sub(r"(?:,|\s+in)\s*$", "", doc.rstrip()).rstrip(" .,")
        places = parse_location(part[loc.start() :])
        titles = _titles(doc)
        docs = [{"title": t} for t in titles] if titles else _dated_documents(doc)
        defined = _HENCEFORTH.match(part, loc.end())
        # two letters in two files ("March 6 and March 28, 1956, …, 023.1/3–656 and
        # 023.1/3–2056") pair in order; otherwise each document is in each place
        pairs = (
            list(zip(docs, places, strict=True))
            if len(docs) == len(places) > 1
            else [(f, p) for f in docs for p in places]
        )
        for fields, place in pairs:
            records.append(
                Record(
                    s,
                    e,
                    fields | place,
                    located=True,
                    shared=shared or not doc.strip(),
                    place=place,
                    place_at=(s + loc.start(), e),
                    defines=_clean(defined.group(1)) if defined else None,
                )
            )
    return records if any(not r.other for r in records) else None
