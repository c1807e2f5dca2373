/* Live show and hide on the answering page: re-evaluates each question's relevance
 * (data-relevant) whenever an answer changes. The server makes the same decision on save. */
(function () {
  "use strict";
  var form = document.querySelector("form.questionnaire");
  if (!form || !window.PrevnetExpressions) return;
  var numeric = {};

  function valueOf(key) {
    var inputs = form.querySelectorAll('[name="' + key.replace(/"/g, "") + '"]');
    if (!inputs.length) return undefined;
    var first = inputs[0];
    if (first.type === "checkbox") {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked && !i.closest("[hidden]"); })
        .map(function (i) { return i.value; });
    }
    if (first.type === "radio") {
      var on = Array.prototype.find.call(inputs, function (i) { return i.checked && !i.closest("[hidden]"); });
      return on ? on.value : "";
    }
    return first.closest("[hidden]") ? "" : first.value;
  }

  function typed(name, value) {
    if (numeric[name] && value !== "" && !isNaN(Number(value))) return Number(value);
    return value;
  }

  function refresh() {
    var blocks = form.querySelectorAll("[data-relevant]");
    Array.prototype.forEach.call(blocks, function (block) {
      var prefix = block.getAttribute("data-prefix") || "";
      var get = function (name) {
        var v = prefix ? valueOf(prefix + name) : undefined;
        if (v === undefined || v === "") v = valueOf(name);
        return typed(name, v === undefined ? "" : v);
      };
      var shown;
      try { shown = window.PrevnetExpressions.isTrue(block.getAttribute("data-relevant"), get); }
      catch (e) { shown = false; }
      block.hidden = !shown;
    });
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-type]"), function (el) {
    var t = el.getAttribute("data-type");
    if (t === "integer" || t === "decimal" || t === "rating") numeric[el.getAttribute("data-name")] = true;
  });
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
  refresh();
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
