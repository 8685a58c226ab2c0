"""The annotation files: each one's entries, validated into `Annotation` records on the text."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import record as load_record
from ..model import Annotation, AnnotationType, Anchor, Located
from ..problems import Problems
from .checks import check_id, check_when
from .yamlfile import Fields, Map, Seq, load_yaml

QUOTATION_KINDS = ("report", "speech", "slogan", "document", "term")
FIGURE_QUALIFIERS = ("exact", "more-than", "about", "at-least", "fewer-than", "range", "up-to")

# Each annotation file, the type it holds, and the fields it may use besides the anchor.
ANNOTATION_FILES: dict[str, tuple[AnnotationType, tuple[str, ...]]] = {
    "mentions.yml": (AnnotationType.MENTION, ("entity",)),
    "not-mentions.yml": (AnnotationType.NOT_MENTION, ("entity", "reason")),
    "dates.yml": (AnnotationType.DATE, ("when", "event")),
    "quotations.yml": (AnnotationType.QUOTATION,
                       ("speaker", "speaker-label", "source", "reported", "lacuna", "kind")),
    "lacunae.yml": (AnnotationType.LACUNA, ("id", "gap-after", "lost", "conjecture")),
    "sic.yml": (AnnotationType.SIC, ("reading",)),
    "figures.yml": (AnnotationType.FIGURE, ("value", "qualifier", "unit", "counts")),
    "notes.yml": (AnnotationType.NOTE, ()),
}
ANCHOR_FIELDS = ("text", "from", "to", "occurrence", "note") + load_record.STATEMENT_FIELDS


def load_annotations(root: Path, problems: Problems) -> list[Annotation]:
    folder = root / "annotations"
    known = set(ANNOTATION_FILES)
    if folder.exists() and not folder.is_dir():
        problems.add("source/annotations", 0, "is a file, not a folder",
                     "make it a folder holding the annotation files (see source/README.md)")
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.is_dir():
            problems.add(f"source/annotations/{path.name}", 0, "a folder the build does not read",
                         "move it out of source/annotations/")
        elif path.name not in known:
            problems.add(f"source/annotations/{path.name}", 0, "file is not read by the build",
                         f"rename it to one of: {', '.join(sorted(known))}")
    annotations: list[Annotation] = []
    for name, (kind, fields) in ANNOTATION_FILES.items():
        path = folder / name
        if not path.exists():
            continue
        display = f"source/annotations/{name}"
        data = load_yaml(path, display, problems)
        if data is None:
            continue
        if not isinstance(data, Map):
            problems.add(display, getattr(data, "line", 1), "the file should map block ids "
                         "to lists", "write 'p12:' then '  - text: …' entries")
            continue
        for block_id, items in data.items():
            line = data.key_lines[block_id]
            if not isinstance(items, Seq):
                problems.add(display, line, f"'{block_id}' should hold a list",
                             "write each annotation as '  - text: …'")
                continue
            for item, item_line in zip(items, items.item_lines):
                annotations.append(_annotation(kind, fields, block_id, item, display, item_line,
                                               problems))
    return annotations


def _annotation(kind: AnnotationType, extra: tuple[str, ...], block_id: str, item: Any,
                display: str, line: int, problems: Problems) -> Annotation:
    f = Fields(item, display, line, problems, ANCHOR_FIELDS + extra, f"an annotation in {block_id}")
    anchor = _anchor(f, block_id, display, problems)
    sources, basis = load_record.statement(f, display, problems)
    values: dict[str, Any] = {"note": f.text("note", required=kind in (
        AnnotationType.NOTE, AnnotationType.LACUNA)), "sources": sources, "basis": basis}
    if kind in (AnnotationType.MENTION, AnnotationType.NOT_MENTION):
        values["entity"] = f.text("entity")
    if kind is AnnotationType.NOT_MENTION:
        values["reason"] = f.text("reason")
    if kind is AnnotationType.DATE:
        values.update(when=check_when(f, "when", True, display, problems),
                      event=f.text("event", required=False))
    if kind is AnnotationType.QUOTATION:
        values.update(_quotation_fields(f, display, problems))
    if kind is AnnotationType.LACUNA:
        values.update(_lacuna_fields(f, display, problems))
    if kind is AnnotationType.SIC:
        values["reading"] = f.text("reading")
    if kind is AnnotationType.FIGURE:
        values.update(_figure_fields(f, display, problems))
    return Annotation(type=kind, anchor=anchor, where=Located(display, f.line), **values)


def _anchor(f: Fields, block_id: str, display: str, problems: Problems) -> Anchor:
    has_text, has_ends = "text" in f.mapping, ("from" in f.mapping or "to" in f.mapping)
    if has_text == has_ends and f.ok:
        problems.add(display, f.line, "an annotation needs either 'text' or both 'from' and 'to'",
                     "quote the covered text with 'text:', or its two ends with 'from:'/'to:'")
    occurrence = f.integer("occurrence", default=1)
    if occurrence < 1:
        problems.add(display, f.key_line("occurrence"), f"occurrence {occurrence} is below 1",
                     "count occurrences from 1")
        occurrence = 1
    return Anchor(block=block_id, text=f.text("text", required=has_text),
                  start_quote=f.text("from", required=has_ends),
                  end_quote=f.text("to", required=has_ends), occurrence=occurrence)


def _quotation_fields(f: Fields, display: str, problems: Problems) -> dict[str, Any]:
    kind = f.text("kind")
    if kind and kind not in QUOTATION_KINDS:
        problems.add(display, f.key_line("kind"), f"unknown quotation kind '{kind}'",
                     f"use one of: {', '.join(QUOTATION_KINDS)}")
    return dict(kind=kind, speaker=f.text("speaker", required=False),
                speaker_label=f.text("speaker-label", required=False),
                source=f.text("source", required=False),
                reported=check_when(f, "reported", False, display, problems),
                lacuna=f.text("lacuna", required=False))


def _lacuna_fields(f: Fields, display: str, problems: Problems) -> dict[str, Any]:
    lacuna_id = f.text("id")
    check_id(lacuna_id, display, f.key_line("id"), problems)
    conjecture = Fields(f.mapping.get("conjecture", Map()), display, f.key_line("conjecture"),
                        problems, ("entity", "evidence"), "a conjecture")
    has_conjecture = bool(conjecture.mapping)
    gap_after = f.mapping.get("gap-after", "")
    if not isinstance(gap_after, str):
        problems.add(display, f.key_line("gap-after"), "'gap-after' should be text",
                     "quote the text after which the gap falls, or '' for the start")
        gap_after = ""
    return dict(id=lacuna_id, gap_after=gap_after, lost=f.text("lost"),
                conjecture_entity=conjecture.text("entity", required=has_conjecture),
                conjecture_evidence=conjecture.text("evidence", required=has_conjecture))


def _figure_fields(f: Fields, display: str, problems: Problems) -> dict[str, Any]:
    qualifier = f.text("qualifier")
    if qualifier and qualifier not in FIGURE_QUALIFIERS:
        problems.add(display, f.key_line("qualifier"), f"unknown qualifier '{qualifier}'",
                     f"use one of: {', '.join(FIGURE_QUALIFIERS)}")
    value = f.number("value", required=True)
    return dict(value=value, qualifier=qualifier, unit=f.text("unit"), counts=f.text("counts"))
