"""Stage 3b: the apparatus's record pages (Sources consulted, What happened next), the note on
the text and the colophon; and the references printed after each statement that cites sources."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from .. import dates
from ..doc import Nodes, fill, h
from ..doc.tree import Element
from ..i18n import N_, Messages
from ..model import BlockKind, Edition, SourceEntry
from ..paths import BIBLIOGRAPHY, TIMELINE, entity_path, section_path
from .context import Context
from .page import Page

RECORD = "record.md"
CHANGELOG = "changelog.md"
FIGURES = "register/figures.md"
LANGUAGES = {"en": N_("English"), "es": N_("Spanish"), "fr": N_("French"), "it": N_("Italian"),
             "pt": N_("Portuguese")}
PARTS = (("context", N_("Beside the article: what it leaves out"),
          N_("The days of the article, 11–14 October 2003, as other sources report them.")),
         ("outcome", N_("What happened next: the fall of the government"),
          N_("From 15 October 2003.")),
         ("counts", N_("The dead and wounded, by later counts"),
          N_("Counts published after the article; the Figures page sets them beside the "
             "article's own.")),
         ("justice", N_("The trials"), N_("In Bolivia and in the United States.")))
# The prefix of each page's ids as a part of the one-page edition and the EPUB.
PART_PREFIXES = {BIBLIOGRAPHY: "bibliography", RECORD: "record", CHANGELOG: "changelog"}
TIMINGS = {"same-days": N_("same days"), "later": N_("later")}
STATUSES = {"shown": N_("shown"), "reported": N_("reported, not verified"),
            "likely": N_("likely (inference)")}


def pages() -> tuple[tuple[str, str, str, Callable[[Context], Page]], ...]:
    """(path, title, description, render) of each page this module renders (the Changelog
    is changelog.py's)."""
    made = {RECORD: (N_("What happened next"), N_(
        "The record beside and after the article: the fall of the government, the later death "
        "tolls and the trials, each statement sourced."), record),
            BIBLIOGRAPHY: (N_("Sources consulted"), N_(
                "Every external source the apparatus relies on, with its address and the date "
                "it was read."), bibliography)}
    return tuple((path, title, description, _page(path, title, description, make))
                 for path, (title, description, make) in made.items())


def _page(path: str, title: str, description: str, make) -> Callable[[Context], Page]:
    return lambda ctx: Page(path, ctx.m._(title), ctx.m._(description),
                            h("div", {"class": "ed-page"}, make(ctx)))


# --- references after a statement ------------------------------------------------------

def cited(ctx: Context, text: Nodes, sources: Iterable[str], basis: str = "") -> list[Nodes]:
    """A statement as the reader sees it: marked in words when it is the editors' inference,
    followed by its references when it cites sources."""
    shown: list[Nodes] = [text]
    if basis == "inference":
        shown = [h("em", ctx.m._("Editors' inference:")), " ", text]
    return shown + references(ctx, sources)


def references(ctx: Context, sources: Iterable[str]) -> list[Nodes]:
    ids = list(dict.fromkeys(sources))
    if not ids:
        return []
    links: list[Nodes] = []
    for n, source_id in enumerate(ids):
        links += ["; " if n else None, source_link(ctx, source_id)]
    label = ctx.m.ngettext("Source:", "Sources:", len(ids))
    return [f" ({label} ", *links, ".)"]


def source_link(ctx: Context, source_id: str) -> Element:
    entry = ctx.edition.source.source_entry(source_id)
    return h("a", {"href": ctx.link(f"{BIBLIOGRAPHY}#{source_id}")}, entry.label)


def block_label(edition: Edition, block_id: str, m: Messages) -> str:
    block = edition.block(block_id)
    return m._("¶ {number}", number=block.number) if block.number else \
        edition.section_of(block_id).title


def paragraph_link(ctx: Context, block_id: str) -> Element:
    return h("a", {"href": ctx.block_link(block_id)}, block_label(ctx.edition, block_id, ctx.m))


# --- Sources consulted ------------------------------------------------------------------

def bibliography(ctx: Context) -> list[Nodes]:
    m = ctx.m
    uses = _citing_places(ctx.edition, m)
    return [h("h1", m._("Sources consulted")),
            h("p", m._("Every statement of this edition that gives a fact not in the article "
                       "cites one or more of these sources; the reference follows the statement. "
                       "Each entry gives the address the editors read and the day they read it. "
                       "Where a page reproduces another medium's report, or shows no date or "
                       "headline, the entry says so. The list is ordered by author or "
                       "publisher.")),
            h("ul", [_entry(ctx, entry, uses.get(entry.id, []))
                     for entry in sorted(ctx.edition.source.sources, key=_sort_key)])]


def _entry(ctx: Context, entry: SourceEntry, uses: list[tuple[str, str]]) -> Element:
    m = ctx.m
    when = m.date(entry.date)
    published = m._("{publisher}, {date}", publisher=entry.publisher, date=when)
    parts: list[Nodes] = [h("span", {"id": entry.id}),
                          f"{entry.author}. " if entry.author else None,
                          m._("“{title}”.", title=entry.title), " ", published,
                          "" if published.endswith(".") else ".", " ",
                          h("a", {"href": entry.url}, entry.url), " ",
                          m._("(read {date}; in {language}).", date=m.date(entry.read),
                              language=m._(LANGUAGES[entry.language])
                              if entry.language in LANGUAGES else entry.language)]
    if entry.note:
        parts += [" ", entry.note]
    if uses:
        links: list[Nodes] = []
        for n, (label, target) in enumerate(dict.fromkeys(uses)):
            links += [", " if n else None, h("a", {"href": ctx.link(target)}, label)]
        parts += [" ", m._("Cited in:"), " ", *links, "."]
    return h("li", parts)


def _sort_key(entry: SourceEntry) -> tuple[str, str]:
    return ((entry.author or entry.publisher).casefold(), entry.id)


def _citing_places(edition: Edition, m: Messages) -> dict[str, list[tuple[str, str]]]:
    """For each source, where it is cited: (label, page#anchor)."""
    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    src = edition.source

    def add(ids: Iterable[str], label: str, target: str) -> None:
        for source_id in ids:
            uses[source_id].append((label, target))

    add(src.bibliography.article.sources, m._("the bibliography of the article"),
        "index.md#editorial-method")
    for block in edition.blocks:
        if block.decision:
            add(block.decision.sources, m._("the structure of {block}", block=block_label(
                edition, block.id, m)), f"method.md#{block.id}")
    for entity in edition.entities:
        add(entity.sources, entity.name, entity_path(entity.id))
    for event in edition.events:
        add(event.sources, m._("the timeline, {event}", event=event.title),
            f"{TIMELINE}#{event.id}")
    for span in edition.spans:
        if span.annotation.sources:
            add(span.annotation.sources, m._("the {kind} in {block}", kind=span.type.value,
                                             block=block_label(edition, span.block, m)),
                f"{section_path(edition.block(span.block).section)}#{span.block}")
    for entry in src.record.entries:
        add(entry.sources, m._("What happened next, {entry}", entry=entry.title),
            f"{RECORD}#{entry.id}")
    for comparison in src.record.comparisons:
        add((c.source for c in comparison.counts), m._("the figures, {comparison}",
                                                        comparison=comparison.title),
            f"{FIGURES}#{comparison.id}")
    for witness in src.witnesses.text:
        add((witness.source,), m._("the note on the text"), "method.md#note-on-the-text")
    return uses


# --- What happened next -------------------------------------------------------------------

def record(ctx: Context) -> list[Nodes]:
    m = ctx.m
    out: list[Nodes] = [h("h1", m._("What happened next")), h("p", fill(m._(
        "The article ends on 14 October 2003. What follows is not the article's account: it is "
        "what other sources report of its days and of what followed, each statement with its "
        "sources. The article's own account is in its sections; its figures are set beside "
        "these counts on the {figures} page."), figures=h("a", {"href": ctx.link(FIGURES)},
                                                          m._("Figures"))))]
    entries = ctx.edition.source.record.entries
    for part, heading, intro in PARTS:
        items = sorted((e for e in entries if e.part == part), key=lambda e: dates.sort_key(e.when))
        if not items:
            continue
        out += [h("h2", {"id": f"part-{part}"}, m._(heading)), h("p", m._(intro))]
        for entry in items:
            out.append(h("h3", {"id": entry.id}, m._("{date}: {title}", date=m.date(entry.when),
                                                     title=entry.title)))
            text = cited(ctx, entry.text, entry.sources)
            if entry.paragraphs:
                refs: list[Nodes] = []
                for n, b in enumerate(entry.paragraphs):
                    refs += [", " if n else None, paragraph_link(ctx, b)]
                text += [" ", *fill(m._("Bears on {paragraphs} of the article."), paragraphs=refs)]
            out.append(h("p", text))
    return out


# --- the note on the text and the colophon (Editorial method) -----------------------------

def note_on_text(ctx: Context) -> list[Nodes]:
    m = ctx.m
    src = ctx.edition.source
    art, ed = src.bibliography.article, src.bibliography.edition
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
                   f" ({m._(STATUSES.get(w.status, w.status))}): ", w.relation,
                   references(ctx, (w.source,))) for w in src.witnesses.text])]
    if art.publication_evidence:
        out.append(h("p", h("strong", m._("The publication.")), " ",
                     cited(ctx, art.publication_evidence, art.sources)))
    out.append(h("h3", {"id": "quotation-witnesses"}, m._("Witnesses of the quotations")))
    quoted = src.witnesses.quotations
    if quoted:
        items = []
        for q in quoted:
            entry = src.source_entry(q.source)
            items.append(h("li", paragraph_link(ctx, q.block), f" “{q.quote}…”: ",
                           f"{entry.title} ({entry.url}; ", source_link(ctx, q.source), "), ",
                           m._("which opens «{opening}»", opening=q.opening),
                           f" ({m._(STATUSES.get(q.status, q.status))})",
                           fill(m._("; it restores the name lost at {lacuna}"), lacuna=h("a", {
                               "href": ctx.link(f"{section_path(ctx.edition.block(q.block).section)}"
                                                f"#{q.lacuna}")}, q.lacuna)) if q.lacuna else None,
                           "."))
        out.append(h("ul", items))
    else:
        out.append(h("p", m._(
            "No Spanish source of any report the article quotes has been found: the Spanish "
            "wording of the reports quoted in ¶ 6, 13, 14, 15, 20 and 23 was searched for in "
            "stored copies of the Bolivian and Latin American press of October 2003, and the "
            "reports of those days that were found (listed on Sources consulted) do not contain "
            "them. The lost source names therefore remain without conjecture.")))
    captions: list[Nodes] = []
    for n, b in enumerate(b for b in ctx.edition.blocks if b.kind is BlockKind.CAPTION):
        captions += [", " if n else None, paragraph_link(ctx, b.id)]
    out += [h("h3", {"id": "not-checked"}, m._("What could not be checked")),
            h("ul",
              h("li", h("strong", m._("The Spanish original.")), " ", art.original_note),
              h("li", h("strong", m._("The photographs behind the captions.")), " ", fill(m._(
                  "The short lines read as captions ({paragraphs}) most likely captioned "
                  "photographs; no photograph was transmitted and none has been found, so what "
                  "they showed cannot be checked."), paragraphs=captions)),
              h("li", h("strong", m._("The In Defence of Marxism listing")), " ", m._(
                  "that the reviewers report (see above) could not be retrieved by the "
                  "editors.")),
              h("li", h("strong", m._("The sources of the quoted reports")), fill(m._(
                  ", whose names were lost (see the {lacunae})."), lacunae=h(
                      "a", {"href": ctx.link("method.md#lacunae")}, m._("lacunae")))))]
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
