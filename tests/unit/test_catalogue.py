"""The message catalogues are in step with the code, complete, and keep every placeholder."""
from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from edition.i18n import LANGUAGES, catalogue_path, contracted, messages
from edition.i18n.catalogue import po_text, template, updated
from edition.wording import Label, Text, locator, words

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalogue(language: str):
    with catalogue_path(language).open("rb") as po:
        return read_po(po, locale=language)


def _keys(catalog) -> set[tuple[str, str | None]]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_holds_exactly_the_messages_the_code_marks(language):
    assert _keys(_catalogue(language)) == _keys(template()), \
        "run `edition messages` and translate what it lists"
    # … and is written as `edition messages` writes it (no hand edits it would undo)
    assert catalogue_path(language).read_bytes() == po_text(updated(language, template()))


def test_the_english_catalogue_is_complete():
    assert all(m.string == m.id for m in _catalogue("en") if m.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_the_placeholders_of_its_message(language):
    for message in _catalogue(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) - {"count"}
        for string in filter(None, strings):
            assert set(PLACEHOLDER.findall(string)) - {"count"} == wanted, (message.id, string)


def test_a_message_is_found_in_its_language():
    assert messages("en")._("Editorial method") == "Editorial method"
    assert messages("en").date("2003-10-13") == "13 October 2003"
    assert messages("es").date("2003-10-13") == "13 de octubre de 2003"
    assert messages("es").number(2000) == "2.000" and messages("es").number(66.7) == "66,7"


def test_a_date_from_or_until_a_day_takes_the_article_in_spanish():
    en, es = messages("en"), messages("es")
    assert en.date("2003-09-29/..") == "29 September 2003 onwards"
    assert es.date("2003-09-29/..") == "desde el 29 de septiembre de 2003"
    assert es.date("../2003-10-17") == "hasta el 17 de octubre de 2003"
    assert es.date("2004-03/..") == "desde marzo de 2004" and es.date("../2004") == "hasta 2004"


def test_de_and_a_join_the_article_that_opens_a_value_in_spanish():
    es = messages("es")
    assert es._("slogan of {speaker}", speaker="el movimiento") == "consigna del movimiento"
    assert es._("slogan of {speaker}", speaker="El Alto") == "consigna de El Alto"  # a name
    assert es._("slogan of {speaker}", speaker="los vecinos") == "consigna de los vecinos"
    said = words(es._("slogan of {speaker}"), speaker=Label("el autor"))
    assert said == (Text("consigna del "), Label("autor"))
    assert contracted("A {when}, de {who}", {"when": "el lunes", "who": "el autor"})[0] == \
        "Al {when_after_el}, del {who_after_el}"


LOCATORS = ("paragraph 2", "paragraphs 2–3", "paragraphs 2 and 3", "paragraphs 1, 2 and 4",
            "paragraphs 2–3 and 5", "paragraphs 1–2 and 4–5", "opening paragraph", "the list")


def test_a_locator_of_a_known_form_is_said_in_the_pages_language():
    assert [locator(at, messages("en")) for at in LOCATORS] == list(LOCATORS)  # as written
    assert [locator(at, messages("es")) for at in LOCATORS] == [
        "párrafo 2", "párrafos 2–3", "párrafos 2 y 3", "párrafos 1, 2 y 4", "párrafos 2–3 y 5",
        "párrafos 1–2 y 4–5", "párrafo inicial", "la lista"]
    assert locator("section Coup, paragraph 3", messages("es")) == "section Coup, paragraph 3"
