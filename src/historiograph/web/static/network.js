// The actor network (cytoscape.js): actors as nodes sized by their messages, an arrow per
// sender -> recipient pair, thicker for more messages and coloured by its main channel, laid
// out by force (cose) so that clusters separate. A click on a person shows only their
// correspondents (the ego view, with counts by year); moving the date range reloads the graph.
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

  // The channel an arrow is drawn in (the pair's first channel); the legend says the same.
  const CHANNEL_COLOURS = {
    telegram: "#2e6da4", letter: "#3c8d5a", conversation: "#c77c1e", meeting: "#c77c1e",
    verbal: "#8e44ad", memorandum: "#16a085", airgram: "#2e6da4", report: "#7f8c8d",
  };
  const legend = document.getElementById("channel-legend");
  if (legend) {
    legend.replaceChildren(...Object.entries(CHANNEL_COLOURS).filter(([c]) => c !== "meeting" && c !== "airgram").map(([c, colour]) => {
      const item = element("span", c, { class: "channel" });
      item.style.borderBottom = "3px solid " + colour;
      return item;
    }), element("span", "other or none", { class: "channel other" }));
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
      ...Object.entries(CHANNEL_COLOURS).map(([channel, colour]) => ({
        selector: `edge[channel = "${channel}"]`, style: { "line-color": colour, "target-arrow-color": colour } })),
      { selector: ".hidden", style: { display: "none" } },
      { selector: "node.ego", style: { "border-width": 3, "border-color": "#c0392b" } },
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

  // The ego view: one actor, their correspondents and the arrows between them and the actor.
  function ego(node, data, names) {
    const id = node.id();
    const keep = node.closedNeighborhood();
    cy.elements().addClass("hidden");
    keep.nodes().removeClass("hidden");
    keep.edges().filter((e) => e.source().id() === id || e.target().id() === id).removeClass("hidden");
    cy.nodes().removeClass("ego");
    node.addClass("ego");
    cy.fit(cy.elements(":visible"), 40);
    const byYear = {};
    data.edges.filter((e) => e.source === id || e.target === id).forEach((e) => {
      const other = e.source === id ? e.target : e.source;
      (e.dates || []).forEach((date) => {
        const year = (date || "undated").slice(0, 4);
        byYear[other] = byYear[other] || {};
        byYear[other][year] = (byYear[other][year] || 0) + 1;
      });
    });
    detail.replaceChildren(
      element("h3", names[id]),
      element("p", "Correspondents, with their messages by year:"),
    );
    const list = element("ul", "", { class: "plain" });
    Object.keys(byYear).sort((a, b) => names[a].localeCompare(names[b])).forEach((other) => {
      const li = element("li", "");
      li.appendChild(element("a", names[other], { href: "/actors/" + encodeURIComponent(other) }));
      li.appendChild(document.createTextNode(" — " + Object.entries(byYear[other]).sort().map(([y, n]) => y + ": " + n).join(", ")));
      list.appendChild(li);
    });
    detail.appendChild(list);
    const links = element("p", "");
    links.appendChild(element("a", "Open " + names[id] + "'s page", { href: "/actors/" + encodeURIComponent(id) }));
    const back = element("button", "Show everyone", { type: "button", id: "show-everyone" });
    back.addEventListener("click", everyone);
    links.appendChild(document.createTextNode(" · "));
    links.appendChild(back);
    detail.appendChild(links);
    box.dataset.ego = id;
    box.dataset.visibleNodes = String(cy.nodes(":visible").length);
  }

  function everyone() {
    detail.replaceChildren(element("p", "Everyone again: click a person to see only their correspondents.", { class: "muted" }));
    cy.elements().removeClass("hidden");
    cy.nodes().removeClass("ego");
    cy.fit(undefined, 20);
    delete box.dataset.ego;
    box.dataset.visibleNodes = String(cy.nodes().length);
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
    cy.add(data.edges.map((e, i) => ({ data: {
      id: "edge" + i, source: e.source, target: e.target, count: e.count, info: e, channel: e.channels[0] || "none" } })));
    cy.layout({
      name: "cose", animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 90,
      nodeOverlap: 20, componentSpacing: 120, gravity: 0.4, numIter: 2500, padding: 20,
    }).run();
    cy.off("tap");
    cy.on("tap", "node", (ev) => ego(ev.target, data, names));
    cy.on("tap", "edge", (ev) => showEdge(ev.target.data("info"), names));
    cy.on("tap", (ev) => { if (ev.target === cy) everyone(); });
    fillTable(data, names);
    box.dataset.nodes = String(data.nodes.length);
    window.historiographNetwork = cy;  // for the browser tests
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
