"""The one-page edition's parts: the site's pages of the page table that it holds, converted
from their Markdown, their ids prefixed; the front matter with the contents; the citation."""
from __future__ import annotations

import html
import importlib
import re
from dataclasses import dataclass

import markdown
from lxml import etree, html as lxml_html

from ... import cite, csl
from ...model import Edition
from ...pages import PageSpec, page_table

MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING_LINE = re.compile(r"^(#+) ", re.MULTILINE)
ARTICLE_PART_ID = "article"
CITATION_ID = "how-to-cite"


@dataclass(frozen=True)
class Part:
    """One page of the site as a part of the one-page edition."""

    page: str  # the site page it comes from, e.g. register/people.md
    prefix: str  # the prefix of its ids; "" keeps the ids (the article's permalinks)
    title: str
    spec: PageSpec


def parts(edition: Edition) -> tuple[Part, ...]:
    """The pages of the page table that are parts of the one page, in the table's order."""
    return tuple(Part(s.path, s.part, s.title, s) for s in page_table(edition)
                 if s.part is not None)


@dataclass(frozen=True)
class Heading:
    """An entry of the table of contents: a fragment id in the page and its title."""

    id: str
    title: str
    children: tuple["Heading", ...] = ()


def contents(edition: Edition) -> tuple[Heading, ...]:
    """The parts in order, the article's sections under the article."""
    sections = tuple(Heading(s.blocks[0].id, s.title) for s in edition.sections)
    return ((Heading(ARTICLE_PART_ID, "The article", sections),)
            + tuple(Heading(part.prefix, part.title) for part in parts(edition) if part.prefix)
            + (Heading(CITATION_ID, "How to cite"),))


def contents_list(headings: tuple[Heading, ...], href_prefix: str = "") -> str:
    """The table of contents as nested ordered lists of links (valid HTML and XHTML)."""
    items = "".join(
        f'<li><a href="{href_prefix}#{h.id}">{html.escape(h.title)}</a>'
        + (contents_list(h.children, href_prefix) if h.children else "") + "</li>"
        for h in headings)
    return f"<ol>{items}</ol>"


def markdown_converter() -> markdown.Markdown:
    """A Markdown converter with the site's extensions, made from their modules: by name,
    Python-Markdown would first scan every installed package's entry points (~0.1 s)."""
    return markdown.Markdown(extensions=[
        importlib.import_module(f"markdown.extensions.{name}").makeExtension()
        for name in MARKDOWN_EXTENSIONS])


def _convert(converter: markdown.Markdown, markdown_text: str) -> etree._Element:
    """Markdown → a <div> of HTML elements."""
    converted = converter.reset().convert(FRONT_MATTER.sub("", markdown_text))
    return lxml_html.fragment_fromstring(converted, create_parent="div")


def front(edition: Edition) -> etree._Element:
    ed = edition.bibliography.edition
    art = edition.bibliography.article
    return lxml_html.fragment_fromstring(
        f'<header class="front"><p class="edition-title">{html.escape(ed.title)}</p>'
        f'<p class="subtitle">A digital edition · version {html.escape(ed.version)} · '
        f"{html.escape(ed.date)}</p><p>{html.escape(art.description)}</p>"
        f'<p class="licence">{html.escape(ed.licence)}: {html.escape(ed.text_licence_note)}</p>'
        f'<nav aria-label="Contents"><p class="contents-title">Contents</p>'
        f"{contents_list(contents(edition))}</nav></header>")


def part_element(part: Part, markdown_text: str, converter: markdown.Markdown) -> etree._Element:
    if part.prefix:
        markdown_text = HEADING_LINE.sub(r"#\1 ", markdown_text)  # a part's h1 becomes an h2
    content = _convert(converter, markdown_text)
    content.tag = "section"
    content.set("class", "part")
    content.set("id", part.prefix or ARTICLE_PART_ID)
    if part.prefix:
        _prefix_ids(content, part.prefix)
    return content


def _prefix_ids(part: etree._Element, prefix: str) -> None:
    for element in part.iter():
        for attribute in ("id", "aria-labelledby"):
            value = element.get(attribute)
            if value and element is not part:
                element.set(attribute, f"{prefix}-{value}")
        href = element.get("href", "")
        if href.startswith("#"):
            element.set("href", f"#{prefix}-{href[1:]}")
    _mark_register_entries(part)


def _mark_register_entries(part: etree._Element) -> None:
    """An entity's register entry gets the id its entity page's links will point at."""
    for item in part.iter("li"):
        strong = item.find("strong")
        link = strong.find("a") if strong is not None else None
        entity = entity_of(link.get("href", "")) if link is not None else ""
        if entity:
            item.set("id", f"entity-{entity}")


def entity_of(href: str) -> str:
    match = re.search(r"(?:^|/)entities/([a-z0-9-]+)\.(?:md|html)(?:#.*)?$", href)
    return match[1] if match else ""


def citation(edition: Edition, base_url: str) -> etree._Element:
    """The CSL citations of this edition and of the original article, one list per target."""
    bibliography = edition.bibliography
    lists = []
    for what, target in (("this edition", cite.edition_target(base_url)),
                         ("the original article (2003)", cite.original_target())):
        entries = "".join(f"<li>{label}: {entry}</li>"
                          for label, entry in _entries(target, bibliography, base_url))
        lists.append(f"<p>Cite {what}:</p><ul>{entries}</ul>")
    return lxml_html.fragment_fromstring(
        f'<section class="part" id="{CITATION_ID}"><h2>How to cite</h2>{"".join(lists)}</section>')


def _entries(target: cite.Target, bibliography, base_url: str) -> list[tuple[str, str]]:
    """Each style's bibliography entry. Without the site's URL the file cannot know where the
    edition is published: its entries leave the URL out rather than print a placeholder."""
    if base_url or not target.url:
        return [(styled.style.label, styled.entry)
                for styled in cite.cite(target, bibliography).styled]
    item = {k: v for k, v in cite.csl_item(target, bibliography).items() if k != "URL"}
    return [(style.label, cite.render(style, item)[1]) for style in csl.STYLES]
