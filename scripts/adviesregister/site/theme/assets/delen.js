/* A document page's "Kopieer link" and "Print" buttons (templates/document.md.j2). Without JavaScript they stay hidden
   and the page shows its address in text instead, to copy by hand; with it the buttons show and that line goes.
   The address copied is the one the build wrote into the button (the page's public address), not the browser's. */
(function () {
  "use strict";
  var copy = document.querySelector("[data-ar-kopieer]");
  var print = document.querySelector("[data-ar-print]");
  var status = document.querySelector(".ar-gekopieerd");
  var address = document.querySelector(".ar-adres");

  if (copy && navigator.clipboard) {
    copy.hidden = false;
    if (address) address.hidden = true;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-ar-kopieer")).then(
        function () {
          copy.textContent = "Link gekopieerd";
          if (status) status.textContent = "De link naar deze pagina staat op het klembord.";
        },
        function () {
          /* the browser refused: show the address to copy by hand */
          if (address) address.hidden = false;
          if (status) status.textContent = "Kopiëren lukte niet. Het adres staat onder de knoppen.";
        });
    });
  }
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  /* A printout shows the folded details for researchers too. */
  window.addEventListener("beforeprint", function () {
    var details = document.querySelectorAll("details.ar-onderzoekers:not([open])");
    for (var i = 0; i < details.length; i++) {
      details[i].setAttribute("open", "");
      details[i].setAttribute("data-ar-dicht", "");
    }
  });
  window.addEventListener("afterprint", function () {
    var details = document.querySelectorAll("details[data-ar-dicht]");
    for (var i = 0; i < details.length; i++) {
      details[i].removeAttribute("open");
      details[i].removeAttribute("data-ar-dicht");
    }
  });
})();
