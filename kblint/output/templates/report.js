// kblint report: the findings table (filters, pages) and the graph's zoom. Article text is
// only ever set as textContent.
(function () {
  "use strict";
  var PAGE = 100;
  var data = JSON.parse(document.getElementById("kb-findings").textContent);
  var col = {};
  data.columns.forEach(function (name, i) { col[name] = i; });
  var rows = data.rows;
  var shown = rows;
  var page = 0;
  var body = document.querySelector("#findings-table tbody");
  var count = document.getElementById("findings-count");
  var number = document.getElementById("page-number");
  var filters = {
    rule: document.getElementById("filter-rule"),
    severity: document.getElementById("filter-severity"),
    locale: document.getElementById("filter-locale"),
    text: document.getElementById("filter-text")
  };

  function fill(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value || "(none)";
      select.appendChild(option);
    });
  }
  function distinct(name) {
    var seen = {};
    rows.forEach(function (row) { seen[row[col[name]]] = true; });
    return Object.keys(seen).sort();
  }
  fill(filters.rule, distinct("rule"));
  fill(filters.severity, ["error", "warning", "info"].filter(function (s) { return distinct("severity").indexOf(s) >= 0; }));
  fill(filters.locale, distinct("locale"));

  function cell(tr, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) { td.className = className; }
    tr.appendChild(td);
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    var start = page * PAGE;
    var part = shown.slice(start, start + PAGE);
    var fragment = document.createDocumentFragment();
    part.forEach(function (row) {
      var tr = document.createElement("tr");
      if (row[col.address]) {
        // A help-center article: its path links to its page (an http(s) address, checked when the report was made).
        var td = document.createElement("td");
        var a = document.createElement("a");
        a.href = row[col.address];
        a.textContent = row[col.path];
        td.className = "path";
        td.appendChild(a);
        tr.appendChild(td);
      } else {
        cell(tr, row[col.path], "path");
      }
      cell(tr, row[col.line] + ":" + row[col.column], "num");
      cell(tr, row[col.rule] + " (" + row[col.code] + ")");
      cell(tr, row[col.severity], "severity-" + row[col.severity]);
      cell(tr, row[col.locale]);
      cell(tr, row[col.message]);
      if (row[col.title]) { tr.title = row[col.title]; }
      fragment.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(fragment);
    count.textContent = shown.length === rows.length
      ? rows.length + " findings"
      : shown.length + " of " + rows.length + " findings match";
    number.textContent = shown.length ? "page " + (page + 1) + " of " + pages + " (rows " + (start + 1) + "–" + (start + part.length) + ")" : "";
    document.getElementById("page-previous").disabled = page === 0;
    document.getElementById("page-next").disabled = page >= pages - 1;
  }
  function apply() {
    var rule = filters.rule.value, severity = filters.severity.value, locale = filters.locale.value;
    var text = filters.text.value.trim().toLowerCase();
    shown = rows.filter(function (row) {
      if (rule && row[col.rule] !== rule) { return false; }
      if (severity && row[col.severity] !== severity) { return false; }
      if (locale && row[col.locale] !== locale) { return false; }
      if (text) {
        var haystack = (row[col.path] + " " + row[col.message] + " " + row[col.title] + " " + row[col.code]).toLowerCase();
        if (haystack.indexOf(text) < 0) { return false; }
      }
      return true;
    });
    page = 0;
    draw();
  }
  ["rule", "severity", "locale"].forEach(function (name) { filters[name].addEventListener("change", apply); });
  filters.text.addEventListener("input", apply);
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("page-previous").addEventListener("click", function () { page -= 1; draw(); });
  document.getElementById("page-next").addEventListener("click", function () { page += 1; draw(); });
  draw();

  // The graph: scroll to zoom around the pointer, drag to move.
  var svg = document.getElementById("kb-graph");
  if (svg) {
    var box = svg.viewBox.baseVal;
    var view = { x: box.x, y: box.y, w: box.width, h: box.height };
    var set = function () { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); };
    var toView = function (event) {
      var rect = svg.getBoundingClientRect();
      return { x: view.x + (event.clientX - rect.left) / rect.width * view.w, y: view.y + (event.clientY - rect.top) / rect.height * view.h };
    };
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var at = toView(event);
      var factor = event.deltaY < 0 ? 0.85 : 1 / 0.85;
      view.x = at.x - (at.x - view.x) * factor;
      view.y = at.y - (at.y - view.y) * factor;
      view.w *= factor;
      view.h *= factor;
      set();
    }, { passive: false });
    var dragging = null;
    svg.addEventListener("pointerdown", function (event) { dragging = toView(event); svg.setPointerCapture(event.pointerId); });
    svg.addEventListener("pointermove", function (event) {
      if (!dragging) { return; }
      var at = toView(event);
      view.x -= at.x - dragging.x;
      view.y -= at.y - dragging.y;
      set();
    });
    svg.addEventListener("pointerup", function () { dragging = null; });
  }
})();
