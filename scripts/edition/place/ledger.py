"""The ledger file, source/published-anchors.txt: its lines, its seal, and writing it whole.

Three kinds of line, tab-separated:
  ANCHOR  FINGERPRINT                               a published anchor and its text's fingerprint
  ANCHOR  FINGERPRINT  removed: REASON              a retired one (the line stays)
  ANCHOR  FINGERPRINT  moved to TARGET: REASON      a moved one: its old URL redirects to TARGET
  @VERSION  ANCHOR  FINGERPRINT                     the anchor's text and apparatus in VERSION
and a seal line that counts and fingerprints them all, so a lost or edited line is seen.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..load.yamlfile import read_text
from ..problems import Problem, Problems, SourceError
from ..whole import write_whole

LEDGER = "published-anchors.txt"
DISPLAY = f"source/{LEDGER}"
HEADER = ("# Every anchor this edition has published, with a fingerprint of the text it points at.\n"
          "# Written by `edition anchors --record`. Never delete or edit a line: the build fails if\n"
          "# an anchor listed here would disappear or point at other text, or if a line is lost\n"
          "# (the seal below counts and fingerprints them). To retire an anchor, run\n"
          "# `edition anchors --remove ANCHOR --reason \"...\"`: its line stays, marked removed.\n"
          "# A renamed page keeps its old address: `edition anchors --move OLD --to NEW --reason`.\n"
          "# Lines '@VERSION ANCHOR FINGERPRINT' keep each version's fingerprint of the anchor's\n"
          "# text and apparatus (the changelog and the 'changed since' notices read them).\n")
# The seal: how many lines the ledger holds and a fingerprint of them, so a lost line is seen.
_SEAL = re.compile(r"^# seal: (\d+) lines?, sha256 ([0-9a-f]{16})$")
REMOVED = "removed: "  # the third column of a retired anchor's line, before the reason
_MOVED = re.compile(r"moved to (\S+): (.*)")
_VERSION = re.compile(r"@(\d+\.\d+\.\d+)")
RESTORE = f"restore it with 'git checkout {DISPLAY}'"


@dataclass(frozen=True)
class LedgerLine:
    number: int  # in the file
    url: str
    fingerprint: str
    removed: str = ""  # the reason, for a retired (or moved) anchor
    moved_to: str = ""  # the anchor it moved to, for a moved one

    def __str__(self) -> str:
        if self.moved_to:
            return f"{self.url}\t{self.fingerprint}\tmoved to {self.moved_to}: {self.removed}"
        return f"{self.url}\t{self.fingerprint}" + (f"\t{REMOVED}{self.removed}" if self.removed
                                                     else "")


@dataclass(frozen=True)
class VersionLine:
    number: int
    version: str
    url: str
    fingerprint: str  # of the anchor's text and apparatus in that version

    def __str__(self) -> str:
        return f"@{self.version}\t{self.url}\t{self.fingerprint}"


@dataclass(frozen=True)
class Ledger:
    lines: tuple[LedgerLine, ...]
    sealed: bool
    versions: tuple[VersionLine, ...] = ()


def read(path: Path, problems: Problems, display: str = DISPLAY) -> Ledger | None:
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
    lines, versions, seal, malformed = [], [], None, []
    for number, line in enumerate(text.splitlines(), start=1):
        if _SEAL.match(line):
            seal = _SEAL.match(line)
        elif line.strip() and not line.startswith("#"):
            parsed = _parse(number, line)
            if parsed is None:
                malformed.append(number)
            else:
                (versions if isinstance(parsed, VersionLine) else lines).append(parsed)
    if seal and not _check_seal([*lines, *versions], int(seal[1]), seal[2], display, problems):
        return None  # its lines cannot be trusted: that one problem is the one to fix
    for number in malformed:
        problems.add(display, number, "this line is not 'ANCHOR<tab>FINGERPRINT'",
                     f"{RESTORE}; never edit the ledger by hand")
    return Ledger(tuple(lines), seal is not None, tuple(versions))


def _parse(number: int, line: str) -> LedgerLine | VersionLine | None:
    first, _, rest = line.partition("\t")
    version = _VERSION.fullmatch(first.strip())
    if version:
        url, _, digest = rest.partition("\t")
        if url.strip() and re.fullmatch(r"[0-9a-f]+", digest.strip()):
            return VersionLine(number, version[1], url.strip(), digest.strip())
        return None
    digest, _, third = rest.partition("\t")
    if not first.strip() or not re.fullmatch(r"[0-9a-f]+", digest.strip()):
        return None
    moved = _MOVED.fullmatch(third.strip())
    if moved:
        return LedgerLine(number, first.strip(), digest.strip(), moved[2].strip(), moved[1])
    if third and not third.startswith(REMOVED):
        return None
    return LedgerLine(number, first.strip(), digest.strip(), third.removeprefix(REMOVED).strip())


def _seal(lines) -> str:
    body = "\n".join(str(line) for line in lines)
    return f"# seal: {len(lines)} lines, sha256 {hashlib.sha256(body.encode()).hexdigest()[:16]}"


def _check_seal(lines: list, count: int, digest: str, display: str, problems: Problems) -> bool:
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


def version_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def write(path: Path, lines: list[LedgerLine], versions: list[VersionLine] = ()) -> None:
    """Write the ledger sorted and sealed, all at once: a full disk or a kill leaves the old one."""
    if path.exists() and not os.access(path, os.W_OK):
        raise SourceError([Problem(DISPLAY, 0, "the ledger is read-only",
                                   f"make it writable (chmod u+w {DISPLAY}) and run again")])
    ordered = sorted(lines, key=lambda line: (line.url, line.fingerprint))
    ordered += sorted(versions, key=lambda v: (version_key(v.version), v.url))
    text = HEADER + _seal(ordered) + "\n" + "".join(f"{line}\n" for line in ordered)
    write_whole(path, text.encode("utf-8"))
