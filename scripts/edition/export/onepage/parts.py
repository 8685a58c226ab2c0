"""The one-page edition's parts: the site's pages of the page table that it holds, their trees
copied without the site's controls, their ids prefixed; the front matter with the contents;
the citation."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Mapping

from ... import cite, csl
from ...doc import Nodes, h
from ...doc.tree import Element, from_markup
from ...i18n import Messages
from ...model import Edition
from ...pages import Page, PageSpec, page_table

ARTICLE_PART_ID = "article"
CITATION_ID = "how-to-cite"
# What the site's pages hold for readers of the site only: its controls (the annotations
# switch, the cite boxes, the title block under the article's title) and the templates its
# scripts fill in. The one page has none of its scripts.
SITE_ONLY = ("ed-controls", "cite", "cite-template", "title-block")
HEADINGS = ("h1", "h2", "h3", "h4", "h5")


@dataclass(frozen=True)
class Part:
    """One page of the site as a part of the one-page edition."""

    page: str  # the site page it comes from, e.g. register/people.md
    prefix: str  # the prefix of its ids; "" keeps the ids (the article's permalinks)
    title: str  # a message id
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


def contents(edition: Edition, m: Messages) -> tuple[Heading, ...]:
    """The parts in order, the article's sections under the article."""
    sections = tuple(Heading(s.blocks[0].id, s.title) for s in edition.sections)
    return ((Heading(ARTICLE_PART_ID, m._("The article"), sections),)
            + tuple(Heading(part.prefix, m._(part.title)) for part in parts(edition)
                    if part.prefix)
            + (Heading(CITATION_ID, m._("How to cite")),))


def contents_list(headings: tuple[Heading, ...], files: Mapping[str, str] | None = None) -> Element:
    """The table of contents as nested ordered lists of links (valid HTML and XHTML); `files`
    the file that holds each heading's id, where the contents are not in the same file."""
    files = files or {}
    return h("ol", [h("li", h("a", {"href": f"{files.get(heading.id, '')}#{heading.id}"},
                              heading.title),
                      contents_list(heading.children, files) if heading.children else None)
                    for heading in headings])


def front(edition: Edition, m: Messages) -> Element:
    ed = edition.bibliography.edition
    art = edition.bibliography.article
    return h("header", {"class": "front"},
             h("p", {"class": "edition-title"}, ed.title),
             h("p", {"class": "subtitle"}, m._("A digital edition · version {version} · {date}",
                                               version=ed.version, date=m.date(ed.date))),
             h("p", art.description),
             h("p", {"class": "translation-note"}, m._(
                 "The transmitted text is in English; beside each paragraph, the editors' "
                 "translation.")) if edition.source.translation(edition.language) else None,
             h("p", {"class": "licence"}, f"{ed.licence}: {ed.text_licence_note}"),
             h("nav", {"aria-label": m._("Contents")},
               h("p", {"class": "contents-title"}, m._("Contents")),
               contents_list(contents(edition, m))))


def part_element(part: Part, page: Page) -> Element:
    """The page's tree as a <section> of the one page: without the site's controls, its
    headings one level down (a part's h1 is the document's h2), its ids prefixed."""
    content = copy.deepcopy(page.body)
    for element in list(content.iter()):
        classes = set((element.get("class") or "").split())
        if classes & set(SITE_ONLY):
            _remove(element)
    content.tag = "section"
    content.attrib.clear()
    content.set("class", "part")
    content.set("id", part.prefix or ARTICLE_PART_ID)
    if part.prefix:
        for element in content.iter(*HEADINGS):
            element.tag = f"h{int(element.tag[1]) + 1}"
        _prefix_ids(content, part.prefix)
    return content


def _remove(element: Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _prefix_ids(part: Element, prefix: str) -> None:
    for element in part.iter():
        for attribute in ("id", "aria-labelledby"):
            value = element.get(attribute)
            if value and element is not part:
                element.set(attribute, f"{prefix}-{value}")
        href = element.get("href", "")
        if href.startswith("#"):
            element.set("href", f"#{prefix}-{href[1:]}")
    _mark_register_entries(part)


def _mark_register_entries(part: Element) -> None:
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


def citation(edition: Edition, base_url: str, m: Messages) -> Element:
    """The CSL citations of this edition and of the original article, one list per target."""
    bibliography = edition.bibliography
    lists: list[Nodes] = []
    for what, target in ((m._("Cite this edition:"), cite.edition_target(base_url)),
                         (m._("Cite the original article (2003):"), cite.original_target())):
        lists += [h("p", what),
                  h("ul", [h("li", f"{m._(label)}: ", from_markup(entry))
                           for label, entry in _entries(target, bibliography, base_url,
                                                        m.language)])]
    return h("section", {"class": "part", "id": CITATION_ID}, h("h2", m._("How to cite")), lists)


def _entries(target: cite.Target, bibliography, base_url: str,
             language: str) -> list[tuple[str, str]]:
    """Each style's bibliography entry, in the file's language (its CSL locale). Without the
    site's URL the file cannot know where the edition is published: its entries leave the URL
    out rather than print a placeholder."""
    if base_url or not target.url:
        return [(styled.style.label, styled.entry)
                for styled in cite.cite(target, bibliography, language).styled]
    item = {k: v for k, v in cite.csl_item(target, bibliography, language).items() if k != "URL"}
    return [(style.label, cite.render(style, item, language=language)[1]) for style in csl.STYLES]
