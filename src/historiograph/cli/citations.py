"""Commands over footnote citations: ``citations``, ``sources``, ``links``, ``export citations``."""

from __future__ import annotations

from typing import Annotated

import typer

from historiograph.cli.options import (
    DEFAULT_DB,
    DbOption,
    ForceOption,
    JsonOption,
    OutputOption,
    check_format,
    print_json,
    print_table,
    write_output,
)
from historiograph.export.citations import FORMATS
from historiograph.store import primary, queries
from historiograph.store.db import connect

export_app = typer.Typer(help="Write data in formats other tools read.", no_args_is_help=True)


def citations(
    doc: Annotated[str, typer.Argument(help="Document id.")],
    note: Annotated[int | None, typer.Option("--note", help="Only this footnote.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A document's footnotes parsed into citations (ibid and short forms resolved)."""
    data = queries.citations(connect(db, readonly=True), doc, note)
    if as_json:
        return print_json(data)
    for n in data["notes"]:
        typer.echo(f"note {n['n']}" + ("  (+ commentary)" if n["has_commentary"] else ""))
        for i, c in enumerate(n["citations"]):
            described = ", ".join(
                f"{k}={'; '.join(v) if isinstance(v, list) else v}"
                for k, v in c.items()
                if k not in ("kind", "text", "start", "end", "sources", "refers_to", "parsed")
            )
            target = (
                f" -> note {c['refers_to']['n']}[{c['refers_to']['i']}]" if "refers_to" in c else ""
            )
            typer.echo(f"  [{i}] {c['kind']}{target}: {described or c['text']}")
    return None


def sources(
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind (archival, book …).")
    ] = None,
    archive: Annotated[
        str | None, typer.Option("--archive", help="Only this archive (RGASPI …).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The source registry: each distinct work or archival document, with where it is cited."""
    rows = queries.sources(connect(db, readonly=True), kind, archive)
    if as_json:
        return print_json(rows)
    table = [
        {
            "id": r["id"],
            "kind": r["kind"],
            "citations": r["citations"],
            "notes": ", ".join(f"{p['doc']}:{p['note']}" for p in r["cited_in"]),
            "source": r["label"][:90],
        }
        for r in rows
    ]
    print_table(table, ["id", "kind", "citations", "notes", "source"])
    return None


def links(
    doc: Annotated[
        str | None,
        typer.Argument(help="Only the links of this document (citing it, or cited by it)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Citations linked to the primary documents they name, each with its basis, and
    whether the quotations of the citing sentence are found in the document."""
    found = [k.to_dict() for k in primary.links(connect(db, readonly=True), doc)]
    if as_json:
        return print_json(found)
    table = [
        {
            "citation": f"{k['doc_id']}:{k['note_n']}[{k['idx']}]",
            "document": k["target"],
            "certainty": k["certainty"],
            "basis": k["basis"][:80],
            "quotes": ", ".join(q["status"] for q in k["quotes"]) or "-",
        }
        for k in found
    ]
    print_table(table, ["citation", "document", "certainty", "basis", "quotes"])
    return None


@export_app.command("citations")
def export_citations(
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")
    ] = "csl-json",
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Every cited source as CSL-JSON (Zotero imports it), BibTeX or CSV."""
    check_format(fmt, FORMATS)
    text = FORMATS[fmt](queries.sources(connect(db, readonly=True)))
    write_output(text, output, force)
