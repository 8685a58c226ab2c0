/* The words the scripts show, in the page's language: main.html gives them as JSON (the
   engine's settings carry them: publish/config.py SCRIPT_WORDS). A word's {placeholders}
   take `values`. */
window.editionWords = (function () {
  "use strict";
  var element = document.getElementById("ed-words");
  var words = element ? JSON.parse(element.textContent) : {};
  return function (key, values) {
    return (words[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  };
})();

/* Small enhancements: the annotations switch, mention tooltips, a copy of the text that is the
   text, and three scripts fetched the first time a reader needs them (most readers never do):
   panel.js when a paragraph's number is activated (or a link asks for a paragraph's panel),
   notes.js when a note's call is, cite.js when a reader cites or selects words. */
(function () {
  "use strict";
  var KEY = "edition-annotations";
  function setUp() {
    // The switch is in the page as "annotations off" (quiet reading); the page changes only
    // for a reader who turned them on (on this or an earlier page).
    var button = document.querySelector("button.ed-toggle");
    if (button && !button.wired) {
      button.wired = true;
      var on = false;
      try { on = localStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked */ }
      var show = function () {  // the label stays; the state is the button's pressed state
        document.body.classList.toggle("annotations", on);
        button.setAttribute("aria-pressed", String(on));
      };
      button.addEventListener("click", function () {
        on = !on;
        try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ }
        show();
      });
      if (on) { show(); }
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
    if (link && touch && link !== open) {
      e.preventDefault();
      link.classList.add("tip-open");
      reveal(link);
    }
  });
  // A long description near the bottom of a short screen: scroll it into view whole (its box
  // hangs under the mention's line, so the link's own scrolling does not bring it in).
  function reveal(link) {
    var tip = getComputedStyle(link, "::after");
    if (tip.content === "none" || tip.display === "none") { return; }
    var line = link.getBoundingClientRect();
    var over = line.bottom + parseFloat(tip.height) + 8 - window.innerHeight;
    if (over > 0) { window.scrollBy(0, Math.min(over, line.top - 8)); }
  }
  document.addEventListener("focusin", function (e) {
    var link = mention(e.target);
    if (link) { requestAnimationFrame(function () { reveal(link); }); }
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
  var here = document.currentScript.src;
  var loading = {};

  function script(name) {  // a script beside this one, loaded once
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = here.replace(/edition\.js(?:[?#].*)?$/, name);
        element.addEventListener("load", resolve);
        element.addEventListener("error", reject);
        document.head.appendChild(element);
      });
    }
    return loading[name];
  }
  window.editionScript = script;

  // A link that names a version (?v=1.0.0) gets its "changed since" note (versions.js).
  if (/[?&]v=/.test(window.location.search)) { script("versions.js"); }

  // A paragraph's number is its permalink; activated (click, Enter) on a page that has the
  // panel, it opens the paragraph's panel instead. A modified click (new tab) stays a link.
  var PANEL = "#para-panel-template";
  function number(event) {
    var link = event.target.closest && event.target.closest(".para > .margin a.pn");
    if (!link || !document.querySelector(PANEL) || event.button || event.ctrlKey ||
        event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    script("panel.js").then(function () { window.editionPanel.toggle(link); },
                            function () { window.location.hash = link.hash; });
  }
  document.addEventListener("click", number);
  // A link to a paragraph's panel: ?panel=p13#p13 (without the script, #p13 alone is followed).
  document.addEventListener("DOMContentLoaded", function () {
    var id = new URLSearchParams(window.location.search).get("panel");
    var link = id && /^[\w-]+$/.test(id) &&
      document.querySelector('.para > .margin a.pn[href="#' + id + '"]');
    if (link && document.querySelector(PANEL)) {
      script("panel.js").then(function () { window.editionPanel.open(link, true); });
    }
  });

  // A section's cite box shows this copy's address once cite.js has filled it in.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches("details.cite") && event.target.open) { script("cite.js"); }
  }, true);
  // A note's call opens the note where it is called (notes.js); a modified click (new tab), or
  // no script, follows the link to the note in the apparatus.
  document.addEventListener("click", function (event) {
    var call = event.target.closest && event.target.closest(".transmitted sup.nref a");
    if (!call || event.button || event.ctrlKey || event.metaKey || event.shiftKey ||
        event.altKey) { return; }
    event.preventDefault();
    script("notes.js").then(function () { window.editionNotes.toggle(call); },
                            function () { window.location.hash = call.hash; });
  });

  // The cite box of the reading tools lies over the page: Escape or a click elsewhere closes it.
  function closeTools(event) {
    var open = document.querySelector(".ed-controls details[open]");
    if (!open || (event.type === "keydown" ? event.key !== "Escape" : open.contains(event.target))) {
      return;
    }
    open.open = false;
    if (event.type === "keydown") { open.querySelector("summary").focus(); }
  }
  document.addEventListener("keydown", closeTools);
  document.addEventListener("click", closeTools);

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (window.editionCite || !selection || selection.isCollapsed) { return; }
    var node = selection.anchorNode;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (element && element.closest(".transmitted")) {
      script("cite.js").then(function () { window.editionCite.offerSelectionLink(); });
    }
  });
})();

/* A copy of the text is the text: copying words of the transmitted text gives those words, as
   source/article.txt has them, a blank line between blocks; never a note's number, a paragraph
   number, a sidenote, a label or a button, which stand beside the words (and cannot be
   selected: edition.css). A selection that takes in other words (the apparatus, say) is copied
   as the browser copies it. */
(function () {
  "use strict";
  var BESIDE = ".para > .margin, .kind-label, .sidenotes, sup.nref, .gap, .title-block, .headerlink, " +
    ".ed-controls, .copy-selection-link, .note-pop, .cite-template, .mention-descriptions, [hidden]";

  function selectedPart(node, range) {
    var start = node === range.startContainer ? range.startOffset : 0;
    var end = node === range.endContainer ? range.endOffset : node.data.length;
    return node.data.slice(start, end);
  }

  // The selected words of each transmitted block, in order; null when other words are selected.
  function transmitted(range) {
    var root = range.commonAncestorContainer;
    root = root.nodeType === 1 ? root : root.parentElement;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), blocks = [], words = [];
    while (walker.nextNode()) {
      var node = walker.currentNode, element = node.parentElement;
      if (!range.intersectsNode(node) || element.closest(BESIDE)) { continue; }
      var part = selectedPart(node, range), block = element.closest(".transmitted .tb");
      if (!block) {
        if (part.trim()) { return null; }
        continue;
      }
      if (blocks[blocks.length - 1] !== block) { blocks.push(block); words.push(""); }
      words[words.length - 1] += part;
    }
    return words.length ? words : null;
  }

  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) { return; }
    var words = transmitted(selection.getRangeAt(0));
    if (!words) { return; }
    event.clipboardData.setData("text/plain", words.join("\n\n"));
    event.preventDefault();
  });
})();

(function () {
  "use strict";
  // The paragraph being read: the first of `selector` whose box ends more than `lines` px
  // under the header (its text may be hidden, the translation alone: its box is measured).
  function paragraphBeingRead(selector, lines) {
    var header = document.querySelector(".md-header");
    var under = (header ? header.getBoundingClientRect().bottom : 0) + lines;
    var paras = document.querySelectorAll(selector);
    for (var i = 0; i < paras.length; i++) {
      if (paras[i].getBoundingClientRect().bottom > under) { return paras[i]; }
    }
    return null;
  }

  // The language switch keeps the reader's place: the address's own #fragment, or else the
  // paragraph still on screen (every language's page has the same #pN ids).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.ed-language");
    if (!link) { return; }
    var here = window.location.hash;
    if (!here) {
      var para = paragraphBeingRead(".para", 16);
      var text = para && para.querySelector(".tb");
      if (text && /^p\d+$/.test(text.id)) { here = "#" + text.id; }
    }
    if (here) { link.hash = here; }
  });

  // On a narrow screen, the translation alone or beside the transmitted text: the paragraph
  // being read (a few of its lines under the header) stays where it is when the other
  // language comes or goes.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.ed-tr-toggle");
    if (!button) { return; }
    var kept = paragraphBeingRead(".para.has-tr", 40);
    var top = kept ? kept.getBoundingClientRect().top : 0;
    var alone = document.body.classList.toggle("ed-tr-alone");
    button.setAttribute("aria-pressed", alone ? "true" : "false");
    if (kept) { window.scrollBy(0, kept.getBoundingClientRect().top - top); }
  });
})();
