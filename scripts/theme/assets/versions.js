/* "Changed since": loaded by edition.js only when the address names a version (?v=1.0.0, as
   the edition's citations do). It tells the reader whether the paragraph or entry the link
   points at has changed since that version, from the footer's data (pages/changelog.py):
   for each anchor of the page, [the version that first published it, the earliest version
   since which it is unchanged], by the fingerprints the anchor ledger keeps. */
(function () {
  "use strict";
  function show() {
    var line = document.querySelector(".ed-version[data-since]");
    var cited = new URLSearchParams(window.location.search).get("v");
    var content = document.querySelector(".md-content__inner");
    if (!line || !cited || !content || document.querySelector(".ed-since")) { return; }
    var data = JSON.parse(line.getAttribute("data-since"));
    var versions = data.versions, current = versions[versions.length - 1];
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    var known = Object.prototype.hasOwnProperty.call(data.anchors, anchor);
    var entry = data.anchors[known ? anchor : ""];
    var what = !known || !anchor ? "This page" : /^p\d+$/.test(anchor) ? "¶ " + anchor.slice(1)
      : "What this link points at";
    var at = versions.indexOf(cited), link = data.changelog;
    var text;
    if (at < 0) {
      text = "This link names version " + cited + ", which this edition never had; this is version " + current + ".";
    } else if (cited === current) {
      text = "This is version " + current + ", the version this link names.";
    } else if (data.unknown.indexOf(cited) >= 0 || !entry) {
      text = "Whether " + what.charAt(0).toLowerCase() + what.slice(1) + " changed since version " + cited +
        " is not known: the fingerprints of that version were not recorded.";
    } else if (at < versions.indexOf(entry[0])) {
      text = what + " was added in version " + entry[0] + ", after version " + cited + ".";
      link += "#v" + entry[0].replace(/\./g, "-");
    } else if (at >= versions.indexOf(entry[1])) {
      text = what + " has not changed since version " + cited + ", which this link names (this is version " + current + ").";
    } else {
      text = what + " has changed since version " + cited + ", which this link names: it is as version " + entry[1] + " left it.";
      link += "#v" + entry[1].replace(/\./g, "-");
    }
    var note = document.createElement("p");
    note.className = "ed-since";
    note.setAttribute("role", "status");
    note.appendChild(document.createTextNode(text + " "));
    var a = document.createElement("a");
    a.href = link;
    a.textContent = "See the changelog.";
    note.appendChild(a);
    content.insertBefore(note, content.firstChild);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
