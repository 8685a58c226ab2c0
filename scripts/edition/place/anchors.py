"""Permanent anchors: the ledger of every published anchor, and the check that none is lost."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..load.yamlfile import read_text
from ..model import AnnotationType, Block, Edition, Source
from ..paths import TIMELINE, entity_path, html_path, section_path
from ..problems import Problem, Problems, SourceError
from .structure import group_sections, split_blocks

LEDGER = "published-anchors.txt"
DISPLAY = f"source/{LEDGER}"
HEADER = ("# Every anchor this edition has published, with a fingerprint of the text it points at.\n"
          "# Written by `edition anchors --record`. Never delete or edit a line: the build fails if\n"
          "# an anchor listed here would disappear or point at other text, or if a line is lost\n"
          "# (the seal below counts and fingerprints them). To retire an anchor, run\n"
          "# `edition anchors --remove ANCHOR --reason \"...\"`: its line stays, marked removed.\n")
# The seal: how many lines the ledger holds and a fingerprint of them, so a lost line is seen.
_SEAL = re.compile(r"^# seal: (\d+) lines?, sha256 ([0-9a-f]{16})$")
REMOVED = "removed: "  # the third column of a retired anchor's line, before the reason
RESTORE = f"restore it with 'git checkout {DISPLAY}'"


@dataclass(frozen=True, order=True)
class PublishedAnchor:
    url: str  # site-relative, e.g. sections/massacre-in-el-alto.html#p4
    fingerprint: str


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def current_anchors(edition: Edition) -> list[PublishedAnchor]:
    """Every permalink the edition publishes: pages, sections, blocks, entities, lacunae, events."""
    anchors = []
    for section in edition.sections:
        page = html_path(section_path(section.id))
        anchors.append(PublishedAnchor(page, fingerprint(section.id)))
        for block in section.blocks:
            for url in (f"{page}#{block.id}", f"article.html#{block.id}"):
                anchors.append(PublishedAnchor(url, fingerprint(block.text)))
    for entity in edition.entities:
        anchors.append(PublishedAnchor(html_path(entity_path(entity.id)), fingerprint(entity.id)))
    for lacuna in edition.spans_of(AnnotationType.LACUNA):
        page = html_path(section_path(edition.section_of(lacuna.block).id))
        anchors.append(PublishedAnchor(f"{page}#{lacuna.annotation.id}", fingerprint(lacuna.text)))
    for event in edition.events:
        anchors.append(PublishedAnchor(f"{html_path(TIMELINE)}#{event.id}", fingerprint(event.id)))
    return sorted(anchors)


@dataclass(frozen=True)
class LedgerLine:
    number: int  # in the file
    url: str
    fingerprint: str
    removed: str = ""  # the reason, for a retired anchor

    def __str__(self) -> str:
        return f"{self.url}\t{self.fingerprint}" + (f"\t{REMOVED}{self.removed}" if self.removed
                                                     else "")


@dataclass(frozen=True)
class Ledger:
    lines: tuple[LedgerLine, ...]
    sealed: bool


def read_ledger(path: Path) -> list[PublishedAnchor]:
    """The anchors the ledger lists (retired ones included); [] when it cannot be read."""
    ledger = _read(path, Problems())
    return [PublishedAnchor(line.url, line.fingerprint) for line in ledger.lines] if ledger else []


def _read(path: Path, problems: Problems, display: str = DISPLAY) -> Ledger | None:
    """The ledger's lines, each problem with its file (missing, unreadable, not UTF-8, broken
    seal, malformed line) added to `problems`; None when it cannot be read at all."""
    if not path.exists():
        problems.add(display, 0, "the ledger of published anchors is missing",
                     f"{RESTORE} (an edition never published starts one with "
                     "'edition anchors --record --start')")
        return None
    text = read_text(path, display, problems) if path.stat().st_size else ""
    if text is None:
        return None
    lines, seal, malformed = [], None, []
    for number, line in enumerate(text.splitlines(), start=1):
        if _SEAL.match(line):
            seal = _SEAL.match(line)
        elif line.strip() and not line.startswith("#"):
            url, _, rest = line.partition("\t")
            digest, _, removed = rest.partition("\t")
            if not url.strip() or not re.fullmatch(r"[0-9a-f]+", digest.strip()) or (
                    removed and not removed.startswith(REMOVED)):
                malformed.append(number)
                continue
            lines.append(LedgerLine(number, url.strip(), digest.strip(),
                                    removed.removeprefix(REMOVED).strip()))
    if seal and not _check_seal(lines, int(seal[1]), seal[2], display, problems):
        return None  # its lines cannot be trusted: that one problem is the one to fix
    for number in malformed:
        problems.add(display, number, "this line is not 'ANCHOR<tab>FINGERPRINT'",
                     f"{RESTORE}; never edit the ledger by hand")
    return Ledger(tuple(lines), seal is not None)


def _seal(lines) -> str:
    body = "\n".join(str(line) for line in lines)
    return f"# seal: {len(lines)} lines, sha256 {hashlib.sha256(body.encode()).hexdigest()[:16]}"


def _check_seal(lines: list[LedgerLine], count: int, digest: str, display: str,
                problems: Problems) -> bool:
    if _seal(lines) == f"# seal: {count} lines, sha256 {digest}":
        return True
    if len(lines) < count:
        what = f"{count - len(lines)} line(s) were lost (the seal counts {count}, the file " \
               f"holds {len(lines)})"
    elif len(lines) > count:
        what = f"{len(lines) - count} line(s) were added by hand (the seal counts {count})"
    else:
        what = "lines were changed by hand (they no longer match the seal)"
    problems.add(display, 0, f"the ledger only grows, but {what}",
                 f"{RESTORE}, then run 'edition anchors --record'; retire an anchor only with "
                 "'edition anchors --remove ANCHOR --reason ...'")
    return False


def check_ledger(edition: Edition, path: Path, problems: Problems) -> list[PublishedAnchor]:
    """Report published anchors that would vanish or move, and a missing or damaged ledger;
    return the anchors not yet recorded."""
    current = current_anchors(edition)
    now = {a.url: a.fingerprint for a in current}
    ledger = _read(path, problems)
    if ledger is None:
        return []
    if not ledger.sealed:
        problems.add(DISPLAY, 0, "the ledger has no seal line", f"{RESTORE}; a ledger from before "
                     "seals gets one from 'edition anchors --record'")
    for line in ledger.lines:
        if line.removed:
            continue
        if line.url not in now:
            problems.add(DISPLAY, line.number, f"published anchor '{line.url}' would disappear",
                         "restore the section, block or entity it names (anchors are forever)")
        elif now[line.url] != line.fingerprint:
            problems.add(DISPLAY, line.number, f"published anchor '{line.url}' would point at "
                         "other text", "restore the text or block order it named; never "
                         "renumber paragraphs")
    recorded = {line.url for line in ledger.lines}
    return [a for a in current if a.url not in recorded]


def record_ledger(edition: Edition, path: Path, start: bool = False) -> int:
    """Add the anchors not yet in the ledger; never removes a line. Returns how many were added.
    Refuses (SourceError) a missing ledger unless `start`, and a damaged one."""
    problems = Problems()
    ledger = Ledger((), True) if start and not path.exists() else _read(path, problems)
    problems.raise_if_any()
    known = {line.url for line in ledger.lines}
    new = [LedgerLine(0, a.url, a.fingerprint) for a in current_anchors(edition)
           if a.url not in known]
    _write(path, list(ledger.lines) + new)
    return len(new)


def remove_from_ledger(path: Path, url: str, reason: str) -> None:
    """Retire one anchor: its line stays, marked removed with the reason, and the build stops
    requiring it. Refuses (SourceError) an unknown or retired anchor, or no reason."""
    problems = Problems()
    ledger = _read(path, problems)
    problems.raise_if_any()
    found = [line for line in ledger.lines if line.url == url]
    if not reason.strip():
        problems.add(DISPLAY, 0, "a removal needs its reason", "add --reason \"why it goes\"")
    elif not found:
        problems.add(DISPLAY, 0, f"'{url}' is not in the ledger",
                     "name the anchor as the ledger writes it, e.g. sections/opening.html#p3")
    elif found[0].removed:
        problems.add(DISPLAY, found[0].number, f"'{url}' was removed already",
                     "nothing to do")
    problems.raise_if_any()
    retired = " ".join(reason.split())
    _write(path, [LedgerLine(line.number, line.url, line.fingerprint, retired)
                  if line.url == url else line for line in ledger.lines])


def _write(path: Path, lines: list[LedgerLine]) -> None:
    """Write the ledger sorted and sealed, all at once: a full disk or a kill leaves the old one."""
    if path.exists() and not os.access(path, os.W_OK):
        raise SourceError([Problem(DISPLAY, 0, "the ledger is read-only",
                                   f"make it writable (chmod u+w {DISPLAY}) and run again")])
    ordered = sorted(lines, key=lambda line: (line.url, line.fingerprint))
    text = HEADER + _seal(ordered) + "\n" + "".join(f"{line}\n" for line in ordered)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# --- when block ids shift: the cause first ----------------------------------------------------

def with_root_cause(err: SourceError, source: Source, path: Path) -> SourceError:
    """`err`, led by the one problem that explains the rest when the text's blocks no longer
    have the ids the ledger recorded (hundreds of annotations then quote the wrong block)."""
    structural = Problems()
    blocks = split_blocks(source, structural)
    group_sections(source, blocks, structural)
    if structural:  # a structure problem is reported as itself, and explains the rest
        return err
    cause = shifted_blocks(blocks, path)
    return SourceError([cause, *err.problems]) if cause else err


def shifted_blocks(blocks: tuple[Block, ...], path: Path) -> Problem | None:
    """Which published block ids now name other text, and why, from the ledger's fingerprints."""
    ledger = _read(path, Problems())
    if ledger is None:
        return None
    recorded = {line.url.removeprefix("article.html#"): line.fingerprint for line in ledger.lines
                if line.url.startswith("article.html#") and not line.removed}
    by_id = {b.id: b for b in blocks}
    by_text = {fingerprint(b.text): b for b in blocks}
    changed = [(old, by_text.get(digest)) for old, digest in recorded.items()
               if old not in by_id or fingerprint(by_id[old].text) != digest]
    if not changed:
        return None
    order = {b.id: n for n, b in enumerate(blocks)}
    changed.sort(key=lambda pair: order.get(pair[0], len(order)))
    old, now = changed[0]
    more = f"; {len(changed) - 1} more published block ids name other text" if changed[1:] else ""
    if now is None:
        block = by_id.get(old)
        where = (block.decision.where.file, block.decision.where.line) if block and \
            block.decision else ("source/article.txt", block.line if block else 0)
        return Problem(*where, f"the text's blocks have shifted: published block {old} is no "
                       f"longer a block of the text (it was split, joined with a neighbour, or "
                       f"changed){more}", "restore article.txt and structure.yml: block ids are "
                       "forever (errors below follow from this one)")
    where = now.decision.where if now.decision else None
    how = f" (it is a {now.kind.value} by the decision at {where})" if where else ""
    return Problem(where.file if where else "source/article.txt", where.line if where else now.line,
                   f"the text's blocks have shifted: published block {old} is now {now.id}{how}"
                   f"{more}", "undo that change: block ids are forever (errors below follow "
                   "from this one)")
