"""historiograph: who told whom what, when, and on what evidence — from history articles."""

__version__ = "0.1.0"

from historiograph.errors import HistoriographError, InputError  # noqa: E402
from historiograph.ingest.article import parse_article, read_article  # noqa: E402
from historiograph.model import Block, Document, Footnote, Marker, Sentence  # noqa: E402

__all__ = [
    "Block",
    "Document",
    "Footnote",
    "HistoriographError",
    "InputError",
    "Marker",
    "Sentence",
    "__version__",
    "parse_article",
    "read_article",
]
