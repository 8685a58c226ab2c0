"""Where the text comes from and how the edition changed: the witnesses (listWit, in the
sourceDesc) and the changelog (revisionDesc), each change pointing at what it changed."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ...model import Edition
from ...kinds import AnnotationType as T
from ...place.record import PAGE_ANCHORS
from ...paths import html_path
from ..links import Permalinks
from .elements import (EDITORS, PART_IDS, bibl_id, claim, comparison_id, el, record_id,
                       statement, sub)

# A witness's status (witnesses.yml): categories of the header's taxonomy, pointed at by @ana.
STATUSES = {"shown": "Shown: the editors read it in the witness itself",
            "reported": "Reported: others report it; the editors could not read it",
            "likely": "Likely: the editors' inference",
            "found": "Found: the editors read the quoted report's own words in the witness"}


def list_wit(edition: Edition) -> ET.Element:
    """The copies of the article the editors know, then the Spanish witnesses of quotations
    that were found (the searches that found none are in the site's note on the text)."""
    witnesses = edition.source.witnesses
    list_wit = el("listWit")
    for witness in witnesses.text:
        item = sub(list_wit, "witness", {"xml:id": f"witness-{witness.id}",
                                         "ana": f"#status-{witness.status}",
                                         **statement((witness.source,))})
        sub(item, "label", text=witness.name)
        claim(item, "note", {"type": "relation", "resp": EDITORS}, witness.relation, witness,
              edition)
    for n, quoted in enumerate(witnesses.quotations, start=1):
        if quoted.status != "found":
            continue
        item = sub(list_wit, "witness", {"xml:id": f"quotation-witness-{n}",
                                         "corresp": f"#{quoted.block}",
                                         "ana": f"#status-{quoted.status}",
                                         **statement((quoted.source,))})
        sub(item, "label", text=f"A Spanish witness of the quotation “{quoted.quote}…”")
        sub(item, "quote", {"xml:lang": "es"}, quoted.passage)
        for shift in quoted.shifts:
            sub(item, "note", {"type": "shift", "resp": EDITORS},
                f"“{shift.english}” renders “{shift.spanish}”: {shift.note}")
        if quoted.lacuna:
            sub(item, "ref", {"type": "restores", "target": f"#{quoted.lacuna}"},
                "the source name lost at this lacuna")
        if quoted.note:
            sub(item, "note", {"resp": EDITORS}, quoted.note)
    return list_wit



def revision_desc(edition: Edition, links: Permalinks) -> ET.Element:
    """One listChange per version (its number in @n, its summary in desc), newest first as
    TEI has it; one change per entry, its anchor in @n and what it changed in @target."""
    revisions = el("revisionDesc", {"xml:id": PART_IDS["changelog"]})
    versions = sub(revisions, "listChange", {"ordered": "true"})
    for version in reversed(edition.source.versions):
        listed = sub(versions, "listChange", {"type": "version", "n": version.version})
        sub(listed, "desc", text=version.summary)
        for change in version.changes:
            sub(listed, "change", {"when": version.date, "n": change.anchor,
                                   "target": anchor_target(edition, change.anchor, links)},
                change.what)
    return revisions


def anchor_target(edition: Edition, anchor: str, links: Permalinks) -> str:
    """The element of this file a changelog anchor names, or its page on the site when the
    file has none (and the site's URL is known): '' otherwise."""
    src = edition.source
    if anchor in PART_IDS:
        return f"#{PART_IDS[anchor]}"
    if anchor in PAGE_ANCHORS:
        return links.page(html_path(PAGE_ANCHORS[anchor])) if links.base_url else ""
    sections = {s.id: s.blocks[0].id for s in edition.sections}
    ids = {**{b.id: b.id for b in edition.blocks}, **sections,
           **{e.id: e.id for e in edition.entities},
           **{e.id: f"event-{e.id}" for e in edition.events},
           **{e.id: record_id(e.id) for e in src.record.entries},
           **{c.id: comparison_id(c.id) for c in src.record.comparisons},
           **{s.id: bibl_id(s.id) for s in src.sources},
           **{s.annotation.id: s.annotation.id for s in edition.spans_of(T.LACUNA)}}
    return f"#{ids[anchor]}" if anchor in ids else ""
