"""Reading the built HTML as a reader sees it: the transmitted text without editorial parts."""
from __future__ import annotations

from pathlib import Path

import lxml.html

EDITORIAL_CLASSES = ("ed", "headerlink")


def parse(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def transmitted_blocks(page: Path) -> list[tuple[str, str]]:
    """(id, text) of every transmitted block on a page, editorial elements removed."""
    tree = parse(page)
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and any(has_class(element, c) for c in EDITORIAL_CLASSES):
            element.drop_tree()  # keeps the element's tail text, which is transmitted text
    return [(el.get("id"), el.text_content()) for el in tree.iter()
            if isinstance(el.tag, str) and has_class(el, "tb")]
