"""A page of the site as a record: where it lives, what it is called, and its document tree."""
from __future__ import annotations

from dataclasses import dataclass

from ..doc.tree import Element


@dataclass(frozen=True)
class Page:
    """One page: its path in docs/, its title and description (plain text), and its body, a
    document tree (doc/) that every writer reads."""

    path: str  # in docs/, e.g. sections/opening.md
    title: str  # plain text
    description: str  # plain text, one or two sentences
    body: Element  # <div class="ed-page">: the page's content
    searchable: bool = True  # False: the page repeats what other pages say (search skips it)
    panel: bool = False  # its paragraphs' numbers open the paragraph panel (main.html, panel.js)
    sidenotes: bool = False  # its notes stand in the right margin, where the page contents were
    toc_depth: int = 0  # the page contents list headings down to this level (0: all of them)
