"""The ``historiograph`` command line: thin Typer commands over the library."""

from historiograph.cli.app import app, main

__all__ = ["app", "main"]
