// The search page: Pagefind's interface in #zoekvak. The query and the chosen filters live in the address
// (?q=…&status=…), so a search can be shared and Back brings it back; a search in the address is run at once, after
// the filters have loaded (otherwise Pagefind shows only the filter groups whose data arrived before the first
// results). Results come newest first; each shows its status, soort, gemeente and date; the statuses of the filter
// come in the site's order (pagefind_order.py). No result: #zoekhulp says what to try. Addresses come from the page
// (#zoekvak's data-pagefind, data-zoekindex and data-basis, relative to it; content/names.py builds them).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("zoekvak");
  if (window.location.protocol === "file:") {
    searchOnDisk(box);
    return;
  }
  var order = ["title", "status", "soort", "gemeente", "datum"];
  var term = "";

  function chosenFilters() {
    var chosen = {};
    box.querySelectorAll(".pagefind-ui__filter-checkbox:checked").forEach(function (input) {
      (chosen[input.name] = chosen[input.name] || []).push(input.value);
    });
    return chosen;
  }

  function remember() {
    var address = new URL(window.location.href);
    address.search = "";
    if (term) address.searchParams.set("q", term);
    var chosen = chosenFilters();
    Object.keys(chosen).sort().forEach(function (name) {
      chosen[name].forEach(function (value) { address.searchParams.append(name, value); });
    });
    window.history.replaceState(null, "", address.pathname + address.search + address.hash);
  }

  var params = new URLSearchParams(window.location.search);
  var query = params.get("q");
  var filters = {};
  var renamed = JSON.parse(box.dataset.oudeWaarden || "{}");  /* a label changed since the address was shared */
  params.forEach(function (value, name) {
    if (renamed[name] && renamed[name][value]) value = renamed[name][value];
    if (name !== "q") (filters[name] = filters[name] || []).push(value);
  });

  var ui = new PagefindUI({
    element: "#zoekvak",
    openFilters: Object.keys(filters),
    showSubResults: false,
    showImages: false,
    sort: { datum: "desc" },  /* the newest first, as every list of the site (data-pagefind-sort on each document) */
    translations: { clear_search: "Wissen", search_label: "Zoek in het archief", filters_label: "Filters" },
    processTerm: function (value) {
      term = value;
      remember();
      return value;
    },
    processResult: function (result) {
      var meta = {};
      order.forEach(function (key) { if (result.meta[key] !== undefined) meta[key] = result.meta[key]; });
      Object.keys(result.meta).forEach(function (key) { if (!(key in meta)) meta[key] = result.meta[key]; });
      result.meta = meta;
      return result;
    },
  });
  box.addEventListener("change", function (event) {
    if (event.target.classList.contains("pagefind-ui__filter-checkbox")) remember();
  });

  /* Pagefind shows a filter's values in alphabetical order; the statuses follow the site's own order (from taken over
     to no response known), as everywhere else. The values' boxes are moved, not redrawn: each keeps its own choice. */
  var statusOrder = JSON.parse(box.dataset.statusVolgorde || "[]");
  function orderStatuses() {
    var boxes = Array.prototype.slice.call(box.querySelectorAll(".pagefind-ui__filter-checkbox[name='status']"));
    var rank = function (input) { var i = statusOrder.indexOf(input.value); return i === -1 ? statusOrder.length : i; };
    var sorted = boxes.slice().sort(function (a, b) { return rank(a) - rank(b) || (a.value < b.value ? -1 : 1); });
    if (sorted.every(function (input, i) { return input === boxes[i]; })) return;
    sorted.forEach(function (input) { input.parentNode.parentNode.appendChild(input.parentNode); });
  }

  var help = document.getElementById("zoekhulp");
  new MutationObserver(function () {
    orderStatuses();
    var message = box.querySelector(".pagefind-ui__message");
    var none = !!message && !box.querySelector(".pagefind-ui__result");
    help.hidden = !none || !/^Geen resultaten/.test(message.textContent.trim());
  }).observe(box, { childList: true, subtree: true, characterData: true });

  if (!query && !Object.keys(filters).length) return;
  import(new URL(box.dataset.pagefind, window.location.href).href)
    .then(function (pagefind) {
      return pagefind.filters();
    })
    .catch(function () {})
    .then(function () {
      if (Object.keys(filters).length) ui.triggerFilters(filters);
      ui.triggerSearch(query || "");
    });
});

// The preview opened from a disk (file://): a browser fetches no files there, so Pagefind cannot run. The preview copy
// (`adviesregister offline`) holds a search index as a script; this searches its titles, labels and texts for every word typed.
function searchOnDisk(box) {
  var root = new URL(box.dataset.basis, window.location.href);
  var script = document.createElement("script");
  script.src = new URL(box.dataset.zoekindex, window.location.href).href;
  script.onload = function () { showSearch(window.adviesregisterZoekindex || []); };
  script.onerror = function () { box.textContent = "Zoeken werkt niet in deze kopie van de site. Bekijk alle documenten via het menu."; };
  document.head.appendChild(script);

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function showSearch(entries) {
    var form = element("form", "", { role: "search" });
    var label = element("label", "Zoek in het archief", { for: "zoek-voorbeeld" });
    var input = element("input", "", { id: "zoek-voorbeeld", type: "search", autocomplete: "off" });
    var note = element("p", "Dit is de voorbeeldsite op uw eigen computer. Zoeken werkt hier eenvoudiger: de site vindt documenten met alle woorden die u typt.", { class: "ar-klein" });
    var message = element("p", "", { role: "status", class: "ar-aantal" });
    var list = element("ol", "", { class: "ar-kaarten" });
    form.append(label, input);
    box.append(note, form, message, list);
    function run() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var address = new URL(window.location.href);
      if (words.length) address.searchParams.set("q", input.value);
      else address.searchParams.delete("q");
      window.history.replaceState(null, "", address.href);
      list.textContent = "";
      if (!words.length) { message.textContent = ""; return; }
      var found = entries.filter(function (entry) {
        var labels = entry.labels.map(function (label) { return label[1]; }).join(" ");
        var text = (entry.titel + " " + labels + " " + entry.tekst).toLowerCase();
        return words.every(function (word) { return text.indexOf(word) !== -1; });
      });
      message.textContent = found.length === 1 ? "1 resultaat" : found.length + " resultaten";
      found.forEach(function (entry) {
        var item = element("li", "", { class: "ar-kaart" });
        item.append(element("a", entry.titel, { href: new URL(entry.url, root).href, class: "ar-kaart__titel" }));
        item.append(element("span", entry.labels.map(function (label) { return label[0] + ": " + label[1]; }).join(" · "), { class: "ar-kaart__meta" }));
        list.append(item);
      });
      document.getElementById("zoekhulp").hidden = found.length !== 0;
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    run();
  }
}
