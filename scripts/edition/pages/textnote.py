"""The note on the text (Editorial method): the principles, the witnesses of the text and of
its quotations, what could not be checked, and the colophon."""
from __future__ import annotations

from ..doc import Nodes, fill, h
from ..model import BlockKind
from ..paths import BIBLIOGRAPHY
from .context import Context
from .record import CHANGELOG, RECORD, STATUSES, cited, evidence, source_link


def translations(ctx: Context) -> list[Nodes]:
    """The editors' translations of the text: who made them, how, where to read them, and the
    fixed renderings they keep (glossary.yml)."""
    src, m = ctx.edition.source, ctx.m
    if not src.translations:
        return []
    out: list[Nodes] = [h("h3", {"id": "translation"}, m._("The editors' translation"))]
    for t in src.translations:
        out.append(h("p", {"lang": t.language}, t.note))
        out.append(h("p", fill(m._("Read it beside the text on the {pages}."), pages=h(
            "a", {"href": ctx.twin(t.language, "index.md")},
            m._("{language} pages", language=m.language_name(t.language))))))
    if src.glossary:
        out += [h("p", m._("The fixed renderings it keeps, here and in the apparatus:")),
                h("table", {"class": "glossary"},
                  h("thead", h("tr", h("th", {"scope": "col"}, m.language_name("en")),
                               h("th", {"scope": "col"}, m.language_name("es")))),
                  h("tbody", [h("tr", h("td", {"lang": "en"}, g.en), h("td", {"lang": "es"}, g.es))
                              for g in src.glossary]))]
    return out


def note_on_text(ctx: Context) -> list[Nodes]:
    m = ctx.m
    src = ctx.edition.source
    art = src.bibliography.article
    out: list[Nodes] = [
        h("h2", {"id": "note-on-the-text"}, m._("A note on the text")),
        h("h3", {"id": "principles"}, m._("Principles")),
        h("ul",
          h("li", m._("The transmitted text is reproduced exactly; nothing in it is corrected, "
                      "added or removed. Every build checks that it is unchanged.")),
          h("li", m._("Every editorial decision is data, with its reason, shown beside the text "
                      "and on this page.")),
          h("li", fill(m._("Every statement of fact that is not in the article cites a source "
                           "listed on {sources}; a statement that no source supports is removed "
                           "or marked in words as the editors' inference."),
                       sources=h("a", {"href": ctx.link(BIBLIOGRAPHY)}, m._("Sources consulted")))),
          h("li", fill(m._("What happened after the article is kept apart from its account, on "
                           "{record}."), record=h("a", {"href": ctx.link(RECORD)},
                                                  m._("What happened next")))),
          h("li", fill(m._("Paragraph numbers and anchors never change; every change is listed "
                           "in the {changelog}."), changelog=h("a", {"href": ctx.link(CHANGELOG)},
                                                              m._("Changelog"))))),
        h("h3", {"id": "witnesses"}, m._("Witnesses")),
        h("p", m._("The copies of the text the editors know, and how the transmitted text "
                   "relates to them:")),
        h("ul", [h("li", h("span", {"id": f"witness-{w.id}"}), h("strong", w.name),
                   f" ({m._(STATUSES.get(w.status, w.status))}): ", cited(ctx, w.relation, w),
                   evidence(ctx, w)) for w in src.witnesses.text])]
    if art.publication_evidence:
        out += [h("p", h("strong", m._("The publication.")), " ",
                      cited(ctx, art.publication_evidence, art)), evidence(ctx, art)]
    out += quotation_witnesses(ctx)
    captions: list[Nodes] = []
    for n, b in enumerate(b for b in ctx.edition.blocks if b.kind is BlockKind.CAPTION):
        captions += [", " if n else None, ctx.paragraph_ref(b.id)]
    out += [h("h3", {"id": "not-checked"}, m._("What could not be checked")),
            h("ul",
              h("li", h("strong", m._("The Spanish original.")), " ", art.original_note),
              h("li", h("strong", m._("The photographs behind the captions.")), " ", fill(m._(
                  "The short lines read as captions ({paragraphs}) most likely captioned "
                  "photographs; no photograph was transmitted and none has been found, so what "
                  "they showed cannot be checked."), paragraphs=captions)),
              h("li", h("strong", m._("The sources of the quoted reports")), fill(m._(
                  ", whose names were lost (see the {lacunae})."), lacunae=h(
                      "a", {"href": ctx.link("method.md#lacunae")}, m._("lacunae")))))]
    out += translations(ctx)
    out += colophon(ctx)
    return out


def colophon(ctx: Context) -> list[Nodes]:
    """The bibliographic record of the edition. It repeats the citations' data, so it is kept
    out of the search index, like the cite boxes."""
    m = ctx.m
    ed = ctx.edition.bibliography.edition
    editors = "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in ed.editors)
    items = [h("li", h("strong", m._("Edition")), ": ", m._(
                 "{edition}, version {version}, {date}.", edition=ed.title, version=ed.version,
                 date=m.date(ed.date))),
             h("li", h("strong", m._("Editors")), f": {editors}."),
             h("li", h("strong", m._("Publisher")), f": {ed.publisher}."),
             h("li", h("strong", m._("Licence")), f": {ed.licence} ({ed.licence_url}). "
               f"{ed.text_licence_note}")]
    if ed.contact:
        items.append(h("li", h("strong", m._("Contact")), f": {ed.contact}."))
    if ed.errata:
        items.append(h("li", h("strong", m._("Reporting an error")), f": {ed.errata}"))
    items.append(h("li", h("strong", m._("Changes")), ": ", fill(m._(
        "every version and change is listed in the {changelog}."),
        changelog=h("a", {"href": ctx.link(CHANGELOG)}, m._("Changelog")))))
    return [h("h2", {"id": "colophon"}, m._("Colophon")),
            h("div", {"class": "colophon", "data-search-exclude": ""}, h("ul", items))]


def quotation_witnesses(ctx: Context) -> list[Nodes]:
    """For each quotation the editors sought in its own words: what they found, or that they
    found nothing and what they searched; where the article's translation shifts the words."""
    m = ctx.m
    quoted = ctx.edition.source.witnesses.quotations
    found = sum(1 for q in quoted if q.status == "found")
    out: list[Nodes] = [
        h("h3", {"id": "quotation-witnesses"}, m._("Witnesses of the quotations")),
        h("p", m._("The article quotes its sources in English; they wrote in Spanish. For each "
                   "quotation the editors searched stored copies of the press of October 2003 "
                   "for the reporters' own words: found for {found} of {total}.",
                   found=found, total=len(quoted)))]
    items = [h("li", {"id": f"quotation-witness-{n}"}, ctx.paragraph_ref(q.block),
               " ", ctx.quote(q.quote + "…"), ": ", _witness(ctx, q))
             for n, q in enumerate(quoted, start=1)]
    return out + [h("ul", {"class": "witnesses"}, items)]


def _witness(ctx: Context, q) -> list[Nodes]:
    m = ctx.m
    if q.status == "found":
        entry = ctx.edition.source.source_entry(q.source)
        said: list[Nodes] = [m._("found in"), " ", source_link(ctx, q.source),
                             f", {ctx.locator(q.at)}: ",
                             h("q", {"lang": entry.language}, q.passage)]
        for shift in q.shifts:
            said += [" ", fill(m._("The article renders {spanish} as {english}: {note}"),
                               spanish=h("q", {"lang": entry.language}, shift.spanish),
                               english=h("q", shift.english), note=shift.note)]
    else:
        said = [m._("not found."), " ", m._("Searched for: {words}.", words=q.searched)]
    if q.note:
        said += [" ", cited(ctx, q.note, q)]
    return said + [evidence(ctx, q)]
