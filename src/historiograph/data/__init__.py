"""The bundled data files (lexicons, gazetteer, word lists) that users extend."""

from __future__ import annotations

from importlib import resources


def sections(name: str, first: str) -> dict[str, frozenset[str]]:
    """A word list in ``[section]`` parts: section name -> its entries (the entries before
    any header go to ``first``)."""
    out: dict[str, set[str]] = {first: set()}
    into = out[first]
    for line in lines(name):
        if line.startswith("[") and line.endswith("]"):
            into = out.setdefault(line[1:-1], set())
        else:
            into.add(line)
    return {k: frozenset(v) for k, v in out.items()}


def lines(name: str) -> list[str]:
    """The entries of a one-per-line word list: stripped, without blanks and ``#`` comments."""
    text = resources.files("historiograph.data").joinpath(name).read_text("utf-8")
    return [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]
