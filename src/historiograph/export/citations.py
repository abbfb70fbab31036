"""Source registry -> CSL-JSON (Zotero, citeproc), BibTeX, CSV. Pure functions over dicts."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from historiograph.stages.sources import us_location

# Our kinds -> CSL item types (https://docs.citationstyles.org/en/stable/specification.html)
CSL_TYPES = {
    "archival": "manuscript",
    "frus": "document",
    "book": "book",
    "article": "article-journal",
    "chapter": "chapter",
    "report": "report",
    "periodical": "article-newspaper",
    "web": "webpage",
    "hearing": "hearing",
    "congressional": "bill",
    "congressional-record": "document",
    "legislation": "legislation",
    "manuscript": "manuscript",
    "interview": "interview",
    "document": "document",
}
BIBTEX_TYPES = {
    "book": "book",
    "article": "article",
    "chapter": "incollection",
    "report": "techreport",
    "manuscript": "unpublished",
    "archival": "misc",
    "frus": "misc",
    "periodical": "misc",
    "interview": "misc",
    "document": "misc",
}


def _person(name: str) -> dict[str, str]:
    """ "Allen S. Whiting" -> family/given; a romanized Chinese name or an institution stays literal."""
    parts = name.split()
    if len(parts) >= 2 and any(re.fullmatch(r"[A-Z]\.", p) for p in parts[:-1]):
        return {"family": parts[-1], "given": " ".join(parts[:-1])}
    return {"literal": name}


def _names(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _date_parts(value: str) -> dict[str, Any] | None:
    """ "1950-10-03" -> [[1950, 10, 3]]; a span of years ("1945–1950") -> both ends."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:\s*[–/-]\s*(\d{4})$)?", value.strip())
    if not m:
        return None
    first = [int(p) for p in m.groups()[:3] if p]
    return {"date-parts": [first, [int(m.group(4))]] if m.group(4) else [first]}


def csl_item(source: dict) -> dict[str, Any]:
    """One registry source as a CSL-JSON item."""
    f = source["fields"]
    item: dict[str, Any] = {
        "id": source["id"],
        "type": CSL_TYPES.get(source["kind"], "document"),
        "title": f.get("title") or source["label"],
    }
    if f.get("authors"):
        item["author"] = [_person(a) for a in f["authors"]]
    if f.get("editors"):
        item["editor"] = [_person(a) for a in f["editors"]]
    if f.get("creator") and "author" not in item:
        item["author"] = [_person(n) for n in _names(f["creator"])]
    if f.get("recipient"):
        item["recipient"] = [_person(n) for n in _names(f["recipient"])]
    if f.get("container"):
        item["container-title"] = f["container"]
    elif source["kind"] == "frus":
        item["container-title"] = "Foreign Relations of the United States"
    for ours, theirs in (
        ("volume", "volume"),
        ("issue", "issue"),
        ("place", "publisher-place"),
        ("archive", "archive"),
    ):
        if f.get(ours):
            item[theirs] = str(f[ours])
    if source["kind"] == "frus" and f.get("doc"):
        item["number"] = f["doc"]
    if source["kind"] == "archival":
        levels = (("fond", "f."), ("opis", "op."), ("delo", "d."))
        russian = ", ".join(f"{abbr} {f[k]}" for k, abbr in levels if f.get(k))
        item["archive_location"] = russian or us_location(f)
        if f.get("archive_place"):
            item["archive-place"] = f["archive_place"]
    if f.get("url"):
        item["URL"] = f["url"]
    if f.get("publisher"):
        item["publisher"] = f["publisher"]
    if issued := _date_parts(f.get("date") or f.get("year") or ""):
        item["issued"] = issued
    item["note"] = f"historiograph source {source['id']}; cited {source['citations']} time(s)"
    return item


def to_csl_json(sources: list[dict]) -> str:
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2)


def _bib_escape(value: str) -> str:
    return (
        value.replace("\\", "\\textbackslash{}")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("&", "\\&")
        .replace("%", "\\%")
        .replace("#", "\\#")
        .replace("_", "\\_")
    )


def to_bibtex(sources: list[dict]) -> str:
    entries = []
    for s in sources:
        f = s["fields"]
        fields: dict[str, str] = {"title": f.get("title") or s["label"]}
        if f.get("authors") or f.get("creator"):
            fields["author"] = " and ".join(f.get("authors") or _names(f["creator"]))
        if f.get("editors"):
            fields["editor"] = " and ".join(f["editors"])
        for ours, theirs in (
            ("container", "journal" if s["kind"] == "article" else "booktitle"),
            ("volume", "volume"),
            ("issue", "number"),
            ("place", "address"),
            ("year", "year"),
            ("date", "date"),
        ):
            if f.get(ours):
                fields[theirs] = str(f[ours])
        if s["kind"] == "archival":
            fields["howpublished"] = ", ".join(
                str(x)
                for x in [
                    f.get("archive"),
                    *(f"{k} {f[k]}" for k in ("fond", "opis", "delo") if f.get(k)),
                    us_location(f),
                ]
                if x
            )
        body = ",\n".join(f"  {k} = {{{_bib_escape(v)}}}" for k, v in fields.items())
        entries.append(f"@{BIBTEX_TYPES.get(s['kind'], 'misc')}{{{s['id']},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


CSV_COLUMNS = [
    "id",
    "kind",
    "label",
    "citations",
    "authors",
    "editors",
    "title",
    "container",
    "volume",
    "issue",
    "year",
    "place",
    "date",
    "archive",
    "fond",
    "opis",
    "delo",
    "record_group",
    "series",
    "file",
    "box",
    "folder",
    "url",
    "creator",
    "recipient",
    "doc",
    "cited_in",
]


def to_csv(sources: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in sources:
        f = s["fields"]
        row = {k: s.get(k, "") for k in ("id", "kind", "label", "citations")}
        for k in CSV_COLUMNS[4:-1]:
            v = f.get(k, "")
            row[k] = "; ".join(v) if isinstance(v, list) else v
        row["cited_in"] = "; ".join(f"{p['doc']} n{p['note']}" for p in s.get("cited_in", []))
        writer.writerow(row)
    return out.getvalue()


FORMATS = {"csl-json": to_csl_json, "bibtex": to_bibtex, "csv": to_csv}
