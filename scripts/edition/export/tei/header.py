"""The TEI header: the edition, the article it transmits, the editorial method."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ... import dates, wording
from ...model import Edition
from ..links import Permalinks
from .body import BLOCK_KINDS, QUOTATION_KINDS
from .elements import el, sub

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
                       "attribute."),
)


def header(edition: Edition, links: Permalinks) -> ET.Element:
    art, ed = edition.bibliography.article, edition.bibliography.edition
    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", {"type": "main"}, ed.title)
    sub(title_stmt, "title", {"type": "short"}, ed.short_title)
    for n, person in enumerate(ed.editors, start=1):
        sub(title_stmt, "editor", {"xml:id": "editors" if n == 1 else f"editor-{n}",
                                    "role": person.role or "editor"}, person.name)
    sub(sub(file_desc, "editionStmt"), "edition", {"n": ed.version}, f"Version {ed.version}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", text=ed.publisher)
    sub(publication, "date", {"when": ed.date}, dates.human(ed.date))
    if links.base_url:
        sub(publication, "idno", {"type": "URI"}, links.base_url)
    availability = sub(publication, "availability")
    sub(availability, "licence", {"target": ed.licence_url}, ed.licence)
    sub(availability, "p", text=ed.text_licence_note)
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl")
    sub(bibl, "title", {"level": "a"}, art.title)
    sub(bibl, "date", {"when": art.date}, dates.human(art.date))
    sub(bibl, "publisher", text=art.publisher)
    sub(bibl, "note", {"type": "publication"}, art.publication)
    sub(bibl, "note", {"type": "attribution"}, f"{art.attribution}. {art.attribution_evidence}")
    sub(bibl, "note", {"type": "description"}, art.description)
    sub(bibl, "idno", {"type": "sha256"}, art.text_sha256)
    sub(bibl, "textLang", {"mainLang": art.language})
    original = sub(sub(bibl, "relatedItem", {"type": "original"}), "bibl")
    sub(original, "note", text=art.original_note)
    sub(original, "textLang", {"mainLang": art.original_language})
    encoding = sub(header, "encodingDesc")
    decl = sub(encoding, "editorialDecl")
    for element, text in METHOD:
        sub(sub(decl, element), "p", text=text)
    kinds = sub(sub(encoding, "classDecl"), "taxonomy", {"xml:id": "block-kinds"})
    sub(kinds, "desc", text="The kinds of block the editors distinguish besides the title, "
                             "the headings and the paragraphs of the text.")
    for kind, category in BLOCK_KINDS.items():
        sub(sub(kinds, "category", {"xml:id": category}), "catDesc",
             text=wording.KIND_LABELS[kind])
    quotations = sub(encoding.find("classDecl"), "taxonomy", {"xml:id": "quotation-kinds"})
    sub(quotations, "desc", text="The kinds of quotation.")
    for kind, description in QUOTATION_KINDS.items():
        sub(sub(quotations, "category", {"xml:id": f"quotation-{kind}"}), "catDesc",
             text=description)
    profile = sub(header, "profileDesc")
    sub(sub(profile, "langUsage"), "language", {"ident": art.language})
    calendar = sub(sub(profile, "calendarDesc"), "calendar", {"xml:id": "edtf"})
    sub(calendar, "p", text="Extended Date/Time Format (ISO 8601-2), for dates that are "
                             "approximate, uncertain or open intervals (@when-custom).")
    return header
