"""The glossary's fixed renderings are kept: wherever the English has a term — a block of the
transmitted text, a field the editors wrote — its Spanish has the term's rendering (the
translation's block, the field's `es:`). About the real edition's data."""
from __future__ import annotations

import pytest

from conftest import REPO
from edition.load import load_source
from edition.load.references import records
from edition.model import Translated
from edition.model.declared import yaml_key


@pytest.fixture(scope="module")
def source():
    return load_source(REPO / "source")


def _missing(english: str, spanish: str, glossary) -> list[str]:
    return [f"{term.en!r} → {term.es!r}" for term in glossary
            if term.en.casefold() in english.casefold()
            and term.es.casefold() not in spanish.casefold()]


def test_the_translation_keeps_the_glossary(source):
    translation = source.translation("es")
    assert translation is not None and len(source.glossary) >= 30
    texts = {block: line for block, line in _blocks(source)}
    used = sum(1 for text in texts.values() for term in source.glossary
               if term.en.casefold() in text.casefold())
    assert used >= 20  # the glossary is about this text: its terms occur in it
    missed = {block: found for block, text in texts.items()
              if (found := _missing(text, translation.blocks.get(block, ""), source.glossary))}
    assert missed == {}


def test_the_spanish_apparatus_keeps_the_glossary(source):
    missed = []
    for record in records(source):
        if not isinstance(record, Translated) or not record.es:
            continue
        for name in record.translated_fields():
            english, spanish = getattr(record, name), record.es.get(yaml_key(name))
            if english and spanish:
                missed += [f"{record.where}: {found}"
                           for found in _missing(english, spanish, source.glossary)]
    assert missed == []


def _blocks(source):
    """(block id, its text) of the transmitted text, as the placed edition numbers them."""
    from edition.place import build_edition
    return [(b.id, b.text) for b in build_edition(source).blocks]
