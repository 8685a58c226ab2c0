/* Citing: a paragraph's cite box from its section's template, and a link to a selection.
   Loaded by edition.js when first needed. */
(function () {
  "use strict";
  var EDITORIAL = ".ed, .headerlink";

  function pageUrl() { return window.location.href.split(/[?#]/)[0]; }
  // The site's root, from this script's own address (assets/cite.js).
  var SITE = ((document.currentScript && document.currentScript.src) || "")
    .replace(/assets\/cite\.js(?:[?#].*)?$/, "");

  /* --- the paragraph cite box --------------------------------------------------------- */
  // Paragraph `number`'s box, made from its section's template (the paragraph panel shows it).
  function paragraphBox(section, number) {
    var template = document.querySelector('.cite-template[data-section="' + section + '"]');
    if (!template) { return null; }
    var box = document.createElement("div");
    box.innerHTML = JSON.parse(template.getAttribute("data-box")).split(template.getAttribute("data-stand-in")).join(number);
    fillHere(box);
    return box.firstElementChild;
  }

  // Without site_url the boxes leave the URL out; read over http(s), each of their citations
  // and records is replaced by its variant with the address this copy is read at. From file://
  // they stay as they are, and say so.
  function fillHere(root) {
    if (!/^https?:/.test(SITE)) { return; }
    root.querySelectorAll("[data-cite-path]").forEach(function (body) {
      var url = new URL(body.getAttribute("data-cite-path"), SITE).href.replace(/&/g, "&amp;");
      var standIn = body.getAttribute("data-url-stand-in");
      body.querySelectorAll("[data-at-url]").forEach(function (shown) {
        var holder = document.createElement("div");
        holder.innerHTML = JSON.parse(shown.getAttribute("data-at-url")).split(standIn).join(url);
        shown.replaceWith(holder.firstElementChild);
      });
    });
  }

  /* --- a link to the selected words (a URL text fragment) ------------------------------- */
  // The paragraph's own text as the reader sees it, without numbers, buttons or note marks.
  function textNodes(paragraph) {
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(EDITORIAL) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    return nodes;
  }

  // Where a range boundary falls in the paragraph's own text (its place among the text nodes).
  function offsetIn(nodes, container, offset) {
    var boundary = document.createRange();
    boundary.setStart(container, offset);
    var total = 0;
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i] === container) { return total + offset; }
      if (boundary.comparePoint(nodes[i], nodes[i].data.length) > 0) { return total; }
      total += nodes[i].data.length;
    }
    return total;
  }

  function selectedWords(paragraph, range) {
    var nodes = textNodes(paragraph);
    var text = nodes.map(function (n) { return n.data; }).join("");
    var start = offsetIn(nodes, range.startContainer, range.startOffset);
    var end = offsetIn(nodes, range.endContainer, range.endOffset);
    // Fragments match whole words: widen a boundary that falls inside a word.
    var inWord = function (i) { return /\S/.test(text[i - 1] || " ") && /\S/.test(text[i] || " "); };
    while (start > 0 && inWord(start)) { start--; }
    while (end < text.length && inWord(end)) { end++; }
    return text.slice(start, end).replace(/\s+/g, " ").trim();
  }

  function encodeFragmentText(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");  // also encodes "," and "&"
  }

  function textDirective(words) {
    var list = words.split(" ");
    if (list.length <= 8) { return "text=" + encodeFragmentText(words); }
    return "text=" + encodeFragmentText(list.slice(0, 4).join(" ")) + "," +
      encodeFragmentText(list.slice(-4).join(" "));
  }

  function paragraphOf(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element && element.closest(".transmitted p.tb");
  }

  /** The link for the current selection: a text fragment, or the paragraph's permalink. */
  function selectionLink(selection) {
    if (!selection || selection.rangeCount === 0) { return null; }
    var range = selection.getRangeAt(0);
    var paragraph = paragraphOf(range.startContainer);
    if (!paragraph) { return null; }
    var permalink = pageUrl() + "#" + paragraph.id;
    if (selection.isCollapsed || paragraphOf(range.endContainer) !== paragraph) { return permalink; }
    var words = selectedWords(paragraph, range);
    return words ? permalink + ":~:" + textDirective(words) : permalink;
  }

  // Material's clipboard handler copies a button's data-clipboard-text when it is pressed. The
  // button lies over the page under the selection's last line (edition.css): showing it moves
  // no text; it goes when the selection does. Its words are the page's (editionWords).
  var button = null;

  function selectionButton() {
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "ed copy-selection-link";
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    }
    return button;
  }

  function place(b, range, para) {
    var rects = range.getClientRects();
    var last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var frame = para.getBoundingClientRect(), text = para.querySelector("p.tb");
    if (b.parentNode !== para) { para.appendChild(b); }
    b.style.top = (last.bottom - frame.top) + "px";
    var left = Math.min(last.left - frame.left, frame.width - b.offsetWidth);
    b.style.left = Math.max(text ? text.offsetLeft : 0, left) + "px";
  }

  function offerSelectionLink() {
    var selection = window.getSelection();
    var link = selection && !selection.isCollapsed ? selectionLink(selection) : null;
    if (!link) {
      if (button) { button.remove(); }
      return;
    }
    var b = selectionButton(), range = selection.getRangeAt(0);
    b.setAttribute("data-clipboard-text", link);
    b.textContent = window.editionWords(link.indexOf(":~:") > 0 ? "copy-selection-link"
                                                                : "copy-paragraph-link");
    place(b, range, paragraphOf(range.startContainer).closest(".para"));
  }

  function setUp() {
    fillHere(document);
  }

  document.addEventListener("selectionchange", function () {
    window.clearTimeout(offerSelectionLink.timer);
    offerSelectionLink.timer = window.setTimeout(offerSelectionLink, 120);
  });
  window.editionSelectionLink = function () { return selectionLink(window.getSelection()); };
  // edition.js loads this file on a reader's first cite or selection, then hands that on.
  window.editionCite = { paragraphBox: paragraphBox, offerSelectionLink: offerSelectionLink };
  if (window.document$) { window.document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();
