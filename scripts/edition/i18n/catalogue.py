"""The catalogues kept in step with the code: `edition messages` extracts every message the
code marks (`m._`, `N_`, `m.ngettext`, `m.pgettext`) with Babel's extractor and updates
`locale/LANG/LC_MESSAGES/edition.po` of each language: the English catalogue is complete by
construction (each message is its own translation), a new message waits in the others with
an empty translation until a translator writes it (tests/unit/test_catalogue.py fails until
then)."""
from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, LANGUAGES, catalogue_path

PACKAGE = Path(__file__).resolve().parent.parent  # scripts/edition
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# What a line written just before a message tells its translators.
COMMENT_TAG = "TRANSLATORS:"
PROJECT = "Bolivia - Insurrection in La Paz: A Digital Edition"
# Header lines that change with the day or the tool's version, not with a message: left out.
VARYING = (b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:')
HEADER = ("# The edition's interface and generated wording in {language}.\n"
          "# Updated by `edition messages`; translate each empty msgstr (scripts/edition/i18n/).")


def template() -> Catalog:
    """Every message the code marks, in the order the files and lines give them."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=(COMMENT_TAG,), strip_comment_tags=True):
        catalog.add(message, locations=[(f"scripts/edition/{filename}", line)],
                    auto_comments=comments, context=context)
    return catalog


def updated(language: str, marked: Catalog) -> Catalog:
    """The language's catalogue with exactly the marked messages, its translations kept."""
    path = catalogue_path(language)
    if path.exists():
        with path.open("rb") as po:
            catalog = read_po(po, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project=PROJECT, fuzzy=False)
    catalog.update(marked, no_fuzzy_matching=True)
    catalog.obsolete.clear()  # a message the code no longer uses goes
    if language == "en":
        for message in catalog:
            if message.id:
                message.string = message.id
    return catalog


def po_text(catalog: Catalog) -> bytes:
    """The catalogue as it is kept: no dates or line numbers, so the file changes only when a
    message does."""
    catalog.header_comment = HEADER.format(language=catalog.locale_identifier)
    catalog.last_translator = catalog.language_team = "The editors"
    catalog.msgid_bugs_address, catalog.version = "the edition's issue tracker", "1"
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, sort_output=False,
             ignore_obsolete=True)
    return b"".join(line for line in out.getvalue().splitlines(keepends=True)
                    if not line.startswith(VARYING))


def update_catalogues() -> dict[str, int]:
    """Write every language's catalogue; the number of untranslated messages of each."""
    missing = {}
    for language in LANGUAGES:
        catalog = updated(language, template())  # its own copy: update() keeps the messages
        path = catalogue_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_text(catalog))
        missing[language] = sum(1 for m in catalog if m.id and not _translated(m))
    return missing


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)
