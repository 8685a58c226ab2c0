"""Stage 3b: the apparatus's record pages (Sources consulted, What happened next, Changelog),
the figures set against the record, the note on the text and the colophon; and the
references printed after each statement that cites sources."""
from __future__ import annotations

import html
from collections import defaultdict
from typing import Callable, Iterable

from .. import dates
from ..model import BlockKind, Edition, SourceEntry
from ..paths import BIBLIOGRAPHY, TIMELINE, entity_path, relative, section_path
from .context import Context
from .inline import attribute, escape_text
from .page import Page

RECORD = "record.md"
CHANGELOG = "changelog.md"
FIGURES = "register/figures.md"
LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese"}
PARTS = (("context", "Beside the article: what it leaves out", "The days of the article, "
          "11–14 October 2003, as other sources report them."),
         ("outcome", "What happened next: the fall of the government", "From 15 October 2003."),
         ("counts", "The dead and wounded, by later counts", "Counts published after the article; "
          "the Figures page sets them beside the article's own."),
         ("justice", "The trials", "In Bolivia and in the United States."))
# The prefix of each page's ids as a part of the one-page edition and the EPUB.
PART_PREFIXES = {BIBLIOGRAPHY: "bibliography", RECORD: "record", CHANGELOG: "changelog"}
TIMINGS = {"same-days": "same days", "later": "later"}
STATUSES = {"shown": "shown", "reported": "reported, not verified", "likely": "likely (inference)"}


def pages() -> tuple[tuple[str, str, str, Callable[[Context], Page]], ...]:
    """(path, title, description, render) of each page this module renders (the Changelog
    is changelog.py's)."""
    made = {RECORD: ("What happened next", "The record beside and after the article: the fall of "
                   "the government, the later death tolls and the trials, each statement sourced.", record),
            BIBLIOGRAPHY: ("Sources consulted", "Every external source the apparatus relies on, with "
                   "its address and the date it was read.", bibliography)}
    return tuple((path, title, description, _page(path, title, description, make))
                 for path, (title, description, make) in made.items())


def _page(path: str, title: str, description: str, make) -> Callable[[Context], Page]:
    return lambda ctx: Page(path, title, description, make(ctx.edition))


# --- references after a statement ------------------------------------------------------

def cited(edition: Edition, page: str, text: str, sources: Iterable[str], basis: str = "") -> str:
    """A statement's Markdown `text` as the reader sees it: marked in words when it is the
    editors' inference, followed by its references when it cites sources."""
    if basis == "inference":
        text = f"*Editors' inference:* {text}"
    return text + references(edition, page, sources)


def references(edition: Edition, page: str, sources: Iterable[str]) -> str:
    ids = list(dict.fromkeys(sources))
    if not ids:
        return ""
    links = "; ".join(_source_link(edition, page, source_id) for source_id in ids)
    return f" (Source{'s' if len(ids) > 1 else ''}: {links}.)"


def _source_link(edition: Edition, page: str, source_id: str) -> str:
    entry = edition.source.source_entry(source_id)
    return f"[{escape_text(entry.label)}]({relative(page, f'{BIBLIOGRAPHY}#{source_id}')})"


# --- Sources consulted ------------------------------------------------------------------

def bibliography(edition: Edition) -> str:
    page = BIBLIOGRAPHY
    uses = _citing_places(edition)
    lines = ["# Sources consulted\n",
             "Every statement of this edition that gives a fact not in the article cites one or "
             "more of these sources; the reference follows the statement. Each entry gives the "
             "address the editors read and the day they read it. Where a page reproduces "
             "another medium's report, or shows no date or headline, the entry says so. The "
             "list is ordered by author or publisher.\n"]
    for entry in sorted(edition.source.sources, key=_sort_key):
        lines.append(_entry(edition, page, entry, uses.get(entry.id, [])))
    return "\n".join(lines) + "\n"


def _entry(edition: Edition, page: str, entry: SourceEntry, uses: list[tuple[str, str]]) -> str:
    who = f"{escape_text(entry.author)}. " if entry.author else ""
    when = "n.d." if entry.date == "n.d." else escape_text(dates.human(str(entry.date)))
    read = escape_text(dates.human(entry.read))
    language = LANGUAGES.get(entry.language, entry.language)
    published = f"{escape_text(entry.publisher)}, {when}"
    parts = [f'<span id="{attribute(entry.id)}"></span>{who}“{escape_text(entry.title)}”. '
             f"{published}{'' if published.endswith('.') else '.'} "
             f'<a href="{attribute(entry.url)}">{html.escape(entry.url, quote=False)}</a> '
             f"(read {read}; in {escape_text(language)})."]
    if entry.note:
        parts.append(escape_text(entry.note))
    if uses:
        links = ", ".join(f"[{escape_text(label)}]({relative(page, target)})"
                          for label, target in dict.fromkeys(uses))
        parts.append(f"Cited in: {links}.")
    return "- " + " ".join(parts)


def _sort_key(entry: SourceEntry) -> tuple[str, str]:
    return ((entry.author or entry.publisher).casefold(), entry.id)


def _citing_places(edition: Edition) -> dict[str, list[tuple[str, str]]]:
    """For each source, where it is cited: (label, page#anchor)."""
    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    src = edition.source

    def add(ids: Iterable[str], label: str, target: str) -> None:
        for source_id in ids:
            uses[source_id].append((label, target))

    add(src.bibliography.article.sources, "the bibliography of the article", "index.md#editorial-method")
    for block in edition.blocks:
        if block.decision:
            add(block.decision.sources, f"the structure of {_block_label(edition, block.id)}",
                f"method.md#{block.id}")
    for entity in edition.entities:
        add(entity.sources, entity.name, entity_path(entity.id))
    for event in edition.events:
        add(event.sources, f"the timeline, {event.title}", f"{TIMELINE}#{event.id}")
    for span in edition.spans:
        if span.annotation.sources:
            add(span.annotation.sources, f"the {span.type.value} in {_block_label(edition, span.block)}",
                f"{section_path(edition.block(span.block).section)}#{span.block}")
    for entry in src.record.entries:
        add(entry.sources, f"What happened next, {entry.title}", f"{RECORD}#{entry.id}")
    for comparison in src.record.comparisons:
        add((c.source for c in comparison.counts), f"the figures, {comparison.title}",
            f"{FIGURES}#{comparison.id}")
    for witness in src.witnesses.text:
        add((witness.source,), "the note on the text", "method.md#note-on-the-text")
    return uses


def _block_label(edition: Edition, block_id: str) -> str:
    block = edition.block(block_id)
    return f"¶ {block.number}" if block.number else edition.section_of(block_id).title


# --- What happened next -------------------------------------------------------------------

def record(edition: Edition) -> str:
    page = RECORD
    lines = ["# What happened next\n",
             "The article ends on 14 October 2003. What follows is not the article's account: "
             "it is what other sources report of its days and of what followed, each statement "
             "with its sources. The article's own account is in its sections; its figures are "
             f"set beside these counts on the [Figures]({relative(page, FIGURES)}) page.\n"]
    entries = edition.source.record.entries
    for part, heading, intro in PARTS:
        items = sorted((e for e in entries if e.part == part), key=lambda e: dates.sort_key(e.when))
        if not items:
            continue
        lines += [f"## {escape_text(heading)} {{ #part-{part} }}\n", f"{escape_text(intro)}\n"]
        for entry in items:
            lines.append(f"### {escape_text(dates.human(entry.when))}: {escape_text(entry.title)} "
                         f"{{ #{entry.id} }}\n")
            text = cited(edition, page, escape_text(entry.text), entry.sources)
            if entry.paragraphs:
                refs = ", ".join(f"[{escape_text(_block_label(edition, b))}]"
                                 f"({relative(page, section_path(edition.block(b).section))}#{b})"
                                 for b in entry.paragraphs)
                text += f" Bears on {refs} of the article."
            lines.append(text + "\n")
    return "\n".join(lines)


def _paragraph_link(edition: Edition, page: str, block_id: str) -> str:
    section = section_path(edition.block(block_id).section)
    return f"[{escape_text(_block_label(edition, block_id))}]({relative(page, section)}#{block_id})"


# --- the note on the text and the colophon (Editorial method) -----------------------------

def note_on_text(edition: Edition, page: str) -> str:
    src = edition.source
    art, ed = src.bibliography.article, src.bibliography.edition
    lines = ["## A note on the text { #note-on-the-text }\n",
             "### Principles { #principles }\n",
             "- The transmitted text (`source/article.txt`) is reproduced exactly; nothing in it "
             "is corrected, added or removed. Its sha256 is checked by every build.",
             "- Every editorial decision is data, with its reason, shown beside the text and on "
             "this page.",
             "- Every statement of fact that is not in the article cites a source listed on "
             f"[Sources consulted]({relative(page, BIBLIOGRAPHY)}); a statement that no source "
             "supports is removed or marked in words as the editors' inference.",
             "- What happened after the article is kept apart from its account, on "
             f"[What happened next]({relative(page, RECORD)}).",
             "- Paragraph numbers and anchors never change; every change is listed in the "
             f"[Changelog]({relative(page, CHANGELOG)}).", "",
             "### Witnesses { #witnesses }\n",
             "The copies of the text the editors know, and how the transmitted text relates to "
             "them:\n"]
    for witness in src.witnesses.text:
        lines.append(f'- <span id="witness-{attribute(witness.id)}"></span>'
                     f"**{escape_text(witness.name)}** "
                     f"({escape_text(STATUSES.get(witness.status, witness.status))}): "
                     f"{escape_text(witness.relation)}"
                     + references(edition, page, (witness.source,)))
    lines.append("")
    if art.publication_evidence:
        lines.append("**The publication.** " + cited(edition, page, escape_text(
            art.publication_evidence), art.sources) + "\n")
    quoted = src.witnesses.quotations
    lines.append("### Witnesses of the quotations { #quotation-witnesses }\n")
    if quoted:
        for q in quoted:
            entry = src.source_entry(q.source)
            lines.append(f"- {_paragraph_link(edition, page, q.block)} “{escape_text(q.quote)}…”: "
                         f"{escape_text(entry.title)} ({escape_text(entry.url)}; "
                         f"{_source_link(edition, page, q.source)}), which opens "
                         f"«{escape_text(q.opening)}» "
                         f"({escape_text(STATUSES.get(q.status, q.status))})"
                         + (f"; it restores the name lost at [{escape_text(q.lacuna)}]"
                            f"({relative(page, section_path(edition.block(q.block).section))}"
                            f"#{q.lacuna})" if q.lacuna else "") + ".")
        lines.append("")
    else:
        lines.append("No Spanish source of any report the article quotes has been found: the "
                     "Spanish wording of the reports quoted in ¶ 6, 13, 14, 15, 20 and 23 was "
                     "searched for in stored copies of the Bolivian and Latin American press of "
                     "October 2003, and the reports of those days that were found (listed on "
                     "Sources consulted) do not contain them. The lost source names therefore "
                     "remain without conjecture.\n")
    lines += ["### What could not be checked { #not-checked }\n",
              f"- **The Spanish original.** {escape_text(art.original_note)}",
              "- **The photographs behind the captions.** The short lines read as captions ("
              + ", ".join(_paragraph_link(edition, page, b.id) for b in edition.blocks
                          if b.kind is BlockKind.CAPTION)
              + ") most likely captioned photographs; no photograph was transmitted and none "
              "has been found, so what they showed cannot be checked.",
              "- **The In Defence of Marxism listing** that the reviewers report (see above) "
              "could not be retrieved by the editors.",
              "- **The sources of the quoted reports**, whose names were lost (see the "
              f"[lacunae]({relative(page, 'method.md#lacunae')})).", ""]
    # The colophon repeats the bibliographic record: kept out of the search index, like the
    # cite boxes, so a search for the editors' names finds the citations' sources only.
    lines += ["## Colophon { #colophon }\n", '<div class="colophon" data-search-exclude markdown>\n',
              f"- **Edition**: {escape_text(ed.title)}, version {escape_text(ed.version)}, "
              f"{escape_text(dates.human(ed.date))}.",
              "- **Editors**: " + "; ".join(escape_text(p.name) + (f" ({escape_text(p.role)})"
                                                                   if p.role else "")
                                          for p in ed.editors) + ".",
              f"- **Publisher**: {escape_text(ed.publisher)}.",
              f"- **Licence**: {escape_text(ed.licence)} ({escape_text(ed.licence_url)}). "
              f"{escape_text(ed.text_licence_note)}"]
    if ed.contact:
        lines.append(f"- **Contact**: {escape_text(ed.contact)}.")
    if ed.errata:
        lines.append(f"- **Reporting an error**: {escape_text(ed.errata)}")
    lines.append(f"- **Changes**: every version and change is listed in the "
                 f"[Changelog]({relative(page, CHANGELOG)}).")
    lines.append("\n</div>")
    return "\n".join(lines) + "\n"
