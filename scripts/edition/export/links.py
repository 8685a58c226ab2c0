"""Permalinks of the edition's pages, paragraphs and entities, as the exports cite them."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Edition
from ..paths import BIBLIOGRAPHY, TIMELINE, entity_path, html_path, section_path


@dataclass(frozen=True)
class Permalinks:
    """URLs relative to the site root when `base_url` is '', absolute when it is set."""

    edition: Edition
    base_url: str = ""  # '' or the public site URL ending in '/'

    def page(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def section(self, section_id: str) -> str:
        return self.page(html_path(section_path(section_id)))

    def block(self, block_id: str) -> str:
        """A paragraph's permanent anchor on its section page (headings too: their id)."""
        return f"{self.section(self.edition.block(block_id).section)}#{block_id}"

    def entity(self, entity_id: str) -> str:
        return self.page(html_path(entity_path(entity_id)))

    def event(self, event_id: str) -> str:
        return self.page(f"{html_path(TIMELINE)}#{event_id}")

    def source_entry(self, source_id: str) -> str:
        """A source consulted, as the bibliography page lists it."""
        return self.page(f"{html_path(BIBLIOGRAPHY)}#{source_id}")
