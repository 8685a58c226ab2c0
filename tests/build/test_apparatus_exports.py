"""The apparatus in every export: each carries the sources consulted, the record after the
article, the figures against it, the witnesses and the changelog; every reference to a source
that a statement makes resolves inside that export; and the counts are edition.json's."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import epub_chapters
from edition.load import load_source

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XHTML = {"x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def data(site: Path) -> dict:
    return json.loads((site / "data/edition.json").read_bytes())


def sources(item: dict) -> list[str]:
    """The sources a statement of edition.json quotes, each once, in order."""
    return list(dict.fromkeys(e["source"] for e in item.get("evidence", [])))


def _quoted(value) -> set[str]:
    """Every source id quoted as evidence anywhere in a part of edition.json."""
    if isinstance(value, list):
        return set().union(*(_quoted(item) for item in value)) if value else set()
    if isinstance(value, dict):
        found = set(sources(value))
        return found.union(*(_quoted(v) for k, v in value.items() if k != "evidence"))
    return set()


def cited(data: dict) -> set[str]:
    """Every source id a statement of edition.json quotes, a count or a witness names."""
    ids = _quoted({k: v for k, v in data.items() if k != "sources_consulted"})
    ids.update(c["source"] for cmp in data["record"]["comparisons"] for c in cmp["counts"])
    ids.update(w["source"] for kind in ("text", "quotations") for w in data["witnesses"][kind]
               if w.get("source"))
    return ids


def counts(data: dict) -> dict[str, int]:
    witnesses = data["witnesses"]
    return {"sources": len(data["sources_consulted"]), "record": len(data["record"]["entries"]),
            "comparisons": len(data["record"]["comparisons"]),
            "witnesses": len(witnesses["text"]) + len(witnesses["quotations"]),
            "versions": len(data["versions"]),
            "changes": sum(len(v["changes"]) for v in data["versions"])}


def test_the_json_cites_only_sources_it_lists_and_lists_only_sources_it_cites(data, built):
    listed = {s["id"] for s in data["sources_consulted"]}
    assert cited(data) == listed
    source = load_source(built / "source")
    assert counts(data) == {
        "sources": len(source.sources), "record": len(source.record.entries),
        "comparisons": len(source.record.comparisons),
        "witnesses": len(source.witnesses.text) + len(source.witnesses.quotations),
        "versions": len(source.versions), "changes": sum(len(v.changes) for v in source.versions)}
    assert min(counts(data).values()) > 0


def test_the_sources_csv_is_the_jsons_list(site, data):
    rows = list(csv.DictReader(io.StringIO((site / "data/sources.csv").read_text("utf-8"))))
    assert [r["id"] for r in rows] == [s["id"] for s in data["sources_consulted"]]
    assert [r["url"] for r in rows] == [s["url"] for s in data["sources_consulted"]]
    assert [r["read"] for r in rows] == [s["read"] for s in data["sources_consulted"]]


# --- TEI -------------------------------------------------------------------------------------

def test_every_tei_reference_resolves_and_the_tei_counts_are_the_jsons(site, data):
    tei = etree.parse(str(site / "data/edition.tei.xml"))
    bibls = tei.xpath("//t:back//t:listBibl/t:bibl/@xml:id", namespaces=TEI)
    assert bibls == [f"bibl-{s['id']}" for s in data["sources_consulted"]]
    pointers = {p for value in tei.xpath("//@source", namespaces=TEI) for p in value.split()
                if p.startswith("#bibl-")}
    assert pointers <= {f"#{b}" for b in bibls}
    # @source on statements (and a source cell's row) cites what the JSON's statements cite.
    assert {p.removeprefix("#bibl-") for p in pointers} == cited(data)
    found = {"sources": len(bibls),
             "record": len(tei.xpath("//t:div[@type='record']//t:div[@type='entry']", namespaces=TEI)),
             "comparisons": len(tei.xpath("//t:div[@type='comparison']", namespaces=TEI)),
             "witnesses": len(tei.xpath("//t:sourceDesc/t:listWit/t:witness", namespaces=TEI))
             + len(tei.xpath("//t:div[@type='search'][@n='not-found']", namespaces=TEI)),
             "versions": len(tei.xpath("//t:revisionDesc//t:listChange[@type='version']",
                                       namespaces=TEI)),
             "changes": len(tei.xpath("//t:revisionDesc//t:change", namespaces=TEI))}
    assert found == counts(data)
    ids = set(tei.xpath("//@xml:id"))
    targets = [t for t in tei.xpath("//t:change/@target", namespaces=TEI) if t.startswith("#")]
    assert targets and all(t[1:] in ids for t in targets)
    assert tei.xpath("//t:publicationStmt/t:address/t:addrLine/text()", namespaces=TEI) == [
        data["bibliography"]["edition"]["contact"]]


def test_each_tei_statement_carries_its_own_sources(site, data):
    """Entity by entity and event by event, the TEI cites what the JSON cites."""
    tei = etree.parse(str(site / "data/edition.tei.xml"))

    def sources_of(xpath: str) -> list[str]:
        values = tei.xpath(xpath, namespaces=TEI)
        return [p.removeprefix("#bibl-") for p in (values[0].split() if values else [])]

    for entity in data["entities"]:
        note = f"//t:standOff//*[@xml:id='{entity['id']}']/t:note[not(@type)]/@source"
        assert sources_of(note) == sources(entity), entity["id"]
    for event in data["events"]:
        assert sources_of(f"//t:event[@xml:id='event-{event['id']}']/t:desc/@source") == \
            sources(event), event["id"]
    for entry in data["record"]["entries"]:
        assert sources_of(f"//t:div[@xml:id='record-{entry['id']}']/t:p/@source") == \
            sources(entry), entry["id"]


# --- the one-page HTML and the EPUB ----------------------------------------------------------

def onepage(site: Path) -> etree._Element:
    [path] = (site / "downloads").glob("*[0-9].html")  # the English book (-es: the Spanish)
    return lxml.html.fromstring(path.read_bytes())


def epub(site: Path) -> etree._Element:
    """The book's chapters as one tree, each link into another chapter back to its fragment."""
    [path] = (site / "downloads").glob("*[0-9].epub")
    with zipfile.ZipFile(path) as book:
        whole = etree.Element("book")
        whole.extend(etree.fromstring(content) for content in epub_chapters(book).values())
    for link in whole.xpath("//*[contains(@href, '.xhtml#')]"):
        link.set("href", "#" + link.get("href").split("#")[1])
    return whole


@pytest.mark.parametrize("read", [onepage, epub], ids=["onepage", "epub"])
def test_every_reference_in_the_book_resolves_and_its_counts_are_the_jsons(site, data, read):
    root = read(site)
    ids = set(root.xpath("//@id"))
    hrefs = root.xpath("//@href")
    references = {h[1:] for h in hrefs if h.startswith("#bibliography-")}
    assert references and references <= ids
    entries = {s["id"] for s in data["sources_consulted"]}
    assert {f"bibliography-{s}" for s in entries} <= ids
    # Every source is referenced from somewhere: all of them are cited.
    assert {r.removeprefix("bibliography-") for r in references} >= entries
    assert {f"record-{e['id']}" for e in data["record"]["entries"]} <= ids
    assert {f"figures-{c['id']}" for c in data["record"]["comparisons"]} <= ids
    witnesses = [w for w in ids if w.startswith("method-witness-")]
    versions = [v for v in ids if v.startswith("changelog-v")]
    assert (len(witnesses), len(versions)) == (len(data["witnesses"]["text"]),
                                               counts(data)["versions"])
    text = "".join(root.itertext())
    assert all(q["passage"] in text for q in data["witnesses"]["quotations"]
               if q["status"] == "found")
    changes = root.xpath("//*[@id='changelog']//*[self::ul or self::x:ul]/*[self::li or self::x:li]",
                         namespaces=XHTML)
    assert len(changes) == counts(data)["changes"]
    for entry in data["sources_consulted"]:
        assert root.xpath("//*[@href=$url]", url=entry["url"]), entry["id"]


def test_each_web_annotation_links_the_sources_its_statement_cites(site, data):
    """An annotation's sources are bodies linking to their entries on the bibliography page,
    which holds each of them (the same ids as edition.json's annotations)."""
    from urllib.parse import urljoin
    collection = json.loads((site / "data/annotations.jsonld").read_bytes())
    base = "https://reader.example/edition/data/annotations.jsonld"
    page = lxml.html.fromstring((site / "bibliography.html").read_bytes())
    listed = set(page.xpath("//@id"))
    linked, expected = set(), {s for a in data["annotations"] for s in sources(a)}
    for item in collection["first"]["items"]:
        for body in item["body"]:
            url = urljoin(base, body.get("source", ""))
            if url.startswith("https://reader.example/edition/bibliography.html#"):
                linked.add(url.partition("#")[2])
    assert expected and linked == expected
    assert linked <= listed
