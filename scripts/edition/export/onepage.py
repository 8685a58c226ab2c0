"""The one-page edition: article, apparatus, registers, method and citation in one HTML file.

The pages are the site's own Markdown (pages/), converted with the site's Markdown
extensions and stitched into one document. Links between pages become links inside the
document: the article keeps its permanent ids (#p12), every other part's ids get the part's
prefix (#people-…, #method-p47), entity pages become their register entries (#entity-…).
A link to something the document does not hold becomes an absolute permalink when the
site's URL is known, and plain text otherwise: nothing in the file points at another file.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib
import posixpath
import re
from dataclasses import dataclass

import markdown
from lxml import etree, html as lxml_html

from .. import cite
from ..model import Edition
from ..pages import Context, PageSpec, page_table, render
from ..pages.metadata import download_meta_tags
from ..paths import html_path, section_path
from . import Artefact, file_stem
from .onepage_style import STYLESHEET

MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING_LINE = re.compile(r"^(#+) ", re.MULTILINE)


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
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ARTICLE_PART_ID = "article"
CITATION_ID = "how-to-cite"


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


@dataclass(frozen=True)
class OnePage:
    """The one-page edition's content: what the HTML and EPUB exporters wrap in a document."""

    title: str
    language: str
    body_html: str  # the <main> element and everything in it, as HTML
    body_xhtml: str  # the same as XML, for XHTML documents (SVG in its namespace)
    contents: tuple[Heading, ...]
    meta_tags: str = ""  # the citation metadata of its <head>: a section of the edition


@functools.lru_cache(maxsize=2)  # the HTML and the EPUB exporters wrap the same content
def one_page(edition: Edition, base_url: str) -> OnePage:
    """Render the parts, convert them to HTML and make every link point inside the page."""
    # Without the site's controls (copy and cite buttons, cite boxes): the file has no script,
    # and its citation part replaces the boxes.
    ctx = Context(edition, base_url, interactive=False)
    main = etree.Element("main")
    main.append(_front(edition))
    converter = _converter()
    for part in parts(edition):
        main.append(_part_element(part, render(part.spec, ctx).body, converter))
    main.append(_citation(edition, base_url))
    _link_within(main, edition, base_url)
    _finish_paragraph_numbers(main, edition, base_url)
    _title_mentions(main)
    _note_semantics(main)
    _svg_attribute_case(main)
    art = edition.bibliography.article
    xhtml = etree.tostring(main, encoding="unicode", method="xml")
    return OnePage(title=art.title, language=art.language,
                   body_html=etree.tostring(main, encoding="unicode", method="html"),
                   body_xhtml=xhtml.replace("<svg ", f'<svg xmlns="{SVG_NAMESPACE}" '),
                   contents=contents(edition), meta_tags=download_meta_tags(edition, base_url))



def export_onepage(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    page = one_page(edition, base_url)
    return (Artefact(
        name=f"{file_stem(edition)}.html", title="One-page edition",
        description="The whole article with its apparatus, registers, editorial method and "
                    "citation in one self-contained HTML file, for saving and printing.",
        media_type="text/html", content=html_document(page).encode("utf-8")),)


def content_security_policy() -> str:
    """Nothing but the page's own stylesheet: no script, no request to any origin."""
    style = base64.b64encode(hashlib.sha256(f"\n{STYLESHEET}".encode("utf-8")).digest()).decode()
    none = ("default-src", "script-src", "img-src", "font-src", "connect-src", "base-uri",
            "form-action", "object-src")
    return "; ".join([f"{name} 'none'" for name in none] + [f"style-src 'sha256-{style}'"])


def html_document(page: OnePage) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(page.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{page.meta_tags}<title>{html.escape(page.title)}</title>\n<style>\n{STYLESHEET}</style>\n"
            f"</head>\n<body>\n{page.body_html}\n</body>\n</html>\n")


# --- building the parts ----------------------------------------------------------------

def _converter() -> markdown.Markdown:
    """A Markdown converter with the site's extensions, made from their modules: by name,
    Python-Markdown would first scan every installed package's entry points (~0.1 s)."""
    return markdown.Markdown(extensions=[
        importlib.import_module(f"markdown.extensions.{name}").makeExtension()
        for name in MARKDOWN_EXTENSIONS])


def _convert(converter: markdown.Markdown, markdown_text: str) -> etree._Element:
    """Markdown → a <div> of HTML elements."""
    converted = converter.reset().convert(FRONT_MATTER.sub("", markdown_text))
    return lxml_html.fragment_fromstring(converted, create_parent="div")


def _front(edition: Edition) -> etree._Element:
    ed = edition.bibliography.edition
    art = edition.bibliography.article
    return lxml_html.fragment_fromstring(
        f'<header class="front"><p class="edition-title">{html.escape(ed.title)}</p>'
        f'<p class="subtitle">A digital edition · version {html.escape(ed.version)} · '
        f"{html.escape(ed.date)}</p><p>{html.escape(art.description)}</p>"
        f'<p class="licence">{html.escape(ed.licence)}: {html.escape(ed.text_licence_note)}</p>'
        f'<nav aria-label="Contents"><p class="contents-title">Contents</p>'
        f"{contents_list(contents(edition))}</nav></header>")


def _part_element(part: Part, markdown_text: str, converter: markdown.Markdown) -> etree._Element:
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
        entity = _entity_of(link.get("href", "")) if link is not None else ""
        if entity:
            item.set("id", f"entity-{entity}")


def _citation(edition: Edition, base_url: str) -> etree._Element:
    """The CSL citations of this edition and of the original article, one list per target."""
    bibliography = edition.bibliography
    lists = []
    for what, target in (("this edition", cite.edition_target(base_url)),
                         ("the original article (2003)", cite.original_target())):
        # Without the site's URL the file cannot know where the edition is published: the
        # entries then leave the URL out (cite.py), rather than print a placeholder.
        entries = "".join(f"<li>{styled.style.label}: {styled.entry}</li>"
                          for styled in cite.cite(target, bibliography).styled)
        lists.append(f"<p>Cite {what}:</p><ul>{entries}</ul>")
    return lxml_html.fragment_fromstring(
        f'<section class="part" id="{CITATION_ID}"><h2>How to cite</h2>{"".join(lists)}</section>')


# --- links ---------------------------------------------------------------------------------

def _entity_of(href: str) -> str:
    match = re.search(r"(?:^|/)entities/([a-z0-9-]+)\.(?:md|html)(?:#.*)?$", href)
    return match[1] if match else ""


def _link_within(main: etree._Element, edition: Edition, base_url: str) -> None:
    """Point every relative link at its target inside this page, or at the published site."""
    page_of_part = {part.prefix or ARTICLE_PART_ID: part for part in parts(edition)}
    for section in main.iterfind("section"):
        part = page_of_part.get(section.get("id", ""))
        if part is None:
            continue  # the citation: written here, it links to no page
        for element in section.iter():
            href = element.get("href")
            if href is None or href.startswith(("#", "http://", "https://")):
                continue
            target = _target(posixpath.normpath(posixpath.join(
                posixpath.dirname(part.page), href)), edition, base_url)
            if target:
                element.set("href", target)
            else:
                _unwrap_link(element)


def _target(path_and_fragment: str, edition: Edition, base_url: str) -> str:
    path, _, fragment = path_and_fragment.partition("#")
    path = re.sub(r"\.html$", ".md", path)
    if _entity_of(path):
        return f"#entity-{_entity_of(path)}"
    for section in edition.sections:
        if path == section_path(section.id):
            return f"#{fragment or section.blocks[0].id}"
    if path == "article.md":
        return f"#{fragment or 'title'}"
    for part in parts(edition):
        if path == part.page:
            return f"#{part.prefix}-{fragment}" if fragment else f"#{part.prefix}"
    if base_url:
        return base_url + html_path(path) + (f"#{fragment}" if fragment else "")
    return ""


def _unwrap_link(link: etree._Element) -> None:
    link.tag = "span"
    for attribute in ("href", "title"):
        link.attrib.pop(attribute, None)


def _title_mentions(main: etree._Element) -> None:
    """The file has no script to dismiss the site's tooltips (Escape), so a mention's
    description is its title, which the browser or e-reader shows; aria-describedby stays."""
    for link in main.iter("a"):
        if "mention" in link.get("class", "").split():
            link.set("title", link.attrib.pop("data-description"))


def _note_semantics(main: etree._Element) -> None:
    """Note calls and notes as DPUB-ARIA has them (and the EPUB's epub:type, epub.py): each
    call a doc-noteref; each apparatus note the doc-footnote it points at, in its list item."""
    for link in main.xpath('.//sup[contains(concat(" ", @class, " "), " nref ")]/a'):
        link.set("role", "doc-noteref")
    for anchor in main.xpath('.//li/span[starts-with(@id, "n-")][1]'):
        item = anchor.getparent()
        note = etree.Element("aside", {"id": anchor.get("id"), "role": "doc-footnote"})
        note.text, item.text = anchor.tail, None
        note.extend(child for child in list(item) if child is not anchor)
        item.remove(anchor)
        item.append(note)
        for back in note.xpath('.//a[starts-with(@href, "#ref-")]'):
            back.set("role", "doc-backlink")


# lxml's HTML parser lowercases attribute names; in XML (the EPUB's XHTML) SVG's are
# case-sensitive, and an SVG with `viewbox` has no viewBox: it is drawn blank.
SVG_ATTRIBUTES = {name.lower(): name for name in (
    "viewBox", "textLength", "lengthAdjust", "preserveAspectRatio", "patternUnits",
    "gradientUnits", "markerWidth", "markerHeight", "refX", "refY")}


def _svg_attribute_case(main: etree._Element) -> None:
    for svg in main.iter("svg"):
        for element in svg.iter():
            for lower in SVG_ATTRIBUTES.keys() & element.attrib.keys():
                element.set(SVG_ATTRIBUTES[lower], element.attrib.pop(lower))


def _finish_paragraph_numbers(main: etree._Element, edition: Edition, base_url: str) -> None:
    """Each paragraph number carries its permalink on the site, written out when printed
    (when the site's URL is known)."""
    for link in main.iter("a"):
        if "pn" not in link.get("class", "").split():
            continue
        block_id = link.get("href", "#")[1:]
        page = html_path(section_path(edition.block(block_id).section))
        if base_url:  # without it the file cannot know the permalink: none is printed
            link.set("data-permalink", f"{base_url}{page}#{block_id}")
