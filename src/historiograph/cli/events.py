"""Commands over the events layer: ``events``, ``timeline``, ``network``, ``decisions``."""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer

from historiograph import describe
from historiograph.cli.citations import export_app
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
from historiograph.export import events as event_export
from historiograph.export import network as network_export
from historiograph.store import queries
from historiograph.store.db import connect

DocArgument = Annotated[str | None, typer.Argument(help="Document id (default: the whole corpus).")]
ActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor", help="Only events with this actor (id, canonical name, or a word of it)."
    ),
]
TypeOption = Annotated[
    str | None,
    typer.Option("--type", help="communication, decision, meeting, military or negotiation."),
]
FromOption = Annotated[
    str | None, typer.Option("--from", help="Only events dated from this ISO date (any precision).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Only events dated up to this ISO date (any precision).")
]


def events(
    doc: DocArgument = None,
    type_: TypeOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Events: who told whom what, who decided what, meetings, operations, negotiation steps.

    Each with its date ("~": inferred from context), its evidence sentence and
    its footnotes. --json gives the shape of the gold annotations plus evidence
    offsets (normalized and raw) and the parsed citations of the notes.
    """
    rows = queries.events(connect(db, readonly=True), doc, type_, actor, date_from, date_to)
    if as_json:
        return print_json({"article": doc, "events": rows})
    table = [
        {
            "id": (e["id"] if doc else f"{e['document']}:{e['id']}"),
            "date": describe.when(e),
            "type": e["type"],
            "who": describe.who(e),
            "what": describe.what(e)[:60],
            "notes": ",".join(map(str, e["notes"])),
        }
        for e in rows
    ]
    print_table(table, ["id", "date", "type", "who", "what", "notes"])
    return None


def timeline(
    doc: DocArgument = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A readable timeline: events in date order, each with its evidence sentence.

    Dates stay at the precision the text gives ("1950-10" is a month, not
    October 1st); "~" marks a date carried from context, "n" one taken from a document a
    footnote cites.
    """
    rows = queries.events(connect(db, readonly=True), doc, None, actor, date_from, date_to)
    rows = [e for e in rows if e["date"]]
    rows.sort(key=lambda e: (e["date"].split("/")[0], e["time"] or "", e["document"], e["id"]))
    last = None
    for e in rows:
        day = e["date"]
        if day != last:
            typer.echo(f"\n{day}")
            last = day
        mark = "n" if "date" in e["from_note"] else "~" if e["date_inferred"] else " "
        clock = f"{e['time']} " if e["time"] else ""
        notes = f"  [n. {', '.join(map(str, e['notes']))}]" if e["notes"] else ""
        typer.echo(f"  {mark}{clock}{e['type']:<13} {describe.who(e)}: {describe.what(e)}{notes}")
        quote = textwrap.shorten(e["evidence"] or "", 150, placeholder=" …")
        typer.echo(f"      “{quote}” ({e['document']}:{e['id']})")


def network(
    doc: DocArgument = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Who communicated with whom: each directed pair, how often, by which channels, when."""
    graph = queries.network(connect(db, readonly=True), doc, date_from, date_to)
    if as_json:
        return print_json(graph)
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    table = [
        {
            "from": names[e["source"]],
            "to": names[e["target"]],
            "messages": e["count"],
            "first": e["first"],
            "last": e["last"],
            "channels": ", ".join(e["channels"]),
            "acts": ", ".join(e["acts"]),
        }
        for e in graph["edges"]
    ]
    print_table(table, ["from", "to", "messages", "first", "last", "channels", "acts"])
    return None


def decisions(
    doc: DocArgument = None,
    actor: ActorOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Decision sequences in date order: what was decided or refused, on which conditions,
    and which earlier decision it reversed. With --actor, the decisions of the bodies the
    actor sat in (the gazetteer's members) are shown too."""
    rows = queries.events(connect(db, readonly=True), doc, "decision", actor, with_bodies=True)
    rows.sort(key=describe.date_order)
    if as_json:
        return print_json({"article": doc, "decisions": rows})
    by_id = {(e["document"], e["id"]): e for e in rows}
    for e in rows:
        sign = "-" if e["polarity"] == "negative" else "+"
        typer.echo(
            f"{describe.when(e):<24} {sign} {describe.names(e['actor'])}: {describe.what(e)}  ({e['document']}:{e['id']})"
        )
        for c in e["conditions"]:
            typer.echo(f"{'':<26}if: {c}")
        if e["derived_from"]:
            typer.echo(f"{'':<26}read from the answer {e['derived_from']}")
        if e["reverses"]:
            prev = by_id.get((e["document"], e["reverses"]))
            label = (
                f"{e['reverses']} ({describe.when(prev)}: {describe.what(prev)[:50]})"
                if prev
                else e["reverses"]
            )
            typer.echo(f"{'':<26}reverses {label}")
        typer.echo(f"{'':<26}“{textwrap.shorten(e['evidence'] or '', 110, placeholder=' …')}”")
    return None


@export_app.command("events")
def export_events(
    doc: DocArgument = None,
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(event_export.FORMATS)}.")
    ] = "csv",
    type_: TypeOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Events as CSV (a row per event), JSON, or TimelineJS 3 JSON (dated events only)."""
    check_format(fmt, event_export.FORMATS)
    rows = queries.events(connect(db, readonly=True), doc, type_, actor, date_from, date_to)
    if fmt == "timelinejs":
        undated = sum(1 for e in rows if not e["date"])
        if undated:
            typer.echo(f"{undated} undated event(s) left out of the timeline", err=True)
        text = event_export.to_timelinejs(rows, title=doc or "historiograph corpus")
    else:
        text = event_export.FORMATS[fmt](rows)
    write_output(text, output, force)


@export_app.command("network")
def export_network(
    doc: DocArgument = None,
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(network_export.FORMATS)}.")
    ] = "gexf",
    date_from: FromOption = None,
    date_to: ToOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Who communicated with whom, as GEXF 1.3 (Gephi; edges dated by their messages) or GraphML."""
    check_format(fmt, network_export.FORMATS)
    graph = queries.network(connect(db, readonly=True), doc, date_from, date_to)
    write_output(network_export.FORMATS[fmt](graph), output, force)
