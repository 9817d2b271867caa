/* The menu by keyboard, at every width. Below 1220 px Material's navigation is a drawer that slides in; it opens with
   a hidden checkbox (#__drawer), which a label in the header toggles: a label cannot be reached with the Tab key, and
   the closed drawer's links stay in the Tab order while they are off the screen. This script shows a real button in
   the label's place (partials/header.html), keeps the closed drawer inert (out of the Tab order and hidden from screen
   readers) and, while it is open, the page behind it and the header under it; a "Sluiten" button in the drawer and
   Escape close it and give the focus back to the menu button.
   "Ga naar inhoud" moves the focus itself into the content. Nothing from the archive's content is read here. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".ar-menuknop");
  var label = document.querySelector(".ar-menu-zonder-js");
  var drawer = document.querySelector(".md-sidebar--primary");
  /* Material's breakpoint: from 76.25em (1220 px at its 16 px root) the navigation is a sidebar, not a drawer */
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var behind = document.querySelectorAll(
    ".md-header, .md-content, .md-sidebar--secondary, .md-footer, .md-top, [data-md-component='skip'], [data-md-component='announce']");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "ar-menusluiten";
  close.textContent = "Sluiten";

  function focusable(root) {
    return root.querySelector("a[href], button:not([disabled]), input:not([type='hidden']):not(.md-toggle), select, textarea");
  }

  function sync() {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    drawer.inert = narrow.matches && !open;
    for (var i = 0; i < behind.length; i++) behind[i].inert = narrow.matches && open;
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));  /* Material follows the checkbox (its overlay, the page's scroll) */
    sync();
  }

  if (toggle && button && drawer) {
    button.hidden = false;
    if (label) label.hidden = true;
    drawer.insertBefore(close, drawer.firstChild);
    button.addEventListener("click", function () {
      setOpen(!toggle.checked);
      var first = toggle.checked ? focusable(drawer) : null;
      if (first) first.focus();
    });
    close.addEventListener("click", function () {
      setOpen(false);
      button.focus();
    });
    toggle.addEventListener("change", sync);  /* the overlay (a label) closes the drawer too */
    narrow.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && narrow.matches) {
        setOpen(false);
        button.focus();
      }
    });
    sync();
  }

  /* Below 960 px the drawer holds the page's table of contents, behind the current page's entry: a label for a hidden
     checkbox (#__toc), which the Tab key cannot reach. Here that label and the panel's title (which goes back) act as
     buttons: Tab reaches them, Enter or Space opens or closes the panel, and the focus follows. */
  var toc = document.getElementById("__toc");
  var tocOpen = document.querySelector(".md-nav--primary label.md-nav__link[for='__toc']");
  var tocPanel = document.querySelector(".md-nav--primary .md-nav--secondary");
  var tocBack = tocPanel ? tocPanel.querySelector("label.md-nav__title[for='__toc']") : null;
  if (toc && tocOpen && tocPanel) {
    var setToc = function (open) {
      toc.checked = open;
      toc.dispatchEvent(new Event("change"));
      tocOpen.setAttribute("aria-expanded", open ? "true" : "false");
      var target = open ? tocPanel.querySelector("a[href]") : tocOpen;
      if (target) target.focus();
    };
    [tocOpen, tocBack].forEach(function (label) {
      if (!label) return;
      label.setAttribute("role", "button");
      label.tabIndex = 0;
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        setToc(label === tocOpen ? !toc.checked : false);
      });
    });
    tocOpen.setAttribute("aria-expanded", toc.checked ? "true" : "false");
    if (tocBack) tocBack.setAttribute("aria-label", "Inhoudsopgave sluiten");
    toc.addEventListener("change", function () { tocOpen.setAttribute("aria-expanded", toc.checked ? "true" : "false"); });
  }

  /* "Ga naar inhoud": the heading it points to takes the focus, so the next Tab goes on in the content */
  var skip = document.querySelector(".md-skip");
  if (skip) {
    skip.addEventListener("click", function () {
      var target = document.getElementById(decodeURIComponent(skip.hash.slice(1)));
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  }
})();
