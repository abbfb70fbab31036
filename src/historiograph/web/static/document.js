// The document reader: switch between the normalized text and the raw file.
(function () {
  "use strict";
  const button = document.getElementById("toggle-raw");
  const normalized = document.getElementById("normalized");
  const raw = document.getElementById("raw");
  if (!button || !normalized || !raw) return;
  button.addEventListener("click", function () {
    const showRaw = raw.hidden;
    raw.hidden = !showRaw;
    normalized.hidden = showRaw;
    button.setAttribute("aria-pressed", String(showRaw));
    button.textContent = showRaw ? "Show the normalized text" : "Show the raw file";
  });
})();
