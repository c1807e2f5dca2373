// Polls a running import and moves its progress bar; reloads the page when it is finished.
// Without JavaScript the page offers a Refresh link instead.
(function () {
  "use strict";
  var box = document.getElementById("import-status");
  if (!box || !box.dataset.poll) return;
  function poll() {
    fetch(box.dataset.poll, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.finished) { window.location.reload(); return; }
        box.querySelector("progress").value = data.percent;
        box.querySelector("strong").textContent = data.label;
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
