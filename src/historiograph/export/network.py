"""The communication network -> GEXF 1.3 (Gephi, with dynamic edges) and GraphML. Pure
functions over the dict that ``queries.network`` returns."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree as ET

from historiograph import __version__, dates

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

_NODE_ATTRS = [("kind", "string"), ("messages", "integer")]
_EDGE_ATTRS = [("channels", "string"), ("acts", "string"), ("events", "string")]


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _spells(edge: dict) -> list[tuple[str, str]]:
    """Each message's days as a closed ``[start, end]`` spell (the last day included)."""
    out = []
    for value in edge["dates"]:
        span = dates.bounds(value)
        if span:
            out.append((span[0].isoformat(), (span[1] - timedelta(days=1)).isoformat()))
    return sorted(set(out))


def to_gexf(graph: dict) -> str:
    """A directed, dynamic GEXF 1.3 graph: an edge per sender -> recipient pair, weighted by its
    count, alive on the days of its messages (Gephi's timeline plays it)."""
    ET.register_namespace("", GEXF_NS)

    def el(parent: ET.Element, tag: str, **attrs) -> ET.Element:
        return ET.SubElement(parent, f"{{{GEXF_NS}}}{tag}", {k: str(v) for k, v in attrs.items()})

    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = el(root, "meta", lastmodifieddate=date.today().isoformat())
    el(meta, "creator").text = f"historiograph {__version__}"
    scope = graph.get("document") or "the corpus"
    el(
        meta, "description"
    ).text = f"Communications in {scope} (from {graph.get('from') or 'the start'} to {graph.get('to') or 'the end'})"
    g = el(root, "graph", defaultedgetype="directed", mode="dynamic", timeformat="date")
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        block = el(g, "attributes", **{"class": cls})
        for i, (title, kind) in enumerate(attrs):
            el(block, "attribute", id=i, title=title, type=kind)
    nodes = el(g, "nodes", count=len(graph["nodes"]))
    for n in graph["nodes"]:
        node = el(nodes, "node", id=n["id"], label=n["name"])
        values = el(node, "attvalues")
        for i, (title, _) in enumerate(_NODE_ATTRS):
            el(values, "attvalue", **{"for": i, "value": n[title]})
    edges = el(g, "edges", count=len(graph["edges"]))
    for i, e in enumerate(graph["edges"]):
        edge = el(
            edges, "edge", id=i, source=e["source"], target=e["target"], weight=float(e["count"])
        )
        values = el(edge, "attvalues")
        for j, (title, _) in enumerate(_EDGE_ATTRS):
            el(values, "attvalue", **{"for": j, "value": "|".join(e[title])})
        spells = _spells(e)
        if spells:
            block = el(edge, "spells")
            for start, end in spells:
                el(block, "spell", start=start, end=end)
    return _xml(root)


def to_graphml(graph: dict) -> str:
    """GraphML with the same node and edge attributes (dates as ``first``/``last``)."""
    ET.register_namespace("", GRAPHML_NS)

    def el(parent: ET.Element, tag: str, **attrs) -> ET.Element:
        return ET.SubElement(
            parent, f"{{{GRAPHML_NS}}}{tag}", {k: str(v) for k, v in attrs.items()}
        )

    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    graphml_type = {"string": "string", "integer": "int"}
    keys = [("node", "name", "string"), *[("node", k, t) for k, t in _NODE_ATTRS]]
    keys += [("edge", "count", "integer"), ("edge", "first", "string"), ("edge", "last", "string")]
    keys += [("edge", k, t) for k, t in _EDGE_ATTRS]
    for scope, name, kind in keys:
        attrs = {"id": f"{scope[0]}_{name}", "for": scope, "attr.name": name}
        el(root, "key", **attrs, **{"attr.type": graphml_type[kind]})
    g = el(root, "graph", id="communications", edgedefault="directed")
    for n in graph["nodes"]:
        node = el(g, "node", id=n["id"])
        for name in ("name", *(k for k, _ in _NODE_ATTRS)):
            el(node, "data", key=f"n_{name}").text = str(n[name])
    for i, e in enumerate(graph["edges"]):
        edge = el(g, "edge", id=f"e{i}", source=e["source"], target=e["target"])
        for name in ("count", "first", "last", *(k for k, _ in _EDGE_ATTRS)):
            value = e[name]
            if value is None:
                continue
            el(edge, "data", key=f"e_{name}").text = (
                "|".join(value) if isinstance(value, list) else str(value)
            )
    return _xml(root)


FORMATS = {"gexf": to_gexf, "graphml": to_graphml}
