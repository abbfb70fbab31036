"""XML as characters: where each tag of a file stands, and a safe parser for what it holds.

lxml reads the structure; it does not say at which character of the file an element
starts. The scanner here finds every tag's place in the raw text, so that the reader can
pair the n-th element lxml gives with the n-th start tag of the file and copy its text
character by character. The scanner is only trusted on text lxml has accepted as
well-formed (it does not check XML itself); on a file cut at both ends it also finds the
elements that open and close inside the cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from historiograph.errors import InputError

# Markup of any kind; for a tag, (1) "/" of an end tag, (2) the name, (3) the attributes,
# (4) "/" of an empty element.
_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(/?)([^\s/>!?]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
    re.S,
)
_ATTR = re.compile(r"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# What a file may declare that a parser would expand or fetch: refused before parsing.
_ENTITY_DECL = re.compile(r"<!ENTITY\b")
_EXTERNAL_DTD = re.compile(r"<!DOCTYPE[^>\[]*\b(?:SYSTEM|PUBLIC)\b")


@dataclass(slots=True)
class Tag:
    """One start, end or empty-element tag at ``raw[start:end]``."""

    kind: str  # start | end | empty
    name: str
    start: int
    end: int
    attrs: str  # the attribute text, parsed on demand

    def attr(self, name: str) -> str | None:
        for m in _ATTR.finditer(self.attrs):
            if m.group(1) == name:
                return m.group(2) if m.group(2) is not None else m.group(3)
        return None

    @property
    def local(self) -> str:
        return self.name.rpartition(":")[2]

    def prefixes(self) -> set[str]:
        """The namespace prefixes the tag uses, in its name and attribute names (not xml:)."""
        names = [self.name] + [m.group(1) for m in _ATTR.finditer(self.attrs)]
        return {n.partition(":")[0] for n in names if ":" in n} - {"xml", "xmlns"}


def scan(raw: str, start: int = 0, end: int | None = None) -> list[Tag]:
    """Every tag of ``raw[start:end]`` in order (comments, CDATA, PIs and DOCTYPE left out)."""
    tags = []
    for m in _MARKUP.finditer(raw, start, len(raw) if end is None else end):
        if m.group(2) is None:
            continue
        kind = "end" if m.group(1) else "empty" if m.group(4) else "start"
        tags.append(Tag(kind, m.group(2), m.start(), m.end(), m.group(3)))
    return tags


def markup_spans(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Comments, CDATA sections and processing instructions in ``raw[start:end]``:
    ``(start, end, kind)`` with kind ``comment`` | ``cdata`` | ``pi``."""
    out = []
    for m in _MARKUP.finditer(raw, start, end):
        text = m.group()
        if text.startswith("<!--"):
            out.append((m.start(), m.end(), "comment"))
        elif text.startswith("<![CDATA["):
            out.append((m.start(), m.end(), "cdata"))
        elif text.startswith("<?"):
            out.append((m.start(), m.end(), "pi"))
    return out


def line_of(raw: str, pos: int) -> int:
    return raw.count("\n", 0, pos) + 1


def refuse_unsafe(raw: str, path: str | Path) -> None:
    """Refuse a file that declares entities or names an external DTD (a billion-laughs
    file, or one that would read other files or the network), before any parser sees it."""
    if m := _ENTITY_DECL.search(raw):
        raise InputError(
            path,
            f"declares entities (<!ENTITY …> at line {line_of(raw, m.start())}): refused,"
            " since historiograph expands no entity a file defines (that is how entity bombs"
            " and external-entity attacks work); FRUS volumes declare none",
        )
    if m := _EXTERNAL_DTD.search(raw):
        raise InputError(
            path,
            f"names an external DTD (line {line_of(raw, m.start())}): refused, since"
            " historiograph loads nothing a file points to",
        )


def safe_parser() -> etree.XMLParser:
    """lxml that loads no DTD, resolves no entity, touches no network and keeps its
    limits on depth and size (``huge_tree`` off)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(text: str, where: str | Path, offset_line: int = 0) -> etree._Element:
    """Parse ``text`` safely; a failure is one :class:`InputError` naming the line."""
    try:
        return etree.fromstring(text.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as e:
        line = (e.lineno or 1) + offset_line
        message = re.sub(r",? line \d+, column \d+$", "", str(e.msg or e)).strip()
        raise InputError(where, f"not well-formed XML (line {line}: {message})") from None


def local(tag: object) -> str:
    """An lxml tag's local name ("{ns}div" -> "div")."""
    return str(tag).rpartition("}")[2]
