// The decision flow (cytoscape.js): one decider's decisions left to right in date order,
// green + decided to, red − decided not to; an arrow from a decision to the one it reverses,
// its conditions below it, the communication it is read from above it. A click opens the event.
(function () {
  "use strict";
  const box = document.getElementById("decision-flow");
  if (!box || !window.cytoscape) return;
  const flow = JSON.parse(box.dataset.flow);
  // As many decisions to a row as the box holds at full size; further rows below, so the
  // chain reads like lines of text and the labels stay legible on a phone.
  // A row holds the message above, the decision and its conditions stacked below it.
  const COND = 42;
  const stacked = Math.max(1, ...flow.nodes.filter((n) => n.kind === "condition").map((n) => n.slot + 1));
  const STEP = 190, ROW = 240 + COND * stacked;
  // zoomed out to no less than MIN_ZOOM, so that a short chain fits on one line.
  const MIN_ZOOM = 0.85;
  const count = Math.max(...flow.nodes.map((n) => n.order)) + 1;
  const perRow = Math.min(count, Math.max(2, Math.floor((box.clientWidth - 60) / (STEP * MIN_ZOOM))));
  const rows = Math.ceil(count / perRow);
  const scale = Math.min(1.2, (box.clientWidth - 60) / (perRow * STEP));
  box.style.height = Math.max(200, rows * ROW * scale + 20) + "px";
  const position = (n) => ({
    x: (n.order % perRow) * STEP,
    y: Math.floor(n.order / perRow) * ROW
      + (n.kind === "decision" ? 0 : n.kind === "condition" ? 85 + COND * n.slot : -95),
  });
  const cy = cytoscape({
    container: box,
    elements: [
      ...flow.nodes.map((n) => ({ data: n, position: position(n) })),
      ...flow.edges.map((e, i) => ({ data: { id: "f" + i, ...e } })),
    ],
    layout: { name: "preset", padding: 30 },
    maxZoom: 1.2,
    style: [
      { selector: "node", style: {
        label: "data(label)", "text-wrap": "wrap", "text-max-width": 160, "font-size": 11,
        "text-valign": "center", "text-halign": "center", shape: "round-rectangle",
        width: 170, height: 54, "background-color": "#eef3f8", "border-width": 2, "border-color": "#4a6a8a" } },
      { selector: "node[polarity = 'positive']", style: { "border-color": "#2e7d32", "background-color": "#eaf5ea" } },
      { selector: "node[polarity = 'negative']", style: { "border-color": "#c62828", "background-color": "#fbeaea" } },
      { selector: "node[kind = 'condition']", style: { height: 34, "font-size": 10, "border-style": "dashed", "border-color": "#888", "background-color": "#fafafa" } },
      { selector: "node[kind = 'communication']", style: { height: 40, "font-size": 10, "border-color": "#2e6da4", "background-color": "#f0f5fb" } },
      { selector: "edge", style: { width: 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#999", "target-arrow-color": "#999" } },
      { selector: "edge[kind = 'reverses']", style: {
        "line-color": "#c0392b", "target-arrow-color": "#c0392b", width: 3, "curve-style": "unbundled-bezier",
        "control-point-distances": [-60], label: "reverses", "font-size": 10, color: "#c0392b",
        "text-background-color": "#fff", "text-background-opacity": 1, "text-background-padding": 2 } },
      { selector: "edge[kind = 'condition']", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
    ],
    userZoomingEnabled: true,
  });
  cy.on("tap", "node", (ev) => { const url = ev.target.data("url"); if (url) window.location.href = url; });
  box.dataset.decisions = String(flow.nodes.filter((n) => n.kind === "decision").length);
  box.dataset.reversals = String(flow.edges.filter((e) => e.kind === "reverses").length);
  window.historiographFlow = cy;
})();
