"""Options shared by every command, defined once, and the output helpers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from historiograph.errors import HistoriographError, UsageError

DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="HISTORIOGRAPH_DB",
        help="The SQLite database (env HISTORIOGRAPH_DB).",
        show_default=True,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
DEFAULT_DB = Path("historiograph.db")
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]


def check_format(fmt: str, formats: dict) -> None:
    """An export's ``--format`` must name one of its writers."""
    if fmt not in formats:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(formats)})")


def write_output(text: str, output: Path | None, force: bool) -> None:
    """To stdout, or to a file that is only overwritten with ``--force``."""
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and not force:
        raise HistoriographError(f"{output}: file exists (use --force to overwrite)")
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[dict], columns: list[str]) -> None:
    """A plain aligned table: readable in a terminal, stable in a pipe."""
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip())
    typer.echo("  ".join("-" * w for w in widths))
    for row in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)).rstrip())
