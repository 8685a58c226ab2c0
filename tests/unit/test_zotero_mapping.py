"""What Zotero saves from each page, read from the meta tags the pages emit.

The mapping below is Zotero's own, as its translators define it. Read in zotero/translators:

- `Embedded Metadata.js` (the copy read: "lastUpdated": "2024-06-13 15:58:28", commit
  dcd14d6f47d3f3db90943d79abdfde17240cc38c): its HIGHWIRE_MAPPINGS (citation_title → title,
  citation_inbook_title → publicationTitle, citation_publisher → publisher, …); in init(),
  the item type a Highwire tag decides (citation_journal_title → journalArticle,
  citation_inbook_title or citation_book_title → bookSection) or only guesses (citation_title
  alone → journalArticle), every other prefixed tag (DC., og:, prism.) going to the RDF
  translator, with the guess, or "webpage", as its default type; a Highwire type always wins;
  in processHighwireCreators(), each citation_editor split at its comma when it has one
  ("Family, Given"), at its last space when it has none (Zotero's cleanAuthor).
- `RDF.js` (commit 02e1a97f577e6794c8414df7344b379d888e1046): detectType() (og:type "book" →
  book, "article" only a guess; DC.type "Text" only a guess; exact types before the default,
  guesses after it) and importItem() (prism.edition → edition, DC.source or og:site_name →
  publicationTitle, og:description → abstractNote, DC.rights → rights, …; its "OTHER FIELDS"
  loop sets each property of Zotero's own namespace, the `z` prefix of Embedded Metadata's
  _prefixes, as the field of that name: z.extra → extra).

This is a model of that behaviour written for this test, not Zotero's code. The test checks
the tags each page type emits (every page of the page table, and the one-page download)
give the item issues 12 and 27 ask for: the home page and the one-page download a book (the
whole edition), every other page a section of it; each with the original article's date in
Extra ("Original Date: 2003-10-14", the line Zotero's citation styles read as original-date).
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import REPO, SITE_URL, VERSION
from edition.load import load_source
from edition.pages import page_table
from edition.pages.metadata import page_metadata
from edition.i18n import messages
from edition.place import build_edition, edition_in

HIGHWIRE_FIELDS = {"citation_title": "title", "citation_publication_date": "date",
                   "citation_date": "date", "citation_journal_title": "publicationTitle",
                   "citation_inbook_title": "publicationTitle", "citation_book_title": "bookTitle",
                   "citation_publisher": "publisher", "citation_isbn": "ISBN",
                   "citation_abstract": "abstractNote", "citation_public_url": "url",
                   "citation_language": "language"}
HIGHWIRE_TYPES = {"citation_journal_title": "journalArticle", "citation_inbook_title": "bookSection",
                  "citation_book_title": "bookSection", "citation_conference_title":
                  "conferencePaper", "citation_dissertation_institution": "thesis",
                  "citation_technical_report_institution": "report"}
HIGHWIRE_GUESSES = {"citation_title": "journalArticle", "citation_series_title": "journalArticle",
                    "citation_isbn": "book"}
# og:type's exact types; its "article" and DC.type's "Text" are only guesses, which come after
# the default type (the Highwire guess, or webpage) and so never decide.
OG_TYPES = {"book": "book", "website": "webpage"}
# RDF properties → Zotero fields, first listed first (importItem).
RDF_FIELDS = {"title": ["DC.title", "og:title"], "publicationTitle": ["prism.publicationName",
              "DC.source", "og:site_name"], "rights": ["DC.rights"], "edition": ["prism.edition"],
              "publisher": ["DC.publisher"], "date": ["DC.date"], "url": ["og:url"],
              "abstractNote": ["og:description"], "language": ["DC.language"],
              "extra": ["z.extra"]}
# The fields of the two item types the edition's pages are saved as (publicationTitle is a
# book section's bookTitle; a book has none).
ITEM_FIELDS = {"book": {"title", "publisher", "date", "edition", "language", "url",
                        "abstractNote", "rights", "extra"},
               "bookSection": {"title", "bookTitle", "publisher", "date", "edition", "language",
                               "url", "abstractNote", "rights", "extra"}}
RDF_PREFIXES = ("dc", "og", "prism", "dcterms", "bibo", "article", "book", "z")


def clean_author(name: str, role: str) -> dict:
    if "," in name:
        last, first = (re.split(r", ?", name, maxsplit=1) + [""])[:2]
    else:
        first, _, last = name.rpartition(" ")
    return {"firstName": first.strip(), "lastName": last.strip(), "creatorType": role}


def zotero_item(tags: list[tuple[str, str]]) -> dict:
    """The item Zotero's Embedded Metadata translator makes from these meta tags."""
    names = [name for name, _ in tags]
    first = {}
    for name, value in tags:
        first.setdefault(name, value)
    hw_type = next((HIGHWIRE_TYPES[n] for n in names if n in HIGHWIRE_TYPES), None)
    guess = next((HIGHWIRE_GUESSES[n] for n in names if n in HIGHWIRE_GUESSES), None)
    rdf = any(re.split(r"[.:_]", n)[0].lower() in RDF_PREFIXES for n in names)
    if hw_type:
        item_type = hw_type
    elif rdf:
        item_type = OG_TYPES.get(first.get("og:type", "")) or guess or "webpage"
    else:
        item_type = guess
    item = {field: next(first[p] for p in props if p in first)
            for field, props in RDF_FIELDS.items() if any(p in first for p in props)}
    item |= {field: first[tag] for tag, field in HIGHWIRE_FIELDS.items() if tag in first}
    editors = [v for n, v in tags if n == "citation_editor"]
    item["creators"] = [clean_author(e.strip(), "editor") for e in editors]
    if item_type == "bookSection" and "publicationTitle" in item:
        item["bookTitle"] = item.pop("publicationTitle")
    kept = ITEM_FIELDS.get(item_type, set()) | {"creators"}
    return {"itemType": item_type, **{k: v for k, v in item.items() if k in kept}}


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


def pages(edition) -> list[tuple[str, str]]:
    """(path, title) of every page the site has, and of the one-page download."""
    download = f"downloads/bolivia-insurrection-la-paz-{edition.bibliography.edition.version}.html"
    return [(s.path, s.title) for s in page_table(edition)] + [
        (download, edition.bibliography.article.title)]


DESCRIPTION = "The edition's account of \"Black October\" & what followed."


@pytest.mark.parametrize("base_url", ["", SITE_URL])
def test_zotero_saves_a_book_and_its_sections_with_every_field(edition, base_url, capsys):
    ed, art = edition.bibliography.edition, edition.bibliography.article
    checked, types = Counter(), Counter()
    for path, title in pages(edition):
        meta = page_metadata(edition, base_url, path, title, DESCRIPTION)
        item = zotero_item([(t.key, t.content) for t in meta.tags])
        home = path in ("index.md", pages(edition)[-1][0])  # the one-page download: the book
        expected = {"itemType": "book" if home else "bookSection",
                    "title": ed.title if home else art.title if path == "article.md" else title,
                    "creators": [{"firstName": "", "lastName": p.name, "creatorType": "editor"}
                                 for p in ed.editors],
                    "publisher": ed.publisher, "date": ed.date.replace("-", "/"),
                    "edition": f"Version {VERSION}", "language": art.language,
                    "abstractNote": DESCRIPTION, "rights": item.get("rights"),
                    "extra": f"Original Date: {art.date}"}
        if not home:
            expected["bookTitle"] = ed.title
        if base_url:
            expected["url"] = meta.url
        assert item == expected, path
        assert item["rights"].startswith(ed.licence) and "&" not in item["rights"]
        types[item["itemType"]] += 1
        checked[path] = len(expected)
    with capsys.disabled():
        print(f"\nZotero mapping ({'site_url set' if base_url else 'no site_url'}): "
              f"{len(checked)} pages × {max(checked.values())} fields, "
              f"{sum(checked.values())} checked; item types {dict(types)}")


def test_zotero_saves_a_spanish_section_and_the_spanish_book_in_spanish(edition):
    """The Spanish pages (es/): a section is a bookSection, the Spanish one-page download a
    book, each in language es, with the edition's version in Spanish and the original date."""
    spanish = edition_in(edition, "es")
    m = messages("es")
    section = next(s for s in page_table(spanish) if s.path.startswith("sections/"))
    found = {}
    for path, title in ((section.path, section.title),
                        (f"downloads/bolivia-insurrection-la-paz-{VERSION}-es.html",
                         spanish.bibliography.article.title)):
        meta = page_metadata(spanish, SITE_URL + "es/", path, title, DESCRIPTION, m)
        found[path] = zotero_item([(t.key, t.content) for t in meta.tags])
    item, book = found.values()
    assert item["itemType"] == "bookSection" and book["itemType"] == "book"
    for each in (item, book):
        assert each["language"] == "es" and each["edition"] == f"Versión {VERSION}"
        assert each["extra"] == "Original Date: 2003-10-14"
    assert item["url"] == SITE_URL + "es/" + section.path.replace(".md", ".html")


def test_the_model_reproduces_the_faults_the_issue_reported():
    """Without the fixes, the model gives what a reader saw: a journal article, a split name."""
    item = zotero_item([("citation_title", "The whole article"),
                        ("citation_editor", "The Insurrection in La Paz Edition Team"),
                        ("citation_publisher", "The Team"), ("DC.type", "Text"),
                        ("og:type", "article")])
    assert item["itemType"] == "journalArticle" and "publisher" not in item
    assert item["creators"] == [{"firstName": "The Insurrection in La Paz Edition",
                                 "lastName": "Team", "creatorType": "editor"}]
    assert zotero_item([("citation_title", "T"), ("citation_journal_title", "J")])["itemType"] \
        == "journalArticle"
