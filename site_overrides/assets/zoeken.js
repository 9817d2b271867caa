// The search page: Pagefind's interface in #zoekvak. The query and the chosen filters live in the address
// (?q=…&status=…), so a search can be shared and Back brings it back; a search in the address is run at once, after
// the filters have loaded (otherwise Pagefind shows only the filter groups whose data arrived before the first
// results). Each result shows its status, soort, gemeente and date. No result: #zoekhulp says what to try.
var zoekScript = document.currentScript;
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("zoekvak");
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
  params.forEach(function (value, name) {
    if (name !== "q") (filters[name] = filters[name] || []).push(value);
  });

  var ui = new PagefindUI({
    element: "#zoekvak",
    openFilters: Object.keys(filters),
    showSubResults: false,
    showImages: false,
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

  var help = document.getElementById("zoekhulp");
  new MutationObserver(function () {
    var message = box.querySelector(".pagefind-ui__message");
    var none = !!message && !box.querySelector(".pagefind-ui__result");
    help.hidden = !none || !/^Geen resultaten/.test(message.textContent.trim());
  }).observe(box, { childList: true, subtree: true, characterData: true });

  if (!query && !Object.keys(filters).length) return;
  import(new URL("../pagefind/pagefind.js", zoekScript.src).href)
    .then(function (pagefind) {
      return pagefind.filters();
    })
    .catch(function () {})
    .then(function () {
      if (Object.keys(filters).length) ui.triggerFilters(filters);
      ui.triggerSearch(query || "");
    });
});
