"""Commands over the actors and times layers: ``actors``, ``times``."""

from __future__ import annotations

from typing import Annotated

import typer

from historiograph.cli.options import DEFAULT_DB, DbOption, JsonOption, print_json, print_table
from historiograph.store import queries
from historiograph.store.db import connect


def _provenance(t: dict) -> str:
    """ "from 1950-10-12T15:30 (quoted)": where an inferred value was counted from, and flags."""
    words = [f"from {t['anchor']}" if t["anchor"] else "inferred"] if t["inferred"] else []
    words += ["(quoted)"] * t["in_quote"] + ["(vague)"] * t["vague"]
    return " ".join(words)


def times(
    doc: Annotated[str, typer.Argument(help="Document id.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A document's dates, times and durations, resolved through its narrative.

    "inferred" marks a value completed from context (a year carried over,
    "two days later"); "anchor" is the value it was counted from.
    """
    rows = queries.times(connect(db, readonly=True), doc)
    if as_json:
        return print_json({"document": doc, "times": rows})
    table = [
        {
            "start": r["start"],
            "end": r["end"],
            "text": r["text"],
            "value": r["value"] or "?",
            "precision": r["precision"],
            "qualifier": r["qualifier"],
            "anchor": _provenance(r),
        }
        for r in rows
    ]
    print_table(table, ["start", "end", "text", "value", "precision", "qualifier", "anchor"])
    return None


def actors(
    doc: Annotated[
        str | None, typer.Argument(help="Document id (default: the whole corpus).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help="Only this kind (person, organization, state, group, role, scholar)."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Who is named: each actor under its canonical name, with the forms seen and every mention."""
    rows = queries.actors(connect(db, readonly=True), doc, with_mentions=as_json)
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if as_json:
        return print_json({"document": doc, "actors": rows})
    table = [
        {
            "actor": r["name"] + (f" ({', '.join(r['holders'])})" if r.get("holders") else ""),
            "kind": r["kind"],
            "mentions": r["mentions_count"],
            "forms seen": "; ".join(r["aliases_seen"][:5])
            + (" …" if len(r["aliases_seen"]) > 5 else ""),
        }
        for r in rows
    ]
    print_table(table, ["actor", "kind", "mentions", "forms seen"])
    return None
