"""Stage 3b: the apparatus's record pages (Sources consulted, What happened next), the note on
the text and the colophon; and the references printed after each statement that cites sources."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable
from urllib.parse import urlsplit

from .. import dates
from ..doc import Nodes, fill, h
from .. import wording
from ..wording import RECORD_PARTS, grounds, inference_label
from ..doc.tree import Element
from ..i18n import N_, Messages
from ..kinds import kind_of
from ..model import Edition, SourceEntry, Statement
from ..paths import BIBLIOGRAPHY, TIMELINE, entity_path, section_path
from .context import Context
from .inline import words_nodes
from .page import Page

RECORD = "record.md"
CHANGELOG = "changelog.md"
FIGURES = "register/figures.md"
LANGUAGES = {"en": N_("English"), "es": N_("Spanish"), "fr": N_("French"), "it": N_("Italian"),
             "pt": N_("Portuguese")}
# The prefix of each page's ids as a part of the one-page edition and the EPUB.
PART_PREFIXES = {BIBLIOGRAPHY: "bibliography", RECORD: "record", CHANGELOG: "changelog"}
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


# --- a statement and its evidence --------------------------------------------------------

def cited(ctx: Context, text: Nodes, statement: Statement | None) -> list[Nodes]:
    """A statement as the reader sees it, grounded as every output grounds it
    (wording.grounded). Its sources' passages are `evidence()`, beside it."""
    if statement is None:
        return [text]
    return [*words_nodes(inference_label(statement, ctx.m)), text,
            *words_nodes(grounds(statement, ctx.edition, ctx.m), ctx.part_links())]


def evidence(ctx: Context, statement: Statement | None) -> Element | None:
    """The passages a statement rests on, each with its source and where it stands there,
    folded under the sources' names: open without a script, in every output."""
    items = getattr(statement, "evidence", ()) if statement is not None else ()
    if not items:
        return None
    m = ctx.m
    labels: list[Nodes] = []
    for n, source_id in enumerate(dict.fromkeys(item.source for item in items)):
        labels += ["; " if n else None, ctx.edition.source.source_entry(source_id).label]
    passages = []
    for item in items:
        entry = ctx.edition.source.source_entry(item.source)
        # `cite` only for an https address: an EPUB reading system may fetch it, and EPUBCheck
        # warns of a plain http one (the address is on the Sources consulted page either way).
        cite = entry.url if entry.url.startswith("https://") else None
        passages.append(h("li", h("blockquote", {"lang": entry.language, "cite": cite},
                                  item.passage),
                          h("p", {"class": "ev-source"}, "— ", source_link(ctx, item.source),
                            f", {ctx.locator(item.at)}")))
    return h("details", {"class": "ed evidence", "data-search-exclude": ""},
             h("summary", m.ngettext("Source: {sources}", "Sources: {sources}",
                                     len(set(i.source for i in items)), sources="")
               .rstrip(), " ", labels),
             h("ul", passages))


def source_link(ctx: Context, source_id: str) -> Element:
    entry = ctx.edition.source.source_entry(source_id)
    return h("a", {"href": ctx.link(f"{BIBLIOGRAPHY}#{source_id}")}, entry.label)




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
                          _address(entry.url), " ",
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


def _address(url: str) -> Element:
    """The address the editors read, named by its site (the whole address is the link's, and
    is printed in full: edition.css)."""
    host = urlsplit(url).hostname or url
    return h("a", {"class": "src-url", "href": url}, host.removeprefix("www."))


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
            add(block.decision.sources, m._("the structure of {block}", block=wording.block_label(
                edition, block.id, m)), f"method.md#{block.id}")
    for entity in edition.entities:
        add(entity.sources, entity.name, entity_path(entity.id))
    for event in edition.events:
        add(event.sources, m._("the timeline, {event}", event=event.title),
            f"{TIMELINE}#{event.id}")
    for span in edition.spans:
        if span.annotation.sources:
            add(span.annotation.sources, m._("the {kind} in {block}", kind=m._(kind_of(span).label),
                                             block=wording.block_label(edition, span.block, m)),
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
    for part, heading, intro in RECORD_PARTS:
        items = sorted((e for e in entries if e.part == part), key=lambda e: dates.sort_key(e.when))
        if not items:
            continue
        out += [h("h2", {"id": f"part-{part}"}, m._(heading)), h("p", m._(intro))]
        for entry in items:
            out.append(h("h3", {"id": entry.id}, m._("{date}: {title}", date=m.date(entry.when),
                                                     title=entry.title)))
            text = cited(ctx, entry.text, entry)
            if entry.paragraphs:
                refs: list[Nodes] = []
                for n, b in enumerate(entry.paragraphs):
                    refs += [", " if n else None, ctx.paragraph_ref(b)]
                text += [" ", *fill(m._("Bears on {paragraphs} of the article."), paragraphs=refs)]
            out += [h("p", text), evidence(ctx, entry)]
    return out
