"""The fields every kind of citation shares, as notes print them: dates, names, pages,
publication brackets, "hereafter" abbreviations, italic spans, a document's parties."""

from __future__ import annotations

import re

from historiograph.stages.ranges import expand_ranges

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_MDY = re.compile(rf"\b{MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})\b")
PAGES = r"\d+[a-z]?(?:\s*[-–—]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*"
TRAILING_PAGES = re.compile(rf"(?:,|:)\s*(?:pp?\.\s*)?({PAGES})\s*\.?\s*$")
PUBLICATION = re.compile(r"\(([^()]*?)\b(\d{4})\)")
QUOTED = re.compile(r"[“\"](.+?)[,.]?[”\"]")
HEREAFTER = re.compile(
    r"[(\[,]\s*(?:hereafter|henceforth)(?:\s+cited\s+as)?\s+([^)\]]+?)\s*[)\]]", re.I
)
VOLUME = re.compile(r"\b(?:vol\.|volume)\s*([0-9IVXLC]+)\b", re.I)
ISSUE = re.compile(r"\bno\.\s*(\d+)", re.I)
SEASONS = re.compile(
    r"^(Spring|Summer|Fall|Autumn|Winter|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b",
    re.I,
)
ROLE_INITIALS = re.compile(r"\b[A-Z]\.\s")
TRANSLATION = re.compile(r"^\s*\[[^\]]*\]")


def iso_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``, with its match."""
    m = DATE_MDY.search(text)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", m
    m = DATE_DMY.search(text)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}", m
    return None


def split_names(text: str) -> list[str]:
    """ "Sergei N. Goncharov, John W. Lewis, and Xue Litai" -> three names."""
    text = re.sub(r",?\s+et al\.?$", "", text.strip().rstrip(","))
    parts = re.split(r",\s+and\s+|\s+and\s+|,\s+", text)
    return [p.strip() for p in parts if p.strip()]


def names_and_role(text: str) -> tuple[str, list[str]]:
    """Author segment -> ("authors" | "editors", names)."""
    m = re.search(r",?\s*\beds?\.?\s*,?\s*$", text)
    if m:
        return "editors", split_names(text[: m.start()])
    return "authors", split_names(text)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def pages_at_end(text: str) -> tuple[str, int] | None:
    m = TRAILING_PAGES.search(text)
    return (expand_ranges(m.group(1)), m.start()) if m else None


def publication(text: str) -> tuple[dict[str, str], re.Match[str]] | None:
    """ "(New York, 1960)" -> place, year; "(Spring 1952)" -> year only."""
    m = PUBLICATION.search(text)
    if not m:
        return None
    out = {"year": m.group(2)}
    place = clean(m.group(1))
    if place and not SEASONS.match(place) and place.lower() != "unpublished":
        where, colon, publisher = place.partition(": ")  # "Stanford: Stanford University Press"
        out["place"] = where
        if colon and publisher:
            out["publisher"] = publisher
    return out, m


def in_italics(start: int, end: int, italics: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in italics if s >= start and e <= end]


def hereafter(text: str) -> str | None:
    m = HEREAFTER.search(text)
    return clean(m.group(1)).strip("*") if m else None


def creator_recipient(title: str) -> dict[str, str]:
    """Sender and addressee of an archival document, from its descriptive title."""
    patterns = (
        r"\b(?:[Ff]rom|by)\s+(?P<c>.+?)\s+to\s+(?P<r>.+?)(?:\s+via\s+.+)?$",
        r"^(?P<c>.+?)[’']s?\s+(?:\w+\s+){0,3}?(?:to)\s+(?P<r>.+?)(?:\s+via\s+.+)?$",
        r"^(?:Statement|Letter|Telegram|Message|Cable|Note|Report|Memorandum)\s+of\s+(?P<c>.+?)"
        r"\s+to\s+(?P<r>.+?)(?:\s+via\s+.+)?$",
        r"^(?P<c>.+?)\s+(?:[Jj]oint\s+)?(?:Telegram|Letter|Cable|Message|Note)\s+to\s+(?P<r>.+?)"
        r"(?:\s+via\s+.+)?$",
    )
    for pattern in patterns:
        m = re.search(pattern, title)
        if m:
            creator = m.group("c")
            creator = re.sub(r"[’']s?$", "", creator)
            initial = ROLE_INITIALS.search(creator)
            if initial and initial.start() > 0:
                creator = creator[initial.start() :]  # "Soviet Defense Minister A. M. Vasilevsky"
            recipient = re.sub(r"^the\s+", "", clean(m.group("r")))
            return {"creator": clean(creator), "recipient": recipient}
    return {}


# A web address as printed, without the punctuation that closes its sentence.
URL = re.compile(r"https?://[^\s)]+[^\s).,;]")
