"""Newspaper and magazine articles and web pages, as notes cite them without italics.

"Tim Weiner, “Lawrence Houston, 82, Dies,” New York Times, August 17, 1995, http://…";
"“Action Ordered on Papers,” New York Times, March 15, 1972, p. 25"; "Central Intelligence
Agency, FOIA Electronic Reading Room, http://…". A periodical is a quoted title, the
paper's name and the day of the issue; a web page is a publisher, a title and an address.
"""

from __future__ import annotations

import re
from typing import Any

from historiograph.stages.citation_fields import URL
from historiograph.stages.ranges import expand_ranges
from historiograph.stages.us_records import document_date, names, names_only

_ISSUE = re.compile(
    r"^“(?P<title>.+?)[,.]?”\s*,?\s*(?P<container>[A-Z][^,“”\d]*?),\s+(?P<date>[A-Z][a-z]+\s+(?:\d{1,2},\s+)?\d{4})"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pages>[A-Z]?\d+[\w–-]*(?:(?:,\s*|\s+and\s+)\d+[\d–-]*)*))?"
    rf"(?:,\s*(?P<url>{URL.pattern}))?\s*\.?$"
)
_WEB = re.compile(
    r"^(?:Available\s+(?:at|from)\s+)?(?P<publisher>[A-Z][^,“”]+),\s+(?P<title>[^,“”]+),\s+"
    rf"(?P<url>{URL.pattern})\s*\.?$"
)


def parse_periodical(text: str) -> dict[str, Any] | None:
    """ "[Author,] “Title,” Paper, Month D, YYYY[, p. N][, URL]" -> fields; None otherwise."""
    quote = text.find("“")
    if quote < 0:
        return None
    m = _ISSUE.match(text[quote:].strip())
    if not m:
        return None
    fields: dict[str, Any] = {}
    head = text[:quote].strip(" ,")
    if head and not names_only(head):
        return None  # "CIA Intelligence report, “…,” Weekly Summary": a report, not a paper
    if head:
        people = names(head)
        fields["authors"] = people if isinstance(people, list) else [people]
    fields["title"] = m.group("title").strip()
    fields["container"] = m.group("container").strip()
    found = document_date(m.group("date"))
    if found:
        fields["date"] = found[0]
    if m.group("pages"):
        fields["pages"] = expand_ranges(m.group("pages"))
    if m.group("url"):
        fields["url"] = m.group("url")
    return fields


def parse_web(text: str) -> dict[str, Any] | None:
    """ "Publisher, Title, URL" -> a web page; None otherwise."""
    m = _WEB.match(text.strip())
    if not m:
        return None
    return {
        "title": m.group("title").strip(),
        "publisher": m.group("publisher").strip(),
        "url": m.group("url"),
    }
