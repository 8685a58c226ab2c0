/* A note read where it is called: a note's call, activated, opens the note under the call's
   line, over the text, so nothing moves; the close button, Escape or a click elsewhere closes
   it and brings the reader back where they were. The words are the apparatus's own (the note
   the call links to), so this works from file:// and asks nothing of the network. Loaded by
   edition.js when a reader first activates a call; without it the call links to the note. */
(function () {
  "use strict";
  var open = null;  // {call, box, before: the scroll before the note, after: once it is in view}

  // The note's words as the apparatus gives them, without its ids and its way back.
  function words(call) {
    var target = document.getElementById(call.hash.slice(1));
    var item = target && target.closest("li");
    if (!item) { return null; }
    var copy = item.cloneNode(true);
    copy.querySelectorAll("[id], a[href^='#ref-']").forEach(function (node) { node.remove(); });
    return Array.prototype.slice.call(copy.childNodes);
  }

  function show(call) {
    var said = words(call), para = call.closest(".para");
    if (!said || !para) { window.location.hash = call.hash; return; }
    var box = document.createElement("div");
    box.className = "ed note-pop";
    box.id = "note-pop";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", call.getAttribute("aria-label"));
    box.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "note-pop__close";
    close.setAttribute("aria-label", window.editionWords("close-note"));
    close.textContent = "×";
    close.addEventListener("click", function () { hide(true); });
    var number = document.createElement("span");
    number.className = "sn-n";
    number.textContent = call.getAttribute("data-n") + " ";
    var text = document.createElement("p");
    text.append.apply(text, [number].concat(said));
    box.append(close, text);
    var line = call.getBoundingClientRect(), frame = para.getBoundingClientRect();
    var paragraph = para.querySelector("p.tb");
    box.style.top = (line.bottom - frame.top + 4) + "px";
    box.style.left = paragraph.offsetLeft + "px";
    box.style.width = paragraph.offsetWidth + "px";
    para.appendChild(box);
    open = {call: call, box: box, before: window.scrollY};
    call.setAttribute("aria-expanded", "true");
    call.setAttribute("aria-controls", "note-pop");
    box.focus({preventScroll: true});
    reveal(box);
    open.after = window.scrollY;
  }

  // A note low on the screen is scrolled into view whole; closing it scrolls back (unless the
  // reader has scrolled since).
  function reveal(box) {
    var rect = box.getBoundingClientRect(), over = rect.bottom + 8 - window.innerHeight;
    if (over > 0) { window.scrollBy(0, Math.min(over, rect.top - 64)); }
  }

  function hide(restoreFocus) {
    if (!open) { return; }
    var was = open;
    open = null;
    was.box.remove();
    was.call.setAttribute("aria-expanded", "false");
    was.call.removeAttribute("aria-controls");
    if (restoreFocus) { was.call.focus({preventScroll: true}); }
    if (window.scrollY === was.after) { window.scrollTo(window.scrollX, was.before); }
  }

  function toggle(call) {
    var same = open && open.call === call;
    hide(false);
    if (!same) { show(call); } else { call.focus({preventScroll: true}); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) { hide(true); }
  });
  document.addEventListener("click", function (event) {
    if (open && !open.box.contains(event.target) && !open.call.contains(event.target)) {
      hide(false);
    }
  });
  window.editionNotes = { toggle: toggle, close: hide };
})();
