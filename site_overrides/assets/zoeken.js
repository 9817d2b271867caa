// The search page: Pagefind's interface in #zoekvak. The query lives in the address (?q=…), so a search can be shared
// and Back brings it back; a search in the address is run at once, after the filters have loaded (otherwise Pagefind
// shows only the filter groups whose data arrived before the first results). No result: #zoekhulp says what to try.
var zoekScript = document.currentScript;
window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({
    element: "#zoekvak",
    showSubResults: false,
    showImages: false,
    translations: { clear_search: "Wissen", search_label: "Zoek in het archief" },
    processTerm: function (term) {
      var address = new URL(window.location.href);
      if (term) address.searchParams.set("q", term);
      else address.searchParams.delete("q");
      window.history.replaceState(null, "", address.pathname + address.search + address.hash);
      return term;
    },
  });
  var help = document.getElementById("zoekhulp");
  new MutationObserver(function () {
    var message = document.querySelector("#zoekvak .pagefind-ui__message");
    var none = !!message && !document.querySelector("#zoekvak .pagefind-ui__result");
    help.hidden = !none || !/^Geen resultaten/.test(message.textContent.trim());
  }).observe(document.getElementById("zoekvak"), { childList: true, subtree: true, characterData: true });
  var query = new URLSearchParams(window.location.search).get("q");
  if (!query) return;
  import(new URL("../pagefind/pagefind.js", zoekScript.src).href)
    .then(function (pagefind) {
      return pagefind.filters();
    })
    .catch(function () {})
    .then(function () {
      ui.triggerSearch(query);
    });
});
