"""Run the ingest over files and folders: read, analyse, then store all at once.

Reading comes first and touches no database; a bad file is reported and left out.
Each document the database does not hold as it is goes through the stages in order
(``analyse``: a pure function of the document, returning a ``Bundle``), in worker
processes when asked (``workers``); a document a stage fails on is reported with the
stage named and left out. The bundles are then written in input order in one
transaction, so the database is the same whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from historiograph import __version__
from historiograph.bundle import Bundle
from historiograph.errors import HistoriographError, InputError, StageError, UsageError
from historiograph.ingest.article import READERS_VERSION, SUFFIXES, read_article
from historiograph.ingest.tei import TEI_SUFFIXES, read_tei
from historiograph.model import Document
from historiograph.stages import actors, events, times
from historiograph.stages.nlp import parse_paragraphs
from historiograph.stages.note_documents import complete_from_notes
from historiograph.stages.primary import author_mentions, document_event, told_to_the_author
from historiograph.stages.sources import STAGE_VERSION as CITATIONS_VERSION
from historiograph.stages.sources import cite_document, shelfmark_of, sources_for
from historiograph.store.db import current_documents, write_bundles

STAGE_VERSIONS = {
    "citations": CITATIONS_VERSION,
    "times": times.STAGE_VERSION,
    "actors": actors.STAGE_VERSION,
    "events": events.STAGE_VERSION,
}
# Stored with each document: a document analysed by another version is analysed again.
ANALYSIS_VERSION = f"{__version__}+r{READERS_VERSION}+" + "+".join(STAGE_VERSIONS.values())


@dataclass(slots=True)
class IngestReport:
    status: dict[str, str] = field(default_factory=dict)  # doc id -> added | replaced | unchanged
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what a cut TEI file lacked
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
                if f.suffix.lower() in SUFFIXES + TEI_SUFFIXES:
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


# Endings of files that are documents but not article text (TEI is read by its own reader).
NOT_ARTICLES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".html", ".htm")


def _unsupported(f: Path) -> InputError:
    return InputError(
        f,
        f"unsupported file type {f.suffix or '(none)'!r}"
        f" (historiograph reads {', '.join(SUFFIXES)} articles and {', '.join(TEI_SUFFIXES)}"
        " FRUS volumes; for a PDF or web page, save its text first)",
    )


ReadCallback = Callable[[Path, int, int], None]  # (file, files read so far, files in all)
AnalysedCallback = Callable[[Document, int, int], None]  # (document, words done, words in all)


def read_all(
    files: list[Path], fmt: str = "auto", on_read: ReadCallback | None = None
) -> tuple[list[Document], list[InputError], list[str]]:
    """The documents of the files (a TEI volume gives one per FRUS document), the files
    or documents that could not be read, and notices (``FILE: what was cut``)."""
    docs: list[Document] = []
    errors: list[InputError] = []
    notices: list[str] = []
    seen: dict[str, Path] = {}
    for i, f in enumerate(files, 1):
        try:
            if f.suffix.lower() in TEI_SUFFIXES:
                volume = read_tei(f)
                found = volume.documents
                errors += volume.errors
                notices += [f"{f}: {n}" for n in volume.notices]
            else:
                found = [read_article(f, fmt=fmt)]
            for doc in found:
                if doc.id in seen:
                    errors.append(
                        InputError(
                            f,
                            f"document id {doc.id!r} is already taken by {seen[doc.id]}"
                            " in this ingest (rename one of the files)",
                        )
                    )
                    continue
                seen[doc.id] = f
                docs.append(doc)
        except InputError as e:
            errors.append(e)
        except Exception as e:  # a reader's bug: report the file, read the others
            errors.append(StageError(f, "reading", e))
        if on_read:
            on_read(f, i, len(files))
    return docs, errors, notices


@contextmanager
def _stage(doc: Document, name: str) -> Iterator[None]:
    """Name the stage in any unexpected error, so the ingest can report it and go on."""
    try:
        yield
    except HistoriographError:
        raise
    except Exception as e:
        raise StageError(doc.path or doc.id, name, e) from e


def analyse(doc: Document) -> Bundle:
    """Every stage over one document, in order; raises ``StageError`` naming the stage."""
    with _stage(doc, "citations"):
        notes = cite_document(doc)
        refs = sources_for(notes)
        marks = {}
        for note in notes:
            for i, c in enumerate(note.citations):
                mark = shelfmark_of(c.fields) if c.kind == "archival" else None
                marks[(note.n, i)] = mark.canonical if mark else None
    with _stage(doc, "times"):
        found_times = times.time_document(doc)
    with _stage(doc, "actors"):
        parsed = parse_paragraphs(doc)
        layer = actors.find_actors(doc, found_times, parsed=parsed)
    with _stage(doc, "events"):
        author = author_mentions(doc, layer)  # a primary source's "I" is its writer
        found = events.find_events(doc, found_times, layer, parsed)
        complete_from_notes(found, notes, layer)
        told_to_the_author(doc, found, author)
        if (itself := document_event(doc, found_times, layer)) is not None:
            found.insert(0, itself)  # e000: the primary source as a message or meeting
    return Bundle(
        doc, ANALYSIS_VERSION, dict(STAGE_VERSIONS), notes, refs, marks, found_times, layer, found
    )


def analyse_or_error(doc: Document) -> Bundle | StageError:
    """``analyse``, with a stage's failure returned (a worker sends it back whole)."""
    try:
        return analyse(doc)
    except StageError as e:
        return e


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyse_all(
    docs: list[Document], workers: int = 1, dask: str | None = None
) -> Iterator[Bundle | StageError]:
    """Bundles (or stage errors) in the order of ``docs``; with ``workers`` > 1 each
    document is analysed in one of that many processes (the spaCy model loaded once in
    each), the biggest first so that no worker is left with a long one at the end. With
    ``dask`` (a scheduler's address, or ``local`` for a ``LocalCluster`` of ``workers``
    processes) the same function is mapped over a Dask cluster instead."""
    if dask:
        yield from _on_dask(docs, dask, workers)
        return
    if workers <= 1 or len(docs) <= 1:
        yield from map(analyse_or_error, docs)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    order = sorted(range(len(docs)), key=lambda i: -docs[i].word_count)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(docs)), mp_context=multiprocessing.get_context(method)
    ) as pool:
        futures = {i: pool.submit(analyse_or_error, docs[i]) for i in order}
        for i in range(len(docs)):
            yield futures.pop(i).result()


_SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"


def _on_dask(docs: list[Document], address: str, workers: int) -> Iterator[Bundle | StageError]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(
            "--dask needs Dask: pip install 'historiograph[dask]' (on every worker too)"
        ) from None
    import dask

    cluster = None
    try:
        if address == "local":
            # Dask starts its workers with glibc told to hand freed memory back at once
            # (MALLOC_TRIM_THRESHOLD_=65536), which makes spaCy's many small allocations
            # 10-15% slower; a worker analyses one document at a time and needs no trim.
            with dask.config.set({f"{_SPAWN_ENVIRON}.MALLOC_TRIM_THRESHOLD_": None}):
                cluster = LocalCluster(
                    n_workers=max(workers, 1),
                    threads_per_worker=1,  # the stages hold the GIL: one document per process
                    processes=True,
                    dashboard_address=None,
                )
            client = Client(cluster)
        else:
            client = Client(address, timeout=10)
    except OSError as e:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    try:
        order = sorted(range(len(docs)), key=lambda i: -docs[i].word_count)
        mapped = client.map(analyse_or_error, [docs[i] for i in order], pure=False)
        futures = dict(zip(order, mapped, strict=True))
        for i in range(len(docs)):
            yield futures.pop(i).result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def ingest_paths(
    db: sqlite3.Connection,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    on_read: ReadCallback | None = None,
    on_written: Callable[[Document, str], None] | None = None,
    workers: int = 1,
    on_analysed: AnalysedCallback | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Read the files, report the bad ones, analyse and store the good ones atomically."""
    files, errors = collect_paths(paths)
    docs, read_errors, notices = read_all(files, fmt, on_read)
    report = IngestReport(errors=errors + read_errors, notices=notices)
    report.words = sum(d.word_count for d in docs)
    if not docs:
        return report
    current = current_documents(db, docs, ANALYSIS_VERSION)
    todo = [d for d in docs if d.id not in current]
    total, done = sum(d.word_count for d in todo), 0
    bundles: list[Bundle] = []
    for doc, found in zip(todo, analyse_all(todo, workers, dask), strict=True):
        done += doc.word_count
        if on_analysed:
            on_analysed(doc, done, total)
        if isinstance(found, StageError):
            report.errors.append(found)
        else:
            bundles.append(found)
    written = write_bundles(db, bundles, on_written) if bundles else {}
    for doc in docs:
        if doc.id in current:
            report.status[doc.id] = "unchanged"
            if on_written:
                on_written(doc, "unchanged")
        elif doc.id in written:
            report.status[doc.id] = written[doc.id]
    return report
