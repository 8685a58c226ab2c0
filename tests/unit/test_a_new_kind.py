"""A new kind of annotation is one module and one line in the registry: the loader reads its
file, the pages, the TEI, the Web Annotations, the data and its schema follow, with nothing
else changed. Shown with a small kind made here: an uncertain reading."""
from __future__ import annotations

import json
from typing import ClassVar

import pytest
from pydantic import Field

from conftest import fixture_project
from edition.doc import h
from edition.doc.html import to_html
from edition.export import export
from edition.export.datamodel import annotation_records, edition_record
from edition.build import site_pages
from edition.kinds import KINDS, Annotation, Kind
from edition.load import load_source
from edition.model.fields import Text
from edition.pages import Context
from edition.place import build_edition
from edition.problems import SourceError
from edition.wording import words


class Uncertain(Annotation):
    WHAT: ClassVar[str] = "an uncertain reading"
    KIND: ClassVar[str] = "uncertain"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("doubt",)
    doubt: Text = Field(description="Why the editors doubt the reading.")


class UncertainKind(Kind):
    name, file, model, css = "uncertain", "uncertain.yml", Uncertain, "uncertain"

    def gloss(self, edition, annotation, m):
        return words(m._("{doubt}"), doubt=annotation.doubt)

    def html(self, span, inner, out):
        return [h("span", {"class": "uncertain"}, inner), out.marker()]

    def tei(self, span, out):
        return out.element("unclear", {"reason": "editorial"})

    def web_bodies(self, span, out):
        return [out.text(span.annotation.doubt, "commenting")]


ENTRY = """p3:
  - text: "sandbags"
    doubt: The word may be "sand bags" in another copy.
    basis: editorial
    es:
      doubt: La palabra puede ser «sand bags» en otra copia.
"""


@pytest.fixture
def registered():
    KINDS.register(UncertainKind(), 25)
    annotation_records.cache_clear()
    edition_record.cache_clear()
    yield
    KINDS.deregister("uncertain")
    annotation_records.cache_clear()
    edition_record.cache_clear()


def test_a_kind_registered_is_read_placed_shown_and_exported(registered, tmp_path):
    root = fixture_project(tmp_path / "fixture")
    (root / "source/annotations/uncertain.yml").write_text(ENTRY, encoding="utf-8")
    edition = build_edition(load_source(root / "source"))
    (span,) = edition.spans_of("uncertain")
    assert (span.block, span.text) == ("p3", "sandbags")
    pages = site_pages(Context(edition))
    section = next(p for p in pages if p.path == "sections/the-night-of-the-flood.md")
    html = to_html(section.body)
    assert '<span class="uncertain">sandbags</span>' in html and "another copy" in html
    artefacts = {a.stable_path: a.content for a in export(edition, "", {"en": pages})}
    assert b'<unclear reason="editorial">sandbags</unclear>' in artefacts["data/edition.tei.xml"]
    data = json.loads(artefacts["data/edition.json"])
    assert any(a["type"] == "uncertain" and a["doubt"].startswith("The word may")
               for a in data["annotations"])
    assert '"uncertain"' in artefacts["data/edition.schema.json"].decode()
    bodies = [b for item in json.loads(artefacts["data/annotations.jsonld"])["first"]["items"]
              for b in item["body"] if b.get("value", "").startswith("The word may")]
    assert bodies


def test_a_kind_s_bad_entry_is_one_line(registered, tmp_path):
    root = fixture_project(tmp_path / "fixture")
    (root / "source/annotations/uncertain.yml").write_text(
        ENTRY.replace("    doubt: The word", "    dobut: The word"), encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_source(root / "source")
    assert [str(p) for p in raised.value.problems] == [
        "source/annotations/uncertain.yml:3: unknown field 'dobut' in an uncertain reading — "
        "did you mean 'doubt'?"]
