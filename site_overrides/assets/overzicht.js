/* Filters and sort order for the overview of all documents. Without JavaScript the page shows every
   document, grouped by year; this script only shows the form and hides what does not match. */
(function () {
  "use strict";
  var form = document.getElementById("ar-filters");
  if (!form) return;
  var names = ["jaar", "status", "gemeente", "thema", "soort"];
  var container = document.querySelector(".ar-jaargroepen");
  var groups = Array.prototype.slice.call(container.querySelectorAll(".ar-jaargroep"));
  var items = Array.prototype.slice.call(container.querySelectorAll("li[data-jaar]"));
  var count = document.getElementById("ar-aantal");
  var params = new URLSearchParams(window.location.search);
  names.concat(["volgorde"]).forEach(function (name) {
    var value = params.get(name);
    if (value !== null) form.elements[name].value = value;
  });
  form.hidden = false;

  function matches(item) {
    return names.every(function (name) {
      var wanted = form.elements[name].value;
      if (!wanted) return true;
      var values = name === "thema" ? item.dataset.thema.split("|") : [item.dataset[name]];
      return values.indexOf(wanted) !== -1;
    });
  }

  function byDate(oldest) {
    return function (a, b) {
      var order = a.dataset.datum.localeCompare(b.dataset.datum);
      return oldest ? order : -order;
    };
  }

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item);
      if (!item.hidden) shown += 1;
    });
    var oldest = form.elements.volgorde.value === "oudste";
    groups.sort(function (a, b) { return oldest ? a.dataset.jaar - b.dataset.jaar : b.dataset.jaar - a.dataset.jaar; });
    groups.forEach(function (group) {
      var list = group.querySelector("ul");
      Array.prototype.slice.call(list.children).sort(byDate(oldest)).forEach(function (item) { list.appendChild(item); });
      group.hidden = !list.querySelector("li:not([hidden])");
      container.appendChild(group);
    });
    count.textContent = shown === 1 ? "1 document" : shown + " documenten";
    var query = new URLSearchParams();
    names.concat(["volgorde"]).forEach(function (name) {
      var value = form.elements[name].value;
      if (value && !(name === "volgorde" && value === "nieuwste")) query.set(name, value);
    });
    var search = query.toString();
    window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();
