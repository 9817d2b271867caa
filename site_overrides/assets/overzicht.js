/* Filters and sort order for the overview of all documents. Without JavaScript the page shows every
   document, grouped by year, and says so (a note, hidden here, links to the pre-built lists); this script
   shows the filter panel and hides what does not match. The choices live in the address (?status=…&gemeente=…),
   so a filtered list can be shared, and Back brings it back. */
(function () {
  "use strict";
  var form = document.getElementById("ar-filters");
  var panel = document.getElementById("ar-filterpaneel");
  if (!form || !panel) return;
  var names = ["status", "gemeente", "thema", "jaar", "soort", "punten"].filter(function (name) {
    return form.querySelector("[name='" + name + "']");
  });
  var container = document.querySelector(".ar-jaargroepen");
  var groups = Array.prototype.slice.call(container.querySelectorAll(".ar-jaargroep"));
  var items = Array.prototype.slice.call(container.querySelectorAll("li[data-jaar]"));
  var count = document.getElementById("ar-aantal");
  var chosen = document.getElementById("ar-gekozen");

  function fields(name) {
    return Array.prototype.slice.call(form.querySelectorAll("[name='" + name + "']"));
  }

  /* The values chosen for a filter: the ticked boxes, or the one choice in a list. */
  function wanted(name) {
    return fields(name)
      .filter(function (field) { return field.type !== "checkbox" || field.checked; })
      .map(function (field) { return field.value; })
      .filter(function (value) { return value !== ""; });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    names.concat(["volgorde"]).forEach(function (name) {
      var values = params.getAll(name);
      fields(name).forEach(function (field) {
        if (field.type === "checkbox") field.checked = values.indexOf(field.value) !== -1;
        else field.value = values.length && Array.prototype.some.call(field.options, function (o) { return o.value === values[0]; }) ? values[0] : field.options[0].value;
      });
    });
  }

  function matches(item) {
    return names.every(function (name) {
      var values = wanted(name);
      if (!values.length) return true;
      var own = name === "thema" ? item.dataset.thema.split("|") : [item.dataset[name]];
      return values.some(function (value) { return own.indexOf(value) !== -1; });
    });
  }

  function byDate(oldest) {
    return function (a, b) {
      var order = a.dataset.datum.localeCompare(b.dataset.datum);
      return oldest ? order : -order;
    };
  }

  function query() {
    var params = new URLSearchParams();
    names.concat(["volgorde"]).forEach(function (name) {
      wanted(name).forEach(function (value) {
        if (!(name === "volgorde" && value === "nieuwste")) params.append(name, value);
      });
    });
    return params.toString();
  }

  function apply(remember) {
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
    var active = names.reduce(function (total, name) { return total + wanted(name).length; }, 0);
    count.textContent = (shown === 1 ? "1 document" : shown + " documenten") + (active ? " (gefilterd)" : "");
    chosen.textContent = active === 0 ? "" : active === 1 ? "(1 filter gekozen)" : "(" + active + " filters gekozen)";
    var search = query();
    if (remember && search !== window.location.search.replace(/^\?/, "")) {
      window.history.pushState(null, "", search ? "?" + search : window.location.pathname);
    }
  }

  fromAddress();
  panel.hidden = false;
  var note = document.getElementById("ar-zonder-js");  /* says the filters need JavaScript: not true here */
  if (note) note.hidden = true;
  /* Wide screens show the filters; on a phone they stay folded, so the first documents are on the first screen. */
  if (window.matchMedia("(min-width: 60em)").matches) panel.open = true;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("popstate", function () { fromAddress(); apply(false); });
  apply(false);
})();
