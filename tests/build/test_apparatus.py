"""The apparatus against the record: the sources consulted, the rule that every external claim
cites them, the record after the article, the witnesses and the changelog; and their pages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from edition.load import references
from edition.load import load_source
from edition.model import Edition, Event, Statement
from edition.kinds import AnnotationType as T
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
    ("unknown source in a note", "annotations/notes.yml", "      - source: cob-tesis",
     "      - source: cob-tesiss", "source/annotations/notes.yml:", "unknown source 'cob-tesiss'"),
    ("unknown source in an entity", "entities.yml", "    - source: pulsar-erbol-2012",
     "    - source: pulsar-erbol-2021", "source/entities.yml:", "unknown source 'pulsar-erbol-2021'"),
    ("unknown source in a count", "record.yml", "source: harvard-gazette-2018",
     "source: harvard-gazette-2081", "source/record.yml:", "unknown source 'harvard-gazette-2081'"),
    ("an entity without evidence", "entities.yml", "  evidence:\n    - source: pulsar-erbol-2012",
     "  notes:\n    - source: pulsar-erbol-2012", "source/entities.yml:", "unknown field 'notes'"),
    ("an unknown basis", "annotations/notes.yml", "    basis: editorial\n", "    basis: hearsay\n",
     "source/annotations/notes.yml:", "unknown basis 'hearsay'"),
    ("evidence without a passage", "entities.yml", "      passage: >-\n", "      pasage: >-\n",
     "source/entities.yml:", "unknown field 'pasage' in an evidence item"),
    ("the old form of citing", "annotations/notes.yml", "    evidence:\n      - source: cob-tesis",
     "    sources: [cob-tesis]\n    evidence:\n      - source: cob-tesis",
     "source/annotations/notes.yml:", "unknown field 'sources'"),
    ("a basis article without its paragraphs", "events.yml", "  paragraphs: [p29, p3]\n", "",
     "source/events.yml:", "basis 'article' names no paragraph"),
    ("a source without an address", "sources.yml",
     "  url: https://ccrjustice.org./home/", "  url: ccrjustice.org/home/",
     "source/sources.yml:", "is not a web address"),
    ("a source with an impossible date", "sources.yml", "date: 2003-10-15",
     "date: 2003-10-32", "source/sources.yml:", "'2003-10-32' is not a real date"),
    ("a compared figure not in its block", "record.yml", '{block: p19, text: "another 17 dead"}',
     '{block: p19, text: "another 71 dead"}', "source/record.yml:", "does not occur in p19"),
    ("a record paragraph that is not a block", "record.yml", "paragraphs: [p8]",
     "paragraphs: [p88]", "source/record.yml:", "no block 'p88'"),
    ("an unknown changelog anchor", "versions.yml", "    - anchor: conscripts-refuse\n",
     "    - anchor: conscripts-refused\n", "source/versions.yml:", "unknown anchor 'conscripts-refused'"),
    ("a witness with an unknown status", "witnesses.yml", "status: likely", "status: rumoured",
     "source/witnesses.yml:", "unknown status 'rumoured'"),
    ("a range that ends below its start", "record.yml", "      - value: 20\n        to: 30\n",
     "      - value: 30\n        to: 20\n", "source/record.yml:",
     "the range 30 to 20 ends below its start"),
    ("a negative count", "record.yml", "      - value: 49\n", "      - value: -5\n",
     "source/record.yml:{line}:", "-5 is below zero"),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,relative,old,new,where,message", BAD, ids=[c[0] for c in BAD])
def test_a_bad_apparatus_entry_gives_one_clear_line(source_copy, name, relative, old, new, where,
                                                    message):
    text = (source_copy / relative).read_text(encoding="utf-8")
    where = where.format(line=text[:text.find(old)].count("\n") + 1)  # the edited value's line
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

def _statements(source):
    """Every record of source/ that says something, and what it says."""
    for record in references.records(source):
        if isinstance(record, Statement) and record.statement_text:
            yield record


def test_every_statement_rests_on_quoted_passages_or_names_its_basis(edition):
    source = edition.source
    known = {s.id: s for s in source.sources}
    statements = list(_statements(source))
    assert len(statements) > 250
    for record in statements:
        assert record.evidence or record.basis, (record.WHAT, record.where)
        for item in record.evidence:
            assert item.source in known and len(item.passage) > 15 and item.at, record.where
    assert all(entry.evidence for entry in source.record.entries)
    assert all(c.source in known and c.passage for cmp in source.record.comparisons
               for c in cmp.counts)


def test_every_source_consulted_is_quoted_and_was_read_on_a_real_day(edition):
    source = edition.source
    assert references.cited_ids(source) == {s.id for s in source.sources}
    assert all(s.read in ("2026-12-01", "2026-12-07", "2026-12-08")
               and s.url.startswith(("http://", "https://"))
               for s in source.sources)
    # The review found these nowhere in the stored copies: no statement rests on them.
    unreadable = {"bolshevik-info-between", "wikipedia-bolivia", "wikipedia-departments",
                  "wikipedia-el-alto", "educa-sanchez-de-lozada", "hassenteufel-2006",
                  "ips-2002-07-08", "nyt-2003-10-18"}
    assert not unreadable & {s.id for s in source.sources}


def test_the_flaws_the_fact_check_found_are_corrected(edition):
    """Issue 25's list, each checked against what the data now says."""
    source = edition.source
    entities = {e.id: e for e in source.entities}
    events = {e.id: e for e in source.events}
    record = {e.id: e for e in source.record.entries}
    comparisons = {c.id: c for c in source.record.comparisons}
    dates = [s.annotation for s in edition.spans_of(T.DATE) if s.block == "p8"]
    assert not any("suspension of gas sales" in (a.note or "") for a in dates)
    assert any("new markets" in (a.note or "") for a in dates)
    peacereporter = source.source_entry("peacereporter-2011")
    assert peacereporter.date == "2011-08-31" and "standfirst" in peacereporter.note
    assert "armed forces" in entities["bolivian-army"].description
    dead = comparisons["dead-to-13-october"]
    assert {71} <= {c.value for c in dead.counts} and dead.inference
    filed = record["mamani-filed"].text
    assert "Maryland" in filed and "Miami" in filed and "Alien Tort" in filed
    for text in (events["gas-conflict"].description, entities["csutcb"].description):
        assert "15" in text and "16" in text  # the sources disagree: both are shown
    decision = next(d for d in source.structure.decisions if d.kind == "duplicate")
    assert "marxist-com-bolivia-listing" in decision.sources


def test_the_review_is_kept_with_a_verdict_for_every_statement(edition):
    review = edition.source.review
    assert len(review) >= 260 and {r.verdict for r in review} <= {
        "correct", "corrected", "removed", "added"}
    assert all(r.finding for r in review if r.verdict in ("corrected", "removed"))


def test_the_record_reaches_the_outcome_and_the_judgments(edition):
    entries = {e.id: e for e in edition.source.record.entries}
    assert entries["resignation"].when == "2003-10-17"
    assert {"mesa-sworn-in", "coalition-breaks", "supreme-tribunal-2011", "mamani-verdict",
            "decree-27210", "army-in-el-alto", "tuesday-14-october", "congress-vote-2004",
            "extradition-refused-2012", "mesa-falls-2005", "mamani-settlement-terms"} <= set(entries)
    assert {e.part for e in entries.values()} == {"context", "outcome", "counts", "justice"}


def test_the_version_and_changelog_agree(edition):
    versions = edition.source.versions
    assert [v.version for v in versions] == ["1.0.0", "1.1.0", "1.2.0"]
    assert (edition.bibliography.edition.version, edition.bibliography.edition.date) == (
        versions[-1].version, versions[-1].date) == ("1.2.0", "2026-12-07")
    assert 'version = "1.2.0"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert len(versions[-1].changes) >= 50


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
    assert 'bibliography.html#notisur-2003' in timeline


def test_the_record_and_changelog_pages_carry_every_anchor(site, edition):
    record = set(parse(site / "record.html").xpath("//@id"))
    assert {e.id for e in edition.source.record.entries} <= record
    changelog = parse(site / "changelog.html")
    assert {"v1-0-0", "v1-1-0", "v1-2-0"} <= set(changelog.xpath("//@id"))
    assert changelog.xpath('//a[contains(@href, "timeline.html#conscripts-refuse")]')


def test_the_figures_page_sets_the_figures_against_the_record(site, edition):
    tree = parse(site / "register" / "figures.html")
    ids = set(tree.xpath("//@id"))
    assert {c.id for c in edition.source.record.comparisons} <= ids
    chart = tree.xpath("//figure[contains(@class, 'counts-chart')]")[0]
    assert chart.xpath(".//figcaption") and chart.xpath(".//svg//circle")
    assert chart.getprevious().tag == "p" and chart.getparent().xpath("h1")  # the page leads with it
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
    guess = Event.model_construct(basis="inference", evidence=(), paragraphs=(), inference=None)
    inferred = to_html(h("p", pages_record.cited(ctx, "A guess.", guess)))
    assert inferred.startswith("<p><em>Editors' inference:</em> A guess.")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_quotations_register_lists_every_quotation_once(language):
    """Under its reporting source, among those whose source's name was lost, or among the
    others (the fixture has one of each of the first two)."""
    from conftest import FIXTURE, pages_by_language
    from edition.doc.html import to_html
    fixture = build_edition(load_source(FIXTURE / "source"))
    [page] = [p for p in pages_by_language(fixture)[language] if p.path == "register/sources.md"]
    items = lxml.html.fromstring(to_html(page.body)).xpath(
        "//ul[not(preceding-sibling::*[1][@id='lacunae'])]/li[a[starts-with(., '¶')]]")
    quotations = fixture.spans_of(T.QUOTATION)
    assert len(items) == len(quotations) == 2
    assert sorted(li.xpath("./a[1]/@href")[0].partition("#")[2] for li in items) == sorted(
        q.block for q in quotations)


# The words that join the parts of a source's publisher or author in English ("reproduced by",
# "copy on"): a Spanish page must not show them.
ENGLISH_JOINS = re.compile(r"\b(reproduced by|posted on|copy (on|at|of|in)|translated by|agencies|"
                           r"the author's|the blog|from|on|and)\b")


def test_every_source_joins_its_parts_in_spanish_on_the_spanish_pages(edition):
    names = ("In Defence of Marxism", "Voice of America", "United States District Court",
             "Encyclopedia of Latin American History and Culture")  # names, not joining words
    english = []
    for entry in edition.source.sources:
        for field in ("publisher", "author"):
            spanish = (entry.es or {}).get(field, getattr(entry, field)) or ""
            for name in names:
                spanish = spanish.replace(name, "")
            if ENGLISH_JOINS.search(spanish):
                english.append(f"{entry.id} {field}: {spanish}")
    assert english == []
