"""Stage 2b: the apparatus's references into the placed text: compared figures, the
paragraphs a statement rests on, witnessed quotations, the translation's blocks and changelog
anchors each name something that exists."""
from __future__ import annotations

from ..load.references import records
from ..model import Block, Source, Span, Statement
from ..kinds import AnnotationType as T
from ..problems import Problems
from ..wording import has_common_form

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
    quotations = {(s.block, s.text) for s in spans if s.type == T.QUOTATION}
    # Every declared lacuna, placed or not: one misquoted trace gives one problem, not three.
    lacunae = {a.id for a in source.annotations if a.KIND == T.LACUNA}
    for comparison in source.record.comparisons:
        for ref in comparison.figures:
            # The quoted words must be in the block; a figure annotation on them (the usual
            # case) gets the comparison in its note.
            if ref.text not in texts.get(ref.block, ""):
                problems.add(comparison.where.file, comparison.where.line,
                             f"'{ref.text[:50]}' does not occur in {ref.block}",
                             "quote the figure's words exactly as in article.txt, with its block id")
    for statement in records(source):
        for block_id in getattr(statement, "paragraphs", ()) if isinstance(
                statement, Statement) else ():
            if block_id not in block_ids:
                problems.add(statement.where.file, statement.where.line, f"no block "
                             f"'{block_id}'", "name a paragraph shown on the site, e.g. p8")
    _check_witnesses(source, texts, quotations, lacunae, problems)
    _check_translations(source, blocks, problems)
    known = anchor_targets(source, blocks)
    for version in source.versions:
        for change in version.changes:
            if change.anchor not in known:
                problems.add(change.where.file, change.where.line, f"unknown anchor "
                             f"'{change.anchor}'", "name a block (p13), an entity, event, record "
                             "or source id, a lacuna id, or a page (" + ", ".join(PAGE_ANCHORS) + ")")


def _check_witnesses(source: Source, texts: dict[str, str], quotations: set[tuple[str, str]],
                     lacunae: set[str], problems: Problems) -> None:
    for witness in source.witnesses.quotations:
        where = witness.where
        quoted = next((text for b, text in quotations
                       if b == witness.block and text.startswith(witness.quote)), None)
        if quoted is None and not _declared_quotation(source, witness.block, witness.quote):
            problems.add(where.file, where.line, f"no quotation in {witness.block} begins "
                         f"'{witness.quote[:40]}'",
                         "quote the opening of a quotation of annotations/quotations.yml")
        if witness.lacuna and witness.lacuna not in lacunae:
            problems.add(where.file, where.line, f"unknown lacuna '{witness.lacuna}'",
                         "use an id from annotations/lacunae.yml")
        for shift in witness.shifts:
            if shift.english not in texts.get(witness.block, shift.english):
                problems.add(shift.where.file, shift.where.line, f"'{shift.english[:40]}' does "
                             f"not occur in {witness.block}", "quote the article's words exactly")


def _declared_quotation(source: Source, block: str, opening: str) -> bool:
    """A quotation of `block` that begins `opening` is declared (if it is not placed, its own
    problem is reported)."""
    return any(a.KIND == T.QUOTATION and a.block == block
               and (a.text or a.from_ or "").startswith(opening[:20]) for a in source.annotations)


def _check_translations(source: Source, blocks: tuple[Block, ...], problems: Problems) -> None:
    """A translation renders every block of the text, and only those; it gives every locator of
    an evidence item or a witness that is not of a common form, and only those."""
    ids = [b.id for b in blocks]
    given = [(item.where if item.where.line else record.where, item.at)
             for record in records(source) for item in getattr(record, "evidence", ())]
    given += [(w.where, w.at) for w in source.witnesses.quotations if w.at]
    locators = {at for _, at in given}
    for translation in source.translations:
        where = translation.where
        missing = [i for i in ids if i not in translation.blocks]
        unknown = [i for i in translation.blocks if i not in ids]
        if missing:
            problems.add(where.file, where.line, f"no translation of {', '.join(missing[:5])}"
                         + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""),
                         "translate every block under 'blocks:', by its id")
        if unknown:
            problems.add(where.file, where.line, f"no block '{unknown[0]}' in the text",
                         "translate the blocks the site shows: title, section ids, p1…")
        unused = sorted(set(translation.locators) - locators)
        if unused:
            problems.add(where.file, where.line, f"no evidence item stands at '{unused[0]}'",
                         "under 'locators:', translate an 'at' as the data writes it")
        for located, at in given:
            if at not in translation.locators and not has_common_form(at):
                problems.add(located.file, located.line, f"'at: {at}' has no {translation.language} "
                             "wording", f"translate it under 'locators:' in {where.file}, or write "
                             "it in a common form ('paragraph 2', 'paragraphs 2–3')")


def anchor_targets(source: Source, blocks: tuple[Block, ...]) -> set[str]:
    """Every name a changelog entry may use."""
    names = {b.id for b in blocks} | {b.section for b in blocks} | set(PAGE_ANCHORS)
    names |= {e.id for e in source.entities} | {e.id for e in source.events}
    names |= {e.id for e in source.record.entries} | {c.id for c in source.record.comparisons}
    names |= {s.id for s in source.sources}
    names |= {a.id for a in source.annotations if a.KIND == T.LACUNA}
    return names
