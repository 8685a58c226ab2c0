"""Citations: one bibliographic record per cited thing, rendered in CSL styles, BibTeX, RIS, CSL-JSON."""
from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass, replace

from . import csl
from .model import Bibliography, Block, Edition, Section
from .i18n import messages
from .paths import html_path, section_path

ORIGINAL_ID = "original-2003"
EDITION_ID = "edition"


@dataclass(frozen=True)
class Target:
    """What a reader cites: the 2003 article, this edition, one section, or one paragraph."""

    id: str
    kind: str  # original | edition | section | paragraph
    title: str
    path: str | None = None  # where it is in the site, from the root ('' the home); None: not in it
    url: str = ""  # absolute; '' when site_url is not set: citations then leave the URL out
    paragraph: int = 0  # the locator, for a paragraph


@dataclass(frozen=True)
class StyledCitation:
    """One CSL style's output for a target, as HTML."""

    style: csl.Style
    citation: str  # the note (Chicago) or the in-text citation (MLA, APA)
    entry: str  # the bibliography / works-cited / reference-list entry


@dataclass(frozen=True)
class Citations:
    target: Target
    styled: tuple[StyledCitation, ...]
    bibtex: str
    ris: str
    csl_json: str


def page_url(base_url: str, page: str) -> str:
    """The public URL of a Markdown page (`use_directory_urls: false`); '' without site_url."""
    return base_url + html_path(page) if base_url else ""


def original_target() -> Target:
    return Target(ORIGINAL_ID, "original", "")


def _located(target_id: str, kind: str, title: str, path: str, base_url: str,
             paragraph: int = 0) -> Target:
    return Target(target_id, kind, title, path, base_url + path if base_url else "", paragraph)


def edition_target(base_url: str) -> Target:
    return _located(EDITION_ID, "edition", "", "", base_url)


def section_target(section: Section, base_url: str) -> Target:
    return _located(section.id, "section", section.title, html_path(section_path(section.id)),
                    base_url)


def paragraph_target(block: Block, section: Section, base_url: str) -> Target:
    return _located(block.id, "paragraph", section.title,
                    f"{html_path(section_path(section.id))}#{block.id}", base_url, block.number)


def at_url(target: Target, url: str) -> Target:
    """The target as cited from `url` (the address a copy is read at, or a stand-in for it)."""
    return replace(target, url=url)


def csl_item(target: Target, bibliography: Bibliography, language: str = "en") -> dict:
    """The target as a CSL-JSON item: the one record every format below is made from; cited
    from the pages in `language` (`bibliography` in that language too)."""
    art, ed, m = bibliography.article, bibliography.edition, messages(language)
    if target.kind == "original":
        # Published on the web, unattributed, its venue unnamed: a web page with a title and date.
        return {"id": target.id, "type": "webpage", "title": art.title,
                "issued": _date_parts(art.date), "language": art.language}
    # The version as `edition`: a book with a `version` is software to Zotero and citeproc-js.
    item = {"id": target.id, "type": "book" if target.kind == "edition" else "chapter",
            "title": ed.title, "editor": [{"literal": p.name} for p in ed.editors],
            "publisher": ed.publisher,
            "edition": m._("Version {version}", version=ed.version),
            "issued": _date_parts(ed.date), "original-date": _date_parts(art.date),
            "language": language}
    if target.url:
        item["URL"] = target.url
    if target.kind == "edition":
        item["medium"] = m._("digital edition")
    else:
        item["title"], item["container-title"] = target.title, ed.title
    return item


def cite(target: Target, bibliography: Bibliography, language: str = "en") -> Citations:
    item = csl_item(target, bibliography, language)
    values = {URL_STAND_IN: target.url, str(_PARAGRAPH): str(target.paragraph)}
    styled = tuple(StyledCitation(style, _fill(note, values), _fill(entry, values))
                   for style, note, entry in _templates(target.kind, target.title,
                                                        bool(target.paragraph), bool(target.url),
                                                        bibliography, language))
    return Citations(target, styled, bibtex(item, target.paragraph), ris(item, target.paragraph),
                     csl_json(item))


# citeproc-py takes ~10 ms per rendering, too slow for every paragraph in every style. The
# paragraphs of a section differ only in URL and number, so each section is rendered once with
# stand-ins for these, which are then replaced (tests compare with direct renderings). Titles
# are not stood in for: the styles change their case. URL_STAND_IN is also left in the cite
# boxes' variants for the address a copy is read at (cite.js puts it in).
URL_STAND_IN, _PARAGRAPH = "9990002", 9990003


@functools.lru_cache(maxsize=None)
def _templates(kind: str, title: str, has_paragraph: bool, has_url: bool,
               bibliography: Bibliography,
               language: str = "en") -> tuple[tuple[csl.Style, str, str], ...]:
    # One id for every kind: a paragraph's bibliography entry is then its section's.
    stand_in = Target("item", kind, title, None, URL_STAND_IN if has_url else "",
                      _PARAGRAPH if has_paragraph else 0)
    item = csl_item(stand_in, bibliography, language)
    return tuple((style, *render(style, item, stand_in.paragraph, language))
                 for style in csl.STYLES)


def _fill(template: str, values: dict[str, str]) -> str:
    for stand_in, value in values.items():
        template = template.replace(stand_in, html.escape(value, quote=False))
    return template


@functools.lru_cache(maxsize=None)
def _entry(style: csl.Style, item_json: str, language: str) -> str:
    return csl.entry(style, json.loads(item_json), language)


def render(style: csl.Style, item: dict, paragraph: int = 0,
           language: str = "en") -> tuple[str, str]:
    """(citation, bibliography entry) of one item in one style, straight from the processor."""
    item = _protected(item)
    entry = _entry(style, json.dumps(item, sort_keys=True), language)
    return (_unprotected(_punctuation_in_quote(csl.citation(style, item, paragraph,
                                                            language))),
            _unprotected(_punctuation_in_quote(entry)))


# citeproc-py writes an item's text into its HTML unescaped (a "<script>" in a title would be
# markup): the text's HTML specials go in as private-use stand-ins, which no style's casing or
# punctuation touches, and come out as character references.
_STAND_INS = {"&": "\ue000", "<": "\ue001", ">": "\ue002"}
_REFERENCES = {"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"}


def _protected(value):
    if isinstance(value, str):
        return value.translate(str.maketrans(_STAND_INS))  # the loader refuses private use
    if isinstance(value, dict):
        return {key: _protected(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_protected(item) for item in value]
    return value


def _unprotected(rendered: str) -> str:
    return rendered.translate(str.maketrans(_REFERENCES))


def _punctuation_in_quote(rendered: str) -> str:
    # The styles' en-US locale sets punctuation-in-quote, which citeproc-py does not apply.
    return re.sub(r"”([.,])", r"\1”", rendered)


def _date_parts(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def csl_json(item: dict) -> str:
    return json.dumps([item], ensure_ascii=False)


# --- BibTeX and RIS: serialisations of the same CSL item -------------------------------------

_BIBTEX_TYPES = {"webpage": "misc", "book": "book", "chapter": "incollection"}
_RIS_TYPES = {"webpage": "ELEC", "book": "EBOOK", "chapter": "ECHAP"}


def _locator_note(paragraph: int) -> str:
    return f"para. {paragraph}" if paragraph else ""


def bibtex(item: dict, paragraph: int = 0) -> str:
    year, *rest = item["issued"]["date-parts"][0]
    fields = [("title", "{" + _bibtex_escape(item["title"]) + "}"),
              ("booktitle", item.get("container-title", "")),
              ("editor", " and ".join("{" + _bibtex_escape(e["literal"]) + "}"
                                      for e in item.get("editor", []))),
              ("publisher", item.get("publisher", "")),
              ("edition", item.get("edition", "")),
              ("year", str(year)),
              ("date", "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate([year, *rest]))),
              ("origdate", str(item["original-date"]["date-parts"][0][0])
               if "original-date" in item else ""),
              ("language", item.get("language", "")),
              ("url", item.get("URL", "")),
              ("note", _locator_note(paragraph))]
    # title and editor are escaped above (their braces protect case and the group name); a url
    # is read verbatim by BibTeX's url field: it is never escaped.
    body = ",\n".join(f"  {name} = {{{value if name in _VERBATIM else _bibtex_escape(value)}}}"
                      for name, value in fields if value)
    return f"@{_BIBTEX_TYPES[item['type']]}{{{item['id']},\n{body}\n}}\n"


_VERBATIM = ("title", "editor", "url")


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&#$_\\])", r"\\\1", text)


def ris(item: dict, paragraph: int = 0) -> str:
    parts = item["issued"]["date-parts"][0]
    lines = [("TY", _RIS_TYPES[item["type"]]), ("TI", item["title"]),
             ("T2", item.get("container-title", ""))]
    # ED, not A2: the RIS specification gives both to the secondary author (refman.com), but
    # Zotero imported A2 on a book as a series editor (issue 12); ED names the editor.
    lines += [("ED", e["literal"]) for e in item.get("editor", [])]
    lines += [("PB", item.get("publisher", "")), ("ET", item.get("edition", "")),
              ("PY", str(parts[0])), ("DA", "/".join(f"{n:02d}" if i else str(n)
                                                     for i, n in enumerate(parts))),
              ("LA", item.get("language", "")), ("UR", item.get("URL", "")),
              ("N1", _locator_note(paragraph))]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines if value) + "ER  - \n"


def all_targets(edition: Edition, base_url: str) -> tuple[Target, ...]:
    """Every target the site offers citations for."""
    targets = [original_target(), edition_target(base_url)]
    for section in edition.sections:
        targets.append(section_target(section, base_url))
        targets += [paragraph_target(b, section, base_url) for b in section.blocks if b.number]
    return tuple(targets)
