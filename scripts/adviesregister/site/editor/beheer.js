/* Adviesregister: Decap CMS's Dutch words, changed where they are unclear to a secretary or to a screen reader.
   Runs after decap-cms.js and before Decap shows anything (Decap reads its words when it draws, after loading
   config.yml). Decap's "new" button says "＋ document" with a full-width plus, which many computers have no font
   for, and its accessible name "Item van type document maken" does not hold the visible label (WCAG 2.5.3). */
(function () {
  "use strict";
  var cms = window.CMS;
  var nl = cms && cms.getLocale("nl");
  if (!nl) {
    return;
  }
  nl.collection.collectionTop.newButton = "Nieuw %{collectionLabel}";
  nl.collection.collectionTop.newButtonAriaLabel = "Nieuw %{collectionLabel} maken";
  cms.registerLocale("nl", nl);
})();
