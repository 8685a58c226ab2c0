"""The TEI header: the edition, the article it transmits, the editorial method."""
from __future__ import annotations

from ...i18n import messages

import xml.etree.ElementTree as ET

from ... import wording
from ...model import Edition
from ..links import Permalinks
from .body import BLOCK_KINDS, QUOTATION_KINDS
from .elements import BASES, EDITORS, PART_IDS, claim, el, sub
from .history import STATUSES, list_wit, revision_desc

METHOD = (
    ("segmentation", "The transmitted text is divided at its blank lines into blocks. Each "
                     "block is one p or head whose xml:id is its permanent id on the site: "
                     "title, a section id for a heading, p1, p2, … for the rest; it is the "
                     "anchor of the block on the site page of its section, "
                     "sections/<div/@n>.html#<xml:id>. A caption is the head of a figure whose "
                     "photograph was not transmitted, the dateline is dateline and the closing "
                     "note trailer; these and the repeated paragraph point with @ana at their "
                     "category in classDecl and carry a note giving the editors' reason."),
    ("correction", "Nothing is corrected in the text: likely errors are kept in sic, with "
                   "the likely reading in corr; lost text is marked by gap (with a desc of what "
                   "was lost) at the place it was lost."),
    ("normalization", "None: spelling, accents, capitals and quotation marks are as "
                      "transmitted."),
    ("interpretation", "Every named person, organisation, group and place is tagged and points "
                       "to the register in standOff; dates carry their ISO 8601 value and point "
                       "(@corresp) at their event; quotations are said, quote or q by their "
                       "kind, with the speaker in @who and the report they are quoted from in "
                       "@source (a bibl of standOff: who reported it, when, or the lacuna where "
                       "its name was lost); figures carry their value. Everything the editors "
                       "add is in note (in the words the site uses), corr, desc, argument or an "
                       "attribute. Every statement of a fact not in the article points with "
                       "@source at the sources consulted, listed in the back (bibl-…), or with "
                       "@ana at what it rests on (statement-bases); the record after the "
                       "article and the figures set against it are in the back too, the "
                       "witnesses in sourceDesc, the changelog in revisionDesc."),
)


def header(edition: Edition, links: Permalinks) -> ET.Element:
    header = el("teiHeader")
    header.append(_file_desc(edition, links))
    header.append(_encoding_desc())
    profile = sub(header, "profileDesc")
    sub(sub(profile, "langUsage"), "language", {"ident": edition.bibliography.article.language})
    calendar = sub(sub(profile, "calendarDesc"), "calendar", {"xml:id": "edtf"})
    sub(calendar, "p", text="Extended Date/Time Format (ISO 8601-2), for dates that are "
                            "approximate, uncertain or open intervals (@when-custom).")
    if edition.source.versions:
        header.append(revision_desc(edition, links))
    return header


def _file_desc(edition: Edition, links: Permalinks) -> ET.Element:
    ed = edition.bibliography.edition
    file_desc = el("fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", {"type": "main"}, ed.title)
    sub(title_stmt, "title", {"type": "short"}, ed.short_title)
    for n, person in enumerate(ed.editors, start=1):
        sub(title_stmt, "editor", {"xml:id": "editors" if n == 1 else f"editor-{n}",
                                   "role": person.role or "editor"}, person.name)
    sub(sub(file_desc, "editionStmt"), "edition", {"n": ed.version}, f"Version {ed.version}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", text=ed.publisher)
    if ed.contact:  # the colophon's contact
        sub(sub(publication, "address"), "addrLine", text=ed.contact)
    sub(publication, "date", {"when": ed.date}, messages('en').date(ed.date))
    if links.base_url:
        sub(publication, "idno", {"type": "URI"}, links.base_url)
    availability = sub(publication, "availability")
    sub(availability, "licence", {"target": ed.licence_url}, ed.licence)
    sub(availability, "p", text=ed.text_licence_note)
    if ed.errata:  # the colophon's way to report an error
        sub(sub(file_desc, "notesStmt"), "note", {"type": "errata"}, ed.errata)
    file_desc.append(_source_desc(edition))
    return file_desc


def _source_desc(edition: Edition) -> ET.Element:
    """The article as transmitted, then the witnesses of the text and of its quotations."""
    art = edition.bibliography.article
    source_desc = el("sourceDesc")
    bibl = sub(source_desc, "bibl")
    sub(bibl, "title", {"level": "a"}, art.title)
    sub(bibl, "date", {"when": art.date}, messages('en').date(art.date))
    sub(bibl, "publisher", text=art.publisher)
    sub(bibl, "note", {"type": "publication"}, art.publication)
    if art.publication_evidence:
        claim(bibl, "note", {"type": "publication-evidence", "resp": EDITORS},
              art.publication_evidence, art, edition)
    sub(bibl, "note", {"type": "attribution"}, f"{art.attribution}. {art.attribution_evidence}")
    sub(bibl, "note", {"type": "description"}, art.description)
    sub(bibl, "idno", {"type": "sha256"}, art.text_sha256)
    sub(bibl, "textLang", {"mainLang": art.language})
    original = sub(sub(bibl, "relatedItem", {"type": "original"}), "bibl")
    sub(original, "note", text=art.original_note)
    sub(original, "textLang", {"mainLang": art.original_language})
    if edition.source.witnesses.text or edition.source.witnesses.quotations:
        source_desc.append(list_wit(edition))
    return source_desc


def _encoding_desc() -> ET.Element:
    encoding = el("encodingDesc", {"xml:id": PART_IDS["method"]})
    decl = sub(encoding, "editorialDecl")
    for element, text in METHOD:
        sub(sub(decl, element), "p", text=text)
    class_decl = sub(encoding, "classDecl")
    _taxonomy(class_decl, "block-kinds", "The kinds of block the editors distinguish besides "
              "the title, the headings and the paragraphs of the text.",
              {category: messages('en')._(wording.KIND_LABELS[kind]) for kind, category in BLOCK_KINDS.items()})
    _taxonomy(class_decl, "quotation-kinds", "The kinds of quotation.",
              {f"quotation-{kind}": text for kind, text in QUOTATION_KINDS.items()})
    _taxonomy(class_decl, "statement-bases", "What a statement that cites no source rests on.",
              {f"basis-{basis}": text for basis, text in BASES.items()})
    _taxonomy(class_decl, "witness-statuses", "How the editors know what a witness says.",
              {f"status-{status}": text for status, text in STATUSES.items()})
    return encoding


def _taxonomy(parent: ET.Element, taxonomy_id: str, desc: str, categories: dict[str, str]) -> None:
    taxonomy = sub(parent, "taxonomy", {"xml:id": taxonomy_id})
    sub(taxonomy, "desc", text=desc)
    for category, description in categories.items():
        sub(sub(taxonomy, "category", {"xml:id": category}), "catDesc", text=description)
