"""What every page family renders with: the edition, the page being rendered, its language and
its links."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..doc import Nodes, fill, h
from ..doc.tree import Element
from ..i18n import Messages, messages
from ..load.releases import Release
from ..model import Artefact, Edition
from ..paths import entity_path, html_path, language_prefix, relative, section_path
from ..place.history import AnchorHistory
from ..kinds import AnnotationType as T
from ..wording import block_label, editors_words, locator, plain
from .citebox import CiteBoxes
from .inline import PartLinks


@dataclass(frozen=True)
class Context:
    """One page's rendering context; `at(page)` gives the context of another page."""

    edition: Edition
    base_url: str = ""  # the public site URL, or ''
    page: str = ""  # the page being rendered: every link is relative to it
    interactive: bool = True  # False: no control that needs the site's scripts (one page)
    artefacts: tuple[Artefact, ...] = ()  # listed on the Download page
    citations: bool = True  # False: cite boxes without their citations (see CiteBoxes)
    history: AnchorHistory = AnchorHistory()  # the versions' fingerprints (the ledger's)
    releases: tuple[Release, ...] = ()  # earlier versions' downloads (Download, Changelog)
    m: Messages = field(default_factory=lambda: messages("en"))  # the page's language
    # Each block's text once rendered, for every page that shows it (text.py); shared by the
    # contexts `at` and `replace` make.
    rendered: RenderedTexts = field(default_factory=lambda: RenderedTexts(), compare=False,
                                    repr=False)

    def at(self, page: str) -> "Context":
        return replace(self, page=page)

    @property
    def language(self) -> str:
        return self.m.language

    @property
    def prefix(self) -> str:
        """Where this language's pages are in the site: '' or 'es/'."""
        return language_prefix(self.edition, self.language)

    @property
    def page_base(self) -> str:
        """The public URL of this language's pages ('' without a site URL)."""
        return self.base_url + self.prefix if self.base_url else ""

    @property
    def cite_boxes(self) -> CiteBoxes:
        return CiteBoxes(self.edition.bibliography, self.m, self.page_base, self.citations)

    def described(self, entity_id: str) -> str:
        """An entity's description as a tooltip gives it: plain text, a paragraph it names by
        number ("¶ 4", wording.editors_words), not linked."""
        return plain(editors_words(self.edition.entity(entity_id).description, self.edition,
                                   self.m))

    def locator(self, at: str) -> str:
        """Where a passage stands in its source, in this page's language: the editors'
        translation of it where they give one, else the catalogue's wording of its form."""
        translation = self.edition.source.translation(self.language) if self.prefix else None
        given = translation.locators.get(at) if translation else None
        return given or locator(at, self.m)

    def translation_of(self, block_id: str) -> str | None:
        """The editors' translation of a block into this page's language, where the page is not
        in the text's own language."""
        if not self.prefix:
            return None
        translation = self.edition.source.translation(self.language)
        return translation.blocks.get(block_id) if translation else None

    def original(self, text: Nodes) -> Nodes:
        """Words of the transmitted text, marked as in its language on another language's
        pages (screen readers, hyphenation, the quotation marks around them)."""
        if not self.prefix:
            return text
        return h("span", {"lang": self.edition.bibliography.article.language}, text)

    def quote(self, text: str) -> list[Nodes]:
        """Words of the transmitted text quoted, in this page's quotation marks."""
        return fill(self.m._("“{text}”"), text=self.original(text))

    def shared(self, path: str) -> str:
        """A link to a file of the site's root that every language shares (downloads/), its
        path kept as it is written."""
        return "../" * (self.prefix.count("/") + self.page.count("/")) + path

    def twin(self, language: str, page: str | None = None) -> str:
        """A link to this page (or `page`) in another language."""
        return html_path(relative(self.prefix + self.page,
                                  language_prefix(self.edition, language) + (page or self.page)))

    def link(self, to_page: str) -> str:
        """A relative link from this page to another page's address (with its #fragment, if
        any), as the built site has it (.html)."""
        return html_path_with_fragment(relative(self.page, to_page))

    def block_page(self, block_id: str) -> str:
        return section_path(self.edition.block(block_id).section)

    def block_link(self, block_id: str) -> str:
        return self.link(f"{self.block_page(block_id)}#{block_id}")

    def block_label(self, block_id: str) -> str:
        return block_label(self.edition, block_id, self.m)

    def part_links(self) -> PartLinks:
        """The links of the editors' words on this page (entities, lacunae, blocks)."""
        lacunae = {s.annotation.id: s.block for s in self.edition.spans_of(T.LACUNA)}
        return PartLinks(lambda e: self.link(entity_path(e)),
                         lambda lacuna: f"{self.block_link(lacunae[lacuna]).partition('#')[0]}"
                                        f"#{lacuna}", self.block_link)

    def paragraph_ref(self, block_id: str) -> Element:
        """A link to a block, labelled "¶ n" (or its section's title)."""
        return h("a", {"href": self.block_link(block_id)}, self.block_label(block_id))

    def entity_link(self, entity_id: str) -> Element:
        entity = self.edition.entity(entity_id)
        return h("a", {"href": self.link(entity_path(entity_id))}, entity.name)


class RenderedTexts:
    """Rendered texts by key, for one edition in one language: a context made for another
    edition or language (by `replace`) starts afresh rather than reuse them."""

    def __init__(self) -> None:
        self._for: tuple[object, str] | None = None
        self._texts: dict = {}

    def of(self, ctx: Context) -> dict:
        if self._for is None or self._for[0] is not ctx.edition or self._for[1] != ctx.language:
            self._for, self._texts = (ctx.edition, ctx.language), {}
        return self._texts


def html_path_with_fragment(link: str) -> str:
    page, sep, fragment = link.partition("#")
    return html_path(page) + sep + fragment


def not_searched(items: list[Nodes]) -> Element:
    """A list that quotes the text (keywords in context, quotations with their sources): the
    search finds those words in the text itself, so the list is kept out of its index."""
    return h("div", {"class": "kwic", "data-search-exclude": ""}, h("ul", [h("li", i) for i in items]))


def data_table(columns: list[str], rows: list[list[Nodes]]) -> Element:
    """A table of the edition's data. On a phone each row stands as a block of its cells, each
    cell named by its column (data-label, edition.css): nothing is cut or scrolled out of view."""
    return h("table", {"class": "ed-table"},
             h("thead", h("tr", [h("th", {"scope": "col"}, c) for c in columns])),
             h("tbody", [h("tr", [h("td", {"data-label": c}, cell) for c, cell in zip(columns, row)])
                         for row in rows]))


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def count_by(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts
