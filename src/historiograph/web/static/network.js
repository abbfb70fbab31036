// The actor network (cytoscape.js): actors as nodes, an arrow per sender -> recipient pair,
// thicker for more messages. Moving the date range reloads the graph from the JSON twin.
(function () {
  "use strict";
  const box = document.getElementById("network");
  if (!box || !window.cytoscape) return;
  const form = document.getElementById("network-form");
  const range = document.getElementById("range");
  const detail = document.getElementById("edge-detail");
  const tbody = document.querySelector("#edges tbody");

  function element(tag, text, attrs) {
    const el = document.createElement(tag);
    el.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  }

  const cy = cytoscape({
    container: box,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
        width: "mapData(weight, 1, 40, 14, 48)", height: "mapData(weight, 1, 40, 14, 48)",
        "background-color": "#4a6a8a" } },
      { selector: "node[kind = 'state'], node[kind = 'organization']", style: { "background-color": "#8a6a3a", shape: "round-rectangle" } },
      { selector: "edge", style: {
        width: "mapData(count, 1, 15, 1.5, 9)", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "line-color": "#9aa7b4", "target-arrow-color": "#9aa7b4", label: "data(count)", "font-size": 9,
        "text-background-color": "#fff", "text-background-opacity": 1 } },
      { selector: "edge:selected", style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b" } },
    ],
  });

  function params() {
    const p = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (v) p.set(k, v); });
    return p;
  }

  function showEdge(e, names) {
    detail.replaceChildren(
      element("h3", names[e.source] + " → " + names[e.target]),
      element("p", e.count + " message(s), " + (e.first || "?") + " to " + (e.last || "?") + "; " + e.channels.concat(e.acts).join(", "))
    );
    const list = element("ul", "", { class: "plain" });
    e.events.forEach((ref) => {
      const [doc, id] = ref.split(":");
      const li = element("li", "");
      li.appendChild(element("a", ref, { href: "/events/" + doc + "/" + id }));
      list.appendChild(li);
    });
    detail.appendChild(list);
  }

  function fillTable(data, names) {
    tbody.replaceChildren(...data.edges.map((e) => {
      const tr = document.createElement("tr");
      [["/actors/" + e.source, names[e.source]], ["/actors/" + e.target, names[e.target]]].forEach(([href, text]) => {
        const td = document.createElement("td");
        td.appendChild(element("a", text, { href: href }));
        tr.appendChild(td);
      });
      [e.count, e.first || "", e.last || "", e.channels.join(", "), e.acts.join(", ")].forEach((v) => tr.appendChild(element("td", String(v))));
      return tr;
    }));
    document.getElementById("pair-count").textContent = "(" + data.edges.length + ")";
  }

  function draw(data) {
    const names = Object.fromEntries(data.nodes.map((n) => [n.id, n.name]));
    cy.elements().remove();
    cy.add(data.nodes.map((n) => ({ data: { id: n.id, label: n.name, kind: n.kind, weight: n.messages } })));
    cy.add(data.edges.map((e, i) => ({ data: { id: "edge" + i, source: e.source, target: e.target, count: e.count, info: e } })));
    cy.layout({ name: "concentric", concentric: (n) => n.data("weight"), levelWidth: () => 4, minNodeSpacing: 30, animate: false }).run();
    cy.off("tap");
    cy.on("tap", "node", (ev) => { window.location.href = "/actors/" + encodeURIComponent(ev.target.id()); });
    cy.on("tap", "edge", (ev) => showEdge(ev.target.data("info"), names));
    fillTable(data, names);
    box.dataset.nodes = String(data.nodes.length);
    box.dataset.edges = String(data.edges.length);
  }

  // While the range slides, answers may come back out of order: only the latest is drawn.
  let latest = 0;
  function load() {
    const p = params();
    const ticket = ++latest;
    history.replaceState(null, "", "/network" + (p.toString() ? "?" + p : ""));
    return fetch("/network.json?" + p, { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : r.json().then((j) => Promise.reject(new Error(j.error.message)))))
      .then((data) => { if (ticket === latest) draw(data); })
      .catch((err) => detail.replaceChildren(element("p", "The network could not be drawn: " + err.message, { class: "error" })));
  }

  if (range) {
    const days = range.dataset.days.split(",");
    const lo = document.getElementById("range-from");
    const hi = document.getElementById("range-to");
    const label = document.getElementById("range-label");
    const from = document.getElementById("from");
    const to = document.getElementById("to");
    // Dates compare at the precision given: "1950-10" takes in every day of October.
    const cut = (d, v) => d.slice(0, v.length);
    const fromIndex = days.findIndex((d) => cut(d, from.value) >= from.value);
    if (from.value && fromIndex >= 0) lo.value = fromIndex;
    if (to.value) hi.value = Math.max(0, days.filter((d) => cut(d, to.value) <= to.value).length - 1);
    const onMove = (moved) => {
      if (+lo.value > +hi.value) (moved === lo ? hi : lo).value = moved.value;
      from.value = days[lo.value];
      to.value = days[hi.value];
      label.textContent = days[lo.value] + " – " + days[hi.value];
      load();
    };
    label.textContent = days[lo.value] + " – " + days[hi.value];
    lo.addEventListener("input", () => onMove(lo));
    hi.addEventListener("input", () => onMove(hi));
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  load();
})();
