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


class StageError(InputError):
    """A stage that failed on one file: the file is left out, the others are stored.

    It names the file and the stage, so that a user can report it (it is a bug of
    historiograph, not of the file, but the file is the one that shows it).
    """

    def __init__(self, path: str | Path, stage: str, error: BaseException | str):
        self.stage = stage
        self.detail = (
            error if isinstance(error, str) else f"{type(error).__name__}: {error}".rstrip(": ")
        )
        super().__init__(
            path,
            f"the {stage} stage failed ({self.detail}); this file was not stored."
            " Please report it with the file attached",
        )

    def __reduce__(self):  # sent back from a worker process whole
        return (StageError, (self.path, self.stage, self.detail))


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
