"""What every page family renders with: the edition, the page being rendered, and its links."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Artefact, Edition
from ..paths import entity_path, relative, section_path
from ..load.releases import Release
from ..place.history import AnchorHistory
from .citebox import CiteBoxes
from .inline import escape_text


@dataclass(frozen=True)
class Context:
    """One page's rendering context; `at(page)` gives the context of another page."""

    edition: Edition
    base_url: str = ""  # the public site URL, or ''
    page: str = ""  # the page being rendered: every link is relative to it
    interactive: bool = True  # False: no control that needs the site's scripts (one page)
    artefacts: tuple[Artefact, ...] = ()  # listed on the Download page
    citations: bool = True  # False: cite boxes without their citations (see CiteBoxes)
    history: AnchorHistory = AnchorHistory()  # the versions' fingerprints (the ledger's)
    releases: tuple[Release, ...] = ()  # earlier versions' downloads, on the Download page

    def at(self, page: str) -> "Context":
        return replace(self, page=page)

    @property
    def cite_boxes(self) -> CiteBoxes:
        return CiteBoxes(self.edition.bibliography, self.base_url, self.citations)

    def link(self, to_page: str) -> str:
        """A relative link from this page to another page (with its #fragment, if any)."""
        return relative(self.page, to_page)

    def block_page(self, block_id: str) -> str:
        return section_path(self.edition.block(block_id).section)

    def block_link(self, block_id: str) -> str:
        return self.link(f"{self.block_page(block_id)}#{block_id}")

    def block_label(self, block_id: str) -> str:
        block = self.edition.block(block_id)
        return f"¶ {block.number}" if block.number else self.edition.section_of(block_id).title

    def paragraph_ref(self, block_id: str) -> str:
        """A Markdown link to a block, labelled "¶ n" (or its section's title)."""
        return f"[{escape_text(self.block_label(block_id))}]({self.block_link(block_id)})"

    def entity_link(self, entity_id: str) -> str:
        entity = self.edition.entity(entity_id)
        return f"[{escape_text(entity.name)}]({self.link(entity_path(entity_id))})"


def not_searched(markdown_lines: list[str]) -> str:
    """A list that quotes the text (keywords in context, quotations with their sources): the
    search finds those words in the text itself, so the list is kept out of its index."""
    body = "\n".join(markdown_lines)
    return f'<div class="kwic" data-search-exclude markdown>\n\n{body}\n\n</div>\n'


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def count_by(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts
