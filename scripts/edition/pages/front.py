"""The front and back pages: home, editorial method, and the Download page."""
from __future__ import annotations

import html

from ..model import AnnotationType as T, Edition
from ..paths import file_stem, section_path
from .context import Context, shorten
from .inline import attribute, escape_text
from .page import Page
from .record import note_on_text, references
from .text import note_text

DOWNLOAD = "download.md"
# The offline zip is made after MkDocs, from the built site (publish/offline.py), so the
# Download page names it here and the published page gets its size afterwards.
OFFLINE_TITLE = "Offline site"
OFFLINE_MEDIA_TYPE = "application/zip"
OFFLINE_DESCRIPTION = ("The whole site in one zip: unpack it and open index.html in a browser; "
                       "every page, the registers and the full-text search work with no network "
                       "at all.")


def home(ctx: Context, registers: tuple[tuple[str, str], ...]) -> Page:
    """The home page; `registers` are the (path, title) of the pages it lists as registers."""
    ed = ctx.edition.bibliography.edition
    art = ctx.edition.bibliography.article
    lines = [f"# {escape_text(art.title)}\n",
             f'<p class="subtitle">A digital edition · version {ed.version}</p>\n',
             f"{escape_text(art.description)}\n",
             "This edition reproduces the transmitted text exactly, character for character, "
             "and sets out every editorial decision beside it. Each section and paragraph has "
             "a permanent anchor for citation; people, organisations, places, dates, "
             "quotations and their sources are annotated and gathered in registers.\n",
             "## Contents { #contents }\n"]
    for section in ctx.edition.sections:
        first = next((b for b in section.blocks if b.number), None)
        span = f" (¶ {first.number}–{section.blocks[-1].number})" if first else ""
        lines.append(f"- [{escape_text(section.title)}]({section_path(section.id)}){span}: "
                     f"{escape_text(section.summary)}")
    lines += ["- [The whole article on one page](article.md)", "",
              "## Registers { #registers }\n"]
    rows = [registers[i:i + 3] for i in range(0, len(registers), 3)]
    lines += ["- " + " · ".join(f"[{escape_text(title)}]({path})" for path, title in row)
              for row in rows]
    lines += ["", "## Download { #download }\n",
              f"[Download]({DOWNLOAD}) the edition to read offline, print or take to an "
              "e-reader: the whole site as a zip, one self-contained page, an EPUB.\n",
              "## How to cite { #how-to-cite }\n",
              ctx.cite_boxes.edition_box(),
              "Cite a paragraph by its number: each paragraph's number is its permanent link "
              "(for example `sections/massacre-in-el-alto.html#p4`); its *cite* control "
              "gives ready-made citations.\n",
              "## Editorial method { #editorial-method }\n",
              f"{escape_text(art.attribution)}: {escape_text(art.attribution_evidence)}\n",
              f"{escape_text(art.original_note)}\n",
              "The [editorial method](method.md) lists every decision the editors made.\n"]
    return Page(ctx.page, ed.title, art.description, "\n".join(lines))


def method(ctx: Context) -> Page:
    structure = ctx.edition.source.structure
    lines = ["# Editorial method\n",
             "The transmitted text is reproduced exactly as received: nothing is corrected, "
             "added or removed inside it. Everything the editors add is marked as editorial "
             "and explained here. Paragraphs are numbered in the order of the transmitted "
             "text; the numbers never change.\n",
             "## Structure { #structure }\n",
             f'<div id="opening" markdown>\n\n**Opening** (editor’s title): '
             f"{escape_text(structure.opening_reason)}\n\n</div>\n"]
    for block in ctx.edition.blocks:
        if not block.decision:
            continue
        d = block.decision
        lines.append(f'<div id="{block.id}" markdown>\n\n**{escape_text(d.kind.value.title())}**'
                     f" — [“{escape_text(shorten(block.text, 70))}”]({ctx.block_link(block.id)}): "
                     f"{escape_text(d.reason)}"
                     f"{references(ctx.edition, ctx.page, d.sources)}\n\n</div>\n")
    for kind, heading, anchor in ((T.LACUNA, "Lacunae", "lacunae"), (T.SIC, "Sic", "sic"),
                                  (T.NOTE, "Notes", "notes")):
        spans = ctx.edition.spans_of(kind)
        lines.append(f"## {heading} ({len(spans)}) {{ #{anchor} }}\n")
        for s in spans:
            lines.append(f"- {ctx.paragraph_ref(s.block)}: {note_text(ctx, s)}")
        lines.append("")
    excluded = ctx.edition.spans_of(T.NOT_MENTION)
    lines.append(f"## Names that are not mentions ({len(excluded)}) {{ #not-mentions }}\n")
    for s in excluded:
        lines.append(f"- {ctx.paragraph_ref(s.block)}: "
                     f"“{escape_text(s.text)}” is not a mention of "
                     f"{ctx.entity_link(s.annotation.entity)}: "
                     f"{escape_text(s.annotation.reason)}"
                     + (f" {escape_text(s.annotation.note)}" if s.annotation.note else ""))
    lines.append("\n" + note_on_text(ctx.edition, ctx.page))
    return Page(ctx.page, "Editorial method", "Every editorial decision of this edition.",
                "\n".join(lines) + "\n")


def download(ctx: Context) -> Page:
    """Every artefact with its file name, size and media type, and the offline site."""
    version = ctx.edition.bibliography.edition.version
    lines = ["# Download\n",
             f"Every file is made from the same source as this site and carries the "
             f"edition's version ({version}) in its name.\n"]
    for artefact in ctx.artefacts:
        lines += [f"## {escape_text(artefact.title)}\n",
                  f"[{escape_text(artefact.name)}](downloads/{artefact.name}) · "
                  f"{human_size(len(artefact.content))} · "
                  f"<code>{attribute(artefact.media_type)}</code>\n",
                  f"{escape_text(artefact.description)}\n"]
    lines += [f"## {OFFLINE_TITLE}\n",
              f"{offline_listing(ctx.edition)} · <code>{OFFLINE_MEDIA_TYPE}</code>\n",
              f"{escape_text(OFFLINE_DESCRIPTION)}\n"]
    lines += _earlier_versions(ctx)
    return Page(ctx.page, "Download", "The edition as files to keep, print or read offline.",
                "\n".join(lines))


def _earlier_versions(ctx: Context) -> list[str]:
    """The downloads of every earlier version, as that version published them."""
    if not ctx.releases:
        return []
    lines = ["## Earlier versions { #earlier-versions }\n",
             "The downloads of each earlier version, exactly as it published them (what each "
             f"version changed is in the [Changelog]({ctx.link('changelog.md')})).\n"]
    for release in reversed(ctx.releases):
        lines.append(f"### Version {escape_text(release.version)} "
                     f"{{ #version-{release.version.replace('.', '-')} }}\n")
        lines += [f"- [{escape_text(name)}](downloads/{release.version}/{name}) · "
                  f"{human_size(len(content))}" for name, content in release.files]
        lines.append("")
    return lines


def zip_name(edition: Edition) -> str:
    return f"{file_stem(edition)}-offline.zip"


def offline_listing(edition: Edition, size: str = "") -> str:
    """The zip's line on the Download page: before zipping unlinked and "this download"."""
    name = html.escape(zip_name(edition))
    if not size:
        return f'<span class="offline-zip">{name} · this download</span>'
    return f'<span class="offline-zip"><a href="downloads/{name}">{name}</a> · {size}</span>'


def human_size(size: int) -> str:
    """A size as the Download page shows it, in kilobytes of 1024 bytes."""
    return f"{max(1, round(size / 1024)):,} KB"
