"""Stage 3: render the edition into Markdown pages (path → text) for MkDocs to turn into HTML."""
from __future__ import annotations

import functools
import html
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from . import dates, metadata
from .citebox import CiteBoxes
from .export import Artefact, offline
from .inline import (Links, attribute, description_list, escape_text, figure_value, html_text,
                     render_block_text)
from .paths import TIMELINE, entity_path, html_path, relative, section_path
from .model import AnnotationType as T, Block, BlockKind, Edition, Entity, Section, Span

DOWNLOAD_PAGE = "download.md"  # the one page that lists the artefacts
REGISTERS = (
    ("register/people.md", "People", "person"),
    ("register/organisations.md", "Organisations and groups", "organisation"),
    ("register/places.md", "Places", "place"),
)
KIND_LABELS = {
    BlockKind.CAPTION: "Caption of a photograph that was not transmitted",
    BlockKind.DUPLICATE: "Transmitted twice: a second copy of the opening paragraph",
    BlockKind.DATELINE: "Dateline",
    BlockKind.NOTE: "Closing note of the transmitted text",
}
# How a quotation's note names who spoke, by the quotation's kind.
QUOTATION_VERBS = {"report": "from", "speech": "said by", "slogan": "slogan of",
                   "document": "from a resolution of", "term": "term in quotation marks, used by"}
TYPE_HEADINGS = (("person", "People"), ("organisation", "Organisations"), ("group", "Groups"),
                 ("place", "Places"))
# The annotation-highlighting switch above the text (edition.js makes it work). It is part of
# the page, not added by the script, so nothing moves or is laid out again when the script runs.
HIGHLIGHT_TOGGLE = ('<div class="ed ed-controls" data-search-exclude><button class="ed-toggle '
                    'md-button" type="button" aria-pressed="true">Hide annotation highlighting'
                    '</button></div>\n\n')


def front_matter(title: str, description: str, searchable: bool = True) -> str:
    """Title and description; `searchable=False` keeps a page that only repeats what other
    pages say (the whole article, the lists of the registers) out of the search index."""
    exclude = "" if searchable else "search:\n  exclude: true\n"
    return (f'---\ntitle: "{_yaml_text(title)}"\ndescription: "{_yaml_text(description)}"\n'
            f"{exclude}---\n\n")


def _not_searched(markdown_lines: list[str]) -> str:
    """A list that quotes the text (keywords in context, quotations with their sources): the
    search finds those words in the text itself, so the list is kept out of its index."""
    body = "\n".join(markdown_lines)
    return f'<div class="kwic" data-search-exclude markdown>\n\n{body}\n\n</div>\n'


def _yaml_text(text: str) -> str:
    # Material writes title and description into the page unescaped: escape them here.
    return " ".join(html.escape(text).split()).replace("\\", "\\\\").replace('"', '\\"')


@dataclass(frozen=True)
class Renderer:
    """Renders every page of one edition; `base_url` is the public site URL or ''."""

    edition: Edition
    base_url: str = ""
    artefacts: tuple[Artefact, ...] = ()  # listed on the Download page
    citations: bool = True  # False: cite boxes without their citations (see CiteBoxes)

    def pages(self, paths: Iterable[str] | None = None) -> dict[str, str]:
        """Every page of the site (or those at `paths`), path → Markdown with its front matter."""
        renderers = self._page_renderers()
        return {path: metadata.with_metadata(self.edition, self.base_url, path, renderers[path]())
                for path in (renderers if paths is None else paths)}

    def paths(self) -> tuple[str, ...]:
        """The path of every page, in the order `pages` renders them."""
        return tuple(self._page_renderers())

    def page_body(self, path: str) -> str:
        """One page's Markdown without the site's metadata (for the one-page edition)."""
        return self._page_renderers()[path]()

    def _page_renderers(self) -> dict[str, Callable[[], str]]:
        renderers: dict[str, Callable[[], str]] = {
            "index.md": self.home, "article.md": self.whole_article, "method.md": self.method}
        for section in self.edition.sections:
            renderers[section_path(section.id)] = functools.partial(self.section_page, section)
        for path, title, entity_type in REGISTERS:
            renderers[path] = functools.partial(self.register, path, title, entity_type)
        renderers["register/sources.md"] = self.sources
        renderers[TIMELINE] = self.timeline
        renderers["register/figures.md"] = self.figures
        for entity in self.edition.entities:
            renderers[entity_path(entity.id)] = functools.partial(self.entity_page, entity)
        renderers[DOWNLOAD_PAGE] = self.download
        return renderers

    # --- where things are -------------------------------------------------------------

    def block_page(self, block_id: str) -> str:
        return section_path(self.edition.block(block_id).section)

    def block_link(self, from_page: str, block_id: str) -> str:
        return relative(from_page, f"{self.block_page(block_id)}#{block_id}")

    def paragraph_ref(self, from_page: str, block_id: str) -> str:
        """A Markdown link to a block, labelled "¶ n" (or its section's title)."""
        return f"[{escape_text(self.block_label(block_id))}]({self.block_link(from_page, block_id)})"

    def block_label(self, block_id: str) -> str:
        block = self.edition.block(block_id)
        return f"¶ {block.number}" if block.number else self.edition.section_of(block_id).title

    # --- the text ----------------------------------------------------------------------

    def section_body(self, page: str, section: Section, heading_level: int) -> str:
        """The transmitted blocks of one section, then its apparatus."""
        notes: list[Span] = []
        links = Links(entity_href=lambda e: html_path(relative(page, entity_path(e))),
                      entity_description=lambda e: self.edition.entity(e).description,
                      note_marker=lambda span: self._marker(span, notes))
        # The cite box is raw HTML at the top level, between two runs of the transmitted text:
        # inside a `markdown` div, Python-Markdown would rewrite its nested <details>.
        first, *rest = section.blocks
        parts = [self._transmitted([first], section, heading_level, links),
                 self._cite_boxes.section_box(section)]
        if rest:
            parts.append(self._transmitted(rest, section, heading_level, links))
        has_heading = any(b.kind is BlockKind.HEADING for b in section.blocks)
        parts.append(self._apparatus(page, section, notes, heading_level + has_heading))
        return "\n".join(parts)

    def _transmitted(self, blocks: list[Block], section: Section, level: int, links: Links) -> str:
        body = "\n".join(self._block(block, section, level, links) for block in blocks)
        return f'<div class="transmitted" markdown>\n\n{body}\n</div>\n'

    def _block(self, block: Block, section: Section, level: int, links: Links) -> str:
        if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
            heading_level = level if block.kind is BlockKind.HEADING else max(1, level - 1)
            return f"{'#' * heading_level} {escape_text(block.text)} {{ #{block.id} .tb }}\n"
        spans = self.edition.spans_in(block.id)
        text = render_block_text(block, spans, links)
        # The controls are not words of the text: data-search-exclude keeps them out of search.
        number = (f'<a class="ed pn" href="#{block.id}" data-search-exclude '
                  f'title="Paragraph {block.number}: permanent link">{block.number}</a>')
        copy = (f'<button class="ed copy-link" type="button" data-search-exclude '
                f'data-clipboard-text="#{block.id}" '
                f'aria-label="Copy the link to paragraph {block.number}" '
                f'title="Copy the link to paragraph {block.number}">🔗</button>')
        cite_link = self._cite_boxes.paragraph_link(block, section)
        label = ""
        if block.kind in KIND_LABELS:
            label = (f'<span class="ed kind-label">{escape_text(KIND_LABELS[block.kind])} '
                     f'([why]({relative(self._current, "method.md#" + block.id)})) </span>')
        return f"{number}{copy}{cite_link}{label}{text}\n{{ #{block.id} .tb .{block.kind.value} }}\n"

    @property
    def _cite_boxes(self) -> CiteBoxes:
        return CiteBoxes(self.edition.bibliography, self.base_url, self.citations)

    def _marker(self, span: Span, notes: list[Span]) -> str:
        notes.append(span)
        n = len(notes)
        note_id = self._note_id(span)
        return (f'<sup class="ed nref" id="ref-{note_id}"><a href="#{note_id}" '
                f'aria-label="Editorial note {n}">{n}</a></sup>')

    def _note_id(self, span: Span) -> str:
        same = [s for s in self.edition.spans_in(span.block) if s.type in (
            T.QUOTATION, T.SIC, T.NOTE, T.LACUNA)]
        return f"n-{span.block}-{same.index(span) + 1}"

    def _apparatus(self, page: str, section: Section, notes: list[Span], level: int) -> str:
        h = "#" * level
        out = [f'<div class="apparatus ed" markdown>\n\n{h} Apparatus: {escape_text(section.title)}'
               f" {{ #apparatus-{section.id} }}\n"]
        if notes:
            out.append(f"{h}# Notes {{ #notes-{section.id} }}\n")
            for n, span in enumerate(notes, start=1):
                note_id = self._note_id(span)
                out.append(f'{n}. <span id="{note_id}"></span>{self._note_text(page, span)} '
                           f'<a href="#ref-{note_id}" aria-label="Back to the text">↩</a>')
            out.append("")
        out.append(self._section_index(page, section, h + "#"))
        out.append("</div>\n")
        return "\n".join(out)

    def _note_text(self, page: str, span: Span) -> str:
        a = span.annotation
        lemma = f"*{escape_text(_shorten(span.text, 60))}*"
        if span.type is T.SIC:
            return f"{lemma}: *sic* in the transmitted text; read **{escape_text(a.reading)}**. " \
                   f"{escape_text(a.note)}"
        if span.type is T.LACUNA:
            text = f"{lemma}: **lacuna**: lost in transmission: {escape_text(a.lost)}. " \
                   f"{escape_text(a.note)}"
            if a.conjecture_entity:
                entity = self.edition.entity(a.conjecture_entity)
                text += (f" *Conjecture*: [{escape_text(entity.name)}]"
                         f"({relative(page, entity_path(entity.id))}). "
                         f"{escape_text(a.conjecture_evidence)}")
            return text
        if span.type is T.QUOTATION:
            return f"{lemma}: {self._attribution(page, span)}"
        return f"{lemma}: {escape_text(a.note)}"

    def _attribution(self, page: str, span: Span) -> str:
        a = span.annotation
        parts = []
        said = QUOTATION_VERBS.get(a.kind, "said by")
        if a.speaker:
            parts.append(f"{said} {self._entity_link(page, a.speaker)}")
        elif a.speaker_label:
            parts.append(f"{said} {escape_text(a.speaker_label)}")
        if a.source:
            parts.append(f"reported by {self._entity_link(page, a.source)}")
        if a.reported:
            parts.append(f"report dated {escape_text(dates.human(a.reported))}")
        if a.lacuna:  # on the page of the lacuna's block, which may be another section's
            gap = next(s.block for s in self.edition.spans_of(T.LACUNA) if s.annotation.id == a.lacuna)
            parts.append(f"the reporting source's name was lost ([lacuna]"
                         f"({relative(page, self.block_page(gap))}#{a.lacuna}))")
        text = "; ".join(parts) if parts else "speaker and source not stated"
        text = text[0].upper() + text[1:] + "."
        return text + (f" {escape_text(a.note)}" if a.note else "")

    def _entity_link(self, page: str, entity_id: str) -> str:
        entity = self.edition.entity(entity_id)
        return f"[{escape_text(entity.name)}]({relative(page, entity_path(entity_id))})"

    def _section_index(self, page: str, section: Section, h: str) -> str:
        spans = [s for b in section.blocks for s in self.edition.spans_in(b.id)]
        out = []
        mentioned = _count_by(s.annotation.entity for s in spans if s.type is T.MENTION)
        for entity_type, heading in TYPE_HEADINGS:
            items = [e for e in self.edition.entities if e.type == entity_type and e.id in mentioned]
            if items:
                links = ", ".join(f"{self._entity_link(page, e.id)} ({mentioned[e.id]})"
                                  for e in sorted(items, key=lambda e: e.name))
                out.append(f"{h} {heading} {{ #{entity_type}-{section.id} }}\n\n{links}\n")
        date_spans = [s for s in spans if s.type is T.DATE]
        if date_spans:
            out.append(f"{h} Dates {{ #dates-{section.id} }}\n")
            for s in date_spans:
                out.append(f"- {self.paragraph_ref(page, s.block)}: "
                           f"“{escape_text(s.text)}” = <code>{attribute(s.annotation.when)}"
                           f"</code> ({escape_text(dates.human(s.annotation.when))})"
                           + (f". {escape_text(s.annotation.note)}" if s.annotation.note else ""))
            out.append("")
        quotes = [s for s in spans if s.type is T.QUOTATION and s.annotation.kind != "term"]
        if quotes:
            out.append(f"{h} Sources and quotations {{ #sources-{section.id} }}\n")
            out.append(_not_searched([f"- {self.paragraph_ref(page, s.block)}: "
                                      f"{escape_text(_shorten(s.text, 70))} — "
                                      f"{self._attribution(page, s)}" for s in quotes]))
        return "\n".join(out)

    _current: str = ""  # the page being rendered, for relative links (see _with_page)

    def _with_page(self, page: str) -> "Renderer":
        return replace(self, _current=page)

    def section_page(self, section: Section) -> str:
        page = section_path(section.id)
        r = self._with_page(page)
        head = front_matter(section.title, section.summary)
        intro = ""
        if section.editorial_title:
            intro = (f'<p class="ed editorial-title" markdown>Section title supplied by the editor: '
                     f"“{escape_text(section.title)}” (the text has no heading here; "
                     f'[why]({relative(page, "method.md#opening")})).</p>\n\n')
        return (head + intro + HIGHLIGHT_TOGGLE
                + r.section_body(page, section, heading_level=1 if not section.editorial_title
                                 else 2)
                + self._descriptions([section]))

    def whole_article(self) -> str:
        page = "article.md"
        r = self._with_page(page)
        bib = self.edition.bibliography.article
        parts = [front_matter("The whole article", bib.description, searchable=False),
                 HIGHLIGHT_TOGGLE]
        for section in self.edition.sections:
            parts.append(r.section_body(page, section, heading_level=2))
        parts.append(self._descriptions(self.edition.sections))
        return "\n".join(parts)

    def _descriptions(self, sections: Iterable[Section]) -> str:
        """The hidden descriptions the page's mentions point at (aria-describedby), once each."""
        mentioned = dict.fromkeys(s.annotation.entity for section in sections
                                  for block in section.blocks
                                  for s in self.edition.spans_in(block.id) if s.type is T.MENTION)
        return "\n" + description_list({e: self.edition.entity(e).description for e in mentioned})

    # --- front matter pages --------------------------------------------------------

    def home(self) -> str:
        ed = self.edition.bibliography.edition
        art = self.edition.bibliography.article
        lines = [front_matter(ed.title, art.description),
                 f"# {escape_text(art.title)}\n",
                 f'<p class="subtitle">A digital edition · version {ed.version}</p>\n',
                 f"{escape_text(art.description)}\n",
                 "This edition reproduces the transmitted text exactly, character for character, "
                 "and sets out every editorial decision beside it. Each section and paragraph has "
                 "a permanent anchor for citation; people, organisations, places, dates, "
                 "quotations and their sources are annotated and gathered in registers.\n",
                 "## Contents { #contents }\n"]
        for section in self.edition.sections:
            first = next((b for b in section.blocks if b.number), None)
            span = f" (¶ {first.number}–{section.blocks[-1].number})" if first else ""
            lines.append(f"- [{escape_text(section.title)}]({section_path(section.id)}){span}: "
                         f"{escape_text(section.summary)}")
        lines += ["- [The whole article on one page](article.md)", "",
                  "## Registers { #registers }\n",
                  "- [People](register/people.md) · [Organisations and groups]"
                  "(register/organisations.md) · [Places](register/places.md)",
                  "- [Sources and quotations](register/sources.md) · [Timeline]"
                  "(register/timeline.md) · [Figures](register/figures.md)", "",
                  "## Download { #download }\n",
                  "[Download](download.md) the edition to read offline, print or take to an "
                  "e-reader: the whole site as a zip, one self-contained page, an EPUB.\n",
                  "## How to cite { #how-to-cite }\n",
                  self._cite_boxes.edition_box(),
                  "Cite a paragraph by its number: each paragraph's number is its permanent link "
                  "(for example `sections/massacre-in-el-alto.html#p4`); its *cite* control "
                  "gives ready-made citations.\n",
                  "## Editorial method { #editorial-method }\n",
                  f"{escape_text(art.attribution)}: {escape_text(art.attribution_evidence)}\n",
                  f"{escape_text(art.original_note)}\n",
                  "The [editorial method](method.md) lists every decision the editors made.\n"]
        return "\n".join(lines)

    def method(self) -> str:
        page = "method.md"
        structure = self.edition.source.structure
        lines = [front_matter("Editorial method", "Every editorial decision of this edition."),
                 "# Editorial method\n",
                 "The transmitted text is reproduced exactly as received: nothing is corrected, "
                 "added or removed inside it. Everything the editors add is marked as editorial "
                 "and explained here. Paragraphs are numbered in the order of the transmitted "
                 "text; the numbers never change.\n",
                 "## Structure { #structure }\n",
                 f'<div id="opening" markdown>\n\n**Opening** (editor’s title): '
                 f"{escape_text(structure.opening_reason)}\n\n</div>\n"]
        for block in self.edition.blocks:
            if not block.decision:
                continue
            d = block.decision
            where = self.block_link(page, block.id)
            lines.append(f'<div id="{block.id}" markdown>\n\n**{escape_text(d.kind.value.title())}**'
                         f" — [“{escape_text(_shorten(block.text, 70))}”]({where}): "
                         f"{escape_text(d.reason)}\n\n</div>\n")
        for kind, heading, anchor in ((T.LACUNA, "Lacunae", "lacunae"), (T.SIC, "Sic", "sic"),
                                      (T.NOTE, "Notes", "notes")):
            spans = self.edition.spans_of(kind)
            lines.append(f"## {heading} ({len(spans)}) {{ #{anchor} }}\n")
            for s in spans:
                lines.append(f"- {self.paragraph_ref(page, s.block)}: "
                             f"{self._note_text(page, s)}")
            lines.append("")
        excluded = self.edition.spans_of(T.NOT_MENTION)
        lines.append(f"## Names that are not mentions ({len(excluded)}) {{ #not-mentions }}\n")
        for s in excluded:
            lines.append(f"- {self.paragraph_ref(page, s.block)}: "
                         f"“{escape_text(s.text)}” is not a mention of "
                         f"{self._entity_link(page, s.annotation.entity)}: "
                         f"{escape_text(s.annotation.reason)}"
                         + (f" {escape_text(s.annotation.note)}" if s.annotation.note else ""))
        return "\n".join(lines) + "\n"

    def download(self) -> str:
        """Every artefact with its file name, size and media type, and the offline site."""
        version = self.edition.bibliography.edition.version
        lines = [front_matter("Download", "The edition as files to keep, print or read offline."),
                 "# Download\n",
                 f"Every file is made from the same source as this site and carries the "
                 f"edition's version ({version}) in its name.\n"]
        for artefact in self.artefacts:
            lines += [f"## {escape_text(artefact.title)}\n",
                      f"[{escape_text(artefact.name)}](downloads/{artefact.name}) · "
                      f"{offline.human_size(len(artefact.content))} · "
                      f"<code>{attribute(artefact.media_type)}</code>\n",
                      f"{escape_text(artefact.description)}\n"]
        lines += [f"## {offline.TITLE}\n",
                  f"{offline.listing(self.edition)} · <code>{offline.MEDIA_TYPE}</code>\n",
                  f"{escape_text(offline.DESCRIPTION)}\n"]
        return "\n".join(lines)

    # --- registers ----------------------------------------------------------------------

    def mentions_of(self, entity_id: str) -> list[Span]:
        return [s for s in self.edition.spans_of(T.MENTION) if s.annotation.entity == entity_id]

    def register(self, page: str, title: str, entity_type: str) -> str:
        types = ("organisation", "group") if entity_type == "organisation" else (entity_type,)
        lines = [front_matter(title, f"{title} named in the article.", searchable=False),
                 f"# {title}\n"]
        if entity_type == "place":
            lines.append(self.map_svg(page))
        for kind_type, heading in TYPE_HEADINGS:
            if kind_type not in types:
                continue
            items = sorted((e for e in self.edition.entities if e.type == kind_type),
                           key=lambda e: e.name)
            if len(types) > 1:
                lines.append(f"## {heading} {{ #{kind_type} }}\n")
            for e in items:
                count = len(self.mentions_of(e.id))
                lines.append(f"- **{self._entity_link(page, e.id)}** ({escape_text(e.kind)}; "
                             f"{count} mention{'s' if count != 1 else ''}): "
                             f"{escape_text(e.description)}")
            lines.append("")
        return "\n".join(lines)

    def entity_page(self, entity: Entity) -> str:
        page = entity_path(entity.id)
        mentions = self.mentions_of(entity.id)
        lines = [front_matter(entity.name, entity.description), f"# {escape_text(entity.name)}\n",
                 f'<p class="entity-kind">{html_text(entity.type.title())} · '
                 f"{html_text(entity.kind)}</p>\n", f"{escape_text(entity.description)}\n"]
        facts = [f"**Named in the text as**: {', '.join('“' + escape_text(f) + '”' for f in entity.forms)}"]
        if entity.coordinates:
            lat, lon = entity.coordinates
            facts.append(f"**Coordinates**: {lat:.4f}, {lon:.4f}")
        if entity.wikidata:
            facts.append(f"**Wikidata**: [{entity.wikidata}](https://www.wikidata.org/wiki/"
                         f"{entity.wikidata})")
        lines += [f"- {fact}" for fact in facts] + [""]
        lines.append(f"## Mentions ({len(mentions)}) {{ #mentions }}\n")
        lines.append(_not_searched([f"- {self.paragraph_ref(page, s.block)}: "
                                    f"{self.keyword_in_context(s)}" for s in mentions]))
        said = [s for s in self.edition.spans_of(T.QUOTATION) if entity.id in (
            s.annotation.speaker, s.annotation.source)]
        if said:
            lines.append(f"## Quotations ({len(said)}) {{ #quotations }}\n")
            lines.append(_not_searched([
                f"- {self.paragraph_ref(page, s.block)}: "
                f"{escape_text(_shorten(s.text, 90))} — {self._attribution(page, s)}" for s in said]))
        return "\n".join(lines)

    def keyword_in_context(self, span: Span, width: int = 50) -> str:
        text = self.edition.block(span.block).text
        left = text[max(0, span.start - width):span.start]
        right = text[span.end:span.end + width]
        left = ("…" + left.split(" ", 1)[-1]) if span.start > width else left
        right = (right.rsplit(" ", 1)[0] + "…") if span.end + width < len(text) else right
        return f'{escape_text(left)}<mark>{escape_text(span.text)}</mark>{escape_text(right)}'

    def sources(self) -> str:
        page = "register/sources.md"
        quotes = self.edition.spans_of(T.QUOTATION)
        lines = [front_matter("Sources and quotations", "Every quotation, who said it and who "
                              "reported it.", searchable=False), "# Sources and quotations\n"]
        by_source: dict[str, list[Span]] = defaultdict(list)
        for s in quotes:
            by_source[s.annotation.source].append(s)
        for source_id in sorted(k for k in by_source if k):
            entity = self.edition.entity(source_id)
            lines.append(f"## {escape_text(entity.name)} {{ #{source_id} }}\n")
            lines.append(f"{escape_text(entity.description)}\n")
            lines += self._quote_list(page, by_source[source_id]) + [""]
        lost = [s for s in by_source.get("", []) if s.annotation.lacuna]
        lines.append("## Sources whose names were lost { #lost }\n")
        lines.append("The transmitted text lost the names of several of its sources; the gap is "
                     "marked ⟨…⟩ in the text.\n")
        lines += self._quote_list(page, lost) + [""]
        lines.append("### Lacunae { #lacunae }\n")
        for s in self.edition.spans_of(T.LACUNA):
            gap = f"{relative(page, self.block_page(s.block))}#{s.annotation.id}"
            lines.append(f"- [{escape_text(self.block_label(s.block))}]({gap}): "
                         f"{self._note_text(page, s)}")
        lines.append("")
        other = [s for s in by_source.get("", []) if not s.annotation.lacuna]
        lines.append("## Other quotations { #other }\n")
        lines += self._quote_list(page, other) + [""]
        return "\n".join(lines)

    def _quote_list(self, page: str, spans: list[Span]) -> list[str]:
        return [f"- {self.paragraph_ref(page, s.block)} "
                f"({escape_text(s.annotation.kind)}): {escape_text(_shorten(s.text, 110))} — "
                f"{self._attribution(page, s)}" for s in spans]

    def timeline(self) -> str:
        page = TIMELINE
        lines = [front_matter("Timeline", "The events of the article in date order."),
                 "# Timeline\n"]
        by_event: dict[str, list[Span]] = defaultdict(list)
        for s in self.edition.spans_of(T.DATE):
            by_event[s.annotation.event].append(s)
        for event in sorted(self.edition.events, key=lambda e: (dates.sort_key(e.when), e.id)):
            refs = by_event.get(event.id, [])
            links = ", ".join(self.paragraph_ref(page, b)
                              for b in dict.fromkeys(s.block for s in refs))
            lines.append(f"## {escape_text(dates.human(event.when))}: {escape_text(event.title)} "
                         f"{{ #{event.id} }}\n")
            lines.append(f"<code>{attribute(event.when)}</code> · {escape_text(event.description)}\n")
            if links:
                lines.append(f"Mentioned in {links}.\n")
        return "\n".join(lines)

    def figures(self) -> str:
        page = "register/figures.md"
        lines = [front_matter("Figures", "The article's numeric claims.", searchable=False),
                 "# Figures\n",
                 "| ¶ | In the text | Value | Counts | Note |", "|---|---|---|---|---|"]
        for s in self.edition.spans_of(T.FIGURE):
            a = s.annotation
            value = figure_value(a)
            lines.append(f"| {self.paragraph_ref(page, s.block)} | "
                         f"{escape_text(s.text)} | {escape_text(value)} | {escape_text(a.counts)} | "
                         f"{escape_text(a.note)} |")
        return "\n".join(lines) + "\n"

    def map_svg(self, page: str) -> str:
        """An equirectangular sketch map of the places, drawn from their coordinates."""
        places = [e for e in self.edition.entities if e.type == "place" and e.coordinates]
        near = [e for e in places if -23 <= e.coordinates[0] <= -9 and -70 <= e.coordinates[1] <= -57]
        if not near:
            return ""
        west, east, north, south = -70.0, -57.0, -9.0, -23.0
        width, height = 520, 560
        def xy(lat: float, lon: float) -> tuple[float, float]:
            return ((lon - west) / (east - west) * width, (north - lat) / (north - south) * height)
        marks = []
        for e in sorted(near, key=lambda e: e.id):
            x, y = xy(*e.coordinates)
            href = html_path(relative(page, entity_path(e.id)))
            marks.append(f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
                         f'<text x="{x + 6:.1f}" y="{y + 4:.1f}">{attribute(e.name)}</text></a>')
        grid = "".join(
            f'<line class="grid" x1="0" y1="{xy(lat, west)[1]:.1f}" x2="{width}" '
            f'y2="{xy(lat, west)[1]:.1f}"/>' for lat in range(-22, -9, 2))
        return (f'<figure class="map ed"><svg viewBox="0 0 {width} {height}" role="group" '
                f'aria-labelledby="map-title"><title id="map-title">Sketch map of the places in '
                f'Bolivia named in the article</title>{grid}{"".join(marks)}</svg>'
                f"<figcaption>Places in Bolivia, plotted from their coordinates "
                f"(equirectangular, 9°–23° S, 57°–70° W; no borders drawn).</figcaption>"
                f"</figure>\n")


def _count_by(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
