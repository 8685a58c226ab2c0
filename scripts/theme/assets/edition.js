/* Small enhancements: absolute permalinks for the copy buttons, and the highlighting toggle. */
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
