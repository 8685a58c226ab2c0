"""The Cite controls as HTML: a section's cite box, a paragraph's cite link and its box template."""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass, replace

from .. import cite
from ..model import Bibliography, Block, Section

# The paragraph number standing in for the real one in a section's paragraph-box template:
# edition/cite.js replaces it (digits only, so no format escapes it differently).
STAND_IN = 9990003
FORMAT_LABELS = (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl_json", "CSL-JSON"))


@dataclass(frozen=True)
class CiteBoxes:
    """Renders cite boxes for one site; `base_url` is the public site URL or ''."""

    bibliography: Bibliography
    base_url: str = ""
    citations: bool = True  # False: empty boxes, for the one page, which drops them unread

    @functools.lru_cache(maxsize=32)  # a section's box is shown on its page and the article's
    def section_box(self, section: Section) -> str:
        """The section's box: works without JavaScript; holds its paragraphs' box template."""
        target = self._versioned(cite.section_target(section, self.base_url))
        body = self._box_body(f"cite-{section.id}", "this section of the edition", target)
        return (f'<details class="ed cite" id="cite-{section.id}" data-search-exclude><summary>Cite this section'
                f"</summary>{body}{self._paragraph_template(section)}</details>\n")

    def _paragraph_template(self, section: Section) -> str:
        stand_in = _stand_in_paragraph(section)
        if stand_in is None:
            return ""
        return (f'<template class="cite-template" data-section="{section.id}" '
                f'data-stand-in="{STAND_IN}" data-search-exclude>'
                f"{self.paragraph_box(stand_in, section)}</template>")

    def paragraph_templates(self, section: Section) -> str:
        """A section's paragraph-box template alone, where the page has no section box."""
        template = self._paragraph_template(section)
        return f'<div class="ed" hidden data-search-exclude>{template}</div>\n' if template else ""

    def article_box(self) -> str:
        """The whole article's box: it cites the edition, or the original article."""
        body = self._box_body("cite-article", "this edition", cite.edition_target(self.base_url))
        return (f'<details class="ed cite" id="cite-article" data-search-exclude><summary>'
                f"Cite this edition or the article</summary>{body}</details>\n")

    def paragraph_box(self, block: Block, section: Section) -> str:
        target = self._versioned(cite.paragraph_target(block, section, self.base_url))
        body = self._box_body(f"cite-{block.id}", f"paragraph {block.number} of the edition",
                              target)
        return (f'<details class="ed cite cite-paragraph" open><summary>Cite paragraph '
                f"{block.number}</summary>{body}</details>")

    def edition_box(self) -> str:
        """The home page's box: the whole edition."""
        body = self._box_body("cite-edition", "this edition", cite.edition_target(self.base_url))
        return f'<div class="ed cite cite-edition" id="cite-edition" data-search-exclude>{body}</div>\n'

    def _versioned(self, target: cite.Target) -> cite.Target:
        """A section's or paragraph's address names the version cited (?v=1.1.0), so a reader
        who follows the citation later is told whether it changed since (assets/versions.js)."""
        def versioned(address: str) -> str:
            page, _, fragment = address.partition("#")
            return f"{page}?v={self.bibliography.edition.version}" + (f"#{fragment}" if fragment else "")
        return replace(target, url=target.url and versioned(target.url),
                       path=None if target.path is None else versioned(target.path))

    # --- inside a box ----------------------------------------------------------------------

    def _box_body(self, box_id: str, what: str, target: cite.Target) -> str:
        if not self.citations:
            return ""
        ours = self._cited(target)
        original_box = box_id + "-original"
        original = ""
        if target.kind != "paragraph":  # a paragraph's box is shown below its section's box
            theirs = self._cited(cite.original_target())
            original = (f'<p class="cite-what">Or cite the original article (2003), which this '
                        f"edition reproduces:</p>"
                        f"{self._styles(original_box, theirs)}{self._formats(original_box, theirs)}")
        # data-search-exclude here too: Material's search stops skipping the box at the first
        # closing tag of the outer element's kind (the nested <details>, the home's <div>).
        return (f'<div class="cite-body" data-search-exclude{_path_of(target, self.base_url)}>'
                f'{self._url_note()}<p class="cite-what">Cite {what}:</p>'
                f"{self._styles(box_id, ours)}{self._formats(box_id, ours)}{original}"
                f'<p class="cite-note">Access date: add the day you read it where your style '
                f"asks for one.</p></div>")

    def _cited(self, target: cite.Target) -> tuple[cite.Citations, cite.Citations | None]:
        """The target's citations, and (without site_url, for a page of the site) the same with
        the URL stood in for: cite.js puts in the address the copy is read at, over http(s)."""
        ours = cite.cite(target, self.bibliography)
        if self.base_url or target.path is None:
            return ours, None
        return ours, cite.cite(cite.at_url(target, cite.URL_STAND_IN), self.bibliography)

    def _url_note(self) -> str:
        if self.base_url:
            return ""
        return _at_url('<p class="cite-note cite-no-site-url">These citations leave the URL out: '
                       "the edition's public address is not configured (<code>site_url</code> in "
                       "<code>mkdocs.yml</code>), and a copy opened from a file has none.</p>",
                       '<p class="cite-note cite-no-site-url">The URL in these citations is the '
                       "address this copy is read at: the edition's public address is not "
                       "configured (<code>site_url</code> in <code>mkdocs.yml</code>).</p>")

    def _styles(self, box_id: str, cited: tuple[cite.Citations, cite.Citations | None]) -> str:
        ours, at_url = cited
        rows = []
        for n, styled in enumerate(ours.styled):
            style, variant = styled.style, at_url.styled[n] if at_url else None
            entry = _row(f"{box_id}-{style.key}-entry", f"{style.label}, {style.entry_label}",
                         styled.entry, variant.entry if variant else "")
            citation = _row(f"{box_id}-{style.key}-citation",
                            f"{style.label}, {style.citation_label}", styled.citation,
                            variant.citation if variant else "")
            rows += [citation, entry] if style.note else [entry, citation]
        return f'<dl class="cite-styles">{"".join(rows)}</dl>'

    def _formats(self, box_id: str, cited: tuple[cite.Citations, cite.Citations | None]) -> str:
        ours, at_url = cited
        blocks = "".join(
            f'<p class="cite-format">{label} <button class="ed copy-cite" type="button" '
            f'data-clipboard-target="#{box_id}-{key}" aria-label="Copy the {label} record">'
            f"Copy</button></p>"
            + _at_url(f'<pre id="{box_id}-{key}">{_code(getattr(ours, key))}</pre>',
                      f'<pre id="{box_id}-{key}">{_code(getattr(at_url, key))}</pre>'
                      if at_url else "")
            for key, label in FORMAT_LABELS)
        return f'<details class="cite-formats"><summary>BibTeX · RIS · CSL-JSON</summary>{blocks}</details>'


def _row(row_id: str, label: str, text: str, at_url: str = "") -> str:
    # In-text citations name no URL: they need no variant.
    shown = _at_url(f'<span class="cite-text" id="{row_id}">{text}</span>',
                    f'<span class="cite-text" id="{row_id}">{at_url}</span>'
                    if at_url and at_url != text else "")
    return (f'<dt>{label}</dt><dd>{shown} '
            f'<button class="ed copy-cite" type="button" data-clipboard-target="#{row_id}" '
            f'aria-label="Copy: {label}">Copy</button></dd>')


def _at_url(shown: str, variant: str) -> str:
    """An element and, when there is one, its variant for a copy read over http(s): cite.js
    replaces the element with it, the URL stand-in filled in (see _path_of)."""
    return shown + (f'<template class="cite-at-url">{variant}</template>' if variant else "")


def _path_of(target: cite.Target, base_url: str) -> str:
    """Where the box's variants point: the target's path from the site root."""
    if base_url or target.path is None:
        return ""
    return f' data-cite-path="{html.escape(target.path)}" data-url-stand-in="{cite.URL_STAND_IN}"'


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _stand_in_paragraph(section: Section) -> Block | None:
    first = next((b for b in section.blocks if b.number), None)
    return replace(first, id=f"p{STAND_IN}", number=STAND_IN) if first else None
