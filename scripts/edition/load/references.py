"""The rule that statements cite: every cited source exists, and every statement of a kind that
counts as an external claim (source/README.md) cites one or names its basis."""
from __future__ import annotations

from typing import Iterable

from ..model import AnnotationType as T, Located, Source
from ..problems import Problems
from .checks import VERSION


def check_references(source: Source, problems: Problems, resolve: bool = True) -> None:
    """Every cited source exists; every statement of a kind that counts as an external claim
    (source/README.md) cites a source or names its basis."""
    known = {s.id for s in source.sources}
    for where, ids in _citations(source) if resolve else ():
        for source_id in ids:
            if source_id not in known:
                problems.add(where.file, where.line, f"unknown source '{source_id}'",
                             "use an id from source/sources.yml or add the entry there")
    for where, what in _uncited_claims(source):
        problems.add(where.file, where.line, f"{what} states facts but cites no source",
                     "add 'sources: [id, …]' (ids from source/sources.yml), or 'basis: article'"
                     " / 'editorial' / 'inference' (see source/README.md)")
    _check_current_version(source, problems)


def cited_ids(source: Source) -> set[str]:
    """Every source id some statement cites."""
    return {i for _, ids in _citations(source) for i in ids}


def _citations(source: Source) -> Iterable[tuple[Located, tuple[str, ...]]]:
    art = source.bibliography.article
    yield art.where or Located("source/bibliography.yml", 0), art.sources
    for decision in source.structure.decisions:
        yield decision.where, decision.sources
    for item in source.entities + source.events:
        yield item.where, item.sources
    for annotation in source.annotations:
        yield annotation.where, annotation.sources
    for entry in source.record.entries:
        yield entry.where, entry.sources
    for comparison in source.record.comparisons:
        for count in comparison.counts:
            yield count.where, (count.source,) if count.source else ()
    for witness in source.witnesses.text + source.witnesses.quotations:
        yield witness.where, (witness.source,) if witness.source else ()


# The kinds of statement that count as external claims (source/README.md): what the register
# says of an entity, what the timeline says of an event, an editorial note, the note on a
# figure or a quotation, and the evidence for a conjecture.
CLAIM_NOTES = {T.NOTE: "the note", T.FIGURE: "the figure's note", T.QUOTATION: "the quotation's note",
               T.LACUNA: "the conjecture's evidence"}


def _uncited_claims(source: Source) -> Iterable[tuple[Located, str]]:
    for entity in source.entities:
        if entity.description and not (entity.sources or entity.basis):
            yield entity.where, f"the description of '{entity.id}'"
    for event in source.events:
        if event.description and not (event.sources or event.basis):
            yield event.where, f"the description of event '{event.id}'"
    for a in source.annotations:
        text = a.conjecture_evidence if a.type is T.LACUNA else a.note
        if a.type in CLAIM_NOTES and text and not (a.sources or a.basis):
            yield a.where, f"{CLAIM_NOTES[a.type]} in {a.anchor.block}"


def _check_current_version(source: Source, problems: Problems) -> None:
    edition = source.bibliography.edition
    if not source.versions or not VERSION.fullmatch(edition.version):
        return  # a malformed version is reported once, by the bibliography's own check
    last = source.versions[-1]
    if last.version != edition.version:
        problems.add(last.where.file, last.where.line, f"the last version is {last.version}, but "
                     f"bibliography.yml gives {edition.version}",
                     "list the current version last, with the same number")
