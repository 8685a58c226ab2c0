/* Small enhancements: absolute permalinks for the copy buttons, the highlighting switch, and
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
    // The switch is in the page as "highlighting on"; the page changes only for a reader
    // who turned highlighting off (on this or an earlier page).
    var button = document.querySelector("button.ed-toggle");
    if (button && !button.wired) {
      button.wired = true;
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
      if (off) { show(); }
    }
  }
  // Mention tooltips (shown by edition.css): on a touch screen a first tap shows the
  // description and a second follows the link; Escape hides a tooltip (WCAG 1.4.13).
  var touch = false, closed = null;
  function mention(node) { return node && node.closest ? node.closest("a.mention") : null; }
  document.addEventListener("pointerdown", function (e) { touch = e.pointerType === "touch"; }, true);
  document.addEventListener("click", function (e) {
    var open = document.querySelector("a.mention.tip-open"), link = mention(e.target);
    if (open && open !== link) { open.classList.remove("tip-open"); }
    if (link && touch && link !== open) { e.preventDefault(); link.classList.add("tip-open"); }
  });
  document.addEventListener("keydown", function (e) {
    touch = false;
    if (e.key !== "Escape") { return; }
    closed = document.querySelector("a.mention:is(.tip-open, :focus-visible, :hover)");
    if (closed) { closed.classList.remove("tip-open"); closed.classList.add("tip-closed"); }
  });
  function reopen(e) {  // a hidden tooltip shows again once focus or pointer has left it
    if (closed && e.target === closed && !closed.contains(e.relatedTarget)) {
      closed.classList.remove("tip-closed");
      closed = null;
    }
  }
  document.addEventListener("focusout", reopen);
  document.addEventListener("mouseout", reopen);
  if (window.document$) { window.document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();

(function () {
  "use strict";
  var citeScript = document.currentScript.src.replace(/edition\.js(?:[?#].*)?$/, "cite.js");
  var loading = null;

  // A link that names a version (?v=1.0.0) gets its "changed since" note (versions.js).
  if (/[?&]v=/.test(window.location.search)) {
    var since = document.createElement("script");
    since.src = citeScript.replace(/cite\.js$/, "versions.js");
    document.head.appendChild(since);
  }

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
  // The home page's box is open from the start: over http(s) its URL is put in at once.
  if (/^https?:/.test(citeScript) && document.querySelector("#cite-edition [data-cite-path]")) {
    citeTools();
  }
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
