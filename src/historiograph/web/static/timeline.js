// The timeline: each event spans the days its date stands for (vis-timeline), grouped by type.
// Labels are set as text, never as HTML: the text of a document cannot run as code here.
(function () {
  "use strict";
  const box = document.getElementById("timeline");
  if (!box || !window.vis) return;

  function element(tag, text, attrs) {
    const el = document.createElement(tag);
    el.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  }

  // The window opens on the busiest 30 days (zoom out for the rest): at the scale of years,
  // day-long events would be hairlines.
  function openingWindow(items) {
    const day = 864e5;
    const starts = items.map((it) => Date.parse(it.start)).sort((a, b) => a - b);
    let best = 0, bestCount = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[j] < starts[i] - 30 * day) j++;
      if (i - j + 1 > bestCount) { bestCount = i - j + 1; best = i; }
    }
    const end = starts[best] + 3 * day;
    return { start: new Date(Math.max(starts[0] - day, end - 33 * day)), end: new Date(end) };
  }

  function draw(items) {
    if (!items.length) {
      box.replaceChildren(element("p", "No dated events match these filters.", { class: "muted" }));
      return;
    }
    const types = [...new Set(items.map((it) => it.type))].sort();
    const groups = new vis.DataSet(types.map((t) => ({ id: t, label: t })));
    const rows = new vis.DataSet(
      items.map((it) => ({
        id: it.document + ":" + it.id,
        group: it.type,
        start: it.start,
        end: it.end || undefined,
        type: it.end ? "range" : "point",
        className: ["type-" + it.type, "prec-" + (it.date_precision || "none"), it.date_inferred ? "inferred" : ""].join(" "),
        url: it.url,
        label: it.when + " " + it.label,
      }))
    );
    const opening = openingWindow(items);
    const timeline = new vis.Timeline(box, rows, groups, {
      start: opening.start,
      end: opening.end,
      zoomMin: 6 * 3600e3,
      maxHeight: 640,
      orientation: "top",
      stack: true,
      template: (item) => element("a", item.label, { href: item.url, class: "timeline-link" }),
      groupTemplate: (group) => element("span", group.label),
    });
    // A click on the label follows its link; a click elsewhere on the item opens it too.
    timeline.on("click", (props) => {
      const onLink = props.event && props.event.target && props.event.target.closest("a");
      if (props.what === "item" && props.item != null && !onLink) {
        window.location.href = rows.get(props.item).url;
      }
    });
    box.dataset.items = String(items.length);
  }

  fetch(box.dataset.source, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
    .then((data) => draw(data.items))
    .catch((err) => box.replaceChildren(element("p", "The timeline could not be drawn: " + err.message, { class: "error" })));
})();
