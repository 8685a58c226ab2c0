"""A built site served over http from localhost, and one Chromium per test module."""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """The base URL of `site` served on a free localhost port."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def chromium(*more_args: str):
    """Debian's Chromium driven by Playwright (skipped locally, a failure in CI, when missing)."""
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=[*CHROMIUM_ARGS, *more_args])
        try:
            yield browser
        finally:
            browser.close()


def page_types(site: Path) -> list[str]:
    """One page of each type (downloads/ left out), chosen by path, so new page types are
    covered when they appear."""
    return one_of_each_type(sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                                   if "downloads" not in p.parts))


def one_of_each_type(pages: list[str]) -> list[str]:
    """One page of each type in each language: every page outside sections/ and entities/
    (es/sections/ is the Spanish sections' type)."""
    kinds: dict[str, str] = {}
    for path in pages:
        language, rest = ("es", path[3:]) if path.startswith("es/") else ("", path)
        top = rest.split("/")[0]
        kinds.setdefault((language, top) if top in ("sections", "entities") else path, path)
    return sorted(kinds.values())


# --- keyboard ---------------------------------------------------------------------------

def focus_by_tab(page, selector: str, limit: int = 400) -> bool:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False


def outline_of_focused(page) -> str:
    return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle === 'none' || s.outlineWidth === '0px' ? '' : s.outlineStyle; }""")
