"""The Changelog page: each version's changes as the editors list them (source/versions.yml),
then what the anchor ledger's fingerprints show it changed and added, in a reader's words (the
ledger and its fingerprints are the maintainers' terms: source/README.md); and, for every page,
the footer's version line with what a reader citing an earlier version needs to know."""
from __future__ import annotations

import functools
import json
import re

from ..doc import Nodes, h
from ..doc.tree import Element
from ..i18n import N_, Messages
from ..load.releases import Release
from ..model import Edition
from ..kinds import AnnotationType as T
from ..paths import TIMELINE, address_in, entity_path, html_path, relative, section_path
from ..place.history import AnchorHistory
from ..place.record import PAGE_ANCHORS, anchor_targets
from .context import Context, shorten
from .page import Page
from ..wording import block_label
from .record import BIBLIOGRAPHY, CHANGELOG, FIGURES, RECORD

TITLE, DESCRIPTION = N_("Changelog"), N_("Every version of the edition and every change, by "
                                         "anchor.")
_PAGE_LABELS = {"home": N_("Home"), "article": N_("The whole article"),
                "method": N_("Editorial method"), "bibliography": N_("Sources consulted"),
                "record": N_("What happened next"), "changelog": N_("Changelog"),
                "figures": N_("Figures"), "timeline": N_("Timeline"),
                "sources-and-quotations": N_("Sources and quotations"),
                "download": N_("Download"), "edition": N_("The edition")}


def page(ctx: Context) -> Page:
    return Page(CHANGELOG, ctx.m._(TITLE), ctx.m._(DESCRIPTION),
                h("div", {"class": "ed-page"}, changelog(ctx)))


def version_anchor(version: str) -> str:
    return "v" + version.replace(".", "-")


def changelog(ctx: Context) -> list[Nodes]:
    m = ctx.m
    edition, history = ctx.edition, ctx.history
    out: list[Nodes] = [h("h1", m._("Changelog")), h("p", m._(
        "Each version lists what changed, by the anchor it changed. Anchors are permanent: a "
        "corrected paragraph keeps its number and its link. Below the editors' list, each "
        "version is compared with the one before it, place by place: where the text or its "
        "notes changed, and which places it added. A link that names a version (?v=1.0.0, as "
        "the citations of this edition do) says on arrival whether what it points at has "
        "changed since."))]
    known = anchor_targets(edition.source, edition.blocks)
    for version in reversed(edition.source.versions):
        out += [h("h2", {"id": version_anchor(version.version)}, m._(
                    "{version} ({date})", version=version.version, date=m.date(version.date))),
                h("p", version.summary),
                h("ul", [h("li", _anchor_link(ctx, change.anchor), ": ",
                           _sources_named(ctx, change.what)) for change in version.changes]),
                *_ledger_lines(ctx, history, version.version, known)]
    return out


def _ledger_lines(ctx: Context, history: AnchorHistory, version: str,
                  known: set[str]) -> list[Element]:
    m = ctx.m
    if not history.known(version):
        return [h("p", h("em", m._("Not compared:")), " ", m._(
            "the state of this version was not kept, so what it changed is known only from the "
            "list above."))]
    if not history.previous(version):
        return [h("p", h("em", m._("Compared:")), " ", m._(
            "first publication, with {count} anchors.", count=len(history.prints(version))))]
    changed, added = _own(ctx, history.changed(version)), _own(ctx, history.added(version))
    withdrawn = _own(ctx, history.withdrawn(version))
    out = []
    if changed:
        out.append(h("p", h("em", m._("Compared with the version before, the text or its notes changed at:")), " ",
                      _url_links(ctx, changed, known), "."))
    if added:
        out.append(h("p", h("em", m._("Compared with the version before, places added:")), " ",
                      _url_links(ctx, added, known), "."))
    if withdrawn:
        out.append(h("p", h("em", m._("Compared with the version before, places withdrawn:")), " ",
                      _url_links(ctx, withdrawn, known), "."))
    return out or [h("p", h("em", m._("Compared with the version before:")), " ",
                     m._("nothing changed and nothing was added."))]


def _own(ctx: Context, urls) -> list[str]:
    """The anchors of this page's language, as its pages name them: each language's changelog
    lists its own pages' anchors."""
    return [own for url in urls if (own := address_in(ctx.edition, url, ctx.prefix)) is not None]


def _url_links(ctx: Context, urls: list[str], known: set[str]) -> list[Nodes]:
    """Links to the anchors, each once, named as the editors' list names them: a block's two
    addresses (its section, the whole article) are one paragraph; `known`: the ids an anchor
    may name (place.record.anchor_targets)."""
    seen, links = set(), []
    for url in sorted(urls, key=_in_order(ctx.edition)):
        page, _, fragment = url.partition("#")
        name = fragment or page.rsplit("/", 1)[-1].removesuffix(".html")
        if ctx.prefix + url not in ctx.history.live:  # withdrawn: its name, no link to nothing
            name, link = url, h("span", {"class": "withdrawn"}, _earlier_name(ctx, url), " (",
                                ctx.m._("withdrawn"), ")")
        elif page.startswith("changelog.html") and fragment:
            name = url
            link = h("a", {"href": ctx.link(f"{CHANGELOG}#{fragment}")},
                     ctx.m._("version {version}", version=fragment[1:].replace("-", ".")))
        elif name in known and (page.startswith(("sections/", "entities/", "article.html"))
                                or fragment):
            link = _anchor_link(ctx, name)
        else:  # a page, or a place on one: named once every page is rendered (name_places)
            name = url
            target = page.removesuffix(".html") + ".md" + (f"#{fragment}" if fragment else "")
            link = h("a", {"href": ctx.link(target), NAMED_LATER: target}, url)
        if name not in seen:
            seen.add(name)
            links.append(link)
    out: list[Nodes] = []
    for n, link in enumerate(links):
        out += [", " if n else None, link]
    return out


# A link whose words are the address it points at until name_places gives the name it has there.
NAMED_LATER = "data-named-later"


def name_places(ctx: Context, pages: tuple[Page, ...]) -> None:
    """A transform on the rendered pages: each link of the changelog to a page, or to a place
    on one, is named as that page shows it: its title, and the heading or item its fragment
    names ("Editorial method: Colophon"). A page not among them keeps the page's label."""
    links = [a for page in pages for a in page.body.iter("a") if a.get(NAMED_LATER)]
    by_path = {page.path: page for page in pages}
    labels = {path: ctx.m._(_PAGE_LABELS[anchor]) for anchor, path in PAGE_ANCHORS.items()
              if anchor in _PAGE_LABELS and anchor != "edition"}
    for a in links:
        path, _, fragment = a.attrib.pop(NAMED_LATER).partition("#")
        page = by_path.get(path)
        title = page.title if page else labels.get(path)
        if title is None:
            continue
        found = page.body.xpath("//*[@id=$id]", id=fragment) if page and fragment else []
        place = _words_at(found[0]) if found else ""
        a.text = ctx.m._("{page}: {place}", page=title, place=shorten(place, 60)) if place \
            else title


def _words_at(element) -> str:
    """The words of the element an id names, or of its parent for an empty marker."""
    for candidate in (element, element.getparent()):
        words = " ".join("".join(candidate.itertext()).split()) if candidate is not None else ""
        if words:
            return words
    return ""


def _in_order(edition: Edition):
    """The article's sections and paragraphs first, in the text's order; then the other places
    by address, its numbers by their value (¶ 2 before ¶ 10)."""
    position = {}
    for n, block in enumerate(edition.blocks):
        position.setdefault(block.section, n)
        position[block.id] = n

    def key(url: str) -> tuple:
        page, _, fragment = url.partition("#")
        name = fragment or page.rsplit("/", 1)[-1].removesuffix(".html")
        if name in position:
            return (0, position[name], url)
        return (1, [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", url)])
    return key


def _earlier_name(ctx: Context, url: str) -> str:
    """A withdrawn place's name as the last earlier version's data gave it (its publisher and
    title, or its name), or else its old address."""
    found = _earlier_records(ctx.releases).get(url)
    if not found:
        return url
    return ", ".join(ctx.m.quoted(value) if key == "title" else value
                     for key in ("publisher", "title", "name")
                     if isinstance(value := found.get(key), str))


@functools.lru_cache(maxsize=2)  # the releases' data read once per process, not per change
def _earlier_records(releases: tuple[Release, ...]) -> dict[str, dict]:
    """Every record with an `anchor` and a title or a name, in the earlier versions' data
    (releases/), by its anchor; a later version's record over an earlier one's."""
    records: dict[str, dict] = {}
    for release in releases:
        for file_name, content in release.files:
            if file_name.endswith(".json") and not file_name.endswith(".schema.json"):
                found: dict[str, dict] = {}
                _collect(json.loads(content), found)
                records.update(found)
    return records


def _collect(data: object, records: dict[str, dict]) -> None:
    """Into `records`, the first record of `data` with each anchor (depth first)."""
    if isinstance(data, dict):
        if isinstance(data.get("anchor"), str) and (data.get("title") or data.get("name")):
            records.setdefault(data["anchor"], data)
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            _collect(item, records)


def _sources_named(ctx: Context, text: str) -> list[Nodes]:
    """The editors' words on a change, each source they name by its key (efe-2003-10-15) given
    as its name on Sources consulted, linked there: the key is the data's, not the reader's."""
    ids = tuple(s.id for s in ctx.edition.source.sources)
    if not ids:
        return [text]
    out: list[Nodes] = []
    at = 0
    for found in _keys_pattern(ids).finditer(text):
        out += [text[at:found.start()], _anchor_link(ctx, found[1])]
        at = found.end()
    return out + [text[at:]]


@functools.lru_cache(maxsize=2)
def _keys_pattern(ids: tuple[str, ...]) -> re.Pattern:
    """Any of the keys as a whole word (the longest first: a key may begin another)."""
    keys = "|".join(re.escape(i) for i in sorted(ids, key=lambda i: -len(i)))
    return re.compile(rf"(?<![\w-])({keys})(?![\w-])")


def _anchor_link(ctx: Context, anchor: str) -> Element:
    edition, m = ctx.edition, ctx.m
    src = edition.source
    target, label = "", anchor
    if anchor in PAGE_ANCHORS:
        target = PAGE_ANCHORS[anchor]
        label = m._(_PAGE_LABELS[anchor]) if anchor in _PAGE_LABELS else anchor
    elif any(b.id == anchor for b in edition.blocks):
        target = f"{section_path(edition.block(anchor).section)}#{anchor}"
        label = block_label(edition, anchor, m)
    elif any(s.id == anchor for s in edition.sections):
        target, label = section_path(anchor), next(s.title for s in edition.sections if s.id == anchor)
    elif any(e.id == anchor for e in edition.entities):
        target, label = entity_path(anchor), edition.entity(anchor).name
    elif any(e.id == anchor for e in edition.events):
        target = f"{TIMELINE}#{anchor}"
        label = m._("the timeline, {event}", event=next(e.title for e in edition.events
                                                         if e.id == anchor))
    elif any(e.id == anchor for e in src.record.entries):
        target = f"{RECORD}#{anchor}"
        label = next(e.title for e in src.record.entries if e.id == anchor)
    elif any(c.id == anchor for c in src.record.comparisons):
        target = f"{FIGURES}#{anchor}"
        label = next(c.title for c in src.record.comparisons if c.id == anchor)
    elif any(s.id == anchor for s in src.sources):
        target, label = f"{BIBLIOGRAPHY}#{anchor}", src.source_entry(anchor).label
    else:
        lacuna = next(s for s in edition.spans_of(T.LACUNA) if s.annotation.id == anchor)
        target = f"{section_path(edition.block(lacuna.block).section)}#{anchor}"
        label = m._("Lacuna in {paragraph}", paragraph=block_label(edition, lacuna.block, m))
    return h("a", {"href": ctx.link(target)}, label)


# --- the footer's version line, on every page -----------------------------------------------

def version_line(edition: Edition, m: Messages) -> str:
    ed = edition.bibliography.edition
    return m._("Version {version}, {date}", version=ed.version, date=m.date(ed.date))


def since_data(history: AnchorHistory, page: str, prefix: str = "") -> str:
    """JSON for the footer (assets/versions.js reads it): the versions, those whose
    fingerprints are unknown, the changelog's address, and for this page's own address ('')
    and each anchor on it, [the version that first published it, the earliest version since
    which it is unchanged]; `prefix` is the page's language folder (es/), under which the
    ledger records its anchors."""
    own = prefix + html_path(page)
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
