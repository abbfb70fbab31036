"""The events stage: communications, decisions, meetings, military operations and
negotiation steps, each tied to its sentence, its date and its footnotes.

Input: the document, its times layer, its actors layer and the spaCy parse of
its body paragraphs. Every sentence is read clause by clause: a verb or noun
of the lexicon (``data/events.toml``) is a trigger, and the parse gives its
slots — the subject is the sender or the actor, the object or a "to" phrase
the recipient, "through"/"via" the intermediary, a channel noun ("by
telegram", "in a conversation with") the channel. Pronouns ("He emphasized")
take the last subject of their kind.

Not events: a trigger inside a quotation (that is the content of a message;
but in 'he "asked Stalin to …"' the writer tells the act in the source's words),
a negated communication ("did not send"), a modal or conditional clause
("would have agreed", "if Stalin refused"), and a trigger under a historian's
view ("Chen Jian argues that Mao decided …"; the subject is a scholar).

A date is the one stated in the sentence (the nearest to the trigger in the
parse); without one, the date the narrative last stated is carried, and the
event says it is ``inferred``. Notes are the markers of the sentence; where the
document's notes cover the run of sentences before them (``note_reach``), a
sentence without a marker takes the note that closes its run, marked inferred.
A communication restated in a neighbouring
sentence by the same sender with a new speech act, or restated elsewhere with
the same sender, recipient and date, is one event with several evidence spans.
A decision whose polarity flips an earlier one by the same actor on a shared
subject reverses it. A message that names no recipient goes, where the text
shows it, to whoever asked (an answer), to where the telegram it is said in
went, or, when two speak in turn, to the other speaker.

The package, in the order a sentence goes through it: ``reader`` (the sentence loop,
built from the parts ``triggers`` — which word states which event —, ``nominals`` — when
a noun is an event of its own —, ``slots`` — who fills each role, and which triggers are
not events —, ``decisions``, ``circumstances``
— date, place, channel, quotation — and ``discourse`` — pronouns, groups, views),
then ``merging`` (one event told twice is one) and ``linking`` (answers, deliveries,
reversals). ``records`` holds the ``Event`` records; ``vocabulary`` the closed word
lists beside the lexicon of ``data/events.toml``.
"""

from __future__ import annotations

from historiograph.model import Document
from historiograph.stages.actors import ActorLayer
from historiograph.stages.event_order import date_by_sequence
from historiograph.stages.events.linking import (
    _answered,
    _dialogues,
    _link_deliveries,
    _link_reversals,
    _merge_counted,
    _merge_restated_decisions,
)
from historiograph.stages.events.merging import (
    _channels_from_meetings,
    _conversations_with_envoys,
    _envoys_named,
    _merge_announcements,
    _merge_meetings,
    _merge_operations,
    _merge_restatements,
    _merge_retold_messages,
    _merge_steps,
    _without_shared_positions,
)
from historiograph.stages.events.reader import _Reader
from historiograph.stages.events.records import Event, Role
from historiograph.stages.events.vocabulary import STAGE_VERSION, TYPES
from historiograph.stages.lexicon import Lexicon, load_lexicon
from historiograph.stages.times import TimeExpr

__all__ = ["STAGE_VERSION", "TYPES", "Event", "Role", "find_events"]


def find_events(
    doc: Document,
    times: list[TimeExpr],
    layer: ActorLayer,
    parsed,  # type: ignore[no-untyped-def]
    lex: Lexicon | None = None,
) -> list[Event]:
    """Every event the body text states, in text order, with ids ``e001``, ``e002`` …"""
    reader = _Reader(doc, times, layer, lex or load_lexicon())
    reader.read(parsed)
    ordered = sorted(reader.events, key=lambda e: e.evidence[0][0])
    members = {a.id: frozenset(a.members) for a in layer.actors.values() if a.members}
    _channels_from_meetings(ordered, doc, members, reader.membership)
    ordered = _merge_steps(_merge_operations(_without_shared_positions(ordered)))
    ordered = _merge_meetings(ordered, reader.lex.meeting_nouns)
    kinds = {a.id: a.kind for a in layer.actors.values()}
    events = _merge_announcements(_merge_restatements(ordered, doc), doc, members, kinds)
    events = _merge_restated_decisions(
        events, members, reader.lex.decision_subjects, reader.lex.open_courses
    )
    events = _merge_retold_messages(events, kinds)
    _link_deliveries(events)
    _answered(events, doc)
    _dialogues(events, doc, kinds)
    events = _merge_counted(events)
    _conversations_with_envoys(events, _envoys_named(doc, layer), kinds)
    date_by_sequence(events, doc)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n:03d}"
    for ev in events:
        if ev.basis is not None:
            ev.derived_from = ev.basis.id
        if ev.delivered is not None:
            ev.delivers = ev.delivered.id
    _link_reversals(events, doc, members, reader.lex.decision_subjects)
    return events
