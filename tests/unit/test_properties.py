"""Property tests (hypothesis) for the span logic of place.py and the anchor ledger."""
from __future__ import annotations


from hypothesis import given, settings, strategies as st

from edition.place import anchors
from edition.load import load_source
from edition.model import Block, BlockKind, Located
from edition.kinds import KINDS, Annotation, AnnotationType as T
from edition.place import _check_overlaps, build_edition, place
from edition.problems import Problems

from conftest import REPO

WHERE = Located("annotations/test.yml", 1)
TEXTS = st.text(alphabet="ab c", min_size=1, max_size=40)  # few letters: many repeated quotes


def block(text: str) -> Block:
    return Block(id="p1", kind=BlockKind.TEXT, text=text, start=0, line=1, section="s", number=1)


def annotation(quote: str, occurrence: int, type_: str = T.MENTION, line: int = 1) -> Annotation:
    """An annotation of kind `type_` quoting `quote`, as the loader makes one (its own fields
    given values its kind accepts)."""
    model = KINDS[type_].model
    values = {"block": "p1", "text": quote, "occurrence": occurrence,
              "where": Located(WHERE.file, line), "entity": "x", "when": "2003",
              "kind": "report", "basis": "editorial"}
    return model.model_construct(**{k: v for k, v in values.items() if k in model.model_fields})


def occurrence_at(text: str, quote: str, start: int) -> int:
    """Which occurrence of `quote` begins at `start`, counting overlapping ones as place.py does."""
    return sum(1 for i in range(start + 1) if text.startswith(quote, i))


@st.composite
def text_and_cuts(draw):
    text = draw(TEXTS)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=8)))
    return text, list(zip(cuts[::2], cuts[1::2]))


@given(text_and_cuts())
def test_disjoint_quotes_resolve_to_their_offsets(case):
    text, spans = case
    problems = Problems()
    for start, end in spans:
        if start == end:
            continue
        quote = text[start:end]
        span = place(annotation(quote, occurrence_at(text, quote, start)), {"p1": block(text)},
                     problems)
        assert span is not None and (span.start, span.end, span.text) == (start, end, quote)
    assert not problems


@given(TEXTS, st.text(alphabet="ab c", min_size=1, max_size=3), st.integers(1, 50))
def test_an_occurrence_past_the_last_is_reported_not_guessed(text, quote, occurrence):
    problems = Problems()
    span = place(annotation(quote, occurrence), {"p1": block(text)}, problems)
    count = occurrence_at(text, quote, len(text))
    assert (span is None) == (occurrence > count) == bool(problems)


@given(TEXTS, st.tuples(st.integers(0, 40), st.integers(1, 40)),
       st.tuples(st.integers(0, 40), st.integers(1, 40)),
       st.sampled_from([T.MENTION, T.DATE, T.QUOTATION]), st.sampled_from([T.MENTION, T.DATE]))
def test_overlap_detection_does_not_depend_on_order(text, first, second, type_a, type_b):
    b = block(text)
    spans = []
    for (start, length), type_, line in ((first, type_a, 1), (second, type_b, 2)):
        start = min(start, len(text) - 1)
        quote = text[start:start + length]
        span = place(annotation(quote, occurrence_at(text, quote, start), type_, line),
                     {"p1": b}, Problems())
        spans.append(span)
    forward, backward = Problems(), Problems()
    _check_overlaps(list(spans), forward)
    _check_overlaps(list(reversed(spans)), backward)
    assert bool(forward) == bool(backward)
    a, c = spans
    crossing = a.start < c.start < a.end < c.end or c.start < a.start < c.end < a.end
    if crossing:
        assert forward


EDITION = build_edition(load_source(REPO / "source"))


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_recorded_ledger_checks_clean_and_every_lost_or_moved_anchor_is_reported(data, tmp_path_factory):
    ledger = tmp_path_factory.mktemp("ledger") / anchors.LEDGER
    anchors.record_ledger(EDITION, ledger, start=True)
    problems = Problems()
    assert anchors.check_ledger(EDITION, ledger, problems) == [] and not problems
    recorded = anchors.read_ledger(ledger)
    n = data.draw(st.sampled_from(range(len(recorded))))
    url, digest = recorded[n].url, recorded[n].fingerprint
    other = "0" * 12 if digest != "0" * 12 else "1" * 12
    broken = data.draw(st.sampled_from([(f"{url}x", digest), (url, other)]))
    # Written (and sealed) as `edition anchors` writes a ledger: a hand edit breaks the seal.
    anchors._write(ledger, [anchors.LedgerLine(0, *broken) if i == n else
                            anchors.LedgerLine(0, a.url, a.fingerprint)
                            for i, a in enumerate(recorded)])
    lines = ledger.read_text(encoding="utf-8").splitlines()
    n = lines.index("\t".join(broken))
    problems = Problems()
    unrecorded = anchors.check_ledger(EDITION, ledger, problems)
    assert [a.url for a in unrecorded] == ([url] if broken[0] == f"{url}x" else [])
    try:
        problems.raise_if_any()
    except Exception as err:
        reported = err.problems
    else:
        reported = ()
    assert [(p.line, url in p.message) for p in reported] == [(n + 1, True)]
