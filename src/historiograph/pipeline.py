"""Run the ingest over files and folders: read every file, then store all at once.

Reading comes first and touches no database; a bad file is reported and
left out. The good documents are then written in one transaction; a
document a stage fails on is rolled back alone and reported with the stage
named, so the database holds every other document and nothing of that one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from historiograph.errors import InputError, StageError
from historiograph.ingest.article import SUFFIXES, read_article
from historiograph.model import Document
from historiograph.store.db import write_documents


@dataclass(slots=True)
class IngestReport:
    status: dict[str, str] = field(default_factory=dict)  # doc id -> added | replaced | unchanged
    errors: list[InputError] = field(default_factory=list)
    words: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def collect_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files named, plus every non-hidden file below each folder named (sorted)."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            for f in found:
                if f.suffix.lower() in SUFFIXES:
                    files.append(f)
                else:
                    errors.append(_unsupported(f))
        elif p.is_file():
            # A file named on its own may have any ending but one of another kind of
            # document (TEI-XML, PDF, a word processor's): read as text, those fail late.
            if p.suffix.lower() in NOT_ARTICLES:
                errors.append(_unsupported(p))
            else:
                files.append(p)
        else:
            errors.append(InputError(p, "no such file or folder"))
    return files, errors


# Endings of files that are documents but not article text.
NOT_ARTICLES = (".xml", ".tei", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".html", ".htm")


def _unsupported(f: Path) -> InputError:
    return InputError(
        f,
        f"unsupported file type {f.suffix or '(none)'!r}"
        f" (historiograph reads {', '.join(SUFFIXES)}; for a PDF or web page, save its text first)",
    )


ReadCallback = Callable[[Path, int, int], None]  # (file, files read so far, files in all)


def read_all(
    files: list[Path], fmt: str = "auto", on_read: ReadCallback | None = None
) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    seen: dict[str, Path] = {}
    for i, f in enumerate(files, 1):
        try:
            doc = read_article(f, fmt=fmt)
            if doc.id in seen:
                raise InputError(
                    f,
                    f"document id {doc.id!r} is already taken by {seen[doc.id]}"
                    " in this ingest (rename one of the files)",
                )
            seen[doc.id] = f
            docs.append(doc)
        except InputError as e:
            errors.append(e)
        except Exception as e:  # a reader's bug: report the file, read the others
            errors.append(StageError(f, "reading", e))
        if on_read:
            on_read(f, i, len(files))
    return docs, errors


def ingest_paths(
    db: sqlite3.Connection,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    on_read: ReadCallback | None = None,
    on_written: Callable[[Document, str], None] | None = None,
) -> IngestReport:
    """Read the files, report the bad ones, store the good ones atomically."""
    files, errors = collect_paths(paths)
    docs, read_errors = read_all(files, fmt, on_read)
    report = IngestReport(errors=errors + read_errors)
    report.words = sum(d.word_count for d in docs)
    if docs:
        report.status, failed = write_documents(db, docs, on_written)
        report.errors += failed
    return report
