/* The paragraph panel: what the edition says about one paragraph (its names, dates,
   quotations, figures and notes) and its cite box, opened from the paragraph's number.
   Loaded by edition.js when first needed. Everything it shows is already in the page (the
   paragraph's marks, the section's notes, the hidden list of names, the cite template), so it
   works from file:// and asks nothing of the network. The page without this script keeps the
   section's apparatus below the text. */
(function () {
  "use strict";
  var word = window.editionWords;
  var TYPES = [["person", "people"], ["organisation", "organisations"], ["group", "groups"],
               ["place", "places"]];
  var panel = null, current = null, urlBefore = null;

  function shell() {
    if (panel) { return panel; }
    document.body.appendChild(document.getElementById("para-panel-template").content.cloneNode(true));
    panel = document.getElementById("para-panel");
    panel.hidden = true;
    panel.querySelector(".para-panel__close").addEventListener("click", function () { close(true); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close(true); }
    });
    return panel;
  }

  function part(body, title, items) {
    if (!items.length) { return; }
    var section = document.getElementById("para-panel-part").content.firstElementChild.cloneNode(true);
    section.querySelector("h3").textContent = title;
    var list = section.querySelector("ul");
    items.forEach(function (nodes) {
      var item = document.createElement("li");
      item.append.apply(item, nodes);
      list.appendChild(item);
    });
    body.appendChild(section);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  // The names: each entity once, under its type, with how often the paragraph names it.
  function names(paragraph) {
    var found = {};
    paragraph.querySelectorAll("a.mention").forEach(function (a) {
      var id = a.getAttribute("data-entity"), about = document.getElementById("about-" + id);
      if (!about) { return; }
      if (!found[id]) { found[id] = {href: a.getAttribute("href"), about: about, count: 0}; }
      found[id].count++;
    });
    return TYPES.map(function (type) {
      var items = Object.keys(found).filter(function (id) {
        return found[id].about.getAttribute("data-type") === type[0];
      }).map(function (id) {
        var name = found[id].about.getAttribute("data-name");
        return [link(found[id].href, name), found[id].count > 1 ? " (" + found[id].count + ")" : ""];
      });
      return [word(type[1]), items];
    });
  }

  // A note's words, as the apparatus below gives them, without its ids and its way back.
  function note(call) {
    var target = call.querySelector("a") && document.getElementById(call.querySelector("a").hash.slice(1));
    var item = target && target.closest("li");
    if (!item) { return null; }
    var copy = item.cloneNode(true);
    copy.querySelectorAll("[id], a[href^='#ref-']").forEach(function (node) { node.remove(); });
    return Array.prototype.slice.call(copy.childNodes);
  }

  function quoted(element, gloss) {
    return ["“" + element.textContent.trim() + "”: " + gloss];
  }

  function fill(paragraph, number) {
    var body = panel.querySelector(".para-panel__body");
    body.textContent = "";
    names(paragraph).forEach(function (group) { part(body, group[0], group[1]); });
    part(body, word("dates"), Array.prototype.map.call(paragraph.querySelectorAll(".date"), function (d) {
      return quoted(d, d.getAttribute("title"));
    }));
    var quotations = [], notes = [];
    paragraph.querySelectorAll("sup.nref").forEach(function (call) {
      var words = note(call), before = call.previousElementSibling;
      if (!words) { return; }
      var numbered = [call.querySelector("a").getAttribute("data-n") + ". "].concat(words);
      (before && before.matches(".quotation") ? quotations : notes).push(numbered);
    });
    part(body, word("quotations"), quotations);
    part(body, word("figures"), Array.prototype.map.call(paragraph.querySelectorAll(".figure"), function (f) {
      return [f.getAttribute("title")];
    }));
    part(body, word("notes"), notes);
    if (!body.childNodes.length) {
      body.appendChild(document.getElementById("para-panel-empty").content.cloneNode(true));
    }
    var copy = panel.querySelector(".para-panel__copy");
    copy.textContent = word("copy-paragraph-link-n", {number: number});
    copy.setAttribute("data-clipboard-text", window.location.href.split(/[?#]/)[0] + "#" + paragraph.id);
    var cite = panel.querySelector(".para-panel__cite");
    var old = cite.querySelector("details.cite");
    if (old) { old.remove(); }
    var section = paragraph.closest(".para").getAttribute("data-section");
    window.editionScript("cite.js").then(function () {
      var box = window.editionCite.paragraphBox(section, number);
      if (box && current === paragraph) { box.open = false; cite.appendChild(box); }
    });
  }

  function open(numberLink, fromUrl) {
    var paragraph = document.getElementById(numberLink.hash.slice(1));
    if (!paragraph) { return; }
    if (current) { close(false); }
    shell();
    current = paragraph;
    var number = numberLink.textContent.trim();
    panel.querySelector(".para-panel__title").textContent = word("paragraph-n", {number: number});
    fill(paragraph, number);
    panel.hidden = false;
    panel.returnTo = numberLink;
    numberLink.setAttribute("aria-expanded", "true");
    paragraph.closest(".para").classList.add("panel-open");
    urlBefore = fromUrl ? window.location.pathname + window.location.hash : window.location.href;
    history.replaceState(history.state, "", "?panel=" + paragraph.id + "#" + paragraph.id);
    panel.querySelector(".para-panel__title").focus({preventScroll: true});
    uncover(paragraph);
  }

  // On a phone the panel is a sheet over the bottom of the screen: the paragraph is brought
  // above it (a scroll the reader asked for, not a shift of the layout).
  function uncover(paragraph) {
    var top = paragraph.getBoundingClientRect().top, sheet = panel.getBoundingClientRect().top;
    var header = document.querySelector(".md-header");
    var below = header ? header.getBoundingClientRect().bottom : 0;
    if (top > sheet - 48 || top < below) { window.scrollBy(0, top - below - 8); }
  }

  function close(restoreFocus) {
    if (!current || !panel) { return; }
    var numberLink = panel.returnTo;
    panel.hidden = true;
    numberLink.setAttribute("aria-expanded", "false");
    current.closest(".para").classList.remove("panel-open");
    current = null;
    history.replaceState(history.state, "", urlBefore || window.location.pathname);
    if (restoreFocus) { numberLink.focus({preventScroll: true}); }
  }

  function toggle(numberLink) {
    if (current && panel.returnTo === numberLink) { close(true); } else { open(numberLink, false); }
  }

  // Escape closes the panel wherever the focus is (on the number that opened it, say).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) { close(true); }
  });
  // The numbers say what they open, once this script can open it.
  shell();
  document.querySelectorAll(".para > .margin a.pn").forEach(function (a) {
    a.setAttribute("aria-haspopup", "dialog");
    a.setAttribute("aria-expanded", "false");
    a.setAttribute("aria-controls", "para-panel");
    a.setAttribute("title", word("paragraph-opens", {number: a.textContent.trim()}));
  });
  window.editionPanel = { open: open, close: close, toggle: toggle };
})();
