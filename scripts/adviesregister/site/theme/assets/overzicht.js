/* Filters and sort order for the overview of all documents. Without JavaScript the page shows every document
   (in pages of 100 on a large archive), grouped by year, and says so (a note, hidden here, links to the pre-built
   lists). This script shows the filter panel. Once a filter or the oldest-first order is chosen, it shows the matching
   documents of the whole archive, not only of this page: their data is in the page (#ar-lijst) or, for an archive
   in pages, in one file (data-lijst). Every text is set as text, never as HTML. The choices live in the address
   (?status=…&gemeente=…), so a filtered list can be shared; they replace the address rather than add one history
   entry per checkbox. Each choice's count follows the other filters (how many documents it would leave); each
   active filter shows as a button under the panel that takes it away; on a phone "Toon N resultaten" closes the
   panel. Nothing here moves the page by itself (no layout shift): the panel is shown before the first paint by the
   page's own script, and everything else changes only after a choice. */
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
  var chips = document.getElementById("ar-chips");
  var show = document.getElementById("ar-toon");
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

  /* Whether a document passes every filter but `except` (the filter whose choices are being counted). */
  function matches(item, except) {
    return names.every(function (name) {
      var values = name === except ? [] : wanted(name);
      if (!values.length) return true;
      var its = item.filters[name] || [];
      return values.some(function (value) { return its.indexOf(value) !== -1; });
    });
  }

  /* Each choice's count: the documents it would show together with the other filters' choices. Without data (no
     filter chosen yet) the counts of the whole archive, as the page was built. */
  function recount(documents) {
    names.forEach(function (name) {
      var counts = {};
      if (documents) {
        documents.forEach(function (item) {
          if (!matches(item, name)) return;
          (item.filters[name] || []).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
        });
      }
      fields(name).forEach(function (field) {
        var options = field.type === "checkbox" ? [field] : Array.prototype.slice.call(field.options, 1);
        options.forEach(function (option) {
          var n = documents ? counts[option.value] || 0 : Number(option.dataset.aantal || (option.parentNode.querySelector(".ar-telling") || {}).dataset.aantal);
          if (option.type === "checkbox") option.parentNode.querySelector(".ar-telling").textContent = "(" + n + ")";
          else option.textContent = option.dataset.tekst + " (" + n + ")";
        });
      });
    });
  }

  /* The text a choice shows, without its count: for a button that takes the choice away. */
  function choiceText(field, value) {
    if (field.type === "checkbox") {
      var label = field.parentNode.cloneNode(true);
      var count = label.querySelector(".ar-telling");
      if (count) count.remove();
      return label.textContent.trim();
    }
    var option = Array.prototype.filter.call(field.options, function (o) { return o.value === value; })[0];
    return option ? option.dataset.tekst : value;
  }

  function legend(name) {
    var field = fields(name)[0];
    var group = field.closest("fieldset");
    if (group) return group.querySelector("legend").textContent.trim();
    return form.querySelector("label[for='" + field.id + "']").textContent.trim();
  }

  /* A button per active filter ("Status: Niet overgenomen ×"): pressing it takes that filter away. */
  function showChips() {
    chips.textContent = "";
    names.forEach(function (name) {
      fields(name).forEach(function (field) {
        var values = field.type === "checkbox" ? (field.checked ? [field.value] : []) : field.value ? [field.value] : [];
        values.forEach(function (value) {
          var item = element("li");
          var button = element("button", "ar-chip", legend(name) + ": " + choiceText(field, value));
          button.type = "button";
          button.dataset.naam = name;
          button.dataset.waarde = value;
          var cross = element("span", "ar-chip__kruis", "\u00d7");
          cross.setAttribute("aria-hidden", "true");
          button.append(" ", cross, element("span", "ar-verborgen", " (filter weghalen)"));
          item.append(button);
          chips.append(item);
        });
      });
    });
    chips.hidden = !chips.children.length;
  }

  chips.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var buttons = Array.prototype.slice.call(chips.querySelectorAll("button"));
    var at = buttons.indexOf(button);
    fields(button.dataset.naam).forEach(function (field) {
      if (field.type === "checkbox") { if (field.value === button.dataset.waarde) field.checked = false; }
      else field.value = "";
    });
    apply(true);
    /* the focus goes to the next button that is left, or to the count when none is */
    var left = chips.querySelectorAll("button");
    if (left.length) left[Math.min(at, left.length - 1)].focus();
    else count.focus();
  });

  function showText(n) {
    show.textContent = n === 0 ? "Sluit (geen resultaten)" : n === 1 ? "Toon 1 resultaat" : "Toon " + n.toLocaleString("nl-NL") + " resultaten";
  }

  /* The panel folds and the page scrolls back to its top, below the fixed header: the chosen filters, the count and
     the first results are then on the screen; the count takes the focus (the next Tab goes to the results). */
  show.addEventListener("click", function () {
    panel.open = false;
    var header = document.querySelector(".md-header");
    var top = panel.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 8;
    if (top < window.scrollY) window.scrollTo(0, Math.max(top, 0));
    count.focus({ preventScroll: true });
  });

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
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }
    showChips();
    var mine = ++run;
    if (!active && !oldest) {
      showOwn(true);
      count.textContent = total;
      show.textContent = showLabel;
      recount(null);
      return;
    }
    load().then(function (data) {
      if (mine !== run) return;  /* a later choice was made meanwhile */
      matching = data.documenten.filter(function (item) { return matches(item, null); });
      recount(data.documenten);
      if (oldest) matching.reverse();
      shown = Math.min(SHOWN, matching.length);
      render(data, 0);
      showOwn(false);
      var n = matching.length;
      count.textContent = (n === 1 ? "1 document" : n.toLocaleString("nl-NL") + " documenten") + (active ? " (gefilterd)" : "");
      showText(n);
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

  var showLabel = show.textContent;
  fromAddress();
  /* The page's own script has shown the panel (open on a wide screen; on a phone folded, so the first documents are
     on the first screen) and hidden the note that the filters need JavaScript. */
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("popstate", function () { fromAddress(); apply(false); });
  apply(false);
})();
