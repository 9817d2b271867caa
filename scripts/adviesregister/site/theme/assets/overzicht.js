/* Filters and sort order for the overview of all documents. Without JavaScript the page shows every document
   (in pages of 100 on a large archive), grouped by year, and says so (a note, hidden here, links to the pre-built
   lists). This script shows the filter panel. Once a filter or the oldest-first order is chosen, it shows the matching
   documents of the whole archive, not only of this page: their data is in the page (#ar-lijst) or, for an archive
   in pages, in one file (data-lijst). Every text is set as text, never as HTML. The choices live in the address
   (?status=…&gemeente=…), so a filtered list can be shared, and Back brings it back. */
(function () {
  "use strict";
  var form = document.getElementById("ar-filters");
  var panel = document.getElementById("ar-filterpaneel");
  var own = document.querySelector(".ar-jaargroepen");
  if (!form || !panel || !own) return;
  var SHOWN = 100;  /* documents shown at once; a button shows the next ones */
  var names = ["status", "gemeente", "thema", "jaar", "soort", "punten"].filter(function (name) {
    return form.querySelector("[name='" + name + "']");
  });
  var pager = document.querySelector(".ar-pager");
  var count = document.getElementById("ar-aantal");
  var total = count.textContent;
  var chosen = document.getElementById("ar-gekozen");
  var results = document.createElement("div");
  results.className = "ar-jaargroepen";
  results.id = "ar-resultaten";
  results.hidden = true;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button ar-meer";
  more.hidden = true;
  (pager || own).insertAdjacentElement("afterend", results);
  results.insertAdjacentElement("afterend", more);
  var source = null;  /* the promise of {statussen, documenten, adres} */
  var matching = [];
  var shown = 0;
  var run = 0;

  function load() {
    if (source) return source;
    var inline = document.getElementById("ar-lijst");
    if (inline) {
      source = Promise.resolve(JSON.parse(inline.textContent)).then(function (data) { data.adres = window.location.href; return data; });
    } else {
      var address = new URL(own.dataset.lijst, window.location.href).href;
      source = fetch(address).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) { data.adres = address; return data; }, function (error) {
        source = null;  /* the next choice tries again */
        throw error;
      });
    }
    return source;
  }

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

  /* A value as the filter has it today: an address shared before a label changed holds the old one (data-oude-waarden). */
  var renamed = JSON.parse(form.dataset.oudeWaarden || "{}");
  function current(name, value) {
    return renamed[name] && renamed[name][value] ? renamed[name][value] : value;
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    names.concat(["volgorde"]).forEach(function (name) {
      var values = params.getAll(name).map(function (value) { return current(name, value); });
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
      var its = name === "thema" ? item.thema : [item[name]];
      return values.some(function (value) { return its.indexOf(value) !== -1; });
    });
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

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The same card as the page's own (templates/macros.j2, kaart). */
  function card(item, data) {
    var li = element("li", "ar-kaart");
    var link = element("a", "ar-kaart__titel", item.titel);
    link.href = new URL(item.url, data.adres).href;
    var meta = element("span", "ar-kaart__meta");
    var time = element("time", "", item.datum);
    time.dateTime = item.datum_iso;
    meta.append(time, " \u00b7 " + item.soort + " \u00b7 " + item.gemeente);
    li.append(link, "\n", meta);
    var holder = element("span", "ar-kaart__status");
    var outcome = item.uitkomst;
    if (outcome) {
      var badge = element("span", "ar-status ar-status--" + outcome.css);
      var icon = element("span", "ar-status__icoon", outcome.icoon);
      icon.setAttribute("aria-hidden", "true");
      badge.append(icon, " " + outcome.tekst);
      holder.append(badge);
    } else {
      holder.append(element("span", "ar-kaart__noot", item.noot));
    }
    if (item.tijd) holder.append(" ", element("span", "ar-kaart__tijd", item.tijd));
    li.append("\n", holder);
    if (item.links.length) {
      var links = element("span", "ar-kaart__op", item.links_woord + ": ");
      item.links.forEach(function (target, i) {
        var a = element("a", "", target.titel);
        a.href = new URL(target.url, data.adres).href;
        if (i) links.append(", ");
        links.append(a);
      });
      li.append("\n", links);
    }
    return li;
  }

  function render(data, from) {
    var list = null;
    var year = null;
    if (from === 0) results.textContent = "";
    else {
      var last = results.lastElementChild;
      year = last ? last.dataset.jaar : null;
      list = last ? last.querySelector("ul") : null;
    }
    var first = null;
    matching.slice(from, shown).forEach(function (item) {
      if (item.jaar !== year) {
        year = item.jaar;
        var section = element("section", "ar-jaargroep");
        section.dataset.jaar = year;
        section.setAttribute("aria-labelledby", "gefilterd-jaar-" + year);
        var heading = element("h2", "", year);
        heading.id = "gefilterd-jaar-" + year;
        list = element("ul", "ar-kaarten");
        section.append(heading, list);
        results.append(section);
      }
      var node = card(item, data);
      list.append(node);
      first = first || node;
    });
    var left = matching.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Toon de volgende " + Math.min(left, SHOWN) + " van " + left;
    return first;
  }

  function showOwn(yes) {
    own.hidden = !yes;
    if (pager) pager.hidden = !yes;
    results.hidden = yes;
    if (yes) more.hidden = true;
  }

  function apply(remember) {
    var active = names.reduce(function (sum, name) { return sum + wanted(name).length; }, 0);
    var oldest = form.elements.volgorde.value === "oudste";
    chosen.textContent = active === 0 ? "" : active === 1 ? "(1 filter gekozen)" : "(" + active + " filters gekozen)";
    var search = query();
    if (remember && search !== window.location.search.replace(/^\?/, "")) {
      window.history.pushState(null, "", search ? "?" + search : window.location.pathname);
    }
    var mine = ++run;
    if (!active && !oldest) {
      showOwn(true);
      count.textContent = total;
      return;
    }
    load().then(function (data) {
      if (mine !== run) return;  /* a later choice was made meanwhile */
      matching = data.documenten.filter(matches);
      if (oldest) matching.reverse();
      shown = Math.min(SHOWN, matching.length);
      render(data, 0);
      showOwn(false);
      var n = matching.length;
      count.textContent = (n === 1 ? "1 document" : n + " documenten") + (active ? " (gefilterd)" : "");
    }).catch(function () {
      if (mine !== run) return;
      showOwn(true);
      count.textContent = "De filters werken nu niet: de lijst van alle documenten kon niet worden geladen. Probeer het later opnieuw.";
    });
  }

  more.addEventListener("click", function () {
    var from = shown;
    shown = Math.min(shown + SHOWN, matching.length);
    load().then(function (data) {
      var first = render(data, from);
      if (first) first.querySelector("a").focus();  /* the first new document, for keyboard and screen reader */
    });
  });

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
