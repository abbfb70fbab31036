"""Commands: ingest, docs, show, search, eval. Each parses, calls one library function, prints."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from pathlib import Path
from typing import Annotated

import typer

from historiograph import __version__
from historiograph.cli import citations as citation_commands
from historiograph.cli import events as event_commands
from historiograph.cli import layers as layer_commands
from historiograph.cli.options import DEFAULT_DB, DbOption, JsonOption, print_json, print_table
from historiograph.errors import HistoriographError
from historiograph.evaluate import evaluate, summary_rows
from historiograph.ingest.article import FORMATS
from historiograph.pipeline import default_workers, ingest_paths
from historiograph.store import queries
from historiograph.store.db import connect

app = typer.Typer(
    help="historiograph: who told whom what, when, and on what evidence — from history articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"historiograph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files (.txt, .md), FRUS TEI volumes (.xml), or folders."),
    ],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", help=f"Reader to use: {', '.join(FORMATS)}.")
    ] = "auto",
    as_json: JsonOption = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes that analyse documents at once (default: this machine's cores).",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Analyse on a Dask cluster: a scheduler's address (tcp://host:8786), or"
            " 'local' for a LocalCluster of --workers processes. Needs historiograph[dask].",
        ),
    ] = None,
) -> None:
    """Read articles into the database (same file again: no change; changed file: replaced)."""
    conn = connect(db)
    # A progress bar for many files, on a terminal only (pipes and logs stay clean).
    show_bar = sys.stderr.isatty() and (len(paths) > 1 or any(p.is_dir() for p in paths))
    with typer.progressbar(length=1, label="reading", file=sys.stderr, hidden=not show_bar) as bar:

        def on_read(path: Path, done: int, total: int) -> None:
            bar.length = total
            bar.label = f"reading {path.name}"
            bar.update(1)

        def on_analysed(doc, done: int, total: int) -> None:  # the bar counts words now
            if bar.label != "analysing":
                bar.label, bar.length, bar.pos = "analysing", max(total, 1), 0
            bar.update(doc.word_count)

        report = ingest_paths(
            conn,
            paths,
            fmt=fmt,
            on_read=on_read,
            workers=workers or default_workers(),
            on_analysed=on_analysed,
            dask=dask,
        )
    for notice in report.notices:
        typer.echo(f"note: {notice}", err=True)
    for err in report.errors:
        typer.echo(f"error: {err}", err=True)
    if as_json:
        print_json(
            {
                "documents": report.status,
                "errors": [str(e) for e in report.errors],
                "notices": report.notices,
                "words": report.words,
            }
        )
    else:
        for status, first, last, count in _status_runs(report.status):
            typer.echo(
                f"{status:9}  {first}" + (f" … {last} ({count} documents)" if count > 1 else "")
            )
        typer.echo(
            f"{len(report.status)} document(s) stored in {db}, {len(report.errors)} error(s)"
        )
    if not report.ok:
        raise typer.Exit(2)


def _status_runs(status: dict[str, str]) -> list[tuple[str, str, str, int]]:
    """(status, first id, last id, count): a FRUS volume's documents ("VOL-d12") with the
    same status in a row are one line, so a volume of a thousand documents is not a
    thousand lines."""

    def key(doc_id: str) -> tuple:
        m = re.fullmatch(r"(.+)-d(\d+)", doc_id)
        return (m[1], int(m[2])) if m else (doc_id, -1)

    runs: list[list] = []
    for doc_id in sorted(status, key=key):
        volume, n = key(doc_id)
        last = runs[-1] if runs else None
        if last and n >= 0 and last[4] == volume and last[0] == status[doc_id]:
            last[2], last[3] = doc_id, last[3] + 1
        else:
            runs.append([status[doc_id], doc_id, doc_id, 1, volume if n >= 0 else None])
    return [(r[0], r[1], r[2], r[3]) for r in runs]


@app.command()
def docs(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="primary (FRUS documents) or article (the others)."),
    ] = None,
) -> None:
    """List the documents in the database with their counts."""
    rows = queries.list_documents(connect(db, readonly=True), kind)
    if as_json:
        print_json(rows)
    else:
        print_table(
            rows,
            ["id", "format", "n_words", "sentences", "notes", "markers", "linked_markers", "title"],
        )


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (the file stem).")],
    note: Annotated[int | None, typer.Option("--note", help="Footnote number.")] = None,
    sentence: Annotated[int | None, typer.Option("--sentence", help="Sentence index.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A document's summary, or one footnote with the sentences that cite it, or one sentence."""
    conn = connect(db, readonly=True)
    if note is not None:
        data = queries.get_note(conn, doc, note)
        if as_json:
            return print_json(data)
        typer.echo(f"{doc}, note {note}:")
        typer.echo(
            _wrap(data["note"]["text"])
            if data["note"]
            else "  (the text of this note is not in the file)"
        )
        for c in data["cited_by"]:
            typer.echo(
                f"\ncited by sentence {c['sentence_idx']} (marker at raw offset "
                f"{c['marker_raw_start']}):"
            )
            typer.echo(_wrap(c["text"] or "(marker outside any sentence)"))
        return None
    if sentence is not None:
        data = queries.get_sentence(conn, doc, sentence)
        if as_json:
            return print_json(data)
        typer.echo(
            f"{doc}, sentence {sentence} [{data['start']}, {data['end']}) "
            f"raw [{data['raw_start']}, {data['raw_end']}):"
        )
        typer.echo(_wrap(data["text"]))
        for m in data["markers"]:
            typer.echo(f"\n  note {m['n']}: " + (m["note_text"] or "(text not in the file)"))
        return None
    data = queries.get_document(conn, doc)
    if as_json:
        return print_json(data)
    for key in (
        "id",
        "title",
        "format",
        "path",
        "n_words",
        "sentences",
        "notes",
        "markers",
        "linked_markers",
        "author_note",
        "source_note",
    ):
        if data.get(key) is not None:
            typer.echo(f"{key:15} {data[key]}")
    for key, value in data.get("primary", {}).items():
        typer.echo(f"{key:15} {value}")
    for h in data["headings"]:
        typer.echo(f"{'heading':15} {h}")
    return None


@app.command()
def search(
    words: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many hits.")] = 20,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over sentences and footnotes."""
    hits = queries.search(connect(db, readonly=True), words, limit=limit, doc_id=doc)
    if as_json:
        return print_json(hits)
    for h in hits:
        where = f"{h['doc']} {'sentence' if h['kind'] == 'sentence' else 'note'} {h['ref']}"
        typer.echo(f"{where}: {h['snippet']}")
    if not hits:
        typer.echo("no matches", err=True)
    return None


@app.command("eval")
def eval_(
    gold: Annotated[
        list[Path],
        typer.Option(
            "--gold", help="Folder of gold JSON files (SCHEMA.md); give it once per folder."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    summary: Annotated[
        bool, typer.Option("--summary", help="One line per text and the macro average.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Score the stored documents against gold annotations, per text and macro-averaged."""
    scores = evaluate(connect(db, readonly=True), gold)
    if summary:
        rows = summary_rows(scores)
        if as_json:
            return print_json(rows)
        print_table(rows, list(rows[0]) if rows else ["text"])
        return None
    rows = [s.to_dict() | {"value": None if s.value is None else round(s.value, 3)} for s in scores]
    if as_json:
        return print_json(rows)
    print_table(rows, ["layer", "article", "metric", "value", "detail"])
    return None


app.command()(citation_commands.citations)
app.command()(citation_commands.sources)
app.command()(citation_commands.links)
app.command()(layer_commands.actors)
app.command()(layer_commands.times)
app.command()(event_commands.events)
app.command()(event_commands.timeline)
app.command()(event_commands.network)
app.command()(event_commands.decisions)
app.add_typer(citation_commands.export_app, name="export")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="Server processes (more answer more readers at once)."
        ),
    ] = 1,
) -> None:
    """The explorer: timeline, network, decisions, documents with their evidence and notes,
    in a browser (read-only; every page also as JSON)."""
    import uvicorn

    from historiograph.web import create_app

    web = create_app(db)  # a missing or outdated database is reported here, before listening
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: listening on {host}: others on the network can read {db}", err=True)
    typer.echo(f"historiograph explorer on http://{host}:{port}/  (reading {db}; Ctrl-C stops it)")
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning")
        return
    os.environ["HISTORIOGRAPH_DB"] = str(db.resolve())
    uvicorn.run(
        "historiograph.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
    )


def main() -> None:
    """Entry point: run the app, turning historiograph errors into one line and an exit code."""
    try:
        app()
    except HistoriographError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        typer.echo("error: interrupted (the database keeps what it had before)", err=True)
        sys.exit(130)
    except Exception as e:  # a bug of historiograph's: one line, not a traceback
        typer.echo(
            f"error: internal error ({type(e).__name__}: {e}); please report it"
            " with the command and the file",
            err=True,
        )
        sys.exit(70)
