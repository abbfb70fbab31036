"""Congress as notes cite it: hearings, the Congressional Record, reports and documents,
statutes.

"Hearings, Sundry Civil Appropriation Bill for 1908, 59th Cong., 2nd Sess., House,
Committee on Appropriations, January 05, 1907, pp. 839–845" is a ``hearing``;
"Congressional Record - Senate, July 29, 1991, p. 20249" the ``congressional-record``;
"34 Stat. 697, Public Law 59–383, …" ``legislation``; "Revision of Printing Laws, 64th
Cong., 1st Sess., S. Rpt. 183 (Serial 6897), pp. 83–84" a ``congressional`` report or
document. Fields as printed: ``title``, ``congress``, ``session``, ``chamber``,
``committee``, ``series`` (S. Rpt. 183, H. Doc. 12, Public Law 59–383), ``volume``,
``date``, ``pages``.
"""

from __future__ import annotations

import re
from typing import Any

from historiograph.stages.us_records import document_date, find_pages, split_top, strip_see

_CONGRESS = re.compile(r"\b(\d+(?:st|nd|rd|th))\s+Cong\.")
_SESSION = re.compile(r"\b(\d+(?:st|nd|rd|th))\s+Sess\.")
_RECORD = re.compile(r"^(?:See,?\s+)?Congressional Record\b(?:\s*[-–—]\s*(House|Senate))?")
_STATUTE = re.compile(r"^(\d+\s+Stat\.\s+\d+|Public Law\s+[\d–-]+)")
_SERIES = re.compile(
    r"\b((?:[SH]\.\s?(?:Rpt|Rept|Doc|Res|Con\.\s?Res|J\.\s?Res)\.|Public Law|Pub\.\s?L\.)\s*[\d–-]+)"
)


def parse_congress(text: str) -> tuple[str, dict[str, Any]] | None:
    """The kind and fields of a congressional source, or None when ``text`` is not one."""
    text = strip_see(text).rstrip(" .")
    record = _RECORD.match(text)
    statute = _STATUTE.match(text)
    congress = _CONGRESS.search(text)
    if not (record or statute or congress):
        return None
    fields: dict[str, Any] = {}
    if congress:
        fields["congress"] = f"{congress.group(1)} Cong."
    if session := _SESSION.search(text):
        fields["session"] = f"{session.group(1)} Sess."
    pieces = split_top(text)
    if chamber := next((p for p in pieces if p in ("House", "Senate")), None):
        fields["chamber"] = chamber
    if committee := next((p for p in pieces if re.search(r"\bCommittee\b", p)), None):
        fields["committee"] = committee
    if series := _SERIES.search(text):
        fields["series"] = series.group(1)
    if volume := re.search(r"\bVol\.\s*(\d+)", text):
        fields["volume"] = volume.group(1)
    if found := document_date(text):
        fields["date"] = found[0]
    if pages := find_pages(text):
        fields["pages"] = pages[0]
    if record:
        fields["container"] = "Congressional Record"
        if record.group(1):
            fields["chamber"] = record.group(1)
        return "congressional-record", fields
    if statute:
        fields["title"] = statute.group(1)
        return "legislation", fields
    # the title: what is printed before the Congress ("Hearings," itself is the kind)
    upto = next((i for i, p in enumerate(pieces) if _CONGRESS.search(p)), len(pieces))
    title = [p for p in pieces[:upto] if p not in ("Hearings", "Hearing")]
    if title:
        fields["title"] = ", ".join(title)
    return ("hearing" if re.match(r"Hearings?\b", text) else "congressional"), fields
