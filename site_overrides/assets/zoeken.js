// The search page: Pagefind's interface in #zoekvak; a search in the address (?q=…) is run at once.
window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({ element: "#zoekvak", showSubResults: false, showImages: false });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
