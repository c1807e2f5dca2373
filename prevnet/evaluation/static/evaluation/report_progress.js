// Polls a report's generation while the worker builds it, showing the progress, and reloads the
// page when it is done. Without JavaScript the page offers a Refresh link instead.
(function () {
  "use strict";
  var box = document.getElementById("report-status");
  if (!box || !box.dataset.poll) return;
  function poll() {
    fetch(box.dataset.poll, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.finished) { window.location.reload(); return; }
        box.querySelector("strong").textContent = data.label;
        var bar = box.querySelector("progress");
        var text = box.querySelector(".percent");
        if (bar) bar.value = data.progress;
        if (text) text.textContent = data.progress + " %";
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
