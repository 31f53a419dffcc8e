// Progressive enhancement for the survey: autosave and live search.
// Without this script every form still works with its buttons.
(function () {
  "use strict";
  var status = document.getElementById("save-status");
  function say(key) {
    if (status) { status.textContent = status.getAttribute("data-" + key) || ""; }
  }
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var timer = null;
    var pending = false;
    function save() {
      timer = null;
      var data = new URLSearchParams(new FormData(form));
      data.delete("nav");
      say("saving");
      pending = true;
      fetch(form.action, {
        method: "POST",
        body: data,
        headers: { "X-Autosave": "1", "Content-Type": "application/x-www-form-urlencoded" },
        credentials: "same-origin"
      }).then(function (r) {
        pending = false;
        if (r.ok) { say("saved"); } else { say("failed"); }
      }).catch(function () { pending = false; say("failed"); });
    }
    form.addEventListener("change", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, 150);
    });
    form.addEventListener("input", function (e) {
      if (e.target && e.target.tagName === "TEXTAREA") {
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(save, 1200);
      }
    });
    window.addEventListener("beforeunload", function (e) {
      if (timer || pending) { e.preventDefault(); }
    });
    form.addEventListener("submit", function () { if (timer) { clearTimeout(timer); timer = null; } });
  });
  var search = document.getElementById("person-search");
  if (search) {
    var count = document.getElementById("search-count");
    search.addEventListener("input", function () {
      var needle = search.value.trim().toLowerCase();
      var shown = 0;
      document.querySelectorAll("[data-person]").forEach(function (row) {
        var hit = !needle || row.getAttribute("data-person").toLowerCase().indexOf(needle) >= 0;
        row.hidden = !hit;
        if (hit) { shown += 1; }
      });
      document.querySelectorAll("fieldset[data-group]").forEach(function (fs) {
        fs.hidden = fs.querySelectorAll("[data-person]:not([hidden])").length === 0;
      });
      if (count) { count.textContent = count.getAttribute("data-template").replace("{n}", shown); }
    });
  }
})();
