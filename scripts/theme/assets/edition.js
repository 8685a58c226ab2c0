/* Small enhancements: absolute permalinks for the copy buttons, the highlighting toggle, and
   cite.js, fetched the first time a reader cites or selects words (most readers never do). */
(function () {
  "use strict";
  function absolute(fragment) {
    return new URL(fragment, window.location.href.split("#")[0]).href;
  }
  function setUp() {
    document.querySelectorAll("button.copy-link[data-clipboard-text^='#']").forEach(function (b) {
      b.setAttribute("data-clipboard-text", absolute(b.getAttribute("data-clipboard-text")));
    });
    var text = document.querySelector(".transmitted");
    if (text && !document.querySelector(".ed-toggle")) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ed ed-toggle md-button";
      var off = localStorage.getItem("edition-plain") === "1";
      var show = function () {
        document.body.classList.toggle("plain-text", off);
        button.setAttribute("aria-pressed", String(!off));
        button.textContent = off ? "Show annotation highlighting" : "Hide annotation highlighting";
      };
      button.addEventListener("click", function () {
        off = !off;
        try { localStorage.setItem("edition-plain", off ? "1" : "0"); } catch (e) { /* private mode */ }
        show();
      });
      show();
      text.parentNode.insertBefore(button, text);
    }
  }
  if (window.document$) { window.document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();

(function () {
  "use strict";
  var citeScript = document.currentScript.src.replace(/edition\.js(?:[?#].*)?$/, "cite.js");
  var loading = null;

  function citeTools() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = citeScript;
        script.addEventListener("load", resolve);
        script.addEventListener("error", reject);
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Once cite.js is loaded it handles the cite links itself.
  function citeFirst(event) {
    var link = event.target.closest && event.target.closest("a.cite-link");
    if (!link || window.editionCite) { return; }
    event.preventDefault();
    citeTools().then(function () { window.editionCite.toggle(link); },
                     function () { window.location.hash = link.hash; });
  }
  document.addEventListener("click", citeFirst);
  document.addEventListener("keydown", function (event) { if (event.key === " ") { citeFirst(event); } });
  // A section's cite box shows this copy's address once cite.js has filled it in.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches("details.cite") && event.target.open) { citeTools(); }
  }, true);
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (window.editionCite || !selection || selection.isCollapsed) { return; }
    var node = selection.anchorNode;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (element && element.closest(".transmitted")) {
      citeTools().then(function () { window.editionCite.offerSelectionLink(); });
    }
  });
})();
