"""Stage 2: place the annotations on the text, check references, overlaps and completeness."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import replace

from ..kinds import KINDS, Annotation, References
from ..model import Block, Edition, Entity, Source, Span
from ..kinds import AnnotationType as T
from ..problems import Problems
from . import record as check_record
from .structure import group_sections, split_blocks


def build_edition(source: Source) -> Edition:
    """Turn validated source data into an Edition; raise SourceError listing every problem."""
    problems = Problems()
    blocks = split_blocks(source, problems)
    sections = group_sections(source, blocks, problems)
    problems.raise_if_any()  # with a wrong structure every block id after it is wrong too
    by_id = {b.id: b for b in blocks}
    placed = {a: place(a, by_id, problems) for a in source.annotations}
    spans = [span for span in placed.values() if span]
    # An entity with an unplaced mention is reported once, not again "without a mention".
    unplaced = {a.entity for a, span in placed.items() if span is None and a.KIND == T.MENTION}
    _check_references(source, spans, problems)
    _check_overlaps(spans, problems)
    check_record.check(source, blocks, spans, problems)
    _check_completeness(tuple(e for e in source.entities if e.id not in unplaced), blocks, spans,
                        problems)
    problems.raise_if_any()
    order = {b.id: i for i, b in enumerate(blocks)}
    spans.sort(key=lambda s: (order[s.block], s.start, -s.end, nesting_rank(s)))
    return Edition(source=source, blocks=blocks, sections=sections, spans=tuple(spans),
                   entities=source.entities, events=source.events)


def edition_in(edition: Edition, language: str) -> Edition:
    """The edition with the editors' text in `language` (model.Source.localized): placed again
    (the quoted anchors are the same), its sections named by their headings' translation."""
    if language == edition.source.languages[0]:
        return edition
    placed = build_edition(edition.source.localized(language))
    translation = edition.source.translation(language)
    blocks = translation.blocks if translation else {}
    sections = tuple(replace(s, title=blocks.get(s.id, s.title)) if not s.editorial_title
                     else s for s in placed.sections)
    return replace(placed, sections=sections, language=language)


def nesting_rank(span: Span) -> int:
    """When two spans cover the same text, the lower rank encloses the higher (kinds/)."""
    return KINDS.rank(span.type)


def place(annotation: Annotation, blocks: dict[str, Block], problems: Problems) -> Span | None:
    """Find the span an annotation quotes; report a problem and return None if it cannot."""
    anchor, where = annotation.anchor, annotation.where
    block = blocks.get(anchor.block)
    if block is None:
        problems.add(where.file, where.line, f"no block '{anchor.block}'",
                     "use a block id shown on the site: title, a section id, or p1…p"
                     f"{max(b.number for b in blocks.values()) if blocks else 0}")
        return None
    first = anchor.text or anchor.start_quote
    if not first or (not anchor.text and not anchor.end_quote):
        return None
    positions = _occurrences(block.text, first)
    if len(positions) < anchor.occurrence:
        problems.add(where.file, where.line, _not_found(first, anchor.occurrence, positions, block,
                                                        blocks), "quote the text exactly as in "
                     "article.txt (accents, quote marks) or correct the occurrence number")
        return None
    start = positions[anchor.occurrence - 1]
    if anchor.text:
        end = start + len(anchor.text)
    else:
        found = block.text.find(anchor.end_quote, start + len(first))
        if found < 0:
            problems.add(where.file, where.line, f"'{_short(anchor.end_quote)}' does not occur in "
                         f"{block.id} after '{_short(first)}'", "quote the end of the span exactly")
            return None
        end = found + len(anchor.end_quote)
    extra = KINDS[annotation.KIND].placed(annotation, block.text[start:end], start, problems)
    if extra is None:
        return None
    return Span(annotation=annotation, block=block.id, start=start, end=end,
                text=block.text[start:end], **extra)


def _occurrences(text: str, quote: str) -> list[int]:
    positions, at = [], text.find(quote)
    while at >= 0:
        positions.append(at)
        at = text.find(quote, at + 1)
    return positions


def _not_found(quote: str, occurrence: int, positions: list[int], block: Block,
               blocks: dict[str, Block]) -> str:
    if positions:
        return (f"'{_short(quote)}' occurs {len(positions)} time(s) in {block.id}, "
                f"not {occurrence}")
    elsewhere = [b.id for b in blocks.values() if quote in b.text]
    hint = f" (it is in {', '.join(elsewhere[:3])})" if elsewhere else ""
    if not elsewhere and quote.lower() in block.text.lower():
        hint = " (it occurs with other capitals)"
    if not elsewhere and unicodedata.normalize("NFC", quote) in unicodedata.normalize(
            "NFC", block.text):
        hint = (" (it is there, but with its accents typed differently: a letter and a separate "
                "combining mark in one, one accented letter in the other; retype the accented "
                "letters)")
    return f"'{_short(quote)}' does not occur in {block.id}{hint}"


def _check_references(source: Source, spans: list[Span], problems: Problems) -> None:
    entities = {e.id: e for e in source.entities}
    # Every declared lacuna, placed or not, so one misquoted trace gives one error, not three.
    known = References({e.id: e.type for e in source.entities}, {e.id for e in source.events},
                       {a.id for a in source.annotations if a.KIND == T.LACUNA})
    mentioned: set[str] = set()
    seen_lacunae: dict[str, int] = {}
    for span in spans:
        a, where = span.annotation, span.annotation.where
        KINDS[a.KIND].check(a, known, problems)
        if span.type == T.LACUNA:
            if a.id in seen_lacunae:
                problems.add(where.file, where.line, f"lacuna id '{a.id}' is used twice "
                             f"(also at line {seen_lacunae[a.id]})", "give each lacuna its own id")
            seen_lacunae.setdefault(a.id, where.line)
        if span.type == T.MENTION and a.entity in entities:
            mentioned.add(a.entity)
            if span.text not in entities[a.entity].forms:
                problems.add(where.file, where.line, f"'{_short(span.text)}' is not a form of "
                             f"'{a.entity}'", f"add it to the forms of '{a.entity}' in "
                             "source/entities.yml, or correct the entity")
    for entity in source.entities:
        if entity.id not in mentioned:
            problems.add(entity.where.file, entity.where.line, f"entity '{entity.id}' is never "
                         "mentioned", "add its mentions to annotations/mentions.yml or remove it")


def _check_overlaps(spans: list[Span], problems: Problems) -> None:
    by_block: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        if span.type != T.NOT_MENTION:
            by_block[span.block].append(span)
    for block_spans in by_block.values():
        block_spans.sort(key=lambda s: (s.start, -s.end, nesting_rank(s)))
        for i, outer in enumerate(block_spans):
            for inner in block_spans[i + 1:]:
                if inner.start >= outer.end:
                    break
                problem = _overlap_problem(outer, inner)
                if problem:
                    where = inner.annotation.where
                    other = outer.annotation.where
                    problems.add(where.file, where.line, f"{problem}: '{_short(inner.text)}' and "
                                 f"'{_short(outer.text)}' ({other}) in {inner.block}",
                                 "make one span lie wholly inside the other, or separate them")


def _overlap_problem(outer: Span, inner: Span) -> str | None:
    nested = inner.end <= outer.end
    if not nested:
        return "spans cross"
    if outer.type == T.MENTION and outer.type == inner.type:
        return "a mention overlaps a mention"
    if outer.type == T.MENTION:
        return "a mention cannot contain another annotation"
    same_span = (inner.start, inner.end) == (outer.start, outer.end)
    if outer.type == inner.type and (same_span or outer.type != T.QUOTATION):
        return f"two {outer.type} annotations overlap"
    return None


def _check_completeness(entities: tuple[Entity, ...], blocks: tuple[Block, ...],
                        spans: list[Span], problems: Problems) -> None:
    """Every occurrence of every form lies inside a mention or is declared not a mention."""
    mentions = defaultdict(list)
    excused = set()
    for span in spans:
        if span.type == T.MENTION:
            mentions[span.block].append((span.start, span.end))
        elif span.type == T.NOT_MENTION:
            excused.add((span.block, span.start, span.end, span.annotation.entity))
    for entity in entities:
        for form in entity.forms:
            pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
            for block in blocks:
                if form not in block.text:  # most forms are in few blocks: skip the regex
                    continue
                for match in pattern.finditer(block.text):
                    s, e = match.span()
                    if any(ms <= s and e <= me for ms, me in mentions[block.id]):
                        continue
                    if (block.id, s, e, entity.id) in excused:
                        continue
                    problems.add(entity.where.file, entity.where.line,
                                 f"'{form}' ({entity.id}) occurs in {block.id} without a mention"
                                 f" (occurrence {_nth(block.text, form, s)} of that text)",
                                 f"add it under {block.id} in annotations/mentions.yml, or to "
                                 "annotations/not-mentions.yml with a reason")


def _nth(text: str, quote: str, start: int) -> int:
    return _occurrences(text, quote).index(start) + 1


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:50] + "…"
