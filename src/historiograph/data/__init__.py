"""The bundled data files (lexicons, gazetteer, word lists) that users extend."""

from __future__ import annotations

from importlib import resources


def lines(name: str) -> list[str]:
    """The entries of a one-per-line word list: stripped, without blanks and ``#`` comments."""
    text = resources.files("historiograph.data").joinpath(name).read_text("utf-8")
    return [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]
