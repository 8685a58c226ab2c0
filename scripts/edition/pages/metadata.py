"""Each page's machine-readable metadata: Highwire, Dublin Core, OpenGraph and schema.org JSON-LD."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass

from .. import cite
from ..i18n import Messages, messages
from ..model import Edition, Entity
from ..kinds import AnnotationType as T
from ..paths import book_name, entity_path, language_prefix, section_path

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
                  description: str, m: Messages | None = None) -> PageMetadata:
    """The page's metadata. The home page and the one-page download are the book (the whole
    edition); every other page is a section of it: Zotero saves a book and book sections
    (tests/unit/test_zotero_mapping.py), each with the original article's date in its Extra
    field. A paragraph's URL is its section page's: its item."""
    m = m or messages(edition.bibliography.edition.languages[0])
    url = cite.page_url(base_url, page)
    home = page in (HOME, one_page_path(edition))
    bibliography = edition.bibliography
    cited = (bibliography.edition.title if home else
             bibliography.article.title if page == WHOLE_ARTICLE else title)
    tags = (_highwire(edition, cited, description, url, home, m) + _prism(edition, m)
            + _dublin_core(edition, cited, url, home, m)
            + _opengraph(edition, cited, description, url, home, m) + _zotero(edition))
    graph = _json_ld(edition, base_url, page, cited, description, url, m.language)
    return PageMetadata(page, title, description, url, tags, _script_safe_json(graph),
                        edition.bibliography.edition.date)


HOME, WHOLE_ARTICLE = "index.md", "article.md"


def one_page_path(edition: Edition) -> str:
    """The one-page download of the edition's language, from the site's root."""
    return f"downloads/{book_name(edition, edition.language, 'html')}"


def download_meta_tags(edition: Edition, base_url: str) -> str:
    """The one-page download's <head> metadata, as HTML: the pages' tags, for the whole edition
    in its language; `base_url` is that language's (the downloads are at the site's root)."""
    art = edition.bibliography.article
    description = " ".join(art.description.split())
    root = base_url.removesuffix(language_prefix(edition, edition.language))
    found = page_metadata(edition, root, one_page_path(edition), art.title, description,
                          messages(edition.language))
    # The site's pages get theirs from the theme; search engines and readers' tools read it.
    return f'<meta name="description" content="{html.escape(description)}">\n' + "".join(
        f'<meta {tag.attribute}="{html.escape(tag.key)}" content="{html.escape(tag.content)}">\n'
        for tag in found.tags)


def _section_of(edition: Edition, page: str):
    return next((s for s in edition.sections if page == section_path(s.id)), None)


def _highwire(edition: Edition, title: str, description: str, url: str,
              home: bool, m: Messages) -> tuple[MetaTag, ...]:
    ed = edition.bibliography.edition
    tags = [("citation_title", title), ("citation_publication_date", ed.date.replace("-", "/")),
            ("citation_publisher", ed.publisher),
            ("citation_language", m.language),
            ("citation_abstract", " ".join(description.split()))]
    # A trailing comma: Zotero reads "Family, Given" and keeps a group's name whole as the
    # family name; without it "… Edition Team" is split into given name and family name "Team".
    tags += [("citation_editor", f"{person.name},") for person in ed.editors]
    if not home:  # the book's sections: Zotero's bookSection, this is its bookTitle
        tags.append(("citation_inbook_title", ed.title))
    if url:
        tags += [("citation_public_url", url), ("citation_abstract_html_url", url)]
    return tuple(MetaTag("name", key, value) for key, value in tags)


def _zotero(edition: Edition) -> tuple[MetaTag, ...]:
    """The original article's date, as Zotero keeps it: a line of the item's Extra field
    ("Original Date: 2003-10-14", which its citation styles read as the original date). Zotero's
    Embedded Metadata translator hands a meta tag named z.* to its RDF translator, which sets
    the item's field of that name (RDF.js, importItem: "OTHER FIELDS")."""
    return (MetaTag("name", "z.extra", f"Original Date: {edition.bibliography.article.date}"),)


def _prism(edition: Edition, m: Messages) -> tuple[MetaTag, ...]:
    version = edition.bibliography.edition.version
    return (MetaTag("name", "prism.edition", m._("Version {version}", version=version)),)


def _dublin_core(edition: Edition, title: str, url: str, home: bool,
                 m: Messages) -> tuple[MetaTag, ...]:
    art, ed = edition.bibliography.article, edition.bibliography.edition
    tags = [("DC.title", title), ("DC.date", ed.date), ("DC.language", m.language),
            ("DC.publisher", ed.publisher), ("DC.rights", f"{ed.licence} ({ed.licence_url}). "
                                                         f"{' '.join(ed.text_licence_note.split())}"),
            ("DC.type", "Text")]
    tags += [("DC.contributor", person.name) for person in ed.editors]
    if not home:
        # The home page has no DC.source: Zotero would take it as the book's publication title.
        source = m._("“{title}”, {date} ({attribution}; translated from {language})",
                     title=art.title, date=m.date(art.date),
                     attribution=art.localized(m.language).attribution.lower(),
                     language=m.language_name(art.original_language))
        tags += [("DC.source", source), ("DC.relation.ispartof", ed.title)]
    if url:
        tags.append(("DC.identifier", url))
    return tuple(MetaTag("name", key, value) for key, value in tags)


def _opengraph(edition: Edition, title: str, description: str, url: str,
               home: bool, m: Messages) -> tuple[MetaTag, ...]:
    tags = [("og:title", title), ("og:type", "book" if home else "article"),
            ("og:description", description),
            ("og:site_name", edition.bibliography.edition.title),
            ("og:locale", m.language)]
    if url:
        tags.append(("og:url", url))
    return tuple(MetaTag("property", key, value) for key, value in tags)


# --- schema.org -------------------------------------------------------------------------------

def _json_ld(edition: Edition, base_url: str, page: str, title: str, description: str,
             url: str, language: str) -> dict:
    ed, art = edition.bibliography.edition, edition.bibliography.article
    original = {"@type": "Article", "name": art.title, "headline": art.title,
                "datePublished": art.date, "inLanguage": art.language,
                "translationOfWork": {"@type": "CreativeWork", "inLanguage": art.original_language}}
    the_edition = _with_url({"@type": "CreativeWork", "name": ed.title, "version": ed.version,
                             "datePublished": ed.date, "inLanguage": language,
                             "editor": [{"@type": "Organization", "name": p.name}
                                        for p in ed.editors],
                             "publisher": {"@type": "Organization", "name": ed.publisher},
                             "license": ed.licence_url},
                            base_url)
    section = _section_of(edition, page)
    if page == HOME:
        original["description"] = " ".join(art.description.split())
        node = dict(the_edition, description=description, isBasedOn=original, hasPart=[
            _with_url({"@type": "Article", "name": s.title, "position": n},
                      cite.page_url(base_url, section_path(s.id)))
            for n, s in enumerate(edition.sections, start=1)])
    else:
        node = _with_url({"@type": "Article" if section else "WebPage", "name": title,
                          "headline": title, "description": description,
                          "datePublished": ed.date, "inLanguage": language,
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
    if page == WHOLE_ARTICLE:
        blocks = {b.id for b in edition.blocks}
    else:
        section = _section_of(edition, page)
        blocks = set(section.paragraph_ids) if section else set()
    ids = {s.annotation.entity for s in edition.spans if s.type == T.MENTION and s.block in blocks}
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
