"""Archival shelfmarks (Russian archives' fond / opis / delo / list) in one canonical form.

Printed styles vary: "APRF, Fond 45, Opis 1, Delo 331, Listy 75-7",
"AP RF, f. 45, op. 1, d. 334, l. 141", "RGASPI f. 558, op. 11, d. 334, ll. 0141",
"Opus" for "Opis", "List 106". All become ``Shelfmark("APRF", "45", "1", "331", "75-77")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from historiograph.stages.ranges import expand_ranges

_NUM = r"(\d+[a-zA-Z]?)"
# Each level: its full names and abbreviations, then a number.
_FOND = rf"(?:Fond|Fonds|F\.|f\.|F)\s*{_NUM}"
_OPIS = rf"(?:Opis|Opus|Op\.|op\.)\s*{_NUM}"
_DELO = rf"(?:Delo|Dela|D\.|d\.)\s*{_NUM}"
_LIST = r"(?:Listy|Listi|List|Ll\.|ll\.|L\.|l\.)\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)"
SHELFMARK_RE = re.compile(rf"{_FOND}\s*,?\s*{_OPIS}\s*,?\s*{_DELO}(?:\s*,?\s*{_LIST})?")


@dataclass(slots=True, frozen=True)
class Shelfmark:
    archive: str | None
    fond: str
    opis: str
    delo: str
    folios: str | None

    @property
    def canonical(self) -> str:
        """``RGASPI f. 558, op. 11, d. 334, l. 140`` — one spelling for every print style."""
        parts = [f"f. {self.fond}", f"op. {self.opis}", f"d. {self.delo}"]
        if self.folios:
            parts.append(f"l. {self.folios}")
        head = f"{self.archive} " if self.archive else ""
        return head + ", ".join(parts)


def canonical_archive(name: str) -> str:
    """ "AP RF" -> "APRF", "RGASPI" stays; spaces inside an acronym are a print variant."""
    compact = name.replace(" ", "")
    return compact if re.fullmatch(r"[A-Za-z]{2,10}", compact) and compact[:2].isupper() else name


def _strip_zeros(n: str) -> str:
    return n.lstrip("0") or "0"


def find_shelfmark(text: str) -> tuple[re.Match[str], Shelfmark] | None:
    """The first shelfmark in ``text`` (archive not yet known)."""
    m = SHELFMARK_RE.search(text)
    if not m:
        return None
    folios = None
    if m.group(4):
        folios = expand_ranges(
            ", ".join(
                "-".join(_strip_zeros(x.strip()) for x in re.split(r"[-–]", part))
                for part in m.group(4).split(",")
            )
        )
    return m, Shelfmark(None, m.group(1), m.group(2), m.group(3), folios)
