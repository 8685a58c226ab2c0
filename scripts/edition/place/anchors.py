"""Permanent anchors: the ledger of every published anchor, and the check that none is lost."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model import AnnotationType, Edition
from ..paths import TIMELINE, entity_path, html_path, section_path
from ..problems import Problems

LEDGER = "published-anchors.txt"
HEADER = ("# Every anchor this edition has published, with a fingerprint of the text it points at.\n"
          "# Written by `edition anchors --record`. Never delete a line: the build fails if an\n"
          "# anchor listed here would disappear or point at other text.\n")


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


def read_ledger(path: Path) -> list[PublishedAnchor]:
    if not path.exists():
        return []
    anchors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            url, _, digest = line.partition("\t")
            anchors.append(PublishedAnchor(url.strip(), digest.strip()))
    return anchors


def check_ledger(edition: Edition, path: Path, problems: Problems) -> list[PublishedAnchor]:
    """Report published anchors that would vanish or move; return the ones not yet recorded."""
    now = {a.url: a.fingerprint for a in current_anchors(edition)}
    display = f"source/{LEDGER}"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    recorded = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        url, _, digest = line.partition("\t")
        recorded.add(url)
        if url not in now:
            problems.add(display, number, f"published anchor '{url}' would disappear",
                         "restore the section, block or entity it names (anchors are forever)")
        elif now[url] != digest:
            problems.add(display, number, f"published anchor '{url}' would point at other text",
                         "restore the text or block order it named; never renumber paragraphs")
    return [a for a in current_anchors(edition) if a.url not in recorded]


def record_ledger(edition: Edition, path: Path) -> int:
    """Add the anchors not yet in the ledger; never removes a line. Returns how many were added."""
    existing = read_ledger(path)
    known = {a.url for a in existing}
    new = [a for a in current_anchors(edition) if a.url not in known]
    body = "".join(f"{a.url}\t{a.fingerprint}\n" for a in sorted(existing + new))
    path.write_text(HEADER + body, encoding="utf-8")
    return len(new)
