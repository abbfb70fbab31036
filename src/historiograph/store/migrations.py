"""The database schema, changed only through ordered, named migrations.

Each migration is a function returning SQL; it runs once, inside the
transaction that records its name in ``_migrations`` (the pattern of
sqlite-utils' migrations). To change the schema, append a new function to
``MIGRATIONS``; never edit one that has been applied.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def m001_documents() -> str:
    return """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,          -- the file stem unless given
            path TEXT NOT NULL,           -- as given to ingest
            sha256 TEXT NOT NULL,         -- of the raw file's bytes
            format TEXT NOT NULL,         -- pdf-text | markdown
            title TEXT,
            raw TEXT NOT NULL,            -- the file as decoded (offsets: raw_*)
            text TEXT NOT NULL,           -- the normalized text (offsets: start, end)
            n_words INTEGER NOT NULL,
            reader_version TEXT NOT NULL
        );
        -- norm[norm_start:norm_end] stands for raw[raw_start:raw_end];
        -- copied = 1: character for character, 0: written in place of that range.
        CREATE TABLE offset_segments (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            norm_start INTEGER NOT NULL, norm_end INTEGER NOT NULL,
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            copied INTEGER NOT NULL,
            PRIMARY KEY (doc_id, norm_start)
        ) WITHOUT ROWID;
        CREATE TABLE blocks (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,           -- title | heading | paragraph | note
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE sentences (
            rowid INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            block_idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (doc_id, idx)
        );
        CREATE TABLE footnotes (
            rowid INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL,          -- the number as printed, or a symbol
            n INTEGER,                    -- the number, when it is one
            kind TEXT NOT NULL,           -- note | author_note
            block_idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX footnotes_doc_n ON footnotes(doc_id, n);
        CREATE TABLE markers (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            n INTEGER NOT NULL,           -- the footnote number it refers to
            pos INTEGER NOT NULL,         -- anchor in the normalized text
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,  -- its digits in the raw file
            style TEXT NOT NULL,          -- superscript | markdown | glued | spaced | word | alone
            sentence_idx INTEGER,         -- the sentence that cites the note
            footnote_rowid INTEGER REFERENCES footnotes(rowid),  -- NULL when the text is absent
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE styles (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,           -- italic
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        );
        CREATE INDEX styles_doc ON styles(doc_id, start);
        """


def m002_full_text_search() -> str:
    return """
        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE footnotes_fts USING fts5(
            text, content='footnotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TRIGGER footnotes_ai AFTER INSERT ON footnotes BEGIN
            INSERT INTO footnotes_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER footnotes_ad AFTER DELETE ON footnotes BEGIN
            INSERT INTO footnotes_fts(footnotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        """


def m003_citations() -> str:
    return """
        -- One row per citation in a footnote, in the note's order.
        CREATE TABLE citations (
            rowid INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            note_n INTEGER NOT NULL,      -- the footnote's number
            idx INTEGER NOT NULL,         -- position in the note, from 0
            kind TEXT NOT NULL,           -- archival | frus | book | article | chapter | report |
                                          -- periodical | manuscript | interview | ibid | short | unparsed
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,  -- in documents.text
            text TEXT NOT NULL,           -- the citation as printed (normalized)
            fields TEXT NOT NULL,         -- JSON: authors, title, container, pages, fond, … as printed
            shelfmark TEXT,               -- canonical archival shelfmark, when archival
            refers_n INTEGER, refers_i INTEGER,  -- ibid / short: the full citation it stands for
            stage_version TEXT NOT NULL,
            UNIQUE (doc_id, note_n, idx)
        );
        CREATE TABLE note_commentary (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            note_n INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL  -- prose in the note that cites nothing
        );
        -- The source registry: one row per distinct work or archival document.
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,          -- derived from key
            key TEXT NOT NULL UNIQUE,     -- normalized natural key (see stages/sources.py)
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            fields TEXT NOT NULL          -- JSON, from the first full citation seen
        );
        CREATE TABLE citation_sources (
            citation_rowid INTEGER NOT NULL REFERENCES citations(rowid) ON DELETE CASCADE,
            source_id TEXT NOT NULL REFERENCES sources(id),
            role TEXT NOT NULL,           -- work | document (the document a "cited from" names)
            PRIMARY KEY (citation_rowid, source_id)
        );
        CREATE INDEX citation_sources_source ON citation_sources(source_id);
        """


def m004_actors_and_times() -> str:
    return """
        -- Actors across the corpus: a gazetteer entry, or a name first seen in a text.
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,          -- gazetteer id, or derived from the canonical name
            name TEXT NOT NULL,           -- canonical name
            kind TEXT NOT NULL,           -- person | organization | state | group | role | scholar
            origin TEXT NOT NULL          -- gazetteer | text
        );
        CREATE TABLE actor_mentions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,  -- in documents.text
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            text TEXT NOT NULL,           -- the mention as printed, title included
            title TEXT,                   -- the title printed before the name ("Soviet Ambassador")
            actor_id TEXT NOT NULL REFERENCES actors(id),
            holder_id TEXT REFERENCES actors(id),  -- for a role: who held it at the time
            sentence_idx INTEGER,
            how TEXT NOT NULL,            -- gazetteer | ner | surname | title | role | pronoun
            ner_label TEXT,               -- what spaCy's model said, when it said anything
            stage_version TEXT NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
        -- Temporal expressions of the body text, resolved through the narrative.
        CREATE TABLE times (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,           -- date | time | duration | set
            value TEXT,                   -- ISO 8601 / TimeML; NULL when it cannot be resolved
            precision TEXT,               -- year | month | week | day | part_of_day | minute | season | decade | duration | set
            qualifier TEXT, mod TEXT,     -- early | late | by …, and the TimeML mod
            inferred INTEGER NOT NULL,    -- 1: completed from context (year, "two days later")
            anchor TEXT,                  -- the value it was counted from
            anchor_start INTEGER, anchor_end INTEGER,
            in_quote INTEGER NOT NULL, vague INTEGER NOT NULL,
            sentence_idx INTEGER,
            stage_version TEXT NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        """


def m005_events() -> str:
    return """
        -- Events the body states: communications, decisions, meetings, military
        -- operations, negotiation steps. Slots that do not apply to a type are NULL.
        CREATE TABLE events (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            id TEXT NOT NULL,             -- e001, e002 … in text order
            type TEXT NOT NULL,           -- communication | decision | meeting | military | negotiation
            act TEXT,                     -- speech act, or negotiation act
            other_acts TEXT NOT NULL,     -- JSON list: further speech acts of the same message
            channel TEXT,                 -- telegram | letter | verbal | meeting | conversation | …
            date TEXT,                    -- ISO 8601 at the precision the text supports
            date_precision TEXT,
            date_inferred INTEGER NOT NULL,  -- 1: carried from context or completed (year)
            date_start INTEGER, date_end INTEGER,  -- the time expression the date comes from
            time TEXT,                    -- HH:MM when the text gives a clock time
            polarity TEXT,                -- decisions: positive | negative
            conditions TEXT NOT NULL,     -- JSON list of condition texts
            reverses TEXT,                -- id of the earlier decision this one overturns
            summary TEXT,                 -- what was decided / the topic / the operation
            content TEXT,                 -- the message as quoted
            place TEXT,
            item TEXT,                    -- negotiation: agenda item
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
            trigger TEXT NOT NULL,        -- the word that states the event
            sentence_idx INTEGER NOT NULL,
            stage_version TEXT NOT NULL,
            PRIMARY KEY (doc_id, id)
        );
        CREATE TABLE event_roles (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
            role TEXT NOT NULL,           -- sender | recipient | via | actor | participant
            actor_id TEXT NOT NULL REFERENCES actors(id),
            start INTEGER, "end" INTEGER, -- the mention or pronoun that names it
            how TEXT NOT NULL,            -- mention | pronoun
            FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
        );
        CREATE INDEX event_roles_actor ON event_roles(actor_id);
        CREATE TABLE event_evidence (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
            idx INTEGER NOT NULL,         -- 0: the sentence that states it; then restatements
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,  -- a sentence of documents.text
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
        );
        CREATE TABLE event_notes (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
            note_n INTEGER NOT NULL,      -- footnote number; citations via citations.note_n
            FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
        );
        """


def m006_members_and_derived_decisions() -> str:
    return """
        -- Who sat in a body (from the gazetteer): a body's decisions are its members' too.
        CREATE TABLE actor_members (
            body_id TEXT NOT NULL REFERENCES actors(id),
            member_id TEXT NOT NULL REFERENCES actors(id),
            PRIMARY KEY (body_id, member_id)
        );
        -- A decision read from a communication ("declined Stalin's request"): its id.
        ALTER TABLE events ADD COLUMN derived_from TEXT;
        """


def m007_note_scope_and_cited_documents() -> str:
    return """
        -- How far back the document's notes reach: sentence | run (stages/note_reach.py).
        ALTER TABLE documents ADD COLUMN note_scope TEXT NOT NULL DEFAULT 'sentence';
        -- 1: the note covers the event's sentence only by that reach (no marker of its own).
        ALTER TABLE event_notes ADD COLUMN inferred INTEGER NOT NULL DEFAULT 0;
        -- JSON {slot: note number}: slots a document the note cites supplied
        -- (stages/note_documents.py).
        ALTER TABLE events ADD COLUMN from_note TEXT;
        """


def m008_date_basis() -> str:
    return """
        -- "after e029" / "with e030": the event a word of sequence dates this one against
        -- ("Following this decision", "Concurrently"; stages/event_order.py).
        ALTER TABLE events ADD COLUMN date_basis TEXT;
        """


def m009_certainty() -> str:
    return """
        -- "inferred": the event is told as the author's inference ("It is highly probable
        -- that … the telegram was relayed to Mao"); NULL when the text states it.
        ALTER TABLE events ADD COLUMN certainty TEXT;
        """


def m010_delivers() -> str:
    return """
        -- a delivery ("Roshchin delivered the Stalin-Zhou joint telegram to Mao"): the id of
        -- the message it hands over, when the text tells that message.
        ALTER TABLE events ADD COLUMN delivers TEXT;
        """


def m011_document_meta() -> str:
    return """
        -- what the file states about itself (SOURCE:, TITLE: lines, YAML front matter),
        -- as a JSON object; '{}' when it states nothing
        ALTER TABLE documents ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';
        """


def m012_citation_location() -> str:
    return """
        -- where a citation's location is printed (normalized offsets), when it is not in
        -- the citation's own span: "A to B, date; and C to D, date in NARA, RG 59, …" gives
        -- the first document the location printed after the second
        ALTER TABLE citations ADD COLUMN location_start INTEGER;
        ALTER TABLE citations ADD COLUMN location_end INTEGER;
        """


def m013_pages() -> str:
    return """
        -- The printed pages of a primary source (a FRUS document): the page numbered
        -- label begins at its page break (the <pb/> tag at raw_start..raw_end) and runs
        -- to the next; normalized offsets.
        CREATE TABLE pages (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
            PRIMARY KEY (doc_id, start, label)
        );
        """


MIGRATIONS: list[Callable[[], str]] = [
    m001_documents,
    m002_full_text_search,
    m003_citations,
    m004_actors_and_times,
    m005_events,
    m006_members_and_derived_decisions,
    m007_note_scope_and_cited_documents,
    m008_date_basis,
    m009_certainty,
    m010_delivers,
    m011_document_meta,
    m012_citation_location,
    m013_pages,
]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied = []
    for migration in MIGRATIONS:
        name = migration.__name__
        if name in done:
            continue
        # One transaction per migration: its schema and its record land together.
        script = (
            f"BEGIN;\n{migration()}\nINSERT INTO _migrations (name) VALUES ('{name}');\nCOMMIT;"
        )
        try:
            db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
