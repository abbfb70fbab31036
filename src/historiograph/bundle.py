"""What the stages found in one document, handed from the pipeline to the store.

A bundle is plain data (dataclasses, lists, dicts) and pickles, so a worker process or a
Dask worker can build it and send it back; the store writes it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from historiograph.model import Document


@dataclass(slots=True)
class Bundle:
    """One analysed document. ``version`` is the analysis version stored with it (a document
    analysed by another version is analysed again); ``stage_versions`` names each stage's."""

    doc: Document
    version: str
    stage_versions: dict[str, str]
    notes: list[Any] = field(default_factory=list)  # stages.citations.ParsedNote
    sources: dict[tuple[int, int], list[Any]] = field(default_factory=dict)  # SourceRef
    shelfmarks: dict[tuple[int, int], str | None] = field(default_factory=dict)
    times: list[Any] = field(default_factory=list)  # stages.times.TimeExpr
    actors: Any = None  # stages.actor_records.ActorLayer
    events: list[Any] = field(default_factory=list)  # stages.events.Event
