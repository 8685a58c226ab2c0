"""The curated annotations: their real content and counts, and clear errors for bad ones."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from edition.i18n import messages
from edition.cli import main
from edition.load import load_source
from edition.model import Edition, Span
from edition.kinds import AnnotationType as T
from edition.place import build_edition

from conftest import REPO, copy_project
from test_bad_input import edit

MONTHS_AND_DAYS = (r"\b(January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                   r"today|noon|dusk)\b")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return build_edition(load_source(REPO / "source"))


def spans(edition: Edition, kind: T, block: str | None = None) -> list[Span]:
    return [s for s in edition.spans_of(kind) if block is None or s.block == block]


def covered(edition: Edition, kind: T, block: str, start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in spans(edition, kind, block))


def test_counts_of_the_curated_data(edition):
    counts = Counter(s.type for s in edition.spans)
    assert (counts[T.DATE], counts[T.QUOTATION], counts[T.LACUNA], counts[T.SIC],
            counts[T.FIGURE], counts[T.NOTE], counts[T.MENTION]) == (50, 31, 9, 6, 31, 14, 148)
    assert Counter(s.annotation.kind for s in spans(edition, T.QUOTATION)) == {
        "report": 8, "speech": 8, "term": 6, "slogan": 5, "document": 4}
    assert len(edition.events) == 21
    assert Counter(e.type for e in edition.entities) == {
        "place": 17, "organisation": 16, "person": 7, "group": 4}


TRACES = {"p6": ("This is how described", "This is how "),
          "p10": ("(, October 13)", "("), "p13": ("described the situation", ""),
          "p14": ("(, October 13)", "("), "p15": ("also reported", ""),
          "p20": ("(, October 13)", "("), "p23": ("(, October 13)", "("),
          "p32": ("(, October 12)", "("), "p47": ("See the original in Spanish.",
                                                   "See the original in Spanish")}


def test_each_trace_of_a_lost_source_name_has_its_lacuna(edition):
    lacunae = {s.block: s for s in spans(edition, T.LACUNA)}
    assert set(lacunae) == set(TRACES)
    for block, (trace, gap_after) in TRACES.items():
        span = lacunae[block]
        assert span.annotation.id == f"lacuna-{block}"
        assert span.text == trace
        assert span.gap == span.start + len(gap_after)


def test_every_empty_citation_in_the_text_is_a_lacuna(edition):
    found = [(b.id, m.start()) for b in edition.blocks for m in re.finditer(r"\(, ", b.text)]
    assert len(found) == 5
    assert all(covered(edition, T.LACUNA, block, at, at + 3) for block, at in found)


def test_a_conjecture_rests_on_a_witness_that_names_the_source(edition):
    """A lost source name is conjectured only where a witness of the quoted passage names its
    source (p13: a Portuguese version ending "FONTE: Econoticiasbolivia.com"); the conjecture
    is the editors' inference and its passages are quoted."""
    conjectured = {s.annotation.id: s.annotation for s in spans(edition, T.LACUNA)
                   if s.annotation.conjecture}
    assert set(conjectured) == {"lacuna-p13"}
    lacuna = conjectured["lacuna-p13"]
    assert lacuna.conjecture.entity == "econoticias-bolivia"
    assert any("Econoticiasbolivia" in e.passage for e in lacuna.evidence)


@pytest.mark.parametrize("block,text,when", [
    ("p3", "from September 29", "2003-09-29"),
    ("p3", "at the beginning of last week", "2003-10-06~/2003-10-08~"),
    ("p4", "On Saturday, October 11", "2003-10-11"),
    ("p4", "on Sunday alone", "2003-10-12"),
    ("p6", "at 7am on Saturday", "2003-10-11T07:00"),
    ("p8", "Early on Monday morning", "2003-10-13"),
    ("p13", "at 12.30 pm", "2003-10-13T12:30"),
    ("p14", "last February 12 and 13", "2003-02-12/2003-02-13"),
    ("p17", "At noon on Monday", "2003-10-13T12:00"),
    ("p20", "from 8pm onwards", "2003-10-13T20:00"),
    ("p21", "from Tuesday 14", "2003-10-14"),
    ("p30", "on Thursday, October 9", "2003-10-09"),
    ("p40", "today", "2003-10-14"),
])
def test_key_dates_resolve_to_the_expected_iso_value(edition, block, text, when):
    matching = [s for s in spans(edition, T.DATE, block) if s.text == text]
    assert [s.annotation.when for s in matching] == [when]


def test_every_month_weekday_and_digit_lies_in_a_date_or_figure(edition):
    for block in edition.blocks:
        for m in re.finditer(MONTHS_AND_DAYS + r"|\d+(?:[,.]\d+)*", block.text):
            assert (covered(edition, T.DATE, block.id, *m.span())
                    or covered(edition, T.FIGURE, block.id, *m.span())), (block.id, m.group())


def test_relative_dates_say_how_they_were_resolved(edition):
    for span in spans(edition, T.DATE):
        if not re.search(r"\d{4}", span.text) and not re.fullmatch(r"(on|On) \w+, \w+ \d+",
                                                                   span.text):
            assert span.annotation.note, (span.block, span.text)


def test_every_quotation_has_a_kind_and_a_speaker(edition):
    for span in spans(edition, T.QUOTATION):
        a = span.annotation
        assert a.kind and (a.speaker or a.speaker_label), (span.block, span.text)
        if a.lacuna:
            assert not a.source and a.reported, (span.block, span.text)


def test_every_quotation_mark_opens_or_closes_a_quotation(edition):
    for block in edition.blocks:
        for m in re.finditer(r'["‘]', block.text):
            nickname = block.text[m.start() - 7:m.end() + 7]
            assert covered(edition, T.QUOTATION, block.id, *m.span()) or "Mallku" in nickname


def test_the_intact_citation_names_econoticias(edition):
    cited = [s for s in spans(edition, T.QUOTATION, "p31")]
    assert {s.annotation.source for s in cited} == {"econoticias-bolivia"}
    assert {s.annotation.reported for s in cited} == {"2003-10-09"}


def test_sic_readings(edition):
    readings = {(s.block, s.text): s.annotation.reading for s in spans(edition, T.SIC)}
    assert readings[("p7", "incapable of smash")] == "incapable of smashing"
    assert readings[("p33", "though")] == "through"
    assert readings[("p37", "decided")] == "decide"
    assert ("p36", "this kind of proposals") not in readings  # awkward, not an error


def test_every_figure_has_a_unit_and_what_it_counts(edition):
    for span in spans(edition, T.FIGURE):
        assert span.annotation.unit and span.annotation.counts and span.annotation.qualifier
    dead = {(s.block, s.annotation.qualifier, s.annotation.value)
            for s in spans(edition, T.FIGURE) if s.annotation.unit == "dead"}
    assert {("p1", "more-than", 50), ("p4", "more-than", 26), ("p19", "exact", 17)} <= dead


def test_registers_show_sources_lacunae_and_the_timeline(site):
    sources = (site / "register" / "sources.html").read_text(encoding="utf-8")
    assert all(f"#lacuna-{block}" in sources for block in TRACES)
    assert "Econoticiasbolivia" in sources
    timeline = (site / "register" / "timeline.html").read_text(encoding="utf-8")
    order = [timeline.index(f'id="{event}"') for event in (
        "ecuador-uprising-2000", "february-2003-revolt", "general-strike", "el-alto-massacre",
        "march-on-la-paz", "tanks-and-retreat", "dateline")]
    assert order == sorted(order)


# ─────────────────────────── bad annotations ───────────────────────────

@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "edition")


BAD = [
    ("unknown speaker", "quotations.yml", "speaker: roberto-de-la-cruz",
     "speaker: roberto-de-la-cruzz", "unknown speaker 'roberto-de-la-cruzz'"),
    ("unknown lacuna", "quotations.yml", "lacuna: lacuna-p6", "lacuna: lacuna-p99",
     "unknown lacuna 'lacuna-p99'"),
    ("quote not in the block", "quotations.yml", "text: '\"concessions\"'",
     "text: '\"concesions\"'", "does not occur in p8"),
    ("two quotations cross", "quotations.yml", "p11:\n",
     "p11:\n  - text: 'people up\" and'\n    kind: slogan\n    speaker-label: someone\n"
     "    basis: article\n    paragraphs: [p11]\n    es: {speaker-label: alguien}\n",
     "spans cross"),
    ("bad when", "dates.yml", "when: 2003-10-11T07:00", "when: 2003-10-32",
     "October 2003 has no day 32"),
    ("bad qualifier", "figures.yml", "qualifier: more-than", "qualifier: more",
     "unknown qualifier 'more'"),
    ("unknown event", "dates.yml", "event: el-alto-massacre", "event: el-alto-massacer",
     "unknown event 'el-alto-massacer'"),
    ("gap outside its trace", "lacunae.yml", 'gap-after: "("', 'gap-after: "["',
     "gap-after '[' is not in the trace"),
    ("unknown quotation kind", "quotations.yml", "kind: report", "kind: rumour",
     "unknown kind 'rumour'"),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,file,old,new,message", BAD, ids=[c[0] for c in BAD])
def test_a_bad_annotation_gives_one_clear_line(project, capsys, name, file, old, new, message):
    edit(old, new, f"annotations/{file}")(project)
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert code != 0
    assert "Traceback" not in err
    assert len(errors) == 1, errors
    assert re.search(rf"source/annotations/{re.escape(file)}:\d+: ", errors[0]), errors
    assert message in errors[0] and " — " in errors[0], errors


def test_every_event_but_one_is_linked_from_a_date_in_the_text(edition):
    linked = {s.annotation.event for s in spans(edition, T.DATE)}
    assert {e.id for e in edition.events} - linked == {"us-backs-president"}  # p18 has no date


@pytest.mark.parametrize("value,reading", [
    ("2003-02-12/2003-02-13", "12–13 February 2003"),
    ("2003-09/2003-10", "September–October 2003"),
    ("2003-09-29/..", "29 September 2003 onwards"),
    ("2003-09-28/2003-10-02", "28 September – 2 October 2003"),
    ("2003-10-06~/2003-10-08~", "6 October 2003 (approximate) to 8 October 2003 (approximate)"),
])
def test_date_intervals_read_naturally(value, reading):
    assert messages("en").date(value) == reading


def test_section_pages_mark_dates_gaps_sic_and_figures(site):
    page = (site / "sections" / "massacre-in-el-alto.html").read_text(encoding="utf-8")
    assert '<time class="date" datetime="2003-10-11T07:00"' in page
    # The lacuna's mark is drawn by the stylesheet, not written into the text (copying the
    # paragraph copies the transmitted words): an empty, labelled element in the text.
    assert 'id="lacuna-p6"' in page and "⟨…⟩" not in page.split('id="p6"')[1].split("</p>")[0]
    assert re.search(r'<span class="ed gap[^"]*" role="note" aria-label="Editorial: lost in '
                     r'transmission: [^"]+" title="[^"]+"></span>', page)
    css = (site / "assets" / "edition.css").read_text(encoding="utf-8")
    assert '.md-typeset .gap::before { content: "⟨…⟩"; content: "⟨…⟩" / ""; }' in css
    assert 'title="sic; read: incapable of smashing"' in page
    assert 'title="more than 26 dead: people killed in El Alto on Sunday 12 October alone"' in page
    assert "The Sunday after Saturday 11 October, named in the same paragraph." in page
