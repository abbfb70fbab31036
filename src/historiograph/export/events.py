"""Events -> CSV (one row per event), JSON, and TimelineJS 3 JSON. Pure functions over the
dicts that ``queries.events`` returns."""

from __future__ import annotations

import csv
import html
import io
import json

from historiograph import dates
from historiograph.describe import headline, names, when

# One column per slot; lists are joined with " | ".
CSV_COLUMNS = [
    "document", "id", "type", "date", "date_precision", "date_inferred", "date_basis", "time",
    "sender", "recipient", "via", "actor", "participants", "act", "other_acts", "channel",
    "polarity", "conditions", "reverses", "delivers", "place", "item", "summary", "content",
    "certainty",
    "evidence", "evidence_offsets", "notes", "citations",
]  # fmt: skip
_SUMMARIES = ("decision", "topic", "name", "summary")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " | ".join(_cell(v) for v in value)
    return str(value)


def to_csv(events: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        row = dict(e)
        row["summary"] = next((e[k] for k in _SUMMARIES if e.get(k)), None)
        row["evidence_offsets"] = [f"{s['start']}-{s['end']}" for s in e["evidence_spans"]]
        row["citations"] = [c["text"] for c in e["citations"]]
        writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def to_json(events: list[dict]) -> str:
    return json.dumps({"events": events}, ensure_ascii=False, indent=2) + "\n"


def _tl_date(value: str, time: str | None = None) -> dict:
    out: dict = {k: str(v) for k, v in dates.parts(value).items()}
    if time and "day" in out:
        hour, _, minute = time.partition(":")
        out |= {"hour": str(int(hour)), "minute": str(int(minute or 0))}
    return out


def _slide(e: dict) -> dict | None:
    if not e["date"] or dates.bounds(e["date"]) is None:
        return None
    first, _, last = e["date"].partition("/")
    slide: dict = {"start_date": _tl_date(first, e["time"])}
    if not slide["start_date"]:  # a decade states no year: start at its first, and say so
        span = dates.bounds(first)
        slide["start_date"] = {
            "year": str(span[0].year),
            "display_date": f"{span[0].year}–{span[1].year - 1}",
        }
    if last:
        slide["end_date"] = _tl_date(last)
    if e["date_inferred"]:
        slide["start_date"]["display_date"] = f"{when(e)} (date inferred from context)"
    notes = ", ".join(map(str, e["notes"]))
    sources = "".join(f"<li>{html.escape(c['text'])}</li>" for c in e["citations"])
    slide["text"] = {
        "headline": html.escape(headline(e)),
        "text": f"<p>“{html.escape(e['evidence'] or '')}”</p>"
        + (f"<p>Notes {notes}</p><ul>{sources}</ul>" if notes else ""),
    }
    slide["group"] = e["type"]
    slide["unique_id"] = f"{e['document']}-{e['id']}"
    return slide


def to_timelinejs(events: list[dict], title: str = "historiograph") -> str:
    """TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per
    dated event, at the precision of its date; undated events are left out."""
    slides = [s for s in map(_slide, events) if s]
    actors = sorted({names(e.get("sender") or e.get("actor")) for e in events} - {"?"})
    doc = {
        "title": {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{len(slides)} dated events; actors include "
                + html.escape(", ".join(actors[:8]))
                + ".</p>",
            }
        },
        "events": slides,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"csv": to_csv, "json": to_json, "timelinejs": to_timelinejs}
