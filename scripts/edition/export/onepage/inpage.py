"""Links inside the one-page edition: every link between pages points at its target in the
page, or at the published site; and paragraph numbers carry their permalinks."""
from __future__ import annotations

import posixpath
import re

from lxml import etree

from ...model import Edition
from ...paths import html_path, section_path, to_a_page
from .parts import ARTICLE_PART_ID, entity_of, parts


def link_within(main: etree._Element, edition: Edition, base_url: str) -> None:
    """Point every relative link at its target inside this page, or at the published site."""
    every = parts(edition)
    page_of_part = {part.prefix or ARTICLE_PART_ID: part for part in every}
    part_of_page = {part.page: part for part in every}
    for section in main.iterfind("section"):
        part = page_of_part.get(section.get("id", ""))
        if part is None:
            continue  # the citation: written here, it links to no page
        for element in section.iter():
            href = element.get("href")
            if not to_a_page(href):
                continue
            target = _target(posixpath.normpath(posixpath.join(
                posixpath.dirname(part.page), href)), edition, base_url, part_of_page)
            if target:
                element.set("href", target)
            else:
                _unwrap_link(element)


def _target(path_and_fragment: str, edition: Edition, base_url: str,
            part_of_page: dict) -> str:
    path, _, fragment = path_and_fragment.partition("#")
    path = re.sub(r"\.html$", ".md", path)
    if entity_of(path):
        return f"#entity-{entity_of(path)}"
    for section in edition.sections:
        if path == section_path(section.id):
            return f"#{fragment or section.blocks[0].id}"
    if path == "article.md":
        return f"#{fragment or 'title'}"
    part = part_of_page.get(path)
    if part is not None:
        return f"#{part.prefix}-{fragment}" if fragment else f"#{part.prefix}"
    if base_url:
        return base_url + html_path(path) + (f"#{fragment}" if fragment else "")
    return ""


def _unwrap_link(link: etree._Element) -> None:
    link.tag = "span"
    for attribute in ("href", "title"):
        link.attrib.pop(attribute, None)


def finish_paragraph_numbers(main: etree._Element, edition: Edition, base_url: str) -> None:
    """Each paragraph number carries its permalink on the site, written out when printed
    (when the site's URL is known)."""
    for link in main.iter("a"):
        if "pn" not in link.get("class", "").split():
            continue
        block_id = link.get("href", "#")[1:]
        page = html_path(section_path(edition.block(block_id).section))
        if base_url:  # without it the file cannot know the permalink: none is printed
            link.set("data-permalink", f"{base_url}{page}#{block_id}")
