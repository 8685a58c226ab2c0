"""The front and back pages: home, editorial method, and the Download page."""
from __future__ import annotations

from urllib.parse import quote

from ..doc import Nodes, fill, h
from ..doc.tree import Element
from ..i18n import N_, Messages
from ..model import Edition
from ..kinds import AnnotationType as T
from ..paths import file_stem, language_prefix, section_path
from .context import Context, count_by, shorten
from .page import Page
from .record import cited, evidence
from .textnote import note_on_text
from .text import note_text

DOWNLOAD = "download.md"
# The offline zip is made after MkDocs, from the built site (publish/offline.py), so the
# Download page names it here and the published page gets its size afterwards.
OFFLINE_TITLE = N_("Offline site")
OFFLINE_MEDIA_TYPE = "application/zip"
OFFLINE_DESCRIPTION = N_("The whole site in one zip: unpack it and open index.html in a browser; "
                         "every page, the registers and the full-text search work with no "
                         "network at all.")


def home(ctx: Context, registers: tuple[tuple[str, str], ...]) -> Page:
    """The home page; `registers` are the (path, title) of the pages it lists as registers."""
    m = ctx.m
    ed = ctx.edition.bibliography.edition
    art = ctx.edition.bibliography.article
    contents = []
    for section in ctx.edition.sections:
        first = next((b for b in section.blocks if b.number), None)
        span = m._(" (¶ {first}–{last})", first=first.number, last=section.blocks[-1].number) \
            if first else ""
        contents.append(h("li", h("a", {"href": ctx.link(section_path(section.id))},
                                  section.title), span, ": ", section.summary))
    contents.append(h("li", h("a", {"href": ctx.link("article.md")},
                              m._("The whole article on one page"))))
    rows = [registers[i:i + 3] for i in range(0, len(registers), 3)]
    register_items = []
    for row in rows:
        links: list[Nodes] = []
        for n, (path, title) in enumerate(row):
            links += [" · " if n else None, h("a", {"href": ctx.link(path)}, m._(title))]
        register_items.append(h("li", links))
    first = ctx.edition.sections[0]
    parts: list[Nodes] = [
        h("h1", {"lang": art.language if ctx.prefix else None}, art.title),
        h("p", {"class": "ed tr", "lang": ctx.language}, ctx.translation_of("title"))
        if ctx.translation_of("title") else None,
        h("p", {"class": "subtitle"}, m._("A digital edition · version {version}",
                                          version=ed.version)),
        h("p", {"class": "abstract"}, art.description),
        h("p", {"class": "start"},
          h("a", {"class": "md-button md-button--primary",
                  "href": ctx.link(section_path(first.id))}, m._("Start reading")), " ",
          h("span", fill(m._("or read {whole}."), whole=h("a", {"href": ctx.link("article.md")},
                                                           m._("the whole article on one page"))))),
        h("p", m._("This edition reproduces the transmitted text exactly, character for "
                   "character, and sets out every editorial decision beside it. Each section "
                   "and paragraph has a permanent anchor for citation; people, organisations, "
                   "places, dates, quotations and their sources are annotated and gathered in "
                   "registers.")),
        h("h2", {"id": "contents"}, m._("Contents")), h("ul", contents),
        h("h2", {"id": "registers"}, m._("Registers")), h("ul", register_items),
        h("h2", {"id": "download"}, m._("Download")),
        h("p", fill(m._("{download} the edition to read offline, print or take to an e-reader: "
                        "the whole site as a zip, one self-contained page, an EPUB."),
                    download=h("a", {"href": ctx.link(DOWNLOAD)}, m._("Download")))),
        h("h2", {"id": "how-to-cite"}, m._("How to cite")),
        h("p", fill(m._("Cite a paragraph by its number: each paragraph's number is its "
                        "permanent link (for example {example}), and opens the paragraph's "
                        "citations."),
                    example=ctx.paragraph_ref(_example_paragraph(ctx)))),
        ctx.cite_boxes.edition_box(),
        h("h2", {"id": "editorial-method"}, m._("Editorial method")),
        h("p", m._("{attribution}: {evidence}", attribution=art.attribution,
                   evidence=art.attribution_evidence)),
        h("p", art.original_note),
        h("p", fill(m._("The {method} lists every decision the editors made."),
                    method=h("a", {"href": ctx.link("method.md")}, m._("editorial method"))))]
    return Page(ctx.page, ed.title, art.description, h("div", {"class": "ed-page"}, parts))


def _example_paragraph(ctx: Context) -> str:
    """A paragraph to cite as an example: the first of the sections after the opening."""
    sections = ctx.edition.sections
    return next(b.id for s in sections[1:] or sections for b in s.blocks if b.number)


METHOD_SECTIONS = ((T.LACUNA, N_("Lacunae"), "lacunae"), (T.SIC, N_("Sic"), "sic"),
                   (T.NOTE, N_("Notes"), "notes"))
BLOCK_KIND_NAMES = {"title": N_("Title"), "heading": N_("Heading"), "text": N_("Text"),
                    "caption": N_("Caption"), "duplicate": N_("Duplicate"),
                    "dateline": N_("Dateline"), "note": N_("Note")}


def method(ctx: Context) -> Page:
    m = ctx.m
    structure = ctx.edition.source.structure
    parts: list[Nodes] = [
        h("h1", m._("Editorial method")),
        h("p", m._("The transmitted text is reproduced exactly as received: nothing is "
                   "corrected, added or removed inside it. Everything the editors add is marked "
                   "as editorial and explained here. Paragraphs are numbered in the order of the "
                   "transmitted text; the numbers never change.")),
        h("h2", {"id": "structure"}, m._("Structure")),
        h("div", {"id": "opening"}, h("p", h("strong", m._("Opening")), " ",
                                           m._("(editor’s title):"), " ",
                                           cited(ctx, structure.opening_reason,
                                                 structure.opening)),
          evidence(ctx, structure.opening))]
    for block in ctx.edition.blocks:
        if not block.decision:
            continue
        d = block.decision
        parts.append(h("div", {"id": block.id}, h(
            "p", h("strong", m._(BLOCK_KIND_NAMES[d.kind])), " — ",
            h("a", {"href": ctx.block_link(block.id)}, ctx.quote(shorten(block.text, 70))), ": ",
            cited(ctx, d.reason, d)), evidence(ctx, d)))
    for kind, heading, anchor in METHOD_SECTIONS:
        spans = ctx.edition.spans_of(kind)
        parts.append(h("h2", {"id": anchor}, m._("{heading} ({count})", heading=m._(heading),
                                                count=len(spans))))
        parts.append(h("ul", [h("li", ctx.paragraph_ref(s.block), ": ", note_text(ctx, s))
                              for s in spans]))
    excluded = ctx.edition.spans_of(T.NOT_MENTION)
    parts.append(h("h2", {"id": "not-mentions"}, m._("Names that are not mentions ({count})",
                                                     count=len(excluded))))
    parts.append(h("ul", [h("li", ctx.paragraph_ref(s.block), ": ", fill(
        m._("“{text}” is not a mention of {entity}: {reason}"), text=s.text,
        entity=ctx.entity_link(s.annotation.entity), reason=cited(
            ctx, [s.annotation.reason, [" ", s.annotation.note] if s.annotation.note else None],
            s.annotation)), evidence(ctx, s.annotation)) for s in excluded]))
    parts += note_on_text(ctx) + review(ctx)
    return Page(ctx.page, m._("Editorial method"), m._("Every editorial decision of this edition."),
                h("div", {"class": "ed-page"}, parts))


def review(ctx: Context) -> list[Nodes]:
    """What the editors' review of the apparatus found, counted by verdict (review.yml)."""
    entries = ctx.edition.source.review
    if not entries:
        return []
    m = ctx.m
    # each statement's last verdict: a statement corrected after an earlier review has two
    latest = {(e.file, e.anchor, e.quote): e.verdict for e in entries}
    verdicts = count_by(latest.values())
    last = max(e.date for e in entries)
    return [h("h2", {"id": "review"}, m._("The review of the apparatus")), h("p", fill(m._(
        "The editors checked each statement of the apparatus against the passages of its "
        "sources (the review ended on {date}): {checked} statements were correct as they "
        "stood, {corrected} were corrected, {removed} removed, and {added} added where the "
        "record was incomplete. Each statement's verdict, with what was wrong, is in the {data}; the "
        "{changelog} lists the corrections by anchor."), date=m.date(last),
        checked=m.number(verdicts.get("correct", 0)),
        corrected=m.number(verdicts.get("corrected", 0)),
        removed=m.number(verdicts.get("removed", 0)), added=m.number(verdicts.get("added", 0)),
        data=h("a", {"href": ctx.link("download.md")}, m._("edition's data (edition.json)")),
        changelog=h("a", {"href": ctx.link("changelog.md")}, m._("changelog"))))]


def download(ctx: Context) -> Page:
    """Every artefact with its file name and size, and the offline site. Its media type is for
    programs: in the link's type attribute, not in the words."""
    m = ctx.m
    version = ctx.edition.bibliography.edition.version
    parts: list[Nodes] = [h("h1", m._("Download")), h("p", m._(
        "Every file is made from the same source as this site and carries the edition's "
        "version ({version}) in its name.", version=version))]
    for artefact in ctx.artefacts:
        title = m._(artefact.title) if not artefact.language else m._(
            "{title} ({language})", title=m._(artefact.title),
            language=m.language_name(artefact.language))
        # ids from the English words, the same on every language's page: "one-page-edition",
        # "one-page-edition-es"
        marked = artefact.language if language_prefix(ctx.edition, artefact.language or
                                                      ctx.edition.source.languages[0]) else ""
        parts += [h("h2", {"id": _slug(f"{artefact.title} {marked}")}, title),
                  h("p", h("a", {"href": ctx.shared(f"downloads/{artefact.name}"),
                                 "type": artefact.media_type,
                                 "hreflang": artefact.language or None}, artefact.name), " · ",
                    human_size(len(artefact.content), m)),
                  h("p", m._(artefact.description))]
    parts += [h("h2", {"id": _slug(OFFLINE_TITLE)}, m._(OFFLINE_TITLE)),
              h("p", offline_listing(ctx.edition, m, up=ctx.shared(""))),
              h("p", m._(OFFLINE_DESCRIPTION))]
    parts += _earlier_versions(ctx)
    return Page(ctx.page, m._("Download"), m._("The edition as files to keep, print or read "
                                               "offline."), h("div", {"class": "ed-page"}, parts))


def _slug(title: str) -> str:
    """The id the toc extension gives a heading that has none (its default slugify)."""
    import re
    import unicodedata
    value = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _earlier_versions(ctx: Context) -> list[Nodes]:
    """The downloads of every earlier version, as that version published them."""
    m = ctx.m
    if not ctx.releases:
        return []
    out: list[Nodes] = [
        h("h2", {"id": "earlier-versions"}, m._("Earlier versions")),
        h("p", fill(m._("The downloads of each earlier version, exactly as it published them "
                        "(what each version changed is in the {changelog})."),
                    changelog=h("a", {"href": ctx.link("changelog.md")}, m._("Changelog"))))]
    for release in reversed(ctx.releases):
        out.append(h("h3", {"id": f"version-{release.version.replace('.', '-')}"},
                     m._("Version {version}", version=release.version)))
        out.append(h("ul", [h("li", h("a", {"href": ctx.shared(
                                  f"downloads/{release.version}/{quote(name)}")}, name),
                              " · ", human_size(len(content), m))
                            for name, content in release.files]))
    return out


def zip_name(edition: Edition) -> str:
    return f"{file_stem(edition)}-offline.zip"


def offline_listing(edition: Edition, m: Messages, size: str = "", up: str = "") -> Element:
    """The zip's line on the Download page: before zipping unlinked and "this download"; `up`
    leads from the page to the site's root ('' or '../')."""
    name = zip_name(edition)
    if not size:
        return h("span", {"class": "offline-zip"}, name, " · ", m._("this download"))
    return h("span", {"class": "offline-zip"}, h("a", {"href": f"{up}downloads/{name}",
                                                       "type": OFFLINE_MEDIA_TYPE}, name),
             f" · {size}")


def human_size(size: int, m: Messages) -> str:
    """A size as the Download page shows it, in kilobytes of 1024 bytes."""
    return m._("{size} KB", size=m.number(max(1, round(size / 1024))))
