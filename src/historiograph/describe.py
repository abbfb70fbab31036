"""One-line descriptions of an event (who, what, when), shared by the CLI, the exports and the
explorer, so that an event reads the same everywhere."""

from __future__ import annotations


def names(value: str | list[str] | None) -> str:
    if value is None:
        return "?"
    return value if isinstance(value, str) else " & ".join(value)


def when(e: dict) -> str:
    """The date as precise as the text is, "~" when inferred, and the clock time if stated."""
    when = e["date"] or "undated"
    if e["time"]:
        when += f" {e['time']}"
    return ("~" if e["date_inferred"] else "") + when


def who(e: dict) -> str:
    t = e["type"]
    if t == "communication":
        via = f" via {names(e['via'])}" if e["via"] else ""
        return f"{names(e['sender'])} -> {names(e['recipient'])}{via}"
    if t == "meeting":
        return names(e["participants"])
    return names(e.get("actor"))


def what(e: dict) -> str:
    t = e["type"]
    if t == "communication":
        act = e["act"]
        if act == "deliver" and e.get("delivers"):
            act = f"deliver {e['delivers']}"  # "deliver e084": the message handed over
        return ", ".join(x for x in [act, *e["other_acts"], e["channel"]] if x)
    if t == "decision":
        sign = "NOT " if e["polarity"] == "negative" else ""
        return f"{sign}{e['decision'] or '?'}"
    if t == "meeting":
        return e["topic"] or (f"at {e['place']}" if e["place"] else "")
    if t == "military":
        return e["name"] or ""
    return f"{e['act']} ({e['item'] or 'item ?'})"


def headline(e: dict) -> str:
    """ "Mao Zedong -> Joseph Stalin: request, telegram": who and what in one line."""
    action = what(e)
    return f"{who(e)}: {action}" if action else who(e)


def date_order(e: dict) -> tuple:
    """Sort key: by the first day of the date (undated last), then document and id."""
    return ((e["date"] or "9999").split("/")[0], e["document"], e["id"])
