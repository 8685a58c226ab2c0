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
    var word = window.editionWords;
    var what = !known || !anchor ? word("this-page") : /^p\d+$/.test(anchor)
      ? word("paragraph-label", {number: anchor.slice(1)}) : word("what-link-points-at");
    var at = versions.indexOf(cited), link = data.changelog;
    var text;
    if (at < 0) {
      text = word("never-had", {cited: cited, current: current});
    } else if (cited === current) {
      text = word("is-current", {current: current});
    } else if (data.unknown.indexOf(cited) >= 0 || !entry) {
      text = word("not-known", {what: what.charAt(0).toLowerCase() + what.slice(1), cited: cited});
    } else if (at < versions.indexOf(entry[0])) {
      text = word("added-after", {what: what, added: entry[0], cited: cited});
      link += "#v" + entry[0].replace(/\./g, "-");
    } else if (at >= versions.indexOf(entry[1])) {
      text = word("unchanged", {what: what, cited: cited, current: current});
    } else {
      text = word("changed", {what: what, cited: cited, since: entry[1]});
      link += "#v" + entry[1].replace(/\./g, "-");
    }
    var note = document.createElement("p");
    note.className = "ed-since";
    note.setAttribute("role", "status");
    note.appendChild(document.createTextNode(text + " "));
    var a = document.createElement("a");
    a.href = link;
    a.textContent = word("see-changelog");
    note.appendChild(a);
    content.insertBefore(note, content.firstChild);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
