"""Stage 2b: the record's references into the placed text: compared figures, paragraphs,
witnessed quotations and changelog anchors each name something that exists."""
from __future__ import annotations

from ..model import AnnotationType as T, Block, Source, Span
from ..problems import Problems

# The pages a changelog entry may name by a word, and the pages they are (pages_record links them).
PAGE_ANCHORS = {"home": "index.md", "article": "article.md", "method": "method.md",
                "bibliography": "bibliography.md", "record": "record.md",
                "changelog": "changelog.md", "figures": "register/figures.md",
                "timeline": "register/timeline.md",
                "sources-and-quotations": "register/sources.md", "download": "download.md",
                "edition": "index.md"}


def check(source: Source, blocks: tuple[Block, ...], spans: list[Span], problems: Problems) -> None:
    block_ids = {b.id for b in blocks} | {b.section for b in blocks}
    texts = {b.id: b.text for b in blocks}
    quotations = {(s.block, s.text) for s in spans if s.type is T.QUOTATION}
    lacunae = {s.annotation.id for s in spans if s.type is T.LACUNA}
    for comparison in source.record.comparisons:
        for ref in comparison.figures:
            # The quoted words must be in the block; a figure annotation on them (the usual
            # case) gets the comparison in its note.
            if ref.text not in texts.get(ref.block, ""):
                problems.add(comparison.where.file, comparison.where.line,
                             f"'{ref.text[:50]}' does not occur in {ref.block}",
                             "quote the figure's words exactly as in article.txt, with its block id")
    for entry in source.record.entries:
        for block_id in entry.paragraphs:
            if block_id not in block_ids:
                problems.add(entry.where.file, entry.where.line, f"no block '{block_id}'",
                             "name a paragraph shown on the site, e.g. p8")
    for witness in source.witnesses.quotations:
        if not any(b == witness.block and text.startswith(witness.quote)
                   for b, text in quotations):
            problems.add(witness.where.file, witness.where.line, f"no quotation in "
                         f"{witness.block} begins '{witness.quote[:40]}'",
                         "quote the opening of a quotation of annotations/quotations.yml")
        if witness.lacuna and witness.lacuna not in lacunae:
            problems.add(witness.where.file, witness.where.line, f"unknown lacuna "
                         f"'{witness.lacuna}'", "use an id from annotations/lacunae.yml")
    known = anchor_targets(source, blocks, spans)
    for version in source.versions:
        for change in version.changes:
            if change.anchor not in known:
                problems.add(change.where.file, change.where.line, f"unknown anchor "
                             f"'{change.anchor}'", "name a block (p13), an entity, event, record "
                             "or source id, a lacuna id, or a page (" + ", ".join(PAGE_ANCHORS) + ")")


def anchor_targets(source: Source, blocks: tuple[Block, ...], spans: list[Span]) -> set[str]:
    """Every name a changelog entry may use."""
    names = {b.id for b in blocks} | {b.section for b in blocks} | set(PAGE_ANCHORS)
    names |= {e.id for e in source.entities} | {e.id for e in source.events}
    names |= {e.id for e in source.record.entries} | {c.id for c in source.record.comparisons}
    names |= {s.id for s in source.sources}
    names |= {s.annotation.id for s in spans if s.type is T.LACUNA}
    return names
