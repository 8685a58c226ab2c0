"""No reader-facing English literal in the code: every word a page shows comes from the
message catalogue or from the editors' data.

The fixture edition's pages, the Download page among them, are rendered in a pseudo-language
whose every message of the catalogue is wrapped in ⟪…⟫ (dates and numbers too; a string given
to `_` that the catalogue lacks stays bare). What remains outside the brackets must be the
editors' data (a name, a note, the text: every word of it is in source/) or punctuation: a
word that is neither was written in the code as an English literal, and cannot be
translated.
"""
from __future__ import annotations

import copy
import functools
import gettext
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from conftest import FIXTURE, drop_keeping_tail, fixture_project
from edition.build import site_pages
from edition.export import export
from edition.i18n import Messages, catalogue_path
from edition.load import load_source
from edition.pages import Context, page_table, render_pages
from edition.pages.front import DOWNLOAD
from edition.publish.offline import zip_name
from edition.place import build_edition

WORD = re.compile(r"[^\W\d_]{3,}")
WRAPPED = re.compile(r"⟪[^⟪⟫]*⟫")
# Names the same in every language: file formats, and the parts of addresses.
NAMES = {"BibTeX", "RIS", "CSL", "JSON", "https", "http", "html", "www"}
# Attributes a reader hears or sees.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "aria-roledescription")


class _Wrapped(gettext.NullTranslations):
    """Each message of the catalogue wrapped; a string given to `_` that the catalogue does not
    hold (not marked where it is written) is left bare, as it would stay English."""

    def gettext(self, message: str) -> str:
        return f"⟪{message}⟫" if message in _catalogued() else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟪{singular if n == 1 else plural}⟫"

    def pgettext(self, context: str, message: str) -> str:
        return f"⟪{message}⟫"


@functools.cache
def _catalogued() -> frozenset[str]:
    with catalogue_path("es").open("rb") as po:
        return frozenset(message.id for message in read_po(po) if message.id)


@dataclass(frozen=True, eq=False)
class Pseudo(Messages):
    def date(self, value: str) -> str:
        return f"⟪{super().date(value)}⟫"

    def number(self, value: float, places: int | None = None) -> str:
        return f"⟪{super().number(value, places)}⟫"


def _data_words(source: Path) -> set[str]:
    words = set(WORD.findall((source / "article.txt").read_text(encoding="utf-8")))

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            words.update(WORD.findall(str(value)))
    for path in source.rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return words


def _readable(body):
    """The page's tree without what is not the catalogue's to translate: scripts, machine
    formats (BibTeX, RIS: pre, code) and citations, which citeproc writes in the CSL locale's
    words."""
    body = copy.deepcopy(body)
    for element in list(body.iter()):
        if isinstance(element.tag, str) and (element.tag in ("script", "style", "pre", "code")
                                             or "cite-text" in (element.get("class") or "")):
            drop_keeping_tail(element)
    return body


def _unbracketed(text: str) -> str:
    while True:  # a message inside a message: the innermost first
        stripped = WRAPPED.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


def test_every_word_a_page_shows_is_a_message_or_the_editors_data(tmp_path):
    root = fixture_project(tmp_path / "fixture")
    edition = build_edition(load_source(root / "source"))
    m = Pseudo("en", _Wrapped())
    allowed = _data_words(FIXTURE / "source") | NAMES
    found: dict[str, set[str]] = {}
    ctx = Context(edition, "https://example.org/fixture/", m=m)
    rendered = site_pages(ctx)
    artefacts = export(edition, ctx.base_url, {"en": rendered})  # the Download page lists them
    names = [artefact.name for artefact in artefacts] + [zip_name(edition)]  # files' names
    allowed |= {word for name in names for word in WORD.findall(name)}
    for page in rendered + render_pages(replace(ctx, artefacts=artefacts), tuple(
            s for s in page_table(edition) if s.path == DOWNLOAD)):
        body = _readable(page.body)
        # a message filled with elements (a link in a sentence) spans several text nodes
        pieces = [" ".join(body.itertext())] + [element.get(a) for element in body.iter()
                                               if isinstance(element.tag, str)
                                               for a in READ_ATTRIBUTES]
        for piece in filter(None, pieces):
            for word in set(WORD.findall(_unbracketed(piece))) - allowed:
                found.setdefault(word, set()).add(page.path)
    assert found == {}, "words written in the code, not from the catalogue: " + ", ".join(
        f"{word} ({sorted(pages)[0]})" for word, pages in sorted(found.items()))

