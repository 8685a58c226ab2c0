"""The Changelog page: each version's changes as the editors list them (source/versions.yml),
then what the anchor ledger's fingerprints show it changed and added; and, for every page,
the footer's version line with what a reader citing an earlier version needs to know."""
from __future__ import annotations

import json

from .. import dates
from ..model import AnnotationType as T, Edition
from ..paths import TIMELINE, entity_path, html_path, relative, section_path
from ..place.history import AnchorHistory
from ..place.record import PAGE_ANCHORS, anchor_targets
from .context import Context
from .inline import escape_text
from .page import Page
from .record import BIBLIOGRAPHY, CHANGELOG, FIGURES, RECORD

TITLE, DESCRIPTION = "Changelog", "Every version of the edition and every change, by anchor."
_PAGE_LABELS = {"home": "Home", "article": "The whole article", "method": "Editorial method",
                "bibliography": "Sources consulted", "record": "What happened next",
                "changelog": "Changelog", "figures": "Figures", "timeline": "Timeline",
                "sources-and-quotations": "Sources and quotations", "download": "Download",
                "edition": "The edition"}


def page(ctx: Context) -> Page:
    return Page(CHANGELOG, TITLE, DESCRIPTION, changelog(ctx))


def version_anchor(version: str) -> str:
    return "v" + version.replace(".", "-")


def changelog(ctx: Context) -> str:
    edition, history = ctx.edition, ctx.history
    lines = ["# Changelog\n",
             "Each version lists what changed, by the anchor it changed. Anchors are permanent: "
             "a corrected paragraph keeps its number and its link. Below the editors' list, "
             "each version gives what the anchor ledger (`source/published-anchors.txt`) shows: "
             "the anchors whose text or apparatus changed (their fingerprints differ from the "
             "version before) and the anchors it added. A link that names a version "
             "(`?v=1.0.0`, as the citations of this edition do) says on arrival whether what it "
             "points at has changed since.\n"]
    for version in reversed(edition.source.versions):
        lines += [f"## {escape_text(version.version)} ({escape_text(dates.human(version.date))}) "
                  f"{{ #{version_anchor(version.version)} }}\n", f"{escape_text(version.summary)}\n"]
        lines += [f"- {_anchor_link(edition, CHANGELOG, change.anchor)}: {escape_text(change.what)}"
                  for change in version.changes]
        lines += ["", *_ledger_lines(edition, history, version.version)]
    return "\n".join(lines)


def _ledger_lines(edition: Edition, history: AnchorHistory, version: str) -> list[str]:
    if not history.known(version):
        return ["*By the ledger:* the fingerprints of this version were not recorded, so what "
                "it changed is known only from the list above.\n"]
    if not history.previous(version):
        return [f"*By the ledger:* first publication, with {len(history.prints(version))} "
                "anchors.\n"]
    changed, added = history.changed(version), history.added(version)
    lines = []
    if changed:
        lines.append(f"*By the ledger, the text or apparatus changed at:* "
                     f"{_url_links(edition, changed)}.\n")
    if added:
        lines.append(f"*By the ledger, anchors added:* {_url_links(edition, added)}.\n")
    return lines or ["*By the ledger:* no anchor changed and none was added.\n"]


def _url_links(edition: Edition, urls: list[str]) -> str:
    """Links to the anchors, each once, named as the editors' list names them: a block's two
    addresses (its section, the whole article) are one paragraph."""
    known = anchor_targets(edition.source, edition.blocks, list(edition.spans))
    seen, links = set(), []
    for url in urls:
        page, _, fragment = url.partition("#")
        name = fragment or page.rsplit("/", 1)[-1].removesuffix(".html")
        if page.startswith("changelog.html") and fragment:
            name, link = url, f"[version {escape_text(fragment[1:].replace('-', '.'))}]" \
                              f"({relative(CHANGELOG, 'changelog.md#' + fragment)})"
        elif name in known and (page.startswith(("sections/", "entities/", "article.html"))
                                or fragment):
            link = _anchor_link(edition, CHANGELOG, name)
        else:
            name = url
            target = page.removesuffix(".html") + ".md" + (f"#{fragment}" if fragment else "")
            link = f"[{escape_text(url)}]({relative(CHANGELOG, target)})"
        if name not in seen:
            seen.add(name)
            links.append(link)
    return ", ".join(links)


def _anchor_link(edition: Edition, page: str, anchor: str) -> str:
    src = edition.source
    target, label = "", anchor
    if anchor in PAGE_ANCHORS:
        target, label = PAGE_ANCHORS[anchor], _PAGE_LABELS.get(anchor, anchor)
    elif any(b.id == anchor for b in edition.blocks):
        block = edition.block(anchor)
        target = f"{section_path(block.section)}#{anchor}"
        label = f"¶ {block.number}" if block.number else edition.section_of(anchor).title
    elif any(s.id == anchor for s in edition.sections):
        target, label = section_path(anchor), next(s.title for s in edition.sections if s.id == anchor)
    elif any(e.id == anchor for e in edition.entities):
        target, label = entity_path(anchor), edition.entity(anchor).name
    elif any(e.id == anchor for e in edition.events):
        target = f"{TIMELINE}#{anchor}"
        label = "the timeline, " + next(e.title for e in edition.events if e.id == anchor)
    elif any(e.id == anchor for e in src.record.entries):
        target = f"{RECORD}#{anchor}"
    elif any(c.id == anchor for c in src.record.comparisons):
        target = f"{FIGURES}#{anchor}"
    elif any(s.id == anchor for s in src.sources):
        target = f"{BIBLIOGRAPHY}#{anchor}"
    else:
        lacuna = next(s for s in edition.spans_of(T.LACUNA) if s.annotation.id == anchor)
        target = f"{section_path(edition.block(lacuna.block).section)}#{anchor}"
    return f"[{escape_text(label)}]({relative(page, target)})"


# --- the footer's version line, on every page -----------------------------------------------

def version_line(edition: Edition) -> str:
    ed = edition.bibliography.edition
    return f"Version {ed.version}, {dates.human(ed.date)}"


def since_data(history: AnchorHistory, page: str) -> str:
    """JSON for the footer (assets/versions.js reads it): the versions, those whose
    fingerprints are unknown, the changelog's address, and for this page's own address ('')
    and each anchor on it, [the version that first published it, the earliest version since
    which it is unchanged]."""
    own = html_path(page)
    anchors = {}
    for url in history.live:
        address, _, fragment = url.partition("#")
        if address == own:
            anchors[fragment] = list(history.since(url))
    return json.dumps({"versions": list(history.versions),
                       "unknown": [v for v in history.versions if not history.known(v)],
                       "changelog": relative(page, CHANGELOG).removesuffix(".md") + ".html",
                       "anchors": anchors}, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
