"""The apparatus against the record: the sources consulted, the rule that every external claim
cites them, the record after the article, the witnesses and the changelog; and their pages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from edition.load import record as load_record, references
from edition.load import load_source
from edition.model import AnnotationType as T, Edition
from edition.place import build_edition
from edition.problems import SourceError

from conftest import REPO
from htmltext import parse


@pytest.fixture(scope="module")
def edition() -> Edition:
    return build_edition(load_source(REPO / "source"))


@pytest.fixture
def source_copy(tmp_path) -> Path:
    """A throwaway copy of source/ only: enough to load and place, without a build."""
    target = tmp_path / "source"
    shutil.copytree(REPO / "source", target)
    return target


def problems_after(source: Path, relative: str, old: str, new: str) -> list[str]:
    """Edit one file of the copy (replacing `old` once) and return the problems reported."""
    path = source / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        build_edition(load_source(source))
    except SourceError as err:
        return [str(p) for p in err.problems]
    return []


ONE_LINE = re.compile(r"^source/[\w./-]+:\d+: .+ — .+$")

BAD = [
    ("unknown source in a note", "annotations/notes.yml", "sources: [cob-tesis]",
     "sources: [cob-tesiss]", "source/annotations/notes.yml:", "unknown source 'cob-tesiss'"),
    ("unknown source in an entity", "entities.yml", "sources: [pulsar-erbol-2012]",
     "sources: [pulsar-erbol-2021]", "source/entities.yml:", "unknown source 'pulsar-erbol-2021'"),
    ("unknown source in a count", "record.yml", "source: harvard-gazette-2018,",
     "source: harvard-gazette-2081,", "source/record.yml:", "unknown source 'harvard-gazette-2081'"),
    ("a note without a source", "annotations/notes.yml", "    sources: [cob-tesis]\n", "",
     "source/annotations/notes.yml:", "the note in p3 states facts but cites no source"),
    ("an entity without a source", "entities.yml", "  sources: [pulsar-erbol-2012]\n", "",
     "source/entities.yml:", "the description of 'erbol' states facts but cites no source"),
    ("an event without a basis", "events.yml", "  basis: article\n", "",
     "source/events.yml:", "the description of event 'morales-abroad' states facts"),
    ("a record entry without a source", "record.yml",
     "    sources: [ccr-mamani]\n\ncomparisons:", "\ncomparisons:",
     "source/record.yml:", "a record entry cites no source"),
    ("an unknown basis", "annotations/notes.yml", "    basis: editorial\n", "    basis: hearsay\n",
     "source/annotations/notes.yml:", "unknown basis 'hearsay'"),
    ("both sources and basis", "annotations/notes.yml", "    sources: [cob-tesis]\n",
     "    sources: [cob-tesis]\n    basis: article\n", "source/annotations/notes.yml:",
     "gives both 'sources' and 'basis'"),
    ("a source without an address", "sources.yml",
     "  url: https://ccrjustice.org./home/", "  url: ccrjustice.org/home/",
     "source/sources.yml:", "is not a web address"),
    ("a source with an impossible date", "sources.yml", "date: 2003-10-15",
     "date: 2003-10-32", "source/sources.yml:", "date '2003-10-32' is not a real date"),
    ("a source id used twice", "sources.yml", "- id: wikidat-referendum-2009\n",
     "- id: bbc-2003-10-17\n  publisher: X\n  title: T\n  date: n.d.\n  url: https://x.org/\n"
     "  read: 2026-12-01\n  language: en\n\n- id: wikidat-referendum-2009\n",
     "source/sources.yml:", "id 'bbc-2003-10-17' is used twice"),
    ("a compared figure not in its block", "record.yml", '{block: p19, text: "another 17 dead"}',
     '{block: p19, text: "another 71 dead"}', "source/record.yml:", "does not occur in p19"),
    ("a record paragraph that is not a block", "record.yml", "paragraphs: [p8]",
     "paragraphs: [p88]", "source/record.yml:", "no block 'p88'"),
    ("an unknown changelog anchor", "versions.yml", "    - anchor: conscripts-refuse\n",
     "    - anchor: conscripts-refused\n", "source/versions.yml:", "unknown anchor 'conscripts-refused'"),
    ("the current version not last", "versions.yml", "- version: 1.1.0\n",
     "- version: 1.2.0\n", "source/versions.yml:", "but bibliography.yml gives 1.1.0"),
    ("a witness with an unknown status", "witnesses.yml", "status: reported", "status: rumoured",
     "source/witnesses.yml:", "unknown status 'rumoured'"),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,relative,old,new,where,message", BAD, ids=[c[0] for c in BAD])
def test_a_bad_apparatus_entry_gives_one_clear_line(source_copy, name, relative, old, new, where,
                                                    message):
    problems = problems_after(source_copy, relative, old, new)
    assert len(problems) == 1, problems
    assert ONE_LINE.match(problems[0]) and where in problems[0] and message in problems[0], problems


def test_a_missing_sources_file_is_one_line(source_copy):
    (source_copy / "sources.yml").unlink()
    with pytest.raises(SourceError) as raised:
        load_source(source_copy)
    assert [str(p) for p in raised.value.problems] == [
        "source/sources.yml: file is missing — create source/sources.yml (see source/README.md)"]


# --- the real data -------------------------------------------------------------------------

def test_every_external_claim_cites_a_resolving_source_or_names_its_basis(edition):
    source = edition.source
    known = {s.id for s in source.sources}
    claims = [(e.id, e.sources, e.basis) for e in source.entities + source.events]
    claims += [(f"{a.anchor.block} {a.type.value}", a.sources, a.basis) for a in source.annotations
               if a.type in references.CLAIM_NOTES
               and (a.conjecture_evidence if a.type is T.LACUNA else a.note)]
    assert len(claims) > 90
    for name, sources, basis in claims:
        assert sources or basis in load_record.BASES, name
        assert set(sources) <= known, name
    assert all(entry.sources and set(entry.sources) <= known for entry in source.record.entries)
    assert all(c.source in known for cmp in source.record.comparisons for c in cmp.counts)


def test_every_source_consulted_is_cited_and_read_on_a_real_day(edition):
    source = edition.source
    assert references.cited_ids(source) == {s.id for s in source.sources}
    assert all(s.read == "2026-12-01" and s.url.startswith(("http://", "https://"))
               for s in source.sources)


def test_the_corrections_found_in_review_hold(edition):
    source = edition.source
    events = {e.id: e for e in source.events}
    assert "unconfirmed report" in events["conscripts-refuse"].description
    assert "Econoticias" not in events["us-backs-president"].description
    assert set(events["us-backs-president"].sources) == {"voa-2003-10-14", "afp-2003-10-13"}
    decision = next(d for d in source.structure.decisions if d.kind.value == "duplicate")
    assert "revision left in place" not in decision.reason and "standfirst" in decision.reason
    figures = {(s.block, s.text): s.annotation for s in edition.spans_of(T.FIGURE)}
    assert "28" not in figures[("p19", "another 17 dead")].note
    assert "by the army" not in figures[("p1", "more than 50 dead")].counts
    texts = [a.note for a in source.annotations] + [e.description for e in source.events]
    assert not any("Tensa tregua" in t and "withdrawn" not in t for t in texts)


def test_the_record_reaches_the_outcome_and_the_judgments(edition):
    entries = {e.id: e for e in edition.source.record.entries}
    assert entries["resignation"].when == "2003-10-17"
    assert {"mesa-sworn-in", "coalition-breaks", "supreme-tribunal-2011", "mamani-verdict",
            "decree-27210", "army-in-el-alto"} <= set(entries)
    assert {e.part for e in entries.values()} == set(load_record.RECORD_PARTS)


def test_the_version_and_changelog_agree(edition):
    versions = edition.source.versions
    assert [v.version for v in versions] == ["1.0.0", "1.1.0"]
    assert (edition.bibliography.edition.version, edition.bibliography.edition.date) == (
        versions[-1].version, versions[-1].date) == ("1.1.0", "2026-12-01")
    assert "1.1.0" in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert len(versions[-1].changes) >= 15


# --- the pages ------------------------------------------------------------------------------

def test_the_sources_page_lists_every_entry_with_its_address(site, edition):
    tree = parse(site / "bibliography.html")
    ids = set(tree.xpath("//@id"))
    for entry in edition.source.sources:
        assert entry.id in ids, entry.id
        assert tree.xpath(f'//a[@href="{entry.url}"]'), entry.url


def test_a_statement_shows_its_references_after_it(site):
    note = parse(site / "sections" / "divisions-in-the-ruling-class.html")
    links = note.xpath('//a[contains(@href, "bibliography.html#voa-2003-10-14")]')
    assert links, "the note on p18 cites VOA"
    entity = parse(site / "entities" / "carlos-mesa.html")
    assert entity.xpath('//a[contains(@href, "bibliography.html#lavoz-2003-10-14")]')
    timeline = (site / "register" / "timeline.html").read_text(encoding="utf-8")
    assert 'bibliography.html#emol-2003-10-13' in timeline


def test_the_record_and_changelog_pages_carry_every_anchor(site, edition):
    record = set(parse(site / "record.html").xpath("//@id"))
    assert {e.id for e in edition.source.record.entries} <= record
    changelog = parse(site / "changelog.html")
    assert {"v1-0-0", "v1-1-0"} <= set(changelog.xpath("//@id"))
    assert changelog.xpath('//a[contains(@href, "timeline.html#conscripts-refuse")]')


def test_the_figures_page_sets_the_figures_against_the_record(site, edition):
    tree = parse(site / "register" / "figures.html")
    ids = set(tree.xpath("//@id"))
    assert {c.id for c in edition.source.record.comparisons} <= ids
    assert tree.xpath("//svg[@role='img']/title") and tree.xpath("//svg//circle")
    row = tree.xpath("//tr[td[contains(., 'another 17 dead')]]")[0]
    assert "Other counts" in row.text_content()


def test_the_method_page_has_the_note_on_the_text_and_the_colophon(site):
    tree = parse(site / "method.html")
    ids = set(tree.xpath("//@id"))
    assert {"note-on-the-text", "witnesses", "not-checked", "colophon"} <= ids
    text = tree.xpath("string(//*[@id='colophon']/following-sibling::div[1])")
    assert "Reporting an error" in text and "CC BY 4.0" in text


def test_hostile_source_text_is_escaped(tmp_path):
    from edition.pages import record as pages_record
    root = tmp_path / "source"
    shutil.copytree(REPO / "source", root)
    path = root / "sources.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Más muertos a bala en El Alto"',
                                 'title: "<script>alert(1)</script> & <b>"', 1), encoding="utf-8")
    from edition.doc import h
    from edition.doc.html import to_html
    from edition.pages import Context
    edition = build_edition(load_source(root))
    ctx = Context(edition, page="bibliography.md")
    page = to_html(h("div", pages_record.bibliography(ctx)))
    assert "<script>" not in page and "&lt;script&gt;" in page
    inferred = to_html(h("p", pages_record.cited(ctx, "A guess.", (), "inference")))
    assert inferred.startswith("<p><em>Editors' inference:</em> A guess.")
