"""One piece of a footnote as a structured citation (Chicago-style notes of history writing).

A piece is a citation of one kind (archival, frus, book, article, chapter, report,
periodical, web, manuscript, interview, ibid, short) or commentary (``None``). Fields are
taken as printed; page and folio ranges are written in full. Italics from the source
mark book and journal titles. How a note is cut into pieces is ``stages/footnotes.py``;
U.S. records ``stages/us_records.py``; resolution of ibid, short forms and "hereafter"
abbreviations ``stages/resolve.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from historiograph.stages import congress, press, us_records
from historiograph.stages.citation_fields import (
    ISSUE,
    MONTHS,
    PAGES,
    PUBLICATION,
    QUOTED,
    TRANSLATION,
    URL,
    VOLUME,
    clean,
    creator_recipient,
    hereafter,
    in_italics,
    iso_date,
    names_and_role,
    pages_at_end,
    publication,
    split_names,
)
from historiograph.stages.misprints import abbreviation_for
from historiograph.stages.ranges import expand_ranges
from historiograph.stages.shelfmarks import canonical_archive, find_shelfmark


@dataclass(slots=True)
class Citation:
    """One citation in a note; ``start``/``end`` are offsets in the note text."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    refers_to: tuple[int, int] | None = None  # (note number, index) of the full citation
    location_at: tuple[int, int] | None = None  # where its location is printed, if elsewhere

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, **self.fields}
        if self.refers_to is not None:
            out["refers_to"] = {"n": self.refers_to[0], "i": self.refers_to[1]}
        if self.kind == "unparsed":
            out["parsed"] = False
        return out


@dataclass(slots=True)
class ParsedNote:
    n: int | None
    text: str
    citations: list[Citation]
    commentary: list[tuple[int, int]]

    @property
    def has_commentary(self) -> bool:
        return bool(self.commentary)


# -- the kinds -------------------------------------------------------------------


def _title_before_date(text: str) -> tuple[dict[str, str], int]:
    """Document title and date of "Telegram from X to Y, July 5, 1950, …"; returns end of date."""
    found = iso_date(text)
    if not found:
        return {}, 0
    date, m = found
    return {"title": clean(text[: m.start()]), "date": date}, m.end()


def _parse_archival(text: str) -> dict[str, Any] | None:
    found = find_shelfmark(text)
    if not found:
        return None
    m, mark = found
    fields, after_date = _title_before_date(text[: m.start()])
    if not fields:
        fields = {"title": clean(text[: m.start()])} if clean(text[: m.start()]) else {}
    abbreviation = hereafter(text[: m.start()])
    if abbreviation:
        archive = abbreviation
        fields["abbreviation"] = abbreviation
    else:
        archive = clean(text[after_date : m.start()]) if after_date else clean(text[: m.start()])
        archive = canonical_archive(archive.split(",")[-1].strip()) if archive else ""
    if archive:
        fields["archive"] = archive
    fields |= {"fond": mark.fond, "opis": mark.opis, "delo": mark.delo}
    if mark.folios:
        fields["folios"] = mark.folios
    if "title" in fields:
        fields |= creator_recipient(fields["title"])
    return fields


def _parse_frus(text: str) -> dict[str, Any]:
    fields, _ = _title_before_date(text)
    if not fields and (q := QUOTED.match(text.strip())):
        fields["title"] = clean(q.group(1))  # "Editorial Note," FRUS, 1950, …
    if "Foreign Relations of the United States" in text:
        fields["container"] = "Foreign Relations of the United States"
    abbreviation = hereafter(text)
    if abbreviation:
        fields["abbreviation"] = abbreviation
    series = re.search(
        r"(?:FRUS|Foreign Relations of the United States)\W+(?:\([^)]*\)\W*)?(\d{4}(?:[–-]\d{2,4})?)",
        text,
    )
    if series:
        fields["year"] = series.group(1)
    if online := re.search(r",\s+Document\s+(\d+)", text):
        # the Office of the Historian's style: "FRUS, 1961–1963, vol. XXV, Title, Document 41 (URL)"
        fields["doc"] = online.group(1)
        between = text[series.end() : online.start()] if series else ""
        parts = [p for p in re.split(r",\s+", between.strip(" ,")) if p and not VOLUME.match(p)]
        if parts:
            fields.pop("title", None)
            fields.pop("date", None)
            fields["title"] = ", ".join(parts)
        # "NSC Intelligence Directive 11, January 6, 1950 is printed in Foreign Relations …":
        # what is printed there, and its date
        if printed := re.match(r"^(.+?)\s+(?:is|are|was|were)\s+(?:re)?printed\s+in\s+", text):
            what = printed.group(1)
            if found := iso_date(what):
                fields["date"] = found[0]
                what = what[: found[1].start()]
            fields["remark"] = clean(what)
        if url := URL.search(text, online.end()):
            fields["url"] = url.group()
    if vol := VOLUME.search(text):
        fields["volume"] = vol.group(1)
    if part := re.search(r"\b(?:pt\.|part)\s*(\d+|[IVX]+)\b", text, re.I):
        fields["part"] = part.group(1)
    if series and "volume" not in fields:
        # the short style: "FRUS, 1949, 7(2): 987", "FRUS 1950, 7: 915–17"
        if short := re.match(r"\s*,?\s*([0-9IVXL]+)(?:\s*\((\d+)\))?\s*:", text[series.end() :]):
            fields["volume"] = short.group(1)
            if short.group(2):
                fields["part"] = short.group(2)
    if ed := re.search(r"\bed\.\s+([^()]+?)\s*\(", text):
        fields["editors"] = split_names(ed.group(1))
    if pub := PUBLICATION.search(text):
        place = re.sub(r",?\s*$", "", pub.group(1)).strip()
        if place:
            fields["place"] = place
    doc = re.search(r"\bdoc\.\s*(\d+)(?:,\s*(" + PAGES + "))?", text)
    if "doc" in fields:
        pass
    elif doc:
        fields["doc"] = doc.group(1)
        if doc.group(2):
            fields["pages"] = expand_ranges(doc.group(2))
    elif pages := pages_at_end(text):
        fields["pages"] = pages[0]
    return fields


def _parse_ibid(text: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    m = re.search(r"\bibid\.?", text, re.I)
    assert m is not None
    head = text[: m.start()]
    if pages := pages_at_end(text[m.end() :] if m.end() < len(text) else ""):
        fields["pages"] = pages[0]
    if vol := VOLUME.search(text[m.end() :]):
        fields["volume"] = vol.group(1)
    if head.strip():
        if found := iso_date(head):
            fields["date"] = found[0]
        owner = re.match(r"^(.+?)[’']s\s", head)
        if owner:
            fields["creator"] = clean(owner.group(1))
        else:
            fields |= {k: v for k, v in creator_recipient(clean(head)).items() if k == "creator"}
    return fields


def _split_head(text: str, title_start: int) -> tuple[str, list[str]] | None:
    head = clean(text[:title_start])
    return names_and_role(head) if head else None


def _after_title(text: str, pos: int, fields: dict[str, Any]) -> None:
    """Fields after a title: [translation], hereafter, vol., (place, year), pages."""
    rest = text[pos:]
    rest = TRANSLATION.sub("", rest) if TRANSLATION.match(rest) else rest
    if abbreviation := hereafter(text[pos:]):
        fields["abbreviation"] = abbreviation
    if vol := VOLUME.search(rest):
        fields["volume"] = vol.group(1)
    if pub := publication(rest):
        fields |= pub[0]
        tail = rest[pub[1].end() :]
        if pages := pages_at_end(tail):
            fields["pages"] = pages[0]
    elif pages := pages_at_end(rest):
        fields["pages"] = pages[0]


def _parse_quoted_work(
    text: str, italics: list[tuple[int, int]]
) -> tuple[str, dict[str, Any]] | None:
    """Article, chapter or report: a quoted title."""
    q = QUOTED.search(text)
    if not q:
        return None
    head = text[: q.start()]
    if head.strip() and not re.search(r"[,:]\s*$", head):
        return None  # a quotation inside a title: "That Noble Dream: The “Objectivity Question” …"
    fields: dict[str, Any] = {"title": clean(q.group(1))}
    rest_start = q.end()
    rest = text[rest_start:]
    if re.match(r"^\s*,?\s*in\s", rest):  # chapter: "…,” in *Book*, ed. X (Place, Year), pages
        if head.strip():
            role, names = names_and_role(clean(head))
            fields[role] = names
        container = in_italics(rest_start, len(text), italics)
        if container:
            s, e = container[0]
            fields["container"] = clean(text[s:e])
            after = text[e:]
        elif unmarked := re.match(r"\s*,?\s*in\s+([^()]+?),\s+eds?\.,\s+([^()]+?)\s*(?=\()", rest):
            # "…,” in Frank Costigliola and Michael J. Hogan, eds., America in the World (…)"
            fields["editors"] = split_names(unmarked.group(1))
            fields["container"] = clean(unmarked.group(2))
            after = rest[unmarked.end() :]
        else:
            after = rest
        if "editors" not in fields and (
            ed := re.search(r"\beds?\.\s+(.+?)\s*(?:\(|,\s*vol\.|$)", after)
        ):
            fields["editors"] = split_names(ed.group(1))
        _after_title(after, 0, fields)
        return "chapter", fields
    containers = in_italics(rest_start, len(text), italics)
    pub = PUBLICATION.search(rest)
    if containers or (pub and re.match(r"\s*(?::|,\s*pp?\.)", rest[pub.end() :])):
        # article: "*Journal* 33, no. 2 (2010): 211–30"
        if containers:
            s, e = containers[0]
            fields["container"] = clean(text[s:e])
            after = text[e:]
            # "*Cold War International History Project* (hereafter *CWIHP*) *Bulletin*": the
            # abbreviation defined inside the journal's name; the name is both parts.
            if (split := _HEREAFTER_GAP.match(text, e)) and (
                tail := next(((a, b) for a, b in containers if a == split.end()), None)
            ):
                fields["container"] = f"{fields['container']} {clean(text[tail[0] : tail[1]])}"
                fields["abbreviation"] = clean(split.group(1))
                after = text[tail[1] :]
        else:
            container = re.match(r"\s*,?\s*([^\d\[(]+?)\s*(?:\[[^\]]*\]\s*)?[\d(]", rest)
            if container:
                fields["container"] = clean(container.group(1))
            after = rest
        if head.strip():
            role, names = names_and_role(clean(head))
            fields[role] = names
        after = (
            TRANSLATION.sub("", after.lstrip(" ,"))
            if TRANSLATION.match(after.lstrip(" ,"))
            else after
        )
        vol = re.match(r"\s*,?\s*(\d+(?:/\d+)?)", after)
        if vol:
            fields["volume"] = vol.group(1)
        if issue := ISSUE.search(after):
            fields["issue"] = issue.group(1)
        if pub := publication(after):
            fields["year"] = pub[0]["year"]
            month = re.match(r"\(\s*([A-Z][a-z]+)\s+\d{4}\)", pub[1].group())
            if month and "volume" not in fields and month.group(1).lower() in MONTHS:
                # "Review (June 1958)": with no volume printed, the month names the issue
                fields["date"] = f"{pub[0]['year']}-{MONTHS[month.group(1).lower()]:02d}"
            if pages := pages_at_end(after[pub[1].end() :]):
                fields["pages"] = pages[0]
        if pub is not None or containers:
            return "article", fields
    if only_pages := re.fullmatch(rf"\s*[,:]?\s*({PAGES})\s*\.?\s*", rest):
        # A short form by quoted title: Mao Zedong, "Mao Zedong's telegram …," 8.
        if head.strip():
            fields["authors"] = split_names(clean(head))
        fields["pages"] = expand_ranges(only_pages.group(1))
        return "short", fields
    return None


# "CIA Intelligence Report, “…”": a document-type word right before the quoted title.
_REPORT_HEAD = re.compile(
    r"^[A-Z][\w .&/-]{0,60}\b(?:Report|report|Memorandum|Estimate|Cable|Dispatch|Summary|Bulletin)"
    r"\s*,?\s*$"
)


def _parse_report(text: str) -> dict[str, Any] | None:
    q = QUOTED.search(text)
    if not q or not _REPORT_HEAD.search(text[: q.start()].strip()):
        return None
    fields: dict[str, Any] = {"title": clean(q.group(1))}
    rest = text[q.end() :]
    found = iso_date(rest)
    series = clean(rest[: found[1].start()] if found else rest)
    if series:
        num = re.search(r"\s+(\d+)$", series)
        if num:
            fields["issue"] = num.group(1)
            series = series[: num.start()]
        fields["container"] = clean(series)
    if found:
        fields["date"] = found[0]
        where = clean(rest[found[1].end() :])
        abbreviation = hereafter(where)
        if abbreviation:
            fields["abbreviation"] = abbreviation
            fields["archive"] = abbreviation
        elif where and not re.search(r"\d", where):
            fields["archive"] = where
    return fields


def _parse_book_like(
    text: str, italics: list[tuple[int, int]]
) -> tuple[str, dict[str, Any]] | None:
    """Book, periodical, manuscript, or short form: an italic title (or a known abbreviation)."""
    titles = in_italics(0, len(text), italics)
    fields: dict[str, Any] = {}
    if titles:
        s, e = titles[0]
        fields["title"] = clean(text[s:e])
        title_start, title_end = s, e
    else:
        # Unmarked title: "Name, Title, pages" or "Name, Title (Place, Year), pages".
        parts = [p for p in re.split(r",\s+", text)]
        if len(parts) < 2:
            return None
        pub = PUBLICATION.search(text)
        if pub:
            pre = text[: pub.start()]
            cut = pre.rfind(", ")
            if len(parts) > 2 and us_records.names_only(parts[0]):
                cut = len(parts[0])  # "Melvyn P. Leffler, A Preponderance of Power: …, and …"
            title_start = cut + 2 if cut > 0 else 0
            title_end = len(pre.rstrip())
        else:
            title_start = len(parts[0]) + 2
            title_end = title_start + len(parts[1])
        fields["title"] = clean(text[title_start:title_end])
    head = _split_head(text, title_start)
    if head:
        fields[head[0]] = head[1]
    rest = text[title_end:]
    pub = publication(rest)
    unpublished = re.search(r"\(unpublished\)|\bunpublished\b", rest, re.I)
    if unpublished:
        _after_title(text, title_end, fields)
        fields.pop("year", None)
        return "manuscript", fields
    if pub:
        _after_title(text, title_end, fields)
        return "book", fields
    if titles and not clean(rest):
        return "book", fields  # a reference cut short after its title
    found = iso_date(rest)
    issue = ISSUE.search(rest)
    if found and issue and "authors" not in fields:
        # A newspaper or bulletin issue: "*Neibu cankao*, July 1, 1950, no. 171, 1-3".
        if abbreviation := hereafter(rest):
            fields["abbreviation"] = abbreviation
        fields["date"] = found[0]
        fields["issue"] = issue.group(1)
        if pages := pages_at_end(rest[issue.end() :]):
            fields["pages"] = pages[0]
        return "periodical", fields
    return None


def _parse_short(
    text: str, italics: list[tuple[int, int]], abbreviations: set[str]
) -> dict[str, Any] | None:
    """ "Torkunov, *The War in Korea*, 94-95" / "*JYMZW*, vol. 1, 469" / "NBCK, July 4, 1950, no. 172, 12"."""
    pages = pages_at_end(text)
    if not pages:
        return None
    body = text[: pages[1]]
    fields: dict[str, Any] = {}
    titles = in_italics(0, len(body), italics)
    first = re.match(r"\s*([^,]+)", body)
    if first and abbreviation_for(clean(first.group(1)).strip("*"), abbreviations):
        fields["title"] = clean(first.group(1)).strip("*")
        rest = body[first.end() :]
    elif titles:
        s, e = titles[0]
        if pages[1] < e:
            return None  # the "pages" are part of the title ("*Zhou Enlai nianpu: 1898-1949*")
        fields["title"] = clean(text[s:e])
        if clean(text[:s]):
            fields["authors"] = split_names(clean(text[:s]))
        rest = body[e:]
    else:
        parts = re.split(r",\s+", body.strip())
        if len(parts) < 2 or len(parts[0].split()) > 4 or not parts[0][:1].isupper():
            return None
        fields["authors"] = split_names(parts[0])
        fields["title"] = clean(parts[1])
        rest = ", ".join(parts[2:])
    if vol := VOLUME.search(rest):
        fields["volume"] = vol.group(1)
    if found := iso_date(rest):
        fields["date"] = found[0]
    if issue := ISSUE.search(rest):
        fields["issue"] = issue.group(1)
    fields["pages"] = pages[0]
    return fields


def looks_like_citation_start(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first in '*“"‘'


_HEREAFTER_GAP = re.compile(r"\s*\((?:hereafter|henceforth)(?:\s+cited\s+as)?\s+([^)]+?)\s*\)\s*")
_PINPOINT = re.compile(r"\s*\(((?:quotes?|especially)\b[^()]*)\)")


def parse_piece(
    text: str, italics: list[tuple[int, int]], abbreviations: set[str]
) -> tuple[str, dict[str, Any]] | None:
    """One citation's kind and fields, or None when the piece is commentary. Where the note
    points inside the work ("(quote from p. 605)") is its ``pinpoint``; a page printed
    right after the volume without its comma ("vol. 1 126") is read as if it had one."""
    if gap := re.search(r"\b(?:vol\.|volume)\s*[0-9IVXLC]+( )(?=\d+(?:[-–]\d+)?\.?\s*$)", text):
        text = text[: gap.start(1)] + "," + text[gap.start(1) :]  # same length before it
        italics = [
            (a, b + (b > gap.start(1))) if a < gap.start(1) else (a + 1, b + 1) for a, b in italics
        ]
    pinpoint = _PINPOINT.search(text)
    if pinpoint is None:
        return _parse_piece(text, italics, abbreviations)
    shift = pinpoint.end() - pinpoint.start()
    rest = text[: pinpoint.start()] + text[pinpoint.end() :]
    local = [
        (s - shift, e - shift) if s >= pinpoint.end() else (s, e)
        for s, e in italics
        if not pinpoint.start() <= s < pinpoint.end()
    ]
    parsed = _parse_piece(rest, local, abbreviations)
    if parsed is not None:
        parsed[1]["pinpoint"] = pinpoint.group(1)
    return parsed


def _parse_piece(
    text: str, italics: list[tuple[int, int]], abbreviations: set[str]
) -> tuple[str, dict[str, Any]] | None:
    if re.search(r"(?:^|,\s*)ibid\.?(?:,|\s|$)", text, re.I):
        return "ibid", _parse_ibid(text)
    if archival := _parse_archival(text):
        return "archival", archival
    if re.search(r"\bFRUS\b|Foreign Relations of the United States", text):
        frus = _parse_frus(text)
        if frus.keys() & {"year", "volume", "doc", "pages"}:  # not prose that names the series
            return "frus", frus
    first = re.match(r"\s*([^,]+),", text)
    if first and abbreviation_for(clean(first.group(1)).strip("*"), abbreviations):
        # A work cited by the abbreviation an earlier note defined ("*NBCK*, July 4, 1950 …").
        if (short := _parse_short(text, italics, abbreviations)) is not None:
            return "short", short
    if cited := re.search(r",\s+cited\s+(?:from|in)\s+", text):
        return _parse_cited_from(text, cited, italics, abbreviations)
    if re.search(r"\binterview\b", text, re.I) and iso_date(text):
        fields, _ = _title_before_date(text)
        return "interview", fields
    if (report := _parse_report(text)) is not None and not PUBLICATION.search(text):
        return "report", report
    if (periodical := press.parse_periodical(text)) is not None:
        return "periodical", periodical
    if (web := press.parse_web(text)) is not None:
        return "web", web
    if (congressional := congress.parse_congress(text)) is not None:
        return congressional
    if not italics and us_records.is_letter(text):
        # "Carr to Root, June 15, 1908": a document by its parties and date, where it is
        # kept not printed (or printed in a later note)
        return "archival", us_records.parse_document(text)
    if quoted := _parse_quoted_work(text, italics):
        return quoted
    if book := _parse_book_like(text, italics):
        return book
    if (short := _parse_short(text, italics, abbreviations)) is not None:
        return "short", short
    return None


def _parse_cited_from(
    text: str, cited: re.Match[str], italics: list[tuple[int, int]], abbreviations: set[str]
) -> tuple[str, dict[str, Any]] | None:
    """ "Telegram from X to Y, <date>, cited from <collection>": the collection, with the document's
    title, date, creator and recipient kept beside it (``document``)."""
    source = text[cited.end() :]
    shift = cited.end()
    parsed = parse_piece(
        source, [(s - shift, e - shift) for s, e in italics if s >= shift], abbreviations
    )
    if parsed is None:
        return None
    kind, fields = parsed
    document, _ = _title_before_date(text[: cited.start()])
    if document:
        fields["document"] = document["title"]
        fields["date"] = document["date"]
        fields |= creator_recipient(document["title"])
    return kind, fields
