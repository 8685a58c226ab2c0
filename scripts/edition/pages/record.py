"""Stage 3b: the apparatus's record pages (Sources consulted, What happened next, Changelog),
the figures set against the record, the note on the text and the colophon; and the
references printed after each statement that cites sources."""
from __future__ import annotations

import html
from collections import defaultdict
from typing import Callable, Iterable

from .. import dates
from ..model import AnnotationType as T, BlockKind, Comparison, Count, Edition, SourceEntry, Span
from ..paths import TIMELINE, entity_path, relative, section_path
from ..place.record import PAGE_ANCHORS
from .context import Context
from .inline import attribute, escape_text
from .page import Page

BIBLIOGRAPHY = "bibliography.md"
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
    """(path, title, description, render) of each page this module renders."""
    made = {RECORD: ("What happened next", "The record beside and after the article: the fall of "
                   "the government, the later death tolls and the trials, each statement sourced.", record),
            BIBLIOGRAPHY: ("Sources consulted", "Every external source the apparatus relies on, with "
                   "its address and the date it was read.", bibliography),
            CHANGELOG: ("Changelog", "Every version of the edition and every change, by anchor.", changelog)}
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


# --- Changelog ---------------------------------------------------------------------------

def changelog(edition: Edition) -> str:
    page = CHANGELOG
    lines = ["# Changelog\n",
             "Each version lists what changed, by the anchor it changed. Anchors are permanent: "
             "a corrected paragraph keeps its number and its link.\n"]
    for version in reversed(edition.source.versions):
        anchor = "v" + version.version.replace(".", "-")
        lines += [f"## {escape_text(version.version)} ({escape_text(dates.human(version.date))}) "
                  f"{{ #{anchor} }}\n", f"{escape_text(version.summary)}\n"]
        for change in version.changes:
            lines.append(f"- {_anchor_link(edition, page, change.anchor)}: "
                         f"{escape_text(change.what)}")
        lines.append("")
    return "\n".join(lines)


def _anchor_link(edition: Edition, page: str, anchor: str) -> str:
    src = edition.source
    target, label = "", anchor
    if anchor in PAGE_ANCHORS:
        target, label = PAGE_ANCHORS[anchor], _PAGE_LABELS.get(anchor, anchor)
    elif any(b.id == anchor for b in edition.blocks):
        target = f"{section_path(edition.block(anchor).section)}#{anchor}"
        label = _block_label(edition, anchor)
    elif any(s.id == anchor for s in edition.sections):
        target, label = section_path(anchor), next(s.title for s in edition.sections if s.id == anchor)
    elif any(e.id == anchor for e in edition.entities):
        target, label = entity_path(anchor), edition.entity(anchor).name
    elif any(e.id == anchor for e in edition.events):
        target = f"{TIMELINE}#{anchor}"
        label = "the timeline, " + next(e.title for e in edition.events if e.id == anchor)
    elif any(e.id == anchor for e in src.record.entries):
        target = f"{RECORD}#{anchor}"
    elif any(c.id == anchor for c in src.record.comparisons):
        target = f"{FIGURES}#{anchor}"
    elif any(s.id == anchor for s in src.sources):
        target = f"{BIBLIOGRAPHY}#{anchor}"
    else:
        lacuna = next(s for s in edition.spans_of(T.LACUNA) if s.annotation.id == anchor)
        target = f"{section_path(edition.block(lacuna.block).section)}#{anchor}"
    return f"[{escape_text(label)}]({relative(page, target)})"


_PAGE_LABELS = {"home": "Home", "article": "The whole article", "method": "Editorial method",
                "bibliography": "Sources consulted", "record": "What happened next",
                "changelog": "Changelog", "figures": "Figures", "timeline": "Timeline",
                "sources-and-quotations": "Sources and quotations", "download": "Download",
                "edition": "The edition"}


# --- Figures against the record -----------------------------------------------------------

def comparisons_of(edition: Edition, span: Span) -> list[Comparison]:
    return [c for c in edition.source.record.comparisons
            if any((f.block, f.text) == (span.block, span.text) for f in c.figures)]


def figure_note(edition: Edition, page: str, span: Span) -> str:
    """A figure's own note (Markdown): its note with references, then how other counts compare."""
    a = span.annotation
    text = cited(edition, page, escape_text(a.note), a.sources, a.basis) if a.note else ""
    for comparison in comparisons_of(edition, span):
        same = [c for c in comparison.counts if c.timing == "same-days"]
        later = [c for c in comparison.counts if c.timing == "later"]
        summary = "; ".join(f"{escape_text(TIMINGS[t])}: {_span_of(cs)}"
                            for t, cs in (("same-days", same), ("later", later)) if cs)
        link = f"[{escape_text(comparison.title)}]({relative(page, f'{FIGURES}#{comparison.id}')})"
        text += f" Other counts ({summary}): see {link}."
    return text.strip()


def _span_of(counts: list[Count]) -> str:
    values = [c.value for c in counts] + [c.to for c in counts if c.to is not None]
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def figures_against_record(edition: Edition, page: str) -> str:
    """The Figures page's second part: each comparison as a table, its chart and its note."""
    comparisons = edition.source.record.comparisons
    if not comparisons:
        return ""
    lines = ["## The casualty figures against the record { #against-the-record }\n",
             "Each of the article's casualty figures beside the counts published on the same "
             "days (12–15 October 2003) and the later counts, with their sources. The counts "
             "are not all of the same thing: each row says what it counts. Sources are listed "
             f"on [Sources consulted]({relative(page, BIBLIOGRAPHY)}); the outcome is told in "
             f"[What happened next]({relative(page, RECORD)}).\n",
             chart(edition)]
    for comparison in comparisons:
        figures = ", ".join(f"{_paragraph_link(edition, page, f.block)} “{escape_text(f.text)}”"
                            for f in comparison.figures)
        lines += [f"### {escape_text(comparison.title)} {{ #{comparison.id} }}\n",
                  f"The article: {figures}.\n",
                  "| Count | What it counts | Date | Published | Source |",
                  "|---|---|---|---|---|"]
        for count in sorted(comparison.counts, key=_count_order):
            lines.append(f"| {_cell(_count_value(count))} | {_cell(escape_text(count.counts))} | "
                         f"{_cell(_date(count.when))} | {TIMINGS.get(count.timing, count.timing)} | "
                         f"{_source_link(edition, page, count.source)} |")
        lines += ["", f"*Editors' note:* {escape_text(comparison.note)}\n"]
    return "\n".join(lines) + "\n"


def _count_order(count: Count) -> tuple[int, str]:
    """The counts of the same days first, then the later ones; each in date order, undated last."""
    when = "9999" if count.when == "n.d." else dates.sort_key(str(count.when))
    return (0 if count.timing == "same-days" else 1, when)


def _paragraph_link(edition: Edition, page: str, block_id: str) -> str:
    section = section_path(edition.block(block_id).section)
    return f"[{escape_text(_block_label(edition, block_id))}]({relative(page, section)}#{block_id})"


def _count_value(count: Count) -> str:
    if count.qualifier == "range" and count.to is not None:
        return f"{count.value:g}–{count.to:g}"
    words = {"exact": "", "more-than": "more than ", "at-least": "at least ", "about": "about "}
    return f"{words.get(count.qualifier, '')}{count.value:g}"


def _date(value: str) -> str:
    return "n.d." if value == "n.d." else escape_text(dates.human(str(value)))


def _cell(text: str) -> str:
    return text.replace("|", "&#124;")


# The chart: one row per comparison of the dead; the article's figure as a red bar, each other
# count as a dot (filled: same days; open: later). Drawn at build time; no script, no stylesheet.
CHART_WIDTH, LEFT, ROW, TOP, RIGHT = 680, 300, 34, 16, 24


def chart(edition: Edition) -> str:
    comparisons = [c for c in edition.source.record.comparisons if _unit(edition, c) == "dead"]
    if not comparisons:
        return ""
    maximum = max([c.to or c.value for cmp in comparisons for c in cmp.counts] +
                  [_article_value(edition, cmp) for cmp in comparisons])
    scale = 10 * (int(maximum // 10) + 1)
    height = TOP + ROW * len(comparisons) + 28

    def x(value: float) -> float:
        return LEFT + (CHART_WIDTH - LEFT - RIGHT) * value / scale

    marks = []
    for row, comparison in enumerate(comparisons):
        y = TOP + ROW * row + ROW / 2
        marks.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="currentColor">{attribute(comparison.title)}</text>'
                     f'<line x1="{LEFT}" y1="{y:.1f}" x2="{CHART_WIDTH - RIGHT}" y2="{y:.1f}" '
                     f'stroke="currentColor" stroke-opacity="0.25"/>')
        for count in comparison.counts:
            filled = count.timing == "same-days"
            label = attribute(f"{_count_value(count)}: {count.counts}")
            marks.append(f'<circle cx="{x(count.value):.1f}" cy="{y:.1f}" r="4.5" '
                         f'fill="{"currentColor" if filled else "none"}" fill-opacity="0.7" '
                         f'stroke="currentColor" stroke-width="1.5"><title>{label}</title></circle>')
        article = _article_value(edition, comparison)
        marks.append(f'<rect x="{x(article) - 2:.1f}" y="{y - 10:.1f}" width="4" height="20" '
                     f'fill="#c0392b"><title>The article: {article:g}</title></rect>')
    axis = TOP + ROW * len(comparisons)
    ticks = "".join(f'<line x1="{x(v):.1f}" y1="{axis}" x2="{x(v):.1f}" y2="{axis + 4}" '
                    f'stroke="currentColor"/><text x="{x(v):.1f}" y="{axis + 16}" '
                    f'text-anchor="middle" font-size="11" fill="currentColor">{v}</text>'
                    for v in range(0, scale + 1, 10))
    return (f'<figure class="ed counts-chart" tabindex="0"><svg viewBox="0 0 {CHART_WIDTH} {height}" '
            f'role="img" aria-labelledby="counts-title"><title id="counts-title">The article\'s '
            f"counts of the dead (red bars) beside the counts of the same days (filled dots) and "
            f"the later counts (open dots)</title>{''.join(marks)}{ticks}</svg>"
            f"<figcaption>The article's counts of the dead (red bars) beside the counts of the "
            f"same days (filled dots) and the later counts (open dots), on a scale of people "
            f"killed. The tables below give every count, what it counts and its source; the "
            f"wounded are in the tables only.</figcaption></figure>\n")


def _unit(edition: Edition, comparison: Comparison) -> str:
    for span in edition.spans_of(T.FIGURE):
        if any((f.block, f.text) == (span.block, span.text) for f in comparison.figures):
            return span.annotation.unit
    return ""


def _article_value(edition: Edition, comparison: Comparison) -> float:
    for span in edition.spans_of(T.FIGURE):
        if any((f.block, f.text) == (span.block, span.text) for f in comparison.figures):
            return span.annotation.value or 0.0
    return 0.0


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
