"""The words and patterns the events stage reads by: small closed lists of the
language of diplomatic history that the lexicon (``data/events.toml``) does not hold,
and the word helpers shared by the stage's modules."""

from __future__ import annotations

import re
from collections.abc import Callable

from historiograph.model import Document
from historiograph.stages import clauses as cl
from historiograph.stages.actors import ActorLayer

STAGE_VERSION = "events-19"  # … conditional decisions, look-back dates, resolutions, assent
TYPES = ("communication", "decision", "meeting", "military", "negotiation")
REPELLERS = frozenset({"repel", "repulse", "fend off", "stop", "halt", "defeat"})
# "left China to meet with Stalin": a meeting set out for is told before it was held
SETTING_OUT = frozenset({"leave", "depart", "set", "head", "embark"})
# "traveled to Moscow to formulate plans": a decision travelled for is not taken yet
TRAVELLING = SETTING_OUT | {"travel", "go", "fly", "come", "hurry", "rush", "journey"}
# "when Kovalev came to the meeting, Stalin's telegram was relayed to Mao": who arrived
# as a message was passed on, unnamed, handed it over
ARRIVING = frozenset({"come", "arrive", "go", "return", "reach"})
IRREALIS = frozenset(
    "need want hope plan intend try attempt aim seek expect prepare wish mean hesitate fail"
    " lean incline contemplate consider".split()
)
# A time that looks back from the story's time dates its own sentence only.
LOOK_BACK = re.compile(r"\b(?:previous|preceding|earlier|before|ago|prior)\b", re.I)
DEADLINES = frozenset({"by", "before", "until", "after", "since"})
REASONS = frozenset({"ground", "grounds", "basis", "reason", "strength"})
REVERSERS = frozenset({"reverse", "overturn", "overrule", "rescind", "revoke", "abandon"})
# "conditional on", "depended on", "contingent upon": what a decision hung on.
CONDITIONAL = frozenset({"conditional", "contingent", "dependent", "depend", "hinge", "rest"})
# Verbs of deciding that, with a that-clause, report a judgement ("the CIA concluded that")
JUDGEMENTS = frozenset({"conclude", "determine"})
# Subordinate clauses that set the scene: "after the troops crossed", "as raids spread".
BACKGROUND_MARKS = frozenset({"after", "before", "until", "once", "as", "since", "while", "when"})
# "the recollection of Yang Shangkun", "Shi Zhe's memoirs": who recalls the events later
RECOLLECTIONS = frozenset(
    "recollection recollections memoir memoirs testimony reminiscence reminiscences".split()
)
# "leaned towards accepting": an inclination, a decision only if the text calls it one
LEANING = frozenset({"lean", "incline"})
# Verbs of writing a message that may never be sent.
DRAFTING = frozenset({"draft", "prepare", "compose", "write"})
# Whom one sends with a message ("sent his envoy, Pak Il-u, to Beijing").
ENVOYS = frozenset("envoy emissary messenger representative delegate delegation aide".split())
# Verbs of telling whose to-infinitive makes the message advice or an order.
TOLD_TO_DO = {"advise": "propose", "tell": "direct"}
# Verbs that name the telegraph they use: whom they reach is the addressee ("telegraphed
# Zhou Enlai"), not an envoy as for "sent"/"dispatched Chai Chengwen to assure Kim".
WIRED = frozenset({"cable", "telegraph", "wire"})
# Verbs that pass a message on: someone else's message passed on is delivered ("Roshchin
# relayed this telegram to Mao"), one's own is told ("Mao conveyed a verbal message")
PASSING_ON = frozenset({"relay", "convey", "forward", "transmit", "pass on"})
# "Soviet Ambassador Roshchin", "V. M. Panikkar, Indian Ambassador to the PRC": an envoy
ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|charg[ée] d'affaires)\b", re.I)
APPOSED_ENVOY = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:Ambassador|[Ee]nvoy|Charg[ée] d'Affaires)\b"
)
# "a Defense and State meeting", "the State-JCS meeting": a meeting named for who met
NAMED_MEETING = re.compile(r"\b[A-Z][\w.-]*(?:\s+(?:and|&)\s+[A-Z][\w.-]*)*\s+$")
# "for a second time": the how-manieth message of its day this one is
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
ORDINAL_TIME = re.compile(rf"\b(?:a|the) ({'|'.join(ORDINALS)}) time\b", re.I)
# "Facing the Politburo, Peng announced …", "Addressing the delegates, Joy stated …"
FACING = frozenset({"face", "address", "confront"})
# Channels on which an answer comes back at once, the same way: "Zhou asked Stalin … [at
# their meeting]. Stalin, however, replied that …"
FACE_TO_FACE = frozenset({"meeting", "conversation", "telephone", "teleconference"})
# Channels of a message written once and read as a whole.
WRITTEN = frozenset({"telegram", "letter"})
# Speech acts whose content is a decision not yet taken.
UNTAKEN = frozenset({"propose", "request", "direct"})
# Verbs of assent: a reply to a message, or with what was agreed a decision.
AGREEING = frozenset({"agree", "accept", "endorse", "consent", "approve", "concur"})
# "it is implausible that …": what the author doubts did not (by the author's account) happen
DOUBTED = frozenset({"implausible", "unlikely", "improbable", "doubtful", "impossible", "unclear"})
# "it is highly probable that …", "It seems that …", "probably": the author's inference
HEDGES = frozenset({"likely", "probable", "possible", "plausible", "conceivable"})
SEEMING = frozenset({"seem", "appear"})
HEDGING_ADVERBS = frozenset({"probably", "presumably", "apparently", "perhaps", "possibly"})
# "the UN side" is a party at the talks when the sentence is about them
TALKS = re.compile(r"\b(?:negotiat\w*|talks|armistice|truce|concessions?)\b", re.I)
# The talks themselves as a subject: "talks resumed", "the negotiations were suspended".
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "plenary", "session"})
# "both sides", "the two delegations", "delegates from both sides": the parties at the talks
BOTH_SIDES = re.compile(
    r"\b(?:both|two|each|neither)\s+(?:sides?|delegations?|parties|party)\b", re.I
)
NEGOTIATORS = frozenset({"side", "delegation", "delegate", "party", "representative", "negotiator"})
# Verbs whose to-infinitive happened ("managed to regain"), unlike "planned to", "sought to".
IMPLICATIVE = (
    frozenset({"manage", "succeed", "proceed", "continue", "begin", "start"}) | cl.CAUSATIVES
)
# The dependents of a verb that say when ("were frequent between …", "took place on …").
WHEN_DEPS = frozenset({"prep", "npadvmod", "advmod"})
# "the onset of Operation Showdown": nouns that name an operation's start or end
ONSET = frozenset("onset start beginning launch launching opening outbreak end conclusion".split())
# A step of the talks as a whole, told again a few sentences on ("Before talks resumed in
# late October, …" and "the negotiations that resumed on October 25").
RETOLD_STEPS = frozenset({"recess", "resume"})
# "the reduced UN offensives": operations told by their lessening
LESSENED = frozenset(
    "reduced reduce diminished diminish decreased fewer lessened waning dwindling".split()
)
# What an operation does when it is the subject: "the offensive began / stalled".
COURSE = frozenset(
    "begin start end continue fail succeed stall resume break collapse halt reach".split()
)
# Verbs whose object is an operation done to the subject: "Darwin suffered Japanese air raids".
SUFFERED = frozenset("suffer endure withstand undergo survive".split())
# Verbs that bring about what follows "to" or "in": "led to the withdrawal", "resulted in".
CAUSED = frozenset("lead result culminate".split())
# Words that name the same action when one decision reverses another.
NON = re.compile(r"^(?:non|no)[-‐ ]", re.I)
# What was decided is not said by "chose the former", "decided it".
ANAPHORIC = re.compile(r"^(?:the (?:former|latter|same)|it|this|that|so|otherwise)$", re.I)
# "consistently chose", "always decided": a habit, not one decision.
HABITUAL = frozenset({"consistently", "always", "repeatedly", "usually", "often", "invariably"})
PRIMARY = {
    "communication": "sender",
    "decision": "actor",
    "meeting": "participant",
    "military": "actor",
    "negotiation": "actor",
}
SCHOLARLY_SUBJECTS = re.compile(
    r"^(?:scholars?|historians?|researchers?|analysts?|studies|this (?:article|study|paper)|we|i)$",
    re.I,
)
# Nouns of publications, which do not act ("the study argued", "the newspaper reported"):
# their authors do, when the text names them.
PUBLICATIONS = frozenset(
    "paper papers newspaper book study article diary diaries memoir memoirs journal".split()
)
STOP = frozenset(
    "the a an of to in on and or for with by at from that this his her its their as be was were "
    "would will not no into upon over under after before during war".split()
)

# "Therefore, …": the conclusion of the sentence before
CONCLUDING = re.compile(r"\s*(?:Therefore|Thus|Hence|Accordingly),")
# "during this period", "throughout that period": the months the paragraph has narrated
PERIOD = re.compile(r"\b(?:this|that) period\b", re.I)
# "On returning, …", "Upon his return, …": back from where the last sentence was
RETURNING = re.compile(r"\s*(?:On|Upon|After)\s+(?:(?:his|her|their)\s+)?return(?:ing)?\b")
# Prepositions whose object is what was decided ("concurred on", "agreed against", "opted for", "with
# the president's perspective").
DECIDED_ON = ("on", "upon", "to", "against", "in", "with", "for")
# Verbs of answering: "responding to a request from X" answers X.
RESPONDING = frozenset({"respond", "reply", "answer", "react"})
# Speech acts that answer a message (one answer told again may be told by another of them),
# and those that ask for an answer, at most a month before.
# the owner or determiner of a meeting noun that points back to one told before ("his
# meeting with Kennedy", "this meeting")
RECALLING = frozenset({"his", "her", "their", "this", "that"})
# nouns that count what their "of" names ("a series of talks", "a round of agreements")
QUANTITIES = frozenset({"series", "round", "set", "number", "couple", "cycle", "string"})
MONTH_DAYS = 31
WEEK_DAYS = 7
ANSWERS = frozenset({"reply", "agree", "refuse"})
ASKING = frozenset({"request", "propose", "direct", "warn"})
# "a subsequent telegram", "another letter": a message that follows one to the same recipient
FOLLOW_UPS = frozenset({"subsequent", "another", "second", "further", "follow-up", "later", "new"})
# Parts of a message ("at the end of the telegram"): what is said there is said in it.
MESSAGE_PARTS = frozenset(
    {"end", "beginning", "close", "conclusion", "text", "body", "part", "middle"}
)
# Words for a part of a day ("on the morning of October 5", "the night of October 6").
DAY_PARTS = frozenset(
    {"morning", "afternoon", "evening", "night", "dawn", "eve", "noon", "midnight", "day"}
)
# Prepositions under which an approval let something be done ("with", "upon" Truman's approval).
APPROVED_BY = ("with", "upon", "after", "following")

REVERSAL_CUES = re.compile(
    r"\b(?:revers\w*|overturn\w*|overrul\w*|rescind\w*|again|instead|changed? (?:its|his|her|their) mind)\b",
    re.I,
)


def _talk_parties(
    doc: Document, layer: ActorLayer, delegations: set[str], about: Callable[[str], bool]
) -> list[str]:
    """The two sides at the talks: the delegations named most often in sentences about the
    negotiations (a member counts for their delegation), in the order first named."""
    of_member = {m: a.id for a in layer.actors.values() if a.id in delegations for m in a.members}
    talks = [(s.start, s.end) for s in doc.sentences if about(doc.text[s.start : s.end])]
    counts: dict[str, int] = {}
    for m in layer.mentions:
        party = m.actor_id if m.actor_id in delegations else of_member.get(m.actor_id)
        if party and any(a <= m.start < b for a, b in talks):
            counts[party] = counts.get(party, 0) + 1
    ranked = sorted(counts, key=lambda a: -counts[a])[:2]
    return [a for a in counts if a in ranked]


def _talking_states(
    doc: Document, layer: ActorLayer, about: Callable[[str], bool]
) -> frozenset[str]:
    """The parties of a text negotiating between governments: the states it names in its
    paragraphs about the talks, at least twice there ("Israel's proposals", "the Syrians
    wanted", "Egypt agreed"), and the people it names there three times or more (the
    mediator shuttling between them: "Kissinger offered an American proposal")."""
    talks = [
        (b.start, b.end)
        for b in doc.blocks
        if b.kind == "paragraph" and about(doc.text[b.start : b.end])
    ]
    counts: dict[str, int] = {}
    for m in layer.mentions:
        actor = layer.actors.get(m.actor_id)
        if actor is not None and actor.kind in ("state", "person"):
            if any(a <= m.start < b for a, b in talks):
                counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    least = {"state": 2, "person": 3}
    return frozenset(a for a, n in counts.items() if n >= least[layer.actors[a].kind])


def _reason(prep) -> bool:  # type: ignore[no-untyped-def]
    return any(g.lemma_.casefold() in REASONS for g in prep.children if g.dep_ == "pobj")


def children_deep(tok, dep: str) -> list:  # type: ignore[no-untyped-def]
    out = []
    for c in tok.children:
        if c.dep_ == dep:
            out.append(c)
            out += [g for g in c.children if g.dep_ == "conj"]
    return out


def _content_words(text: str | None) -> set[str]:
    """The words of a phrase, names included ("if Kim agrees" is not "if Mao agrees"), unlike
    the subject stems two decisions are compared by (``_stems``)."""
    return {w for w in re.findall(r"[a-z]{3,}", (text or "").casefold()) if w not in STOP}
