"""What fills an event's roles: subject, object, recipient, intermediary, what was
decided, and which triggers are not events (negated, modal, quoted, a view)."""

from __future__ import annotations

from historiograph.model import Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.actors import thing_words
from historiograph.stages.events.frames import acted_on, noun_parties, own_modifiers
from historiograph.stages.events.merging import _judged
from historiograph.stages.events.records import Event
from historiograph.stages.events.vocabulary import (
    DOUBTED,
    ENVOYS,
    IRREALIS,
    NON,
    ONSET,
    ORDINAL_TIME,
    ORDINALS,
    PRIMARY,
    PUBLICATIONS,
    RECALLING,
    REPELLERS,
    SETTING_OUT,
    TRAVELLING,
    UNTAKEN,
    WIRED,
)
from historiograph.stages.times import quoted_at


class Slots:
    """What fills an event's roles: subject, object, recipient, intermediary, what was (a part of the reader)."""

    def excluded(self, tok, etype: str, found, quotes) -> bool:  # type: ignore[no-untyped-def]
        """Drafted-not-sent, hypotheticals, historians' views, and content of another trigger."""
        if cl.is_hypothetical(tok):
            return True
        if cl.is_negated(tok) and etype != "decision":
            return True
        if tok.pos_ in ("VERB", "AUX") and self.is_view(tok, self.base):
            return True
        if etype == "communication" and self.witness_account(tok, self.base):
            return True
        for anc in cl.ancestors_until(tok, None):
            if quoted_at(self.base + anc.idx, quotes):
                continue  # the parser hung the narration under the quote: "informed X, “we …”"
            if anc.pos_ in ("VERB", "AUX") and self.is_view(anc, self.base):
                return True
            if _judged(anc, DOUBTED):
                return True  # "it is highly implausible that the telegram was delivered …"
            if cl.is_hypothetical(anc) and anc.dep_ == "advcl":
                return True
        if etype == "military" and tok.dep_ == "conj":
            # "attacked Soviet airplanes and brought down a bomber": one action, unless the
            # second takes a place ("repelled the offensive and recaptured Seoul")
            first = next((o for t, o in found if t.i == tok.head.i and o.type == "military"), None)
            places = [o for o in cl.children(tok, "dobj") if o.ent_type_ in ("GPE", "LOC", "FAC")]
            if first is not None and not places:
                return True
        if tok.dep_ in ("relcl", "acl") and cl.to_infinitive(tok):
            return True  # "a primary reason to postpone an armistice": not done
        if etype == "decision" and any(
            c.dep_ in ("ccomp", "xcomp")
            and any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children)
            for c in tok.children
        ):
            return True  # "had to decide whether to continue this policy": the question only
        if (
            etype == "decision"
            and tok.dep_ == "pcomp"
            and tok.head.text.casefold() in ("after", "before", "upon", "on")
        ):
            return True  # "After reaching consensus on agenda item 2, …": told as background
        if (
            etype in ("meeting", "decision")
            and tok.dep_ in ("advcl", "xcomp")
            and cl.to_infinitive(tok)
            and tok.head.lemma_.casefold() in (SETTING_OUT if etype == "meeting" else TRAVELLING)
        ):
            return True  # "left China to meet with Stalin", "traveled to Moscow to formulate plans"
        if tok.dep_ == "xcomp" and tok.head.lemma_.casefold() in IRREALIS:
            return True  # "needed to make a decision", "was prepared to propose": not (yet) done
        if (
            tok.dep_ == "xcomp"
            and tok.head.lemma_.casefold() == "have"
            and cl.to_infinitive(tok)
            and cl.passive(tok)
        ):
            return True  # "the telegram had to be delivered … before they decided": reasoned
        if tok.dep_ == "pcomp" and tok.head.head.lemma_.casefold() in IRREALIS:
            return True  # "leaned towards accepting"
        if tok.dep_ == "xcomp" and (
            tok.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in tok.head.children)
        ):
            return True  # "it was important to determine", "ready to accept"
        # A speech act under a decision or under another speech act of the same sentence
        # is what was decided or said ("concurred on suggesting", "directed … not to inform").
        # A decision proposed, asked for or ordered is not (yet) taken ("proposed postponing
        # the agenda item", "convinced Ridgway to agree"); one reported is ("informed Stalin
        # that he had decided").
        ancestors = {a.i for a in cl.ancestors_until(tok, None)}
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "that China would send troops … and to assert that …"
        # "directed the delegation … to accept the UN's proposal": a to-infinitive the parser
        # hung as an adverbial clause is still what was asked for
        asked = first.dep_ == "advcl" and cl.to_infinitive(first)
        for other_tok, other in found:
            if other_tok.i not in ancestors:
                continue
            if asked and other.act in UNTAKEN and other.type in ("communication", "negotiation"):
                return True
            if asked and other.type == "meeting":
                return True  # "met to determine a demarcation line": what the meeting was for
            if first.dep_ not in ("xcomp", "pcomp", "ccomp"):
                continue
            if cl.hung_main_clause(first.head) is first:
                continue  # "Peng argued that …, asked …": the parser hung the main clause
            if etype == "communication" and other.type in ("decision", "communication"):
                return True
            if (
                etype == "decision"
                and other.type in ("communication", "negotiation")
                and other.act in UNTAKEN
                and tok.pos_ == "VERB"
            ):
                return True
        return False

    def build(self, tok, etype: str, act: str | None, s: Sentence, quotes) -> Event | None:  # type: ignore[no-untyped-def]
        base = self.base
        t_start, t_end = cl.span(tok, base)
        ev = Event(etype, s.idx, t_start, t_end, tok.text, [(s.start, s.end)], act=act)
        ev.anterior = cl.past_perfect(tok)  # "had reached a consensus"
        text = self.doc.text[s.start : s.end]
        if tok.pos_ in ("NOUN", "PROPN"):
            self.noun_slots(tok, ev, s)
        else:
            self.verb_slots(tok, ev, s, quotes)
        if not ev.roles and etype != "military":
            return None
        if etype == "decision" and not ev.summary:
            return None  # "made a clear decision": nothing said of what
        if etype == "communication" and not (ev.actors("sender") or ev.actors("recipient")):
            return None
        if etype == "communication" and not ev.actors("sender") and self.thing_speaks(tok):
            return None  # "the Korean War threatened the CCP", "This initiative offered the U.S."
        if (
            tok.pos_ != "NOUN"
            and not ev.actors(PRIMARY[etype])
            and self.a_publication(cl.subject(tok))
        ):
            return None  # "the White Paper, which explained …": what a document says
        if etype in ("decision", "negotiation", "military") and not (
            ev.actors("actor") or etype == "military"
        ):
            return None
        self.date_slots(tok, ev, s)
        if self.in_a_draft(ev, s):
            return None
        if self.hedged(tok):
            ev.certainty = "inferred"
        if etype in ("decision", "communication"):
            ev.conditions += [c for c in cl.conditions(text) if c not in ev.conditions]
        if etype == "negotiation":
            ev.item = self.agenda_item(text) or self.paragraph_item(s)
        ev.add_notes(*self.reach.of(s))
        return ev

    @staticmethod
    def a_publication(subj) -> bool:  # type: ignore[no-untyped-def]
        """Is the subject a document, newspaper or book ("the China White Paper", "the New
        York Times", "his memoirs")? It does not act: the actors its name holds are not the
        sender. (A message noun with its owner, "Stalin's telegram", is told apart by the
        lexicon.)"""
        if subj is None:
            return False
        if subj.tag_ == "WDT" and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "the White Paper, which explained": the antecedent
        return subj.text in thing_words() or subj.lemma_.casefold() in PUBLICATIONS

    def verb_slots(self, tok, ev: Event, s: Sentence, quotes) -> None:  # type: ignore[no-untyped-def]
        base, lex = self.base, self.lex
        subj = cl.subject(tok) or cl.subject_hung_on_a_date(tok)
        if subj is not None and self.quoted_only(subj, tok, quotes):
            subj = None  # "…, "China should not wait …," emphasizing": not China's words
        agent = cl.preps(tok, "by")
        primary = PRIMARY[ev.type]
        if cl.passive(tok) and agent:
            who = self.resolve(agent[0], base, s)
        elif ev.type == "decision" and (decided := cl.decided_impersonally(tok)) is not None:
            who = self.resolve(
                cl.subject(decided), base, s
            )  # "it was determined that Kennedy would"
        elif cl.passive(tok):
            who = []
        elif self.a_publication(subj):
            who = []  # "the China White Paper, which explained …": no one named acts (not China)
        else:
            who = self.resolve(subj, base, s)
            for other in cl.co_subjects(subj):  # "Peng, Kim, and Pak traveled": two nsubj
                who += self.resolve(other, base, s)
        received = self.misread_subject(subj)
        if received is not None:  # "Mao, upon receiving Yudin, stated": Mao to Yudin
            who = self.resolve(received[0], base, s)
        for a, st, en, how in who:
            ev.add(primary, a, st, en, how)
        if ev.type == "negotiation" and not who and (cl.passive(tok) or self.talks_subject(tok)):
            for a in self.parties:  # "talks resumed", "agenda item 2 was established": both
                ev.add("actor", a, None, None, "carried")
        key = cl.key(tok)
        objects = cl.children(tok, "dobj", "dative")
        if received is not None and ev.type in ("communication", "meeting"):
            objects = [*objects, received[1]]
        if ev.type == "communication":
            recipients = []
            carrier_noun = None
            if key in lex.carriers:
                for o in objects:
                    if (
                        o.lemma_.casefold() in lex.message_nouns
                        or o.lemma_.casefold() in lex.channels
                    ):
                        carrier_noun = o
                    elif (
                        self.index.at(base + o.idx) is not None
                        or o.lemma_.casefold() in ENVOYS
                        or cl.PRONOUNS.get(o.text.casefold()) in ("person", "any")
                    ):
                        if key in WIRED and not cl.preps(tok, "to"):
                            recipients.append(o)  # "telegraphed Zhou Enlai": the addressee
                            continue
                        # "sent Chai Chengwen to Kim": the envoy ("cabled it": the message)
                        for a, st, en, how in self.resolve(o, base, s):
                            ev.add("via", a, st, en, how)
                    else:  # "relayed the movements of UN forces to China": what was relayed
                        recipients += cl.preps(o, "to")
                recipients += cl.preps(tok, "to")
                if carrier_noun is not None:
                    recipients += cl.preps(carrier_noun, "to", "with", "on")
            else:
                # a name the tagger took for a verb ("informed Kim Il-sung": "sung") still names
                # the addressee; what a frame publishes does not ("published the China White Paper")
                published = base + tok.idx in self.framed
                recipients += [
                    o
                    for o in objects
                    if not published
                    and (
                        o.pos_ in ("PROPN", "PRON", "NOUN")
                        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)
                    )
                ]
                recipients += cl.preps(tok, "to", "with")
            # "made clear to Nixon", "made it known to the ambassador": the "to" hangs from
            # the adjective that completes the verb
            for c in tok.children:
                if c.pos_ == "ADJ" and c.dep_ in ("oprd", "ccomp", "acomp"):
                    recipients += cl.preps(c, "to")
            head = tok.head
            if tok.dep_ in ("advcl", "xcomp") and cl.key(head) in lex.carriers:
                # "sent Chai Chengwen to Kim Il-sung to assure Kim …": the envoy, the recipient
                # ("telegraphed Zhou, explaining …": the addressee)
                wired = cl.key(head) in WIRED and not cl.preps(head, "to")
                for o in cl.children(head, "dobj"):
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add("recipient" if wired else "via", a, st, en, how)
                recipients += cl.preps(head, "to")
                if not who:
                    for a, st, en, how in self.resolve(cl.subject(head), base, s):
                        ev.add(primary, a, st, en, how)
            recipients += self.addressed_in(tok, "in", "during", "by", "at")
            recipients += self.faced(tok)
            for o in recipients:
                for a, st, en, how in self.resolve(o, base, s, not_of=ev.actors("sender")):
                    if a not in ev.actors("sender") and a not in ev.actors("via"):
                        ev.add("recipient", a, st, en, how)
                if o.lemma_.casefold() in lex.message_nouns or o.lemma_.casefold() in (
                    "plan",
                    "viewpoint",
                    "view",
                    "position",
                ):
                    for p in o.children:  # "Mao's plan": the reply goes to Mao
                        if p.dep_ == "poss":
                            for a, st, en, how in self.resolve(p, base, s):
                                if a not in ev.actors("sender"):
                                    ev.add("recipient", a, st, en, how)
            if ev.act == "agree" and tok.dep_ == "relcl":  # the assent goes to who proposed
                said = next(
                    (a for a in cl.ancestors_until(tok, None) if cl.key(a) in lex.speech_acts),
                    None,
                )
                for a, st, en, how in self.resolve(cl.subject(said), base, s) if said else []:
                    if a not in ev.actors("sender"):
                        ev.add("recipient", a, st, en, how)
            for o in cl.preps(tok, "through", "via"):
                for a, st, en, how in self.resolve(o, base, s):
                    ev.add("via", a, st, en, how)
            for o in cl.preps(tok, "to") if not ev.actors("recipient") else []:
                asker = self.answered_message(o)  # "Responding to a request from the Commander"
                for a, st, en, how in self.resolve(asker, base, s) if asker is not None else []:
                    ev.add("recipient", a, st, en, how)
            if cl.passive(tok) and not agent:
                if not self.handed_over(tok, ev, s):
                    self.passed_on(subj, ev, s)
            ev.channel, said_in = self.channel(tok, quotes)
            self.message_told_before(ev, said_in, s)
            if ev.act == "deliver":
                ev.message_of = self.whose_message(tok)
            clause = self.doc.text[slice(*cl.subtree_span(tok, base))]
            if (counted := ORDINAL_TIME.search(clause)) is not None:
                ev.ordinal = ORDINALS[counted[1].casefold()]
            ev.content = self.quoted(tok, s, quotes)
            if ev.act in ("request", "propose", "direct"):
                ev.summary = self.asked(tok, quotes)
        elif ev.type == "decision" and (frame := self.framed.get(base + tok.idx)) is not None:
            # "lifted the oil embargo", "resigned the presidency": the act is what was decided
            said = cl.ASIDES | {"nsubj", "nsubjpass", "aux", "auxpass", "advmod", "mark", "neg"}
            start, end = cl.subtree_span(tok, base, said)
            start = max(start, base + tok.idx)  # from the verb: not "After the invasion, …"
            ev.summary = self.doc.text[start:end].rstrip(" ,;")
            negative = frame.polarity == "negative" or cl.is_negated(tok)
            ev.polarity = "negative" if negative else "positive"
        elif ev.type == "decision":
            ev.summary, ev.polarity, ev.conditions = self.decided(tok)
        elif ev.type == "meeting":
            for o in objects + cl.preps(tok, "with", "between"):
                for a, st, en, how in self.resolve(o, base, s, not_of=ev.actors("participant")):
                    ev.add("participant", a, st, en, how)
            for o in objects:
                if o.lemma_.casefold() in lex.meeting_nouns:
                    self.noun_slots(o, ev, s)
            ev.summary = self.topic(tok) or ev.summary
        elif ev.type == "military":
            start, end = cl.subtree_span(
                tok, base, cl.ASIDES | {"nsubj", "prep", "advmod", "npadvmod", "aux"}
            )
            # "recaptured Seoul, and President Truman signed …": the operation ends at the "and"
            after = [c for c in tok.children if c.dep_ in ("cc", "conj") and c.i > tok.i]
            if after:
                end = min(end, base + after[0].idx)
            ev.summary = self.doc.text[start:end].rstrip(" ,;")
            for o in objects:
                if self.holds_operation(o):
                    ev.summary = self.doc.text[slice(*cl.subtree_span(o, base, cl.ASIDES))]
                    if key in REPELLERS:  # "repelled the fourth CCF offensive": the CCF's offensive
                        owners = [
                            m for m in self.index.within(*cl.subtree_span(o, base, cl.ASIDES))
                        ]
                        if owners:
                            ev.roles = [cl_role for cl_role in ev.roles if cl_role.role != "actor"]
                            for m in owners:
                                ev.add("actor", self.index.actor_of(m), m.start, m.end, "mention")
            if not ev.actors("actor"):  # "U.S. Jupiter missiles were removed": the owner's move
                for o in acted_on(tok):
                    for m in self.noun_agents(o):
                        ev.add("actor", self.index.actor_of(m), m.start, m.end, "mention")
                    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in o.children):
                        for a, st, en, how in self.resolve(o, base, s):  # "Phoumi, whose forces"
                            ev.add("actor", a, st, en, how)
            ev.place = self.place(tok)
        elif ev.type == "negotiation":
            # what was proposed ("proposed that …") but not "Before" or "Notably"
            said = (cl.ASIDES - {"ccomp"}) | {"nsubj", "nsubjpass", "advmod", "mark"}
            ev.summary = self.doc.text[slice(*cl.subtree_span(tok, base, said))]
            if base + tok.idx in self.framed:  # "reached an agreement with Castro": both parties
                partners = cl.preps(tok, "with") + [
                    w for o in acted_on(tok) for w in cl.preps(o, "with", "between")
                ]
                for o in partners:
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add("actor", a, st, en, how)

    def noun_agents(self, tok) -> list:  # type: ignore[no-untyped-def]
        """The mentions a noun's own modifiers name, or "by" ("the Soviet invasion of
        Afghanistan", "the CCF offensive against UN forces", "an attack by the NVA"): who did
        it; not those it is of, against or at."""
        out = []
        for p in own_modifiers(tok):
            out += [m for m in self.index.within(*cl.subtree_span(p, self.base)) if m not in out]
        return out

    def noun_slots(self, tok, ev: Event, s: Sentence) -> None:  # type: ignore[no-untyped-def]
        """A meeting, operation, decision or message named by a noun: who (inside the phrase,
        or the clause's subject)."""
        base = self.base
        if ev.type == "decision":  # "Mao's non-intervention decision": the owner decided
            for c in cl.children(tok, "poss"):
                for a, st, en, how in self.resolve(c, base, s):
                    ev.add("actor", a, st, en, how)
            approved = self.approved(tok)
            if approved is not None:  # "with Truman's approval, a directive was dispatched"
                ev.summary = "approve " + self.doc.text[slice(*cl.subtree_span(approved, base))]
                ev.polarity = "positive"
                return
            content = self.decision_content(tok)
            label = self.decision_label(tok)
            if content is not None:
                ev.summary, negative, ev.conditions = self.read_content(
                    content, self.not_acting(content)
                )
            else:  # "non-intervention": a decision not to intervene
                negative = bool(label and NON.match(label))
                ev.summary = NON.sub("", label) if label else None
            ev.polarity = "negative" if negative else "positive"
            ev.named = True  # told as taken, perhaps already told where it was taken
            return
        frame = self.framed.get(base + tok.idx)
        if frame is not None:  # a nominal frame: who acted, as its construction says
            role = "participant" if ev.type == "meeting" else "actor"
            parties = noun_parties(frame, tok)
            if (
                ev.type == "meeting"
                and tok.dep_ == "dobj"
                and tok.head.lemma_.casefold() in self.lex.travellers
                and (subj := cl.subject(tok.head)) is not None
            ):
                parties.append(subj)  # "Nixon made a trip to China": Nixon travelled
            for p in parties:
                for a, st, en, how in self.resolve(p, base, s):
                    ev.add(role, a, st, en, how)
            start, end = cl.subtree_span(tok, base, frozenset({"relcl", "acl"}))
            ev.summary = self.doc.text[start:end]
            ev.place = self.place(tok)
            return
        if ev.type == "communication":  # "the directive of the JCS to MacArthur"
            senders, recipients = self.message_ends(tok)
            for role, phrases in (("sender", senders), ("recipient", recipients)):
                for o in phrases:
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add(role, a, st, en, how)
            return
        start, end = cl.subtree_span(tok, base, frozenset({"relcl"}))
        role = "participant" if ev.type == "meeting" else "actor"
        if ev.type == "meeting":  # "his meeting with Kennedy": one told before, pointed back to
            ev.named = any(
                c.dep_ in ("poss", "det") and c.lower_ in RECALLING for c in tok.children
            )
        for m in self.noun_agents(tok) or self.index.within(start, end):
            ev.add(role, self.index.actor_of(m), m.start, m.end, "mention")
        head = tok.head
        while head.dep_ in ("prep", "pobj") and head.head.i != head.i and head.lemma_ not in ONSET:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and self.onset(tok) is None:
            # (not "With the onset of Operation Showdown, the CCF shifted": not the CCF's)
            subj = cl.subject(head)
            if ev.type == "meeting" or not ev.roles:
                for a, st, en, how in self.resolve(subj, base, s):
                    ev.add("participant" if ev.type == "meeting" else "actor", a, st, en, how)
        if ev.type == "military" and not ev.roles and head.lemma_ == "be":
            # "The battles at … were the central engagements for the Eighth Army"
            for attr in cl.children(head, "attr"):
                for o in cl.preps(attr, "for", "of"):
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add("actor", a, st, en, how)
        if ev.type == "meeting":
            # "initiated discussions on July 27 to determine a demarcation line"
            ev.summary = (
                ev.summary or self.topic(tok) or (self.topic(head) if head.i != tok.i else None)
            )
        else:
            ev.summary = self.doc.text[start:end]
            ev.place = self.place(tok)
