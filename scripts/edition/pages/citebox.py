"""The Cite controls: a section's cite box, a paragraph's box template, the edition's box.

What the site's script fills in (a paragraph's box, made from its section's; a citation with
the address a copy is read at) is carried as HTML in a data attribute, not in a <template>:
the engine parses the page's elements (doc/markdown.py), and a <template> holding blocks is
not parsed whole. The HTML is a JSON string there (doc.tree.markup_value)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from .. import cite
from ..doc import Nodes, h
from ..doc.tree import Element, from_markup, markup_value
from ..i18n import Messages
from ..model import Bibliography, Block, Section

# The paragraph number standing in for the real one in a section's paragraph-box template:
# edition/cite.js replaces it (digits only, so no format escapes it differently).
STAND_IN = 9990003
FORMAT_LABELS = (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl_json", "CSL-JSON"))


@dataclass(frozen=True)
class CiteBoxes:
    """Renders cite boxes for one site; `base_url` is the public site URL or ''."""

    bibliography: Bibliography
    m: Messages
    base_url: str = ""
    citations: bool = True  # False: empty boxes, for the one page, which drops them unread

    def section_box(self, section: Section) -> Element:
        """The section's box: works without JavaScript; holds its paragraphs' box template."""
        target = self._versioned(cite.section_target(section, self.base_url))
        return h("details", {"class": "ed cite", "id": f"cite-{section.id}",
                             "data-search-exclude": ""},
                 h("summary", self.m._("Cite this section")),
                 self._box_body(f"cite-{section.id}", self.m._("Cite this section of the "
                                                                "edition:"), target),
                 self._paragraph_template(section))

    def _paragraph_template(self, section: Section) -> Element | None:
        """The section's paragraph box with a stand-in number: cite.js makes each paragraph's
        box from it."""
        stand_in = _stand_in_paragraph(section)
        if stand_in is None:
            return None
        return h("div", {"class": "ed cite-template", "hidden": "", "data-section": section.id,
                         "data-stand-in": STAND_IN, "data-search-exclude": "",
                         "data-box": markup_value(self.paragraph_box(stand_in, section))})

    def paragraph_templates(self, section: Section) -> Element | None:
        """A section's paragraph-box template alone, where the page has no section box."""
        return self._paragraph_template(section)

    def article_box(self) -> Element:
        """The whole article's box: it cites the edition, or the original article."""
        return h("details", {"class": "ed cite", "id": "cite-article", "data-search-exclude": ""},
                 h("summary", self.m._("Cite this edition or the article")),
                 self._box_body("cite-article", self.m._("Cite this edition:"),
                                cite.edition_target(self.base_url)))

    def paragraph_box(self, block: Block, section: Section) -> Element:
        target = self._versioned(cite.paragraph_target(block, section, self.base_url))
        return h("details", {"class": "ed cite cite-paragraph", "open": ""},
                 h("summary", self.m._("Cite paragraph {number}", number=block.number)),
                 self._box_body(f"cite-{block.id}", self.m._(
                     "Cite paragraph {number} of the edition:", number=block.number), target))

    def edition_box(self) -> Element:
        """The home page's box: the whole edition, folded under its summary."""
        return h("details", {"class": "ed cite cite-edition", "id": "cite-edition",
                             "data-search-exclude": ""},
                 h("summary", self.m._("Citations of this edition and of the original article")),
                 self._box_body("cite-edition", self.m._("Cite this edition:"),
                                cite.edition_target(self.base_url)))

    def _versioned(self, target: cite.Target) -> cite.Target:
        """A section's or paragraph's address names the version cited (?v=1.1.0), so a reader
        who follows the citation later is told whether it changed since (assets/versions.js)."""
        def versioned(address: str) -> str:
            page, _, fragment = address.partition("#")
            return f"{page}?v={self.bibliography.edition.version}" + (f"#{fragment}" if fragment else "")
        return replace(target, url=target.url and versioned(target.url),
                       path=None if target.path is None else versioned(target.path))

    # --- inside a box ----------------------------------------------------------------------

    def _box_body(self, box_id: str, what: str, target: cite.Target) -> Element | None:
        if not self.citations:
            return None
        ours = self._cited(target)
        original: Nodes = None
        if target.kind != "paragraph":  # a paragraph's box is shown below its section's box
            theirs = self._cited(cite.original_target())
            original_box = box_id + "-original"
            original = [h("p", {"class": "cite-what"}, self.m._(
                "Or cite the original article (2003), which this edition reproduces:")),
                self._styles(original_box, theirs), self._formats(original_box, theirs)]
        # data-search-exclude here too: Material's search stops skipping the box at the first
        # closing tag of the outer element's kind (the nested <details>, the home's <div>).
        return h("div", {"class": "cite-body", "data-search-exclude": "", **_path_of(
            target, self.base_url)},
                 self._url_note(), h("p", {"class": "cite-what"}, what),
                 self._styles(box_id, ours), self._formats(box_id, ours), original,
                 h("p", {"class": "cite-note"}, self.m._(
                     "Access date: add the day you read it where your style asks for one.")))

    def _cited(self, target: cite.Target) -> tuple[cite.Citations, cite.Citations | None]:
        """The target's citations, and (without site_url, for a page of the site) the same with
        the URL stood in for: cite.js puts in the address the copy is read at, over http(s)."""
        ours = cite.cite(target, self.bibliography, self.m.language)
        if self.base_url or target.path is None:
            return ours, None
        return ours, cite.cite(cite.at_url(target, cite.URL_STAND_IN), self.bibliography,
                               self.m.language)

    def _url_note(self) -> Nodes:
        if self.base_url:
            return None
        return _at_url(h("p", {"class": "cite-note cite-no-site-url"}, self.m._(
            "These citations leave the URL out: this copy does not know the edition's public "
            "address, and a copy opened from a file has none.")),
            h("p", {"class": "cite-note cite-no-site-url"}, self.m._(
                "The URL in these citations is the address this copy is read at.")))

    def _styles(self, box_id: str, cited: tuple[cite.Citations, cite.Citations | None]) -> Element:
        ours, at_url = cited
        rows: list[Nodes] = []
        for n, styled in enumerate(ours.styled):
            style, variant = styled.style, at_url.styled[n] if at_url else None
            entry = self._row(f"{box_id}-{style.key}-entry", self.m._(
                "{style}, {part}", style=self.m._(style.label), part=self.m._(style.entry_label)),
                styled.entry, variant.entry if variant else "")
            citation = self._row(f"{box_id}-{style.key}-citation", self.m._(
                "{style}, {part}", style=self.m._(style.label), part=self.m._(style.citation_label)),
                styled.citation, variant.citation if variant else "")
            rows += [citation, entry] if style.note else [entry, citation]
        return h("dl", {"class": "cite-styles"}, rows)

    def _formats(self, box_id: str, cited: tuple[cite.Citations, cite.Citations | None]) -> Element:
        ours, at_url = cited
        blocks: list[Nodes] = []
        for key, label in FORMAT_LABELS:
            blocks.append(h("p", {"class": "cite-format"}, label, " ", h(
                "button", {"class": "ed copy-cite", "type": "button",
                           "data-clipboard-target": f"#{box_id}-{key}",
                           "aria-label": self.m._("Copy the {format} record", format=label)},
                self.m._("Copy"))))
            blocks.append(_at_url(_pre(f"{box_id}-{key}", getattr(ours, key)),
                                  _pre(f"{box_id}-{key}", getattr(at_url, key)) if at_url else None))
        return h("details", {"class": "cite-formats"}, h("summary", "BibTeX · RIS · CSL-JSON"),
                 blocks)

    def _row(self, row_id: str, label: str, text: str, at_url: str = "") -> list[Element]:
        # In-text citations name no URL: they need no variant.
        shown = _at_url(h("span", {"class": "cite-text", "id": row_id}, from_markup(text)),
                        h("span", {"class": "cite-text", "id": row_id}, from_markup(at_url))
                        if at_url and at_url != text else None)
        return [h("dt", label), h("dd", shown, " ", h(
            "button", {"class": "ed copy-cite", "type": "button",
                       "data-clipboard-target": f"#{row_id}",
                       "aria-label": self.m._("Copy: {what}", what=label)}, self.m._("Copy")))]


def _pre(pre_id: str, text: str) -> Element:
    return h("pre", {"id": pre_id}, h("code", text))


def _at_url(shown: Element, variant: Element | None) -> Element:
    """An element and, when there is one, its variant for a copy read over http(s): cite.js
    replaces the element with it, the URL stand-in filled in (see _path_of)."""
    if variant is not None:
        shown.set("data-at-url", markup_value(variant))
    return shown


def _path_of(target: cite.Target, base_url: str) -> dict[str, str]:
    """Where the box's variants point: the target's path from the site root."""
    if base_url or target.path is None:
        return {}
    return {"data-cite-path": target.path, "data-url-stand-in": cite.URL_STAND_IN}


@functools.cache
def _stand_in_paragraph(section: Section) -> Block | None:
    first = next((b for b in section.blocks if b.number), None)
    return replace(first, id=f"p{STAND_IN}", number=STAND_IN) if first else None
