"""The TEI's back: the sources consulted (listBibl), the record beside and after the article,
and the article's casualty figures set against the record, in the words of the site's pages
(wording.py)."""
from __future__ import annotations

from ...i18n import messages

import xml.etree.ElementTree as ET

from ... import dates
from ...model import Comparison, Count, Edition, RecordEntry, SourceEntry, Translation
from ...wording import RECORD_PARTS, TIMINGS, count_value
from ..links import Permalinks
from ..records import number
from .elements import (EDITORS, PART_IDS, bibl_id, claim, comparison_id, date, el, record_id,
                       statement, sub, when)

COUNT_COLUMNS = ("Count", "What it counts", "Date", "Published", "Source")


def back(edition: Edition, links: Permalinks) -> ET.Element:
    back = el("back")
    back.append(sources_consulted(edition, links))
    if edition.source.record.entries:
        back.append(record(edition, links))
    if edition.source.record.comparisons:
        back.append(figures(edition, links))
    if edition.source.witnesses.quotations:
        back.append(quotation_searches(edition))
    for translation in edition.source.translations:
        back.append(translated(edition, translation))
    return back


def translated(edition: Edition, translation: Translation) -> ET.Element:
    """The editors' translation, block by block, each aligned with its block of the text
    (@corresp): never in its place; the text stays first, in the body."""
    div = el("div", {"type": "translation", "xml:lang": translation.language,
                     "xml:id": f"translation-{translation.language}", "resp": EDITORS})
    sub(div, "head", text=translation.note)
    for block in edition.blocks:
        if block.id in translation.blocks:
            sub(div, "ab", {"type": "translation", "corresp": f"#{block.id}",
                            "xml:id": f"{translation.language}-{block.id}"},
                translation.blocks[block.id])
    return div


def quotation_searches(edition: Edition) -> ET.Element:
    """For each quotation, the editors' search for its reporter's own words: what they found
    (the witness, in the header's listWit) or that they found none, and what they searched."""
    div = _part("searches", "The witnesses of the quotations", "For each quotation the "
                "editors searched stored copies of the press of October 2003 for the reporters' "
                "own words; what they found, or the words they searched.")
    for n, quoted in enumerate(edition.source.witnesses.quotations, start=1):
        item = sub(div, "div", {"type": "search", "n": quoted.status, "corresp": f"#{quoted.block}"})
        sub(item, "head", text=f"“{quoted.quote}…”")
        if quoted.status == "found":
            sub(item, "p", {"resp": EDITORS}, "Found: the witness in the header (listWit).")
        else:
            sub(item, "p", {"resp": EDITORS}, f"Not found. Searched for: {quoted.searched}")
        if quoted.note:
            claim(item, "note", {"resp": EDITORS}, quoted.note, quoted, edition)
    return div


def _part(kind: str, head: str, intro: str) -> ET.Element:
    """A part of the back: its div (typed, with the id of the site page it stands for), its
    head and the editors' introduction."""
    div = el("div", {"type": kind, "xml:id": PART_IDS[kind]})
    sub(div, "head", text=head)
    sub(div, "p", {"resp": EDITORS}, intro)
    return div


# --- Sources consulted ------------------------------------------------------------------

def sources_consulted(edition: Edition, links: Permalinks) -> ET.Element:
    div = _part("bibliography", "Sources consulted", "Every external source the apparatus "
                "relies on: each statement that gives a fact not in the article points at one "
                "or more of them with @source. Each gives the address the editors read and the "
                "day they read it.")
    list_bibl = sub(div, "listBibl")
    for entry in edition.source.sources:
        list_bibl.append(_bibl(entry, links))
    return div


def _bibl(entry: SourceEntry, links: Permalinks) -> ET.Element:
    bibl = el("bibl", {"xml:id": bibl_id(entry.id)})
    if entry.author:
        sub(bibl, "author", text=entry.author)
    sub(bibl, "title", {"level": "a"}, entry.title)
    sub(bibl, "publisher", text=entry.publisher)
    if date(bibl, str(entry.date)) is None:
        sub(bibl, "date", text="n.d.")
    sub(bibl, "ref", {"target": entry.url}, entry.url)
    sub(bibl, "date", {"type": "accessed", **when(entry.read)}, f"read {messages('en').date(entry.read)}")
    sub(bibl, "textLang", {"mainLang": entry.language})
    if links.base_url:
        sub(bibl, "idno", {"type": "URI"}, links.source_entry(entry.id))
    if entry.note:
        sub(bibl, "note", {"resp": EDITORS}, entry.note)
    return bibl


# --- What happened next -------------------------------------------------------------------

def record(edition: Edition, links: Permalinks) -> ET.Element:
    """The record's parts in the site's order (pages/record.py), each entry a div with its
    date, its sourced text and the paragraphs of the article it bears on."""
    div = _part("record", "What happened next", "Not the article's account: what other "
                "sources report of its days and of what followed, each statement with its "
                "sources.")
    entries = edition.source.record.entries
    for part, heading, intro in RECORD_PARTS:
        items = sorted((e for e in entries if e.part == part), key=lambda e: dates.sort_key(e.when))
        if not items:
            continue
        part_div = sub(div, "div", {"type": "part", "n": part})
        sub(part_div, "head", text=messages('en')._(heading))
        sub(part_div, "p", text=messages('en')._(intro))
        for entry in items:
            part_div.append(_record_entry(edition, entry, links))
    return div


def _record_entry(edition: Edition, entry: RecordEntry, links: Permalinks) -> ET.Element:
    div = el("div", {"type": "entry", "xml:id": record_id(entry.id),
                     "corresp": " ".join(f"#{b}" for b in entry.paragraphs)})
    head = sub(div, "head")
    sub(head, "date", when(entry.when), messages('en').date(entry.when)).tail = f": {entry.title}"
    _permalink(div, links, f"record.html#{entry.id}")
    claim(div, "p", {}, entry.text, entry, edition)
    return div


# --- Figures against the record ------------------------------------------------------------

def figures(edition: Edition, links: Permalinks) -> ET.Element:
    div = _part("figures", "The casualty figures against the record", "Each of the "
                "article's casualty figures beside the counts published on the same days and "
                "the later counts, with their sources. The counts are not all of the same "
                "thing: each row says what it counts.")
    for comparison in edition.source.record.comparisons:
        div.append(_comparison(edition, comparison, links))
    return div


def _comparison(edition: Edition, comparison: Comparison, links: Permalinks) -> ET.Element:
    div = el("div", {"type": "comparison", "xml:id": comparison_id(comparison.id)})
    sub(div, "head", text=comparison.title)
    _permalink(div, links, f"register/figures.html#{comparison.id}")
    article = sub(div, "p", text="The article: ")
    for n, figure in enumerate(comparison.figures):
        sub(article, "ref", {"target": f"#{figure.block}"}, figure.text).tail = (
            ", " if n < len(comparison.figures) - 1 else ".")
    table = sub(div, "table")
    label = sub(table, "row", {"role": "label"})
    for column in COUNT_COLUMNS:
        sub(label, "cell", text=column)
    for count in comparison.counts:
        table.append(_count_row(edition, count))
    claim(div, "note", {"type": "editorial", "resp": EDITORS}, comparison.note, comparison,
          edition)
    return div


def _permalink(div: ET.Element, links: Permalinks, path: str) -> None:
    """The entry's anchor on the site, when the site's URL is known (a div holds no idno)."""
    if links.base_url:
        url = links.page(path)
        sub(sub(div, "note", {"type": "permalink"}), "ref", {"target": url}, url)


def _count_row(edition: Edition, count: Count) -> ET.Element:
    row = el("row", statement((count.source,)))
    sub(row, "cell").append(count_number(count))
    sub(row, "cell", text=count.counts)
    when_cell = sub(row, "cell")
    if date(when_cell, str(count.when)) is None:
        when_cell.text = "n.d."
    sub(row, "cell", text=messages('en')._(TIMINGS[count.timing]))
    source = edition.source.source_entry(count.source)
    sub(sub(row, "cell"), "ref", {"target": f"#{bibl_id(source.id)}"}, source.label)
    return row


def count_number(count: Count) -> ET.Element:
    """The count as num: its value, or for a range its bounds (att.ranging), in words."""
    words = count_value(count, messages('en'))  # the Figures page's words
    if count.qualifier == "range" and count.to is not None:
        return el("num", {"type": "range", "atLeast": f"{number(count.value)}",
                          "atMost": f"{number(count.to)}"}, words)
    return el("num", {"type": count.qualifier, "value": f"{number(count.value)}"}, words)
