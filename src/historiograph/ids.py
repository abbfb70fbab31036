"""Ids made from names, shared by the stages that make them and the store that looks them up."""

from __future__ import annotations

import re


def slug(name: str) -> str:
    """An id for an actor the gazetteer does not list: "Chai Chengwen" -> "chai-chengwen"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
