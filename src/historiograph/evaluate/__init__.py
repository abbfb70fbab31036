"""Scoring against gold annotations in the format of ``shared/gold/SCHEMA.md``.

``evaluate`` reads every gold folder it is given. A folder holds, per text
(``article``), any of ``markers_*``, ``footnotes_*``, ``events_*``, ``times_*``
and ``actors_STEM.json``; a folder's ``actors.json`` is the actor list of the
texts that have no list of their own (the seeds share one). Every text is
scored on its own, and each metric is then macro-averaged over the texts that
have it (article ``macro``), so that a long text does not hide a short one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from historiograph.errors import GoldError
from historiograph.evaluate.actors import score_actors
from historiograph.evaluate.common import (
    Score,
    f1,
    find_doc_id,
    fold,
    gold_spans,
    load_gold,
    load_gold_any,
    ratio,
)
from historiograph.evaluate.events import event_counts, event_dicts_with_forms, score_events
from historiograph.evaluate.notes import score_citations, score_evidence, score_markers, score_notes
from historiograph.evaluate.times import score_times, time_counts

__all__ = [
    "MACRO",
    "Score",
    "evaluate",
    "event_counts",
    "event_dicts_with_forms",
    "f1",
    "find_doc_id",
    "fold",
    "gold_spans",
    "load_gold",
    "load_gold_any",
    "ratio",
    "score_actors",
    "score_events",
    "score_times",
    "summary_rows",
    "time_counts",
]

MACRO = "macro"

# Per-article gold files, scored in this order.
SCORERS: dict[str, Callable[[sqlite3.Connection, str, dict], list[Score]]] = {
    "markers_": score_markers,
    "footnotes_": lambda db, d, g: score_notes(db, d, g) + score_citations(db, d, g),
    "events_": lambda db, d, g: score_evidence(db, d, g, "events"),  # + score_events below
    "times_": lambda db, d, g: score_evidence(db, d, g, "times") + score_times(db, d, g),
}

# The one-line summary of a text: (column, layer, metric).
SUMMARY = (
    ("events F1", "events", "all types f1"),
    ("comm. F1", "events", "communication f1"),
    ("decision F1", "events", "decision f1"),
    ("slots", "events", "slot accuracy (matched)"),
    ("times found", "times", "found (strict)"),
    ("times value", "times", "value accuracy (strict)"),
    ("actors F1", "actors", "mention f1"),
    ("canonical", "actors", "canonicalisation"),
    ("notes found", "notes", "found"),
    ("citation F1", "citations", "field f1"),
)


def evaluate(db: sqlite3.Connection, gold_dirs: str | Path | Iterable[str | Path]) -> list[Score]:
    """Score every text for which the gold folders hold a gold file, then the macro averages."""
    dirs = [Path(gold_dirs)] if isinstance(gold_dirs, (str, Path)) else [Path(d) for d in gold_dirs]
    if not dirs:
        raise GoldError("no gold folder given (--gold DIR)")
    for d in dirs:
        if not d.is_dir():
            raise GoldError(f"{d}: no such gold folder")
    scores: list[Score] = []
    for d in dirs:
        scores.extend(_score_folder(db, d))
    return scores + macro_averages(scores)


def _score_folder(db: sqlite3.Connection, folder: Path) -> list[Score]:
    by_article: dict[str, list[tuple[str, Path, dict]]] = {}
    own_actors: dict[str, Path] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("actors_"):
            own_actors[path.stem.removeprefix("actors_")] = path
            continue
        prefix = next((k for k in SCORERS if path.name.startswith(k)), None)
        if prefix is not None:
            gold = load_gold(path)
            by_article.setdefault(gold["article"], []).append((prefix, path, gold))
    shared = folder / "actors.json"
    shared_actors = load_gold_any(shared) if shared.is_file() else None
    scores: list[Score] = []
    if shared_actors is not None and not by_article:  # an actor list alone: the whole store
        with _gold_format(shared):
            scores.extend(score_actors(db, shared_actors))
    order = list(SCORERS)
    for article in sorted(set(by_article) | set(own_actors)):
        files = sorted(by_article.get(article, []), key=lambda f: order.index(f[0]))
        doc_id = find_doc_id(db, article)
        if doc_id is None:
            scores.append(
                Score("documents", article, "not ingested", None, f"ingest {article!r} first")
            )
            continue
        actors_path = own_actors.get(article, shared if shared_actors is not None else None)
        actors_gold = load_gold_any(actors_path) if actors_path else None
        for prefix, path, gold in files:
            with _gold_format(path):
                scores.extend(SCORERS[prefix](db, doc_id, gold))
                if prefix == "events_":  # actors matched through the text's actor list
                    scores.extend(score_events(db, doc_id, gold, actors_gold))
        if actors_gold is not None and actors_path is not None:
            with _gold_format(actors_path):
                scores.extend(score_actors(db, actors_gold, [doc_id], article))
    return scores


@contextmanager
def _gold_format(path: Path) -> Iterator[None]:
    try:
        yield
    except (KeyError, TypeError, AttributeError) as e:
        raise GoldError(f"{path}: unexpected gold format ({e!r}; see SCHEMA.md)") from None


def macro_averages(scores: list[Score]) -> list[Score]:
    """Each (layer, metric) averaged over the texts that have a value for it."""
    values: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for s in scores:
        if s.value is not None and s.article not in ("all", MACRO):
            values.setdefault((s.layer, s.metric), []).append((s.article, s.value))
    out = []
    for (layer, metric), got in values.items():
        articles = sorted({a for a, _ in got})
        if len(articles) < 2:
            continue
        mean = sum(v for _, v in got) / len(got)
        out.append(Score(layer, MACRO, metric, mean, f"mean of {len(got)} texts"))
    return out


def summary_rows(scores: list[Score]) -> list[dict]:
    """One row per text (and the macro average): the headline figure of each layer."""
    table: dict[str, dict] = {}
    for s in scores:
        for column, layer, metric in SUMMARY:
            if s.layer == layer and s.metric == metric:
                row = table.setdefault(s.article, {"text": s.article})
                row[column] = None if s.value is None else round(s.value, 3)
    rows = [table[a] for a in table if a != MACRO]
    if MACRO in table:
        rows.append(table[MACRO])
    columns = [c for c, _, _ in SUMMARY if any(c in r for r in rows)]
    return [{"text": r["text"], **{c: r.get(c) for c in columns}} for r in rows]
