"""Read a FRUS TEI-XML volume, whole or cut at both ends, into one document per FRUS document.

The Office of the Historian publishes each volume of *Foreign Relations of the United
States* as one TEI file; each ``<div type="document">`` is a telegram, memorandum,
letter or editorial note. Here each becomes a :class:`~historiograph.model.Document`
with id ``VOLUME-dN`` (``frus1949v07p2-d190``) whose raw text is the div's XML exactly as
the file has it, so that every span maps back to the characters of the XML
(``meta["raw_offset"]`` is where the div starts in the file). Its text is what a reader
sees: the head as the title, the classification and dateline as headings, paragraphs,
table rows, and the footnotes after the body with a marker where each stood; the source
note is the unnumbered first note. ``<pb>`` page breaks become the pages layer.

A file saved from part of a volume opens and closes inside documents: the documents
whose start and end tags are both in the file are read, and the notices say what was
cut. The XML is parsed by lxml with no DTD, no entity expansion and no network
(``xmlscan``); a file that declares entities is refused before parsing.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from historiograph.errors import InputError
from historiograph.ingest import xmlscan
from historiograph.ingest.article import assemble, read_file
from historiograph.ingest.frus_meta import document_meta, find_parties, own_dateline
from historiograph.ingest.offsets import TextBuilder
from historiograph.ingest.reading import MarkerHit, RawBlock, ReaderOutput
from historiograph.ingest.writer import BlockWriter
from historiograph.model import Document, Page

TEI_SUFFIXES = (".xml", ".tei")
# Prefixes a slice may use without declaring them (their declarations were cut off).
_KNOWN_NS = {
    "": "http://www.tei-c.org/ns/1.0",
    "frus": "http://history.state.gov/frus/ns/1.0",
    "xi": "http://www.w3.org/2001/XInclude",
}
# Elements whose text is one block; the first that opens holds the blocks inside it.
_BLOCKS = {
    "p": "paragraph",
    "head": "heading",
    "dateline": "heading",
    "seg": "heading",
    "row": "paragraph",
    "item": "paragraph",
    "closer": "paragraph",
    "signed": "paragraph",
    "salute": "paragraph",
    "postscript": "paragraph",
    "label": "paragraph",
    "byline": "paragraph",
    "docAuthor": "paragraph",
    "l": "paragraph",
}
_SILENT = {"figure", "graphic", "milestone", "anchor", "fw"}  # nothing a reader reads
# what XML may write as a reference without a DTD: the five predefined entities, characters
_ENTITY = re.compile(r"&(?:#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);")


@dataclass(slots=True)
class _Cut:
    """Where a file saved from part of a volume was cut."""

    begins_inside: bool = False  # it closes elements it never opened
    ends_inside: bool = False  # elements are still open at its end
    open_document: int | None = None  # the tag of the document it ends inside

    def __bool__(self) -> bool:
        return self.begins_inside or self.ends_inside


@dataclass(slots=True)
class Volume:
    """What one TEI file gave: its documents, what was cut, and documents that failed."""

    documents: list[Document] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def looks_like_tei(raw: str) -> bool:
    return bool(re.search(r"<TEI\b|<div\b[^>]*\btype=[\"']document[\"']", raw[:2_000_000]))


def read_tei(path: str | Path) -> Volume:
    """Read a TEI file. Raises :class:`InputError` for a file that is not one, or unsafe."""
    path = Path(path)
    return parse_tei(read_file(path)[1], path)


def parse_tei(raw: str, path: str | Path) -> Volume:
    xmlscan.refuse_unsafe(raw, path)
    if not looks_like_tei(raw):
        raise InputError(path, 'not a TEI volume (no <TEI> element and no <div type="document">)')
    tags = xmlscan.scan(raw)
    spans, cut, namespaces = _document_spans(raw, tags, path)
    if not cut:  # a whole file: lxml checks all of it, entity references included
        xmlscan.parse(raw, path)
    volume_id = _volume_id(raw, tags, path)
    out = Volume()
    if not spans:
        raise InputError(path, 'no complete <div type="document"> in the file')
    page, k = None, 0  # the printed page a document starts on: the last break before it
    for first, last in spans:
        for t in tags[k:first]:
            if t.local == "pb" and t.attr("n"):
                page = t.attr("n")
        k = first
        open_tag = tags[first]
        doc_xml_id = open_tag.attr("xml:id") or f"n{open_tag.attr('n') or first}"
        try:
            doc = _read_document(
                raw, tags[first : last + 1], namespaces, volume_id, doc_xml_id, path
            )
        except InputError as e:
            out.errors.append(InputError(path, f"document {doc_xml_id}: {e.problem}"))
            continue
        starts_on = doc.pages[0].label if doc.pages and doc.pages[0].start == 0 else page
        if starts_on:
            doc.meta["page_first"] = starts_on
        if doc.pages or starts_on:
            doc.meta["page_last"] = doc.pages[-1].label if doc.pages else starts_on or ""
        out.documents.append(doc)
    out.notices = _cut_notices(raw, tags, spans, cut)
    return out


def _document_spans(
    raw: str, tags: list[xmlscan.Tag], path: str | Path
) -> tuple[list[tuple[int, int]], _Cut, dict[str, str]]:
    """(first tag, last tag) of each complete document div; where the file was cut; the
    namespaces declared on the way."""
    stack: list[int] = []
    spans: list[tuple[int, int]] = []
    cut = _Cut()
    namespaces = dict(_KNOWN_NS)
    doc_at: int | None = None  # depth at which the open document div sits
    doc_start = 0  # its start tag
    for i, t in enumerate(tags):
        if t.kind == "end":
            if not stack:
                cut.begins_inside = True  # closes what opened before the file
                continue
            top = tags[stack.pop()]
            if top.name != t.name:
                raise InputError(
                    path,
                    f"not well-formed XML (line {xmlscan.line_of(raw, t.start)}: </{t.name}>"
                    f" closes <{top.name}> of line {xmlscan.line_of(raw, top.start)})",
                )
            if doc_at is not None and len(stack) == doc_at:
                spans.append((doc_start, i))
                doc_at = None
            continue
        for m in re.finditer(r"xmlns(?::([\w.-]+))?\s*=\s*[\"']([^\"']*)[\"']", t.attrs):
            namespaces[m.group(1) or ""] = m.group(2)
        if t.kind == "start":
            if doc_at is None and t.local == "div" and t.attr("type") == "document":
                doc_at, doc_start = len(stack), i
            stack.append(i)
    cut.ends_inside = bool(stack)
    if doc_at is not None:
        cut.open_document = doc_start
    return spans, cut, namespaces


def _cut_notices(
    raw: str, tags: list[xmlscan.Tag], spans: list[tuple[int, int]], cut: _Cut
) -> list[str]:
    notices = []
    if cut.begins_inside:
        first = tags[spans[0][0]].attr("xml:id") if spans else None
        inside = re.findall(r"xml:id=[\"'](d\d+)fn", raw[: tags[spans[0][0]].start if spans else 0])
        where = f" (inside {inside[-1]}, whose opening was cut off)" if inside else ""
        notices.append(f"the file begins inside the volume{where}; read from {first}")
    if cut.open_document is not None:
        tag = tags[cut.open_document]
        notices.append(
            f"the file ends inside document {tag.attr('xml:id') or '?'}"
            f" (line {xmlscan.line_of(raw, tag.start)}), which was not read"
        )
    elif cut.ends_inside:
        notices.append("the file ends before its outer elements close")
    return notices


def _volume_id(raw: str, tags: list[xmlscan.Tag], path: str | Path) -> str:
    """The volume's id: the TEI element's ``xml:id``, else the file name's ``frus…`` part."""
    for t in tags[:50]:
        if t.local == "TEI" and t.attr("xml:id"):
            return t.attr("xml:id") or ""
    stem = Path(path).stem
    m = re.match(r"(frus[\w-]*?\d(?:[\w-]*?v\d+\w*?)?)(?:_|\.|$)", stem)
    return m.group(1) if m else stem


def _read_document(
    raw: str,
    tags: list[xmlscan.Tag],
    namespaces: dict[str, str],
    volume_id: str,
    xml_id: str,
    path: str | Path,
) -> Document:
    start, end = tags[0].start, tags[-1].end
    div = raw[start:end]
    used = {prefix for t in tags for prefix in t.prefixes()}
    declared = dict(namespaces)
    for prefix in used - {"xml", "xmlns"} - declared.keys():
        declared[prefix] = f"urn:historiograph:undeclared:{prefix}"
    decls = " ".join(
        f'xmlns="{uri}"' if not p else f'xmlns:{p}="{uri}"' for p, uri in declared.items()
    )
    root = xmlscan.parse(
        f"<wrapper {decls}>{div}</wrapper>", path, offset_line=xmlscan.line_of(raw, start) - 1
    )
    element = root[0]
    shifted = [xmlscan.Tag(t.kind, t.name, t.start - start, t.end - start, t.attrs) for t in tags]
    reader = _DocumentText(div, element, shifted)
    out, pages = reader.read()
    meta = document_meta(element, volume_id)
    meta["raw_offset"] = str(start)
    meta["xml_id"] = xml_id
    doc_id = f"{volume_id}-{xml_id}"
    out.meta = meta
    doc = assemble(out, div, doc_id, str(path), hashlib.sha256(div.encode("utf-8")).hexdigest())
    doc.pages = pages
    doc.dateline = reader.block_of.get(own_dateline(element))
    doc.parties = find_parties(doc, reader.names, reader.rows)
    for role in ("from", "to"):
        named = [doc.text[p.start : p.end] for p in doc.parties if p.role == role]
        if named:
            doc.meta[role] = "; ".join(named)
    return doc


def _has_text(el) -> bool:  # type: ignore[no-untyped-def]
    """Does the element hold text a reader reads (notes, pages and line breaks aside)?"""
    if (el.text or "").strip():
        return True
    for child in el:
        if isinstance(child.tag, str) and xmlscan.local(child.tag) not in {"note", "pb", "lb"}:
            if xmlscan.local(child.tag) not in _SILENT and _has_text(child):
                return True
        if (child.tail or "").strip():
            return True
    return False


class _DocumentText:
    """The text of one document div, built from the raw XML with every character's origin."""

    def __init__(self, raw: str, element: etree._Element, tags: list[xmlscan.Tag]):
        self.raw = raw
        self.root = element
        self.builder = TextBuilder(raw)
        self.w = BlockWriter(self.builder)
        self.blocks: list[RawBlock] = []
        self.markers: list[MarkerHit] = []
        self.italics: list[tuple[int, int]] = []
        self.pages: list[tuple[str, int, int, int]] = []  # label, text pos, raw start, raw end
        self.names: list[tuple[str, int, int]] = []  # from|to and the span that names them
        self.rows: list[tuple[int, int]] = []  # table rows, in order
        self.block_of: dict[etree._Element, tuple[int, int]] = {}  # the blocks by element
        self.notes: list[tuple[str, etree._Element]] = []  # deferred to after the body
        # None between blocks; "block" inside an element's block (or an element with
        # nothing to read, whose blocks are not opened); "loose" for text straight inside a
        # container, a paragraph until the next block-level element
        self.block_open: str | None = None
        self.front = 0  # inside the document's own head, opener or closer
        self.waiting_pages: list[tuple[str, int, int]] = []  # breaks before the next block
        self.place = self._positions(element, tags)

    @staticmethod
    def _positions(element, tags):  # type: ignore[no-untyped-def]
        """element -> (start tag start, start tag end, end tag start, end tag end)."""
        elements = [e for e in element.iter() if isinstance(e.tag, str)]
        opened = [t for t in tags if t.kind != "end"]
        if len(elements) != len(opened):
            raise InputError("", "the XML's elements could not be matched to its tags")
        place, stack = {}, []
        by_start = dict(zip((id(t) for t in opened), elements, strict=True))
        for t in tags:
            if t.kind == "start":
                stack.append(t)
            elif t.kind == "empty":
                place[by_start[id(t)]] = (t.start, t.end, t.end, t.end)
            else:
                o = stack.pop()
                place[by_start[id(o)]] = (o.start, o.end, t.start, t.end)
        return place

    def read(self) -> tuple[ReaderOutput, list[Page]]:
        self._element(self.root, top=True)
        self._close_loose()
        end = len(self.builder)
        self.pages += [(label, end, rs, re_) for label, rs, re_ in self.waiting_pages]
        for label, note in self.notes:
            self._note(label, note)
        text, offsets = self.builder.build()
        out = ReaderOutput("frus-tei", text, offsets, self.blocks, self.markers, self.italics)
        pages = []
        for i, (label, pos, rs, re_) in enumerate(self.pages):
            nxt = self.pages[i + 1][1] if i + 1 < len(self.pages) else len(text)
            pages.append(Page(label, pos, max(pos, nxt), rs, re_))
        return out, pages

    # -- elements -------------------------------------------------------------
    def _element(self, el, top: bool = False) -> None:  # type: ignore[no-untyped-def]
        name = xmlscan.local(el.tag)
        o_start, o_end, c_start, c_end = self.place[el]
        if name == "note" and not top:
            label = "source" if el.get("type") == "source" else el.get("n") or "*"
            if label != "source" and label.isdigit():
                self.markers.append(
                    MarkerHit(int(label), self.w.anchor(), o_start, o_end, "superscript")
                )
            self.w.skip(o_start, c_end)
            self.notes.append((label, el))
            return
        if name == "pb":
            page = (el.get("n") or "", o_start, o_end)
            if self.block_open:
                self.pages.append((page[0], self.w.next_pos(), o_start, o_end))
            else:  # between blocks: the page begins with the next one
                self.waiting_pages.append(page)
            self.w.skip(o_start, o_end)
            return
        if name == "lb":
            self.w.space(o_start, o_end)
            return
        if name in _SILENT:
            self.w.skip(o_start, c_end)
            return
        if self.block_open == "loose" and name in _BLOCKS:
            self._close_loose()
        block = None if self.block_open or top else _BLOCKS.get(name)
        if block and not _has_text(el):  # nothing to read: no block, notes and pages kept
            self.block_open = "block"
            self._content(el, o_end, c_start)
            self.block_open = None
            return
        if block:
            if name == "head" and el.getparent() is self.root and not self._has_title():
                block = "title"
            self._close_loose()
            self._open()
        begin = self.w.next_pos()
        front = name in ("head", "opener", "closer") and el.getparent() is self.root
        self.front += front
        self._content(el, o_end, c_start)
        self.front -= front
        if (
            self.front  # the document's own head, opener, closer; not an enclosure's
            and el.get("type") in ("from", "to")
            and name in ("persName", "gloss", "orgName", "rs")
        ):
            self.names.append((el.get("type"), begin, self.w.anchor()))
        if name == "hi" and el.get("rend") == "italic" and self.w.anchor() > begin:
            self.italics.append((begin, self.w.anchor()))
        if block and (written := self._end_block(block)) is not None:
            self.block_of[el] = (written.start, written.end)
            if name == "row":
                self.rows.append((written.start, written.end))

    def _has_title(self) -> bool:
        return any(b.kind == "title" for b in self.blocks)

    def _content(self, el, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
        pos = start
        for child in el:
            if not isinstance(child.tag, str):
                continue
            c_open, _, _, c_close = self.place[child]
            self._text(pos, c_open)
            self._element(child)
            pos = c_close
        self._text(pos, end)

    def _text(self, start: int, end: int) -> None:
        """Raw character data: copied, entities decoded, comments and PIs dropped."""
        if start >= end:
            return
        if not self.block_open:
            if not self.raw[start:end].strip():
                self.w.skip(start, end)
                return
            self._open()  # text straight inside a container: a paragraph of its own
            self.block_open = "loose"
        pos = start
        for s, e, kind in xmlscan.markup_spans(self.raw, start, end):
            self._characters(pos, s)
            if kind == "cdata":
                self._characters(s + 9, e - 3, cdata=True)
            else:
                self.w.skip(s, e)
            pos = e
        self._characters(pos, end)

    def _characters(self, start: int, end: int, cdata: bool = False) -> None:
        pos = start
        if not cdata:
            for m in _ENTITY.finditer(self.raw, start, end):
                self.w.text(pos, m.start())
                self.w.write(html.unescape(m.group()), m.start(), m.end())
                pos = m.end()
        self.w.text(pos, end)

    def _open(self) -> None:
        self.w.open_block()
        self.block_open = "block"
        for label, rs, re_ in self.waiting_pages:
            self.pages.append((label, self.w.anchor(), rs, re_))
        self.waiting_pages = []

    def _end_block(self, kind: str, label: str | None = None) -> RawBlock | None:
        """Close the open block; the block written, or None when it held nothing."""
        empty = self.w.block_is_empty
        s, e = self.w.close_block()
        self.block_open = None
        if empty:
            return None
        self.blocks.append(RawBlock(kind, s, e, label))
        return self.blocks[-1]

    def _close_loose(self) -> None:
        if self.block_open == "loose":
            self._end_block("paragraph")

    def _note(self, label: str, el) -> None:  # type: ignore[no-untyped-def]
        o_start, o_end, c_start, _ = self.place[el]
        self._open()
        self._content(el, o_end, c_start)
        self._end_block("note", label)
