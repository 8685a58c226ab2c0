"""Permanent anchors: the ledger of every published anchor, and the check that none is lost."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..load import raw as raw_source
from ..load.yamlfile import plain_data
from ..model import Block, Edition, Source
from ..kinds import AnnotationType
from ..paths import language_prefix, TIMELINE, entity_path, html_path, page_stem, section_path
from ..problems import Problem, Problems, SourceError
from .fingerprints import LANGUAGE_FOLDER, apparatus_fingerprints
from .history import AnchorHistory, history
from .structure import group_sections, split_blocks

# The ledger's file format lives in ledger.py; its names are kept here for the callers.
from .ledger import DISPLAY, LEDGER, REMOVED, RESTORE, Ledger, LedgerLine, VersionLine  # noqa: F401
from .ledger import read as _read, write as _write  # noqa: F401

# Every page's own address is permanent too, and the anchors of the apparatus's pages
# (pages/record.py writes them; tests/build/test_anchors.py checks that each exists).
PAGES = ("index.html", "article.html", "method.html", "bibliography.html", "record.html",
         "changelog.html", "download.html", "register/people.html", "register/organisations.html",
         "register/places.html", "register/sources.html", "register/timeline.html",
         "register/figures.html")
METHOD_ANCHORS = ("note-on-the-text", "principles", "witnesses", "quotation-witnesses",
                  "not-checked", "colophon")


@dataclass(frozen=True, order=True)
class PublishedAnchor:
    url: str  # site-relative, e.g. sections/massacre-in-el-alto.html#p4
    fingerprint: str


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def current_anchors(edition: Edition) -> list[PublishedAnchor]:
    """Every permalink the edition publishes: pages, sections, blocks, entities, lacunae,
    events, and the entries of the apparatus's pages (sources, record, comparisons, versions)."""
    anchors = [PublishedAnchor(page, fingerprint(page)) for page in PAGES]
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
    anchors += _apparatus_anchors(edition)
    # Each other language's pages have the same anchors, under its folder (es/…).
    others = [language_prefix(edition, lang) for lang in edition.source.languages[1:]]
    return sorted(anchors + [PublishedAnchor(prefix + a.url, a.fingerprint)
                             for prefix in others for a in anchors])


def _apparatus_anchors(edition: Edition) -> list[PublishedAnchor]:
    src = edition.source
    ids = [("bibliography.html", s.id) for s in src.sources]
    ids += [("record.html", e.id) for e in src.record.entries]
    ids += [("record.html", f"part-{part}") for part in sorted({e.part for e in src.record.entries})]
    ids += [("register/figures.html", c.id) for c in src.record.comparisons]
    ids += [("register/figures.html", "against-the-record")] if src.record.comparisons else []
    ids += [("changelog.html", "v" + v.version.replace(".", "-")) for v in src.versions]
    ids += [("method.html", anchor) for anchor in METHOD_ANCHORS]
    ids += [("method.html", f"witness-{w.id}") for w in src.witnesses.text]
    return [PublishedAnchor(f"{page}#{name}", fingerprint(name)) for page, name in ids]


def live_fingerprints(edition: Edition, source: Path) -> dict[str, str]:
    """url → the fingerprint of each current anchor's text and apparatus (fingerprints.py)."""
    blocks = {b.id: b.text for b in edition.blocks}
    raw = raw_source.read_raw(raw_source.from_folder(source))
    return apparatus_fingerprints(raw, blocks, ((a.url, a.fingerprint)
                                                for a in current_anchors(edition)))


def anchor_history(edition: Edition, path: Path) -> AnchorHistory:
    """The versions' fingerprints the ledger at `path` keeps, beside this build's own."""
    return history_of(edition, _read(path, Problems()), path.parent)


def history_of(edition: Edition, ledger: Ledger | None, source: Path) -> AnchorHistory:
    """The versions' fingerprints `ledger` keeps, beside this build's own (from `source`)."""
    return history(edition, ledger.versions if ledger else (), live_fingerprints(edition, source))


def read_ledger(path: Path) -> list[PublishedAnchor]:
    """The anchors the ledger lists (retired ones included); [] when it cannot be read."""
    ledger = _read(path, Problems())
    return [PublishedAnchor(line.url, line.fingerprint) for line in ledger.lines] if ledger else []


def check_ledger(edition: Edition, path: Path, problems: Problems) -> list[PublishedAnchor]:
    """Report published anchors that would vanish or move, and a missing or damaged ledger;
    return the anchors not yet recorded."""
    return check_lines(edition, _read(path, problems), problems)


def check_lines(edition: Edition, ledger: Ledger | None, problems: Problems) -> list[PublishedAnchor]:
    """check_ledger on a ledger already read (None: it could not be, and said why)."""
    current = current_anchors(edition)
    now = {a.url: a.fingerprint for a in current}
    if ledger is None:
        return []
    if not ledger.sealed:
        problems.add(DISPLAY, 0, "the ledger has no seal line", f"{RESTORE}; a ledger from before "
                     "seals gets one from 'edition anchors --record'")
    for line in ledger.lines:
        if line.moved_to:
            if line.moved_to not in now:
                problems.add(DISPLAY, line.number, f"'{line.url}' moved to '{line.moved_to}', "
                             "which the edition does not publish", "restore the page it names, "
                             "or move it again with 'edition anchors --move'")
        elif line.removed:
            continue
        elif line.url not in now:
            problems.add(DISPLAY, line.number, f"published anchor '{line.url}' would disappear",
                         "restore the section, block or entity it names (anchors are forever); "
                         "a renamed section: 'edition anchors --move OLD --to NEW --reason ...'")
        elif now[line.url] != line.fingerprint:
            problems.add(DISPLAY, line.number, f"published anchor '{line.url}' would point at "
                         "other text", "restore the text or block order it named; never "
                         "renumber paragraphs")
    recorded = {line.url for line in ledger.lines}
    return [a for a in current if a.url not in recorded]


def record_ledger(edition: Edition, path: Path, start: bool = False) -> int:
    """Add the anchors not yet in the ledger, and write the current version's fingerprints
    of every anchor's text and apparatus (an earlier version's are never touched); never
    removes an anchor's line. Returns how many anchors were added. Refuses (SourceError) a
    missing ledger unless `start`, and a damaged one."""
    problems = Problems()
    ledger = Ledger((), True) if start and not path.exists() else _read(path, problems)
    problems.raise_if_any()
    known = {line.url for line in ledger.lines}
    new = [LedgerLine(0, a.url, a.fingerprint) for a in current_anchors(edition)
           if a.url not in known]
    version = edition.bibliography.edition.version
    prints = [VersionLine(0, version, url, digest)
              for url, digest in live_fingerprints(edition, path.parent).items()]
    _write(path, list(ledger.lines) + new,
           [v for v in ledger.versions if v.version != version] + prints)
    return len(new)


def record_version_from(edition: Edition, path: Path, repository: Path, commit: str) -> str:
    """Add the fingerprints of the version published at `commit`, derived from that commit's
    source/ and ledger (git show); the version must be an earlier one, not yet recorded.
    Its blocks are today's: the ledger guarantees that every block id it then published
    names the same text now, and this is checked first. Returns the version."""
    problems = Problems()
    ledger = _read(path, problems)
    problems.raise_if_any()
    read = raw_source.from_commit(repository, commit)
    then = _read_text_ledger(read(LEDGER) or "")
    bibliography = plain_data(read("bibliography.yml") or "") or {}
    version = str((bibliography.get("edition") or {}).get("version", ""))
    now = {a.url: a.fingerprint for a in current_anchors(edition)}
    if not then or not version:
        problems.add(DISPLAY, 0, f"commit {commit} has no ledger or no edition version",
                     "name the commit that published the version")
    elif version == edition.bibliography.edition.version or \
            any(v.version == version for v in ledger.versions):
        problems.add(DISPLAY, 0, f"version {version} is recorded already, or is the current one",
                     "an earlier version's fingerprints are recorded once")
    elif any(now.get(url) != digest for url, digest in then.items() if "#" in url):
        problems.add(DISPLAY, 0, f"a block of version {version} names other text now",
                     "its fingerprints cannot be derived from today's blocks")
    problems.raise_if_any()
    blocks = {b.id: b.text for b in edition.blocks}
    prints = apparatus_fingerprints(raw_source.read_raw(read), blocks, then.items())
    _write(path, list(ledger.lines), list(ledger.versions) +
           [VersionLine(0, version, url, digest) for url, digest in prints.items()])
    return version


def _read_text_ledger(text: str) -> dict[str, str]:
    """The anchors of a ledger's text (any earlier format): url → text fingerprint."""
    lines = (line.split("\t") for line in text.splitlines()
             if line.strip() and not line.startswith(("#", "@")))
    return {parts[0]: parts[1] for parts in lines if len(parts) >= 2 and len(parts) < 3}


def remove_from_ledger(path: Path, url: str, reason: str, moved_to: str = "") -> None:
    """Retire one anchor (or, with `moved_to`, every anchor of the page `url`, each to the
    same fragment of `moved_to`): its line stays, marked, and the build stops requiring it.
    Refuses (SourceError) an unknown or retired anchor, or no reason."""
    problems = Problems()
    ledger = _read(path, problems)
    problems.raise_if_any()
    found = [line for line in ledger.lines if line.url == url]
    if not reason.strip():
        problems.add(DISPLAY, 0, f"a {'move' if moved_to else 'removal'} needs its reason",
                     "add --reason \"why\"")
    elif not found:
        problems.add(DISPLAY, 0, f"'{url}' is not in the ledger",
                     "name the anchor as the ledger writes it, e.g. sections/opening.html#p3")
    elif found[0].removed:
        problems.add(DISPLAY, found[0].number, f"'{url}' was removed already",
                     "nothing to do")
    problems.raise_if_any()
    retired = " ".join(reason.split())
    # the same anchor of every language's pages (es/…) goes with it
    prefixes = [""] + sorted({found[0] for line in ledger.lines
                              if (found := LANGUAGE_FOLDER.match(line.url))
                              and line.url[found.end():] == url})
    lines = list(ledger.lines)
    for prefix in prefixes:
        lines = [_retired(line, prefix + url, retired, moved_to and prefix + moved_to, prefix)
                 for line in lines]
    _write(path, lines, list(ledger.versions))


def _retired(line: LedgerLine, url: str, reason: str, moved_to: str,
             prefix: str = "") -> LedgerLine:
    """The line retired or moved. A moved page's anchors move to the same fragment of the new
    page; a renamed section's own id (its heading, here and on the whole article) to the new
    id; `prefix` is the language's folder of the pages (es/)."""
    page, _, fragment = line.url.partition("#")
    old_id, new_id = (page_stem(url), page_stem(moved_to)) if moved_to else ("", "")
    if moved_to and not line.removed and (page == url or (page == prefix + "article.html" and
                                                          fragment == old_id)):
        name = new_id if fragment == old_id else fragment
        target = (moved_to if page == url else page) + (f"#{name}" if fragment else "")
        return LedgerLine(line.number, line.url, line.fingerprint, reason, target)
    if line.url == url and not moved_to:
        return LedgerLine(line.number, line.url, line.fingerprint, reason)
    return line


def moves(ledger: Ledger | None) -> dict[str, str]:
    """Each moved anchor's old address → its new one: a moved page gets a redirect page, a
    fragment moved within a page that is still served an alias (pages/redirects.py)."""
    return {line.url: line.moved_to for line in (ledger.lines if ledger else ()) if line.moved_to}


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
