"""A renamed page keeps its old address (the ledger lists the move, `edition anchors --move`):
a redirect page there, which works from file:// too (a meta refresh and a link; a shipped
script, allowed by its hash, carries the #fragment and ?v= along, which a refresh drops);
and a fragment moved within a page that is still served (the whole article's heading of a
renamed section) keeps its old id beside the new one."""
from __future__ import annotations

import html
import posixpath
from pathlib import Path

from ..doc import h
from ..paths import page_stem
from .page import Page

_TEMPLATE = Path(__file__).resolve().parents[2] / "theme" / "partials" / "redirect.html"


def redirect_pages(moved: dict[str, str]) -> dict[str, bytes]:
    """docs/ path → the redirect page, for each moved page (an address without #)."""
    template = _TEMPLATE.read_text(encoding="utf-8")
    pages = {}
    for old, new in sorted(moved.items()):
        if "#" in old or "#" in new:
            continue
        values = {"to": posixpath.relpath(new, posixpath.dirname(old) or "."),
                  "title": new.rsplit("/", 1)[-1].removesuffix(".html").replace("-", " "),
                  "from_id": page_stem(old), "to_id": page_stem(new),
                  "changelog": posixpath.relpath("changelog.html", posixpath.dirname(old) or ".")}
        page = template
        for key, value in values.items():
            page = page.replace("{{ %s }}" % key, html.escape(value))
        pages[old] = page.encode("utf-8")
    return pages


def with_aliases(pages: tuple[Page, ...], moved: dict[str, str]) -> tuple[Page, ...]:
    """The pages, each fragment moved within a served page given its old id too, on an empty
    element just before the element that has the new one."""
    by_path = {page.path: page for page in pages}
    for old, new in sorted(moved.items()):
        page, _, old_id = old.partition("#")
        new_page, _, new_id = new.partition("#")
        path = page.removesuffix(".html") + ".md"
        if not old_id or page != new_page or path not in by_path:
            continue
        target = next((el for el in by_path[path].body.iter() if el.get("id") == new_id), None)
        if target is not None:
            target.addprevious(h("div", {"id": old_id}))
    return pages
