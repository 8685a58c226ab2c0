"""The data exports: edition.json and its schema, the CSVs, TEI and Web Annotations."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path

from dataclasses import replace

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from conftest import built_artefacts, exported, fixture_project
from edition.paths import file_stem
from edition.export.datamodel import json_schema
from edition.export.links import Permalinks
from edition.export.tei import tei_bytes
from edition.load import load_source
from edition.model import Edition, Located, Span
from edition.kinds import KINDS, AnnotationType as T
from edition.place import build_edition, nesting_rank

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BASE_URL = "https://example.org/insurrection/"
NAME_TAGS = {"person": "persName", "organisation": "orgName", "group": "orgName",
             "place": "placeName"}


# --- what every check reads ----------------------------------------------------------------

def load_edition(root: Path) -> Edition:
    return build_edition(load_source(root / "source"))


def artefacts_by_path(edition: Edition, base_url: str, artefacts=None) -> dict[str, bytes]:
    """Every artefact's content by its stable path in the site (and by downloads/<name>)."""
    files = {}
    for artefact in exported(edition, base_url) if artefacts is None else artefacts:
        files[f"downloads/{artefact.name}"] = artefact.content
        if artefact.stable_path:
            files[artefact.stable_path] = artefact.content
    return files


def published_spans(edition: Edition) -> list[Span]:
    """The annotations the exports publish: all but the not-mentions (an internal check)."""
    return [s for s in edition.spans if s.type != T.NOT_MENTION]


@pytest.fixture(scope="module")
def annotated_root(tmp_path_factory) -> Path:
    """A project made from the fixture edition (tests/fixture/): one annotation of every type,
    on invented text."""
    return fixture_project(tmp_path_factory.mktemp("annotated"))


@pytest.fixture(scope="module")
def annotated(annotated_root: Path) -> tuple[Edition, dict[str, bytes]]:
    """The fixture edition, exported with a public site URL."""
    edition = load_edition(annotated_root)
    return edition, artefacts_by_path(edition, BASE_URL)


@pytest.fixture(scope="module")
def published(built: Path, site: Path) -> tuple[Edition, dict[str, bytes]]:
    """The edition as built into the session site, and its data files read from site/."""
    edition = load_edition(built)
    stems = {f"downloads/{p.name}" for p in (site / "downloads").iterdir() if p.is_file()}
    paths = [f"data/{p.name}" for p in (site / "data").iterdir()] + sorted(stems)
    return edition, {path: (site / path).read_bytes() for path in paths}


@pytest.fixture(scope="module", params=["published", "annotated"])
def case(request) -> tuple[Edition, dict[str, bytes]]:
    return request.getfixturevalue(request.param)


# --- edition.json ----------------------------------------------------------------------------

def test_edition_json_is_valid_against_its_schema(case):
    _, files = case
    schema = json.loads(files["data/edition.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(
        json.loads(files["data/edition.json"])), key=str)
    assert not errors, errors[0]


def test_the_published_schema_is_the_one_in_the_repository(published):
    _, files = published
    assert files["data/edition.schema.json"] == json_schema()


def test_paragraphs_are_the_transmitted_blocks_and_rebuild_the_text(case):
    edition, files = case
    data = json.loads(files["data/edition.json"])
    assert [(p["id"], p["text"]) for p in data["paragraphs"]] == [
        (b.id, b.text) for b in edition.blocks]
    rebuilt = "".join(p["separator"] + p["text"] for p in data["paragraphs"])
    assert rebuilt + data["text_after_last_paragraph"] == edition.source.text
    assert data["text_sha256"] == hashlib.sha256(edition.source.text.encode()).hexdigest()
    assert data["paragraphs"][0]["kind"] == "heading"  # the title


def test_every_annotation_covers_its_quoted_text(case):
    edition, files = case
    data = json.loads(files["data/edition.json"])
    texts = {p["id"]: p["text"] for p in data["paragraphs"]}
    for a in data["annotations"]:
        assert texts[a["block"]][a["start"]:a["end"]] == a["text"], a
    assert len(data["annotations"]) == len(published_spans(edition))


def test_the_fixture_exercises_every_annotation_type(annotated):
    _, files = annotated
    data = json.loads(files["data/edition.json"])
    by_type = {a["type"]: a for a in data["annotations"]}
    assert set(by_type) == {"mention", "date", "quotation", "lacuna", "sic", "figure", "note"}
    assert by_type["figure"]["value"] == 300 and by_type["sic"]["reading"] == "through"
    lacuna = by_type["lacuna"]
    assert lacuna["gap"] == lacuna["start"] + 1 and lacuna["id"] == "lacuna-p5"
    speech = next(a for a in data["annotations"] if a.get("kind") == "speech")
    assert (speech["speaker"], speech.get("source"), speech["lacuna"]) == (
        "ana-torres", None, "lacuna-p5")
    report = next(a for a in data["annotations"] if a.get("kind") == "report")
    assert (report["source"], report["reported"]) == ("radio-valle", "2003-10-13")
    assert lacuna["conjecture"]["entity"] == "radio-valle"


def test_urls_are_relative_without_a_site_url_and_lead_to_the_anchor(published, site):
    _, files = published
    data = json.loads(files["data/edition.json"])
    p4 = next(p for p in data["paragraphs"] if p["id"] == "p4")
    assert p4["url"] == "sections/massacre-in-el-alto.html#p4"
    for item in data["paragraphs"] + data["entities"]:
        page, _, anchor = item["url"].partition("#")
        html = (site / page).read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in html, item["url"]


def test_urls_are_absolute_with_a_site_url(annotated):
    _, files = annotated
    data = json.loads(files["data/edition.json"])
    urls = [p["url"] for p in data["paragraphs"]] + [e["url"] for e in data["entities"]]
    assert all(url.startswith(BASE_URL) for url in urls)


# --- CSV -----------------------------------------------------------------------------------

def read_csv(content: bytes) -> list[dict[str, str]]:
    assert b"\r" not in content and content.endswith(b"\n")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def test_entities_csv_has_one_row_per_entity(published):
    edition, files = published
    rows = read_csv(files["data/entities.csv"])
    assert [r["id"] for r in rows] == [e.id for e in edition.entities]
    counts = Counter(s.annotation.entity for s in edition.spans_of(T.MENTION))
    assert {r["id"]: int(r["mentions"]) for r in rows} == dict(counts)


def test_mentions_csv_has_one_row_per_mention(published):
    edition, files = published
    rows = read_csv(files["data/mentions.csv"])
    mentions = edition.spans_of(T.MENTION)
    assert list(rows[0]) == ["paragraph", "start", "end", "text", "entity", "url"]
    assert [(r["paragraph"], int(r["start"]), int(r["end"]), r["text"], r["entity"])
            for r in rows] == [(s.block, s.start, s.end, s.text, s.annotation.entity)
                               for s in mentions]


# --- TEI -----------------------------------------------------------------------------------

def tei(files: dict[str, bytes]) -> etree._Element:
    return etree.fromstring(files["data/edition.tei.xml"])


def transmitted(element: etree._Element, gap: str = "") -> str:
    """The element's text without the editors' additions (notes, corrections); `gap` marks
    where a gap element stands."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{TEI}gap":
            parts.append(gap)
        elif child.tag not in (f"{TEI}note", f"{TEI}corr"):
            parts.append(transmitted(child, gap))
        parts.append(child.tail or "")
    return "".join(parts)


def block_elements(body: etree._Element, edition: Edition) -> list[etree._Element]:
    """The element of each block (p, head, dateline, trailer; a caption's head in its figure)."""
    ids = {b.id for b in edition.blocks}
    return [el for el in body.iter() if el.get(XML_ID) in ids]


def outside_notes(body: etree._Element, tag: str) -> list[etree._Element]:
    return body.xpath(f".//tei:{tag}[not(ancestor::tei:note)]", namespaces={"tei": TEI[1:-1]})


def test_tei_text_is_the_transmitted_text(case):
    edition, files = case
    body = tei(files).find(f"{TEI}text/{TEI}body")
    assert [(b.get(XML_ID), transmitted(b)) for b in block_elements(body, edition)] == [
        (b.id, b.text) for b in edition.blocks]
    assert len(body.findall(f"{TEI}div")) == len(edition.sections)


def test_tei_tags_every_mention_and_annotation(case):
    edition, files = case
    root = tei(files)
    body = root.find(f"{TEI}text/{TEI}body")
    mentions = edition.spans_of(T.MENTION)
    expected = Counter(NAME_TAGS[edition.entity(s.annotation.entity).type] for s in mentions)
    found = Counter({tag: len(outside_notes(body, tag)) for tag in set(NAME_TAGS.values())})
    assert found == expected
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    pointers = " ".join(root.xpath("//@ref | //@who | //@source | //@corresp | //@target | //@resp"
                                   " | //@datingMethod | //@ana")).split()
    local = [p for p in pointers if not p.startswith(("https://", "http://"))]  # sources read
    assert local and all(p.startswith("#") and p[1:] in ids for p in local), local
    for name in body.iterfind(f".//{TEI}persName"):
        assert root.xpath(f"//tei:person[@xml:id='{name.get('ref')[1:]}']",
                          namespaces={"tei": TEI[1:-1]})
    by_type = Counter(s.type for s in edition.spans)
    assert len(outside_notes(body, "date")) == by_type["date"]
    quotations = sum(len(outside_notes(body, tag)) for tag in ("said", "quote", "q"))
    assert quotations == by_type["quotation"]
    assert len(body.findall(f".//{TEI}gap[@reason='lost']")) == by_type["lacuna"]
    assert len(body.findall(f".//{TEI}choice/{TEI}sic")) == by_type["sic"]
    assert len(body.findall(f".//{TEI}num")) == by_type["figure"]


def test_tei_carries_what_the_json_carries(case):
    """Date → event, speaker, speaker label, source, report date, quotation → lacuna: each
    annotation's fields are in the TEI by TEI's own means (attributes, bibl, rs, ref)."""
    edition, files = case
    root = tei(files)
    ns = {"tei": TEI[1:-1]}
    body = root.find(f"{TEI}text/{TEI}body")
    data = json.loads(files["data/edition.json"])
    dates = outside_notes(body, "date")
    assert [d.get("corresp") for d in dates] == [
        f"#event-{a['event']}" if a.get("event") else None
        for a in data["annotations"] if a["type"] == "date"]
    quotations = body.xpath(".//*[self::tei:said or self::tei:quote or self::tei:q]"
                            "[not(ancestor::tei:note)]", namespaces=ns)
    wanted = [a for a in data["annotations"] if a["type"] == "quotation"]
    assert len(quotations) == len(wanted)
    for element, a in zip(quotations, wanted):
        bibl = root.xpath(f"//tei:bibl[@xml:id='{element.get('source', '#')[1:]}']",
                          namespaces=ns)
        bibl_text = " ".join(etree.tostring(b, encoding="unicode") for b in bibl)
        if a.get("speaker"):
            assert f'"#{a["speaker"]}"' in f'"{element.get("who")}"' + bibl_text
        if a.get("source"):
            assert f'ref="#{a["source"]}"' in bibl_text
        if a.get("reported"):
            assert f'when="{a["reported"]}"' in bibl_text
        if a.get("lacuna"):
            assert f'target="#{a["lacuna"]}"' in bibl_text
            assert root.xpath(f"//tei:gap[@xml:id='{a['lacuna']}']", namespaces=ns)
        note = element.getnext()
        assert note.get("type") == "attribution"
        if a.get("speaker_label") and not a.get("speaker"):
            assert note.find(f"{TEI}rs[@type='speaker']").text == a["speaker_label"]
        assert element.get("ana") == f"#quotation-{a['kind']}"
    for a in (a for a in data["annotations"] if a["type"] == "lacuna"):
        gap = root.xpath(f"//tei:gap[@xml:id='{a['id']}']", namespaces=ns)[0]
        assert gap.find(f"{TEI}desc").text == a["lost"]


def test_tei_fixture_markup(annotated):
    _, files = annotated
    p5 = tei(files).find(f".//{TEI}p[@{XML_ID}='p5']")
    said = p5.find(f"{TEI}said")
    assert said.get("ana") == "#quotation-speech"
    assert said.get("who") == "#ana-torres"
    trace = p5.find(f"{TEI}seg[@type='lacuna-trace']")
    assert trace.text == "(" and trace[0].tag == f"{TEI}gap"
    assert trace[0].get(XML_ID) == "lacuna-p5"
    dates = {d.text: dict(d.attrib) for d in tei(files).iterfind(f".//{TEI}body//{TEI}date")}
    assert dates["until the end of the week"] == {"from": "2003-10-17", "to": "2003-10-19"}
    assert dates["11pm on Sunday, October 12"] == {"when": "2003-10-12T23:00:00",
                                                   "corresp": "#event-river-floods"}
    conjecture = p5.find(f"{TEI}note[@type='conjecture']/{TEI}rs")
    assert conjecture.get("ref") == "#radio-valle"
    lost = p5.find(f"{TEI}note[@type='lacuna']")
    assert lost.get("target") == "#lacuna-p5"
    choice = tei(files).find(f".//{TEI}p[@{XML_ID}='p3']/{TEI}choice")
    assert [(c.tag, c.text) for c in choice] == [(f"{TEI}sic", "though"),
                                                 (f"{TEI}corr", "through")]
    figure = tei(files).find(f".//{TEI}p[@{XML_ID}='p3']/{TEI}num")
    assert figure.getnext().text == ("more than 300 families: families who left their homes")


# --- Web Annotations -----------------------------------------------------------------------

def test_web_annotation_selectors_quote_the_paragraph(case):
    edition, files = case
    collection = json.loads(files["data/annotations.jsonld"])
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == len(published_spans(edition))
    for item, span in zip(items, published_spans(edition)):
        section = edition.section_of(span.block).id
        assert item["target"]["source"].endswith(f"sections/{section}.html")
        (quote_fragment, position_fragment) = item["target"]["selector"]
        assert {quote_fragment["value"], position_fragment["value"]} == {span.block}
        assert quote_fragment["conformsTo"] == "http://tools.ietf.org/rfc/rfc3986"
        quote, position = quote_fragment["refinedBy"], position_fragment["refinedBy"]
        text = edition.block(span.block).text  # the transmitted block, as the page's element has it
        assert (span.start, span.end) == (position["start"], position["end"])
        assert quote["exact"] == text[span.start:span.end] == span.text
        assert text[:span.start].endswith(quote["prefix"])
        assert text[span.end:].startswith(quote["suffix"])
        assert item["type"] == "Annotation" and item["body"]
    assert len({item["id"] for item in items}) == len(items)


def test_web_annotation_bodies(annotated):
    _, files = annotated
    items = json.loads(files["data/annotations.jsonld"])["first"]["items"]
    motivations = Counter(item["motivation"] for item in items)
    assert {"identifying", "describing", "classifying", "commenting", "editing"} <= set(
        motivations)
    sic = next(item for item in items if item["motivation"] == "editing")
    assert sic["body"][0]["value"] == "through"
    mention = next(item for item in items if item["motivation"] == "identifying")
    assert mention["body"][0]["source"].startswith(f"{BASE_URL}entities/")


# --- reproducibility -----------------------------------------------------------------------

def test_exports_are_byte_identical_across_runs(annotated, annotated_root, built):
    _, files = annotated
    assert artefacts_by_path(load_edition(annotated_root), BASE_URL) == files
    edition = load_edition(built)
    published = artefacts_by_path(edition, "", built_artefacts(built))
    for path, content in published.items():
        assert (built / "site" / path).read_bytes() == content, path
    assert all(name.startswith(f"downloads/{file_stem(edition)}") for name in published
               if name.startswith("downloads/"))



# --- TEI markup of arbitrary nested spans --------------------------------------------------

SPAN_TYPES = [T.DATE, T.QUOTATION, T.LACUNA, T.SIC, T.FIGURE, T.NOTE]
# What each kind's record needs besides its text and note (records built as placed, unchecked).
SPAN_FIELDS = {T.DATE: {"when": "2003-10-13"}, T.QUOTATION: {"kind": "report"},
               T.LACUNA: {"gap_after": "", "lost": "a name"}, T.SIC: {"reading": "r"},
               T.FIGURE: {"value": 1.0, "qualifier": "exact", "unit": "dead"}, T.NOTE: {}}


@st.composite
def nested_spans(draw, text: str, block_id: str) -> list[Span]:
    """Spans on one block that never cross (each pair disjoint or nested), as placed."""
    accepted: list[Span] = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if any(s.start < start < s.end < end or start < s.start < end < s.end
               for s in accepted):
            continue
        kind = draw(st.sampled_from(SPAN_TYPES))
        if kind == T.LACUNA and any(s.type == T.LACUNA and s.start < end and start < s.end
                                    for s in accepted):
            continue  # lacunae never overlap (place.py rejects it)
        note = draw(st.sampled_from([None, "A note."]))
        annotation = KINDS[kind].model.model_construct(
            block=block_id, text=text[start:end], where=Located("test", 1), basis="editorial",
            note="A note." if kind in (T.LACUNA, T.NOTE) else note,
            **({"id": f"gap-{len(accepted)}"} if kind == T.LACUNA else {}), **SPAN_FIELDS[kind])
        gap = draw(st.integers(start, end)) if kind == T.LACUNA else -1
        accepted.append(Span(annotation, block_id, start, end, text[start:end], gap))
    return sorted(accepted, key=lambda s: (s.start, -s.end, nesting_rank(s)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_tei_keeps_the_text_whatever_the_nesting(annotated, data):
    edition, _ = annotated
    block = edition.block("p5")  # quotation marks and a parenthesis, kept whatever the nesting
    spans = data.draw(nested_spans(block.text, block.id))
    variant = replace(edition, spans=tuple(s for s in edition.spans if s.block != block.id)
                      + tuple(spans))
    root = etree.fromstring(tei_bytes(variant, Permalinks(variant)))
    paragraph = root.find(f".//{TEI}p[@{XML_ID}='{block.id}']")
    assert transmitted(paragraph) == block.text
    marked = block.text
    for at in sorted((s.gap for s in spans if s.type == T.LACUNA), reverse=True):
        marked = marked[:at] + "|" + marked[at:]
    assert transmitted(paragraph, gap="|") == marked  # each gap where its lacuna puts it
    assert not paragraph.xpath(".//tei:gap[not(ancestor::tei:seg[@type='lacuna-trace'])]",
                         namespaces={"tei": TEI[1:-1]})
