"""The one base error, and the errors the CLI and the web turn into messages.

Messages say what went wrong and, where it helps, what to do about it.
"""

from __future__ import annotations

from pathlib import Path


class HistoriographError(Exception):
    """Base class for every error historiograph raises on purpose."""

    exit_code = 1


class InputError(HistoriographError):
    """A file that cannot be read as an article. The message names the file."""

    exit_code = 2

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UsageError(HistoriographError):
    """An option or parameter with a value the command cannot use (an unknown format, a bad date)."""

    exit_code = 2


class NotFoundError(HistoriographError):
    """A document, note or sentence asked for that the database does not hold."""

    exit_code = 3


class StoreError(HistoriographError):
    """The database cannot be opened or is not a historiograph database."""

    exit_code = 4


class GoldError(HistoriographError):
    """A gold annotation file is missing or not in the format of SCHEMA.md."""

    exit_code = 2
