"""Stage 2a: split the transmitted text into blocks and sections, following `structure.yml`."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, BlockKind, Decision, Section, Source
from ..problems import Problems

_BLOCK = re.compile(r"[^\n]+")


def split_blocks(source: Source, problems: Problems) -> tuple[Block, ...]:
    """Cut the text at blank lines; give each block its kind, permanent id and section."""
    runs = [(m.start(), m.group()) for m in _BLOCK.finditer(source.text)]
    decisions = _decisions_by_block(runs, source.structure.decisions, problems)
    blocks: list[Block] = []
    section = source.structure.opening_id
    number = 0
    for index, (start, text) in enumerate(runs):
        decision = decisions.get(index)
        kind = decision.block_kind if decision else BlockKind.TEXT
        if kind is BlockKind.HEADING:
            section = decision.section_id
            block_id = section
        elif kind is BlockKind.TITLE:
            block_id = "title"
        else:
            number += 1
            block_id = f"p{number}"
        line = source.text.count("\n", 0, start) + 1
        blocks.append(Block(id=block_id, kind=kind, text=text, start=start, line=line,
                            section=section, number=number if block_id.startswith("p") else 0,
                            decision=decision))
    if runs and (0 not in decisions or decisions[0].block_kind is not BlockKind.TITLE):
        problems.add("source/structure.yml", 0, "the first line is not declared as the title",
                     f"add a decision '- block: \"{runs[0][1][:40]}\"' with 'kind: title'")
    return tuple(blocks)


def _decisions_by_block(runs: list[tuple[int, str]], decisions: tuple[Decision, ...],
                        problems: Problems) -> dict[int, Decision]:
    """Find the one block each decision quotes the beginning of."""
    found: dict[int, Decision] = {}
    for decision in decisions:
        if not decision.block_quote:
            continue
        matches = [i for i, (_, text) in enumerate(runs) if text == decision.block_quote] or [
            i for i, (_, text) in enumerate(runs) if text.startswith(decision.block_quote)]
        where = decision.where
        if not matches:
            problems.add(where.file, where.line, f"no block begins with "
                         f"'{_short(decision.block_quote)}'",
                         "quote the beginning of the block exactly as in article.txt")
        elif len(matches) > 1:
            problems.add(where.file, where.line, f"{len(matches)} blocks begin with "
                         f"'{_short(decision.block_quote)}'", "quote more of the block")
        elif matches[0] in found:
            problems.add(where.file, where.line, "a second decision for the same block "
                         f"(first at line {found[matches[0]].where.line})",
                         "keep one decision per block")
        else:
            found[matches[0]] = decision
        if decision.block_kind is BlockKind.DUPLICATE and not any(
                text.startswith(decision.duplicate_of) for _, text in runs):
            problems.add(where.file, where.line, "'duplicate-of' quotes no block",
                         "quote the beginning of the block this one repeats")
    return found


def group_sections(source: Source, blocks: tuple[Block, ...], problems: Problems) -> tuple[Section, ...]:
    """One section for the untitled opening, then one for each heading, in reading order."""
    structure = source.structure
    sections: list[Section] = []
    seen: set[str] = set()
    for block in blocks:
        if block.section in seen and (not sections or sections[-1].id != block.section):
            problems.add(block.decision.where.file if block.decision else "source/structure.yml",
                         block.decision.where.line if block.decision else 0,
                         f"section id '{block.section}' is used twice",
                         "give each heading its own id")
        if not sections or sections[-1].id != block.section:
            seen.add(block.section)
            if block.kind is BlockKind.HEADING:
                decision = block.decision
                sections.append(Section(block.section, decision.section_title or block.text,
                                         decision.summary, False, ()))
            else:
                sections.append(Section(structure.opening_id, structure.opening_title,
                                        structure.opening_summary, True, ()))
        last = sections[-1]
        sections[-1] = replace(last, blocks=last.blocks + (block,))
    return tuple(sections)


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:50] + "…"
