// The timeline: each event spans the days its date stands for (vis-timeline), in lanes the
// reader chooses (by type, by actor, by document). It opens fitted to every event shown;
// a crowded stretch is one cluster with its count until zoomed in. Labels are set as text,
// never as HTML: the text of a document cannot run as code here.
(function () {
  "use strict";
  const box = document.getElementById("timeline");
  if (!box || !window.vis) return;
  const laneChoice = document.getElementById("lanes");
  const table = document.querySelector("table.events tbody");

  function element(tag, text, attrs) {
    const el = document.createElement(tag);
    el.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  }

  const LANES = {
    type: (it) => it.type,
    actor: (it) => it.lane_actor,
    document: (it) => it.document,
  };

  // The whole range of the events, with a little room at both ends.
  function fitted(items) {
    const starts = items.map((it) => Date.parse(it.start));
    const ends = items.map((it) => Date.parse(it.end || it.start));
    const lo = Math.min(...starts), hi = Math.max(...ends);
    const pad = Math.max((hi - lo) * 0.03, 864e5);
    return { start: new Date(lo - pad), end: new Date(hi + pad) };
  }

  // The table below shows the events that overlap the window.
  function follow(range) {
    if (!table) return;
    const lo = range.start.valueOf(), hi = range.end.valueOf();
    let shown = 0;
    table.querySelectorAll("tr[data-start]").forEach((tr) => {
      const s = Date.parse(tr.dataset.start), e = Date.parse(tr.dataset.end || tr.dataset.start);
      const inside = e >= lo && s <= hi;
      tr.hidden = !inside;
      shown += inside ? 1 : 0;
    });
    const count = document.getElementById("in-window");
    if (count) count.textContent = String(shown);
  }

  function draw(items) {
    if (!items.length) {
      box.replaceChildren(element("p", "No dated events match these filters.", { class: "muted" }));
      return;
    }
    const lane = () => LANES[(laneChoice && laneChoice.value) || "type"];
    const groups = new vis.DataSet();
    const rows = new vis.DataSet();
    // A span longer than a day (a month, a year) is drawn as a span; a day or a clock time
    // as a point, so that its label counts when items are stacked and none overlaps.
    const DAY = 864e5 + 3600e3;
    const spans = (it) => it.end && Date.parse(it.end) - Date.parse(it.start) > DAY;
    const one = (it) => ({
      id: it.document + ":" + it.id,
      group: lane()(it),
      start: it.start,
      end: spans(it) ? it.end : undefined,
      type: spans(it) ? "range" : "point",
      className: ["type-" + it.type, "prec-" + (it.date_precision || "none"), it.date_inferred ? "inferred" : ""].join(" "),
      url: it.url,
      label: it.label.replace(/ -> /g, " → "),
      title: it.when + " · " + it.type + " · " + it.document,
    });
    // Crowded stretches: more than CROWD events of one lane starting within one slot of the
    // window (a slot is about 160 pixels wide) are drawn as one item with their count, which
    // zooms in to them when clicked; zooming in redraws the slots.
    const CROWD = 3;
    let slotOf = null;
    function fill(range) {
      const key = lane();
      groups.clear();
      groups.add([...new Set(items.map(key))].sort().map((n) => ({ id: n, content: n })));
      const span = range.end - range.start;
      const slot = span / Math.max(2, box.clientWidth / 160);
      slotOf = slot;
      const buckets = new Map();
      items.forEach((it) => {
        const k = key(it) + "|" + Math.floor(Date.parse(it.start) / slot);
        if (!buckets.has(k)) buckets.set(k, []);
        buckets.get(k).push(it);
      });
      const out = [];
      buckets.forEach((group, k) => {
        if (group.length <= CROWD) return group.forEach((it) => out.push(one(it)));
        const starts = group.map((it) => Date.parse(it.start));
        const ends = group.map((it) => Date.parse(it.end || it.start));
        const lo = Math.min(...starts), hi = Math.max(...ends, lo + 3600e3);
        out.push({
          id: "cluster:" + k, group: key(group[0]), start: new Date(lo), end: new Date(hi), type: "range",
          className: "cluster", cluster: true, zoom: [lo, hi],
          label: group.length + " events", title: "zoom in to see these " + group.length + " events",
        });
      });
      rows.clear();
      rows.add(out);
    }
    const opening = fitted(items);
    fill(opening);
    const timeline = new vis.Timeline(box, rows, groups, {
      start: opening.start,
      end: opening.end,
      zoomMin: 6 * 3600e3,
      maxHeight: 640,
      orientation: "top",
      stack: true,
      tooltip: { followMouse: true },
      template: (item, el, data) => {
        if (item.cluster) return element("button", item.label, { type: "button", class: "cluster-count", "aria-label": item.title });
        return element("a", item.label, { href: item.url, class: "timeline-link", "aria-label": item.title + ": " + item.label });
      },
      groupTemplate: (group) => element("span", group.content),
    });
    timeline.on("click", (props) => {
      const onLink = props.event && props.event.target && props.event.target.closest("a");
      const row = props.item != null ? rows.get(props.item) : null;
      if (props.what !== "item" || !row || onLink) return;
      if (row.cluster) {
        const pad = Math.max((row.zoom[1] - row.zoom[0]) * 0.1, 3600e3);
        timeline.setWindow(row.zoom[0] - pad, row.zoom[1] + pad);
      } else window.location.href = row.url;
    });
    timeline.on("rangechanged", (range) => {
      follow(range);
      const slot = (range.end - range.start) / Math.max(2, box.clientWidth / 160);
      if (slotOf && (slot < slotOf / 1.5 || slot > slotOf * 1.5)) fill(range);
    });
    if (laneChoice) laneChoice.addEventListener("change", () => fill(timeline.getWindow()));
    follow(opening);
    box.dataset.items = String(items.length);
    box.dataset.windowStart = opening.start.toISOString();
    box.dataset.windowEnd = opening.end.toISOString();
    window.historiographTimeline = timeline;
  }

  fetch(box.dataset.source, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
    .then((data) => draw(data.items))
    .catch((err) => box.replaceChildren(element("p", "The timeline could not be drawn: " + err.message, { class: "error" })));
})();
