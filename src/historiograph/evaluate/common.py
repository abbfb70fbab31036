"""What every scorer shares: the score row, ratios, folding, finding the scored document."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from historiograph.errors import GoldError


@dataclass(slots=True, frozen=True)
class Score:
    layer: str
    article: str
    metric: str
    value: float | None
    detail: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def find_doc_id(db: sqlite3.Connection, article: str) -> str | None:
    """The stored document a gold article id names: ``seed1`` -> ``seed1_armistice``."""
    ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    return next((i for i in ids if i == article), None) or next(
        (i for i in ids if i.startswith(article + "_")), None
    )


def fold(s: str) -> str:
    """Compare titles loosely: quotes, dashes, case, spacing and diacritics folded."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", s).casefold().strip()


def load_gold_any(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold file ({e})") from None


def load_gold(path: Path) -> dict:
    gold = load_gold_any(path)
    if not isinstance(gold, dict) or "article" not in gold:
        raise GoldError(f'{path}: not a gold file (no "article" field; see SCHEMA.md)')
    return gold


def gold_spans(text: str, items: list[dict]) -> list[tuple[dict, int, int]]:
    """Each gold item with the offsets of its ``text`` inside its ``evidence`` in the document."""
    out = []
    for item in items:
        at = text.find(item["evidence"])
        inner = item["evidence"].find(item["text"]) if at >= 0 else -1
        if inner >= 0:
            out.append((item, at + inner, at + inner + len(item["text"])))
    return out
