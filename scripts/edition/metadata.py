"""Each page's machine-readable metadata: Highwire, Dublin Core, OpenGraph and schema.org JSON-LD."""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import yaml

from . import cite, dates
from .model import AnnotationType as T, Edition, Entity
from .paths import entity_path, section_path

LANGUAGES = {"en": "English", "es": "Spanish"}
SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "group": "Organization",
                "place": "Place"}


@dataclass(frozen=True)
class MetaTag:
    """`<meta {attribute}="{key}" content="{content}">`; the template escapes the values."""

    attribute: str  # name | property
    key: str
    content: str


@dataclass(frozen=True)
class PageMetadata:
    page: str  # the Markdown path, e.g. sections/opening.md
    title: str
    description: str
    url: str  # absolute, or '' when site_url is not set: then no absolute URL is invented
    tags: tuple[MetaTag, ...]
    json_ld: str  # safe to place inside <script type="application/ld+json">
    updated: str  # ISO date, the sitemap's lastmod


def page_metadata(edition: Edition, base_url: str, page: str, title: str,
                  description: str) -> PageMetadata:
    url = cite.page_url(base_url, page) if base_url else ""
    section = _section_of(edition, page)
    tags = (_highwire(edition, title, url, section is not None) + _dublin_core(edition, title, url,
            page) + _opengraph(edition, title, description, url))
    graph = _json_ld(edition, base_url, page, title, description, url)
    return PageMetadata(page, title, description, url, tags, _script_safe_json(graph),
                        edition.bibliography.edition.date)


def _section_of(edition: Edition, page: str):
    return next((s for s in edition.sections if page == section_path(s.id)), None)


def _highwire(edition: Edition, title: str, url: str, in_book: bool) -> tuple[MetaTag, ...]:
    ed = edition.bibliography.edition
    tags = [("citation_title", title), ("citation_publication_date", ed.date.replace("-", "/")),
            ("citation_publisher", ed.publisher), ("citation_language", edition.bibliography.
                                                   article.language)]
    tags += [("citation_editor", person.name) for person in ed.editors]
    if title != ed.title:
        tags.append(("citation_inbook_title" if in_book else "citation_journal_title", ed.title))
    if url:
        tags += [("citation_public_url", url), ("citation_abstract_html_url", url)]
    return tuple(MetaTag("name", key, value) for key, value in tags)


def _dublin_core(edition: Edition, title: str, url: str, page: str) -> tuple[MetaTag, ...]:
    art, ed = edition.bibliography.article, edition.bibliography.edition
    source = f"“{art.title}”, {dates.human(art.date)} ({art.attribution.lower()}; " \
             f"translated from {LANGUAGES.get(art.original_language, art.original_language)})"
    tags = [("DC.title", title), ("DC.date", ed.date), ("DC.language", art.language),
            ("DC.publisher", ed.publisher), ("DC.rights", f"{ed.licence} ({ed.licence_url}). "
                                                         f"{' '.join(ed.text_licence_note.split())}"),
            ("DC.source", source), ("DC.type", "Text")]
    tags += [("DC.contributor", person.name) for person in ed.editors]
    if page != "index.md":
        tags.append(("DC.relation.ispartof", ed.title))
    if url:
        tags.append(("DC.identifier", url))
    return tuple(MetaTag("name", key, value) for key, value in tags)


def _opengraph(edition: Edition, title: str, description: str, url: str) -> tuple[MetaTag, ...]:
    tags = [("og:title", title), ("og:type", "article"), ("og:description", description),
            ("og:site_name", edition.bibliography.edition.title),
            ("og:locale", edition.bibliography.article.language)]
    if url:
        tags.append(("og:url", url))
    return tuple(MetaTag("property", key, value) for key, value in tags)


# --- schema.org -------------------------------------------------------------------------------

def _json_ld(edition: Edition, base_url: str, page: str, title: str, description: str,
             url: str) -> dict:
    ed, art = edition.bibliography.edition, edition.bibliography.article
    original = {"@type": "Article", "name": art.title, "headline": art.title,
                "datePublished": art.date, "inLanguage": art.language,
                "translationOfWork": {"@type": "CreativeWork", "inLanguage": art.original_language}}
    the_edition = _with_url({"@type": "CreativeWork", "name": ed.title, "version": ed.version,
                             "datePublished": ed.date, "inLanguage": art.language,
                             "editor": [{"@type": "Organization", "name": p.name}
                                        for p in ed.editors],
                             "publisher": {"@type": "Organization", "name": ed.publisher},
                             "license": ed.licence_url},
                            cite.site_root(base_url) if base_url else "")
    section = _section_of(edition, page)
    if page == "index.md":
        original["description"] = " ".join(art.description.split())
        node = dict(the_edition, description=description, isBasedOn=original, hasPart=[
            _with_url({"@type": "Article", "name": s.title, "position": n},
                      cite.page_url(base_url, section_path(s.id)) if base_url else "")
            for n, s in enumerate(edition.sections, start=1)])
    else:
        node = _with_url({"@type": "Article" if section else "WebPage", "name": title,
                          "headline": title, "description": description,
                          "datePublished": ed.date, "inLanguage": art.language,
                          "isPartOf": the_edition, "isBasedOn": original}, url)
        if section:
            node["position"] = edition.sections.index(section) + 1
    mentioned = _entities_on(edition, page)
    if mentioned:  # an entity's own page is about it; other pages mention theirs
        key = "about" if page.startswith("entities/") else "mentions"
        node[key] = [_entity(e, base_url) for e in mentioned]
    return {"@context": "https://schema.org", **node}


def _with_url(node: dict, url: str) -> dict:
    return dict(node, url=url, **{"@id": url}) if url else node


def _entities_on(edition: Edition, page: str) -> tuple[Entity, ...]:
    if page.startswith("entities/"):
        return tuple(e for e in edition.entities if page == entity_path(e.id))
    if page == "article.md":
        blocks = {b.id for b in edition.blocks}
    else:
        section = _section_of(edition, page)
        blocks = set(section.paragraph_ids) if section else set()
    ids = {s.annotation.entity for s in edition.spans if s.type is T.MENTION and s.block in blocks}
    return tuple(e for e in edition.entities if e.id in ids)


def _entity(entity: Entity, base_url: str) -> dict:
    node = {"@type": SCHEMA_TYPES[entity.type], "name": entity.name}
    if base_url:
        node["url"] = cite.page_url(base_url, entity_path(entity.id))
    if entity.wikidata:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    if entity.coordinates:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.coordinates[0],
                       "longitude": entity.coordinates[1]}
    return node


def _script_safe_json(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- into the page's front matter ------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def with_metadata(edition: Edition, base_url: str, page: str, markdown: str) -> str:
    """The page with its metadata added to its YAML front matter, for the theme to render."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return markdown
    front = yaml.safe_load(match[1]) or {}
    # The front matter holds them HTML-escaped, for Material (pages.front_matter); the tags and
    # JSON-LD take the text, and the template escapes it once.
    meta = page_metadata(edition, base_url, page, html.unescape(front.get("title", "")),
                         html.unescape(front.get("description", "")))
    extra = {"edition_meta": [[t.attribute, t.key, t.content] for t in meta.tags],
             "edition_json_ld": meta.json_ld, "edition_updated": meta.updated}
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in extra.items())
    return f"---\n{match[1]}\n{lines}---\n" + markdown[match.end():]
