"""Stage 1: read every file in `source/` and validate it against the declared records (model/,
kinds/) into a `Source`; then the checks across files (references.py). Every problem is one
line naming its file and line; all of a stage's problems are reported at once."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..kinds import KINDS, Annotation
from ..model import (Bibliography, Entity, Event, GlossaryTerm, Record, ReviewEntry, Source,
                     SourceEntry, Structure, Translation, Version, Witnesses)
from ..problems import Problems
from .references import check_references
from .validate import validate, validate_items
from .yamlfile import Map, Seq, load_yaml, read_text

ARTICLE = "article.txt"
# The files of source/ besides the text and the annotations: (name, its record, whether it is a
# list of them). The loader reads them; the field reference (reference.py) and the tests'
# hostile fields walk them.
FILES = (("bibliography.yml", Bibliography, False), ("structure.yml", Structure, False),
         ("entities.yml", Entity, True), ("events.yml", Event, True),
         ("sources.yml", SourceEntry, True), ("record.yml", Record, False),
         ("witnesses.yml", Witnesses, False), ("versions.yml", Version, True),
         ("glossary.yml", GlossaryTerm, True), ("translations/es.yml", Translation, False),
         ("review.yml", ReviewEntry, True))


def load_source(root: Path) -> Source:
    """Read and validate `root` (the `source/` folder); raise SourceError listing every problem."""
    problems = Problems()
    text = _load_article(root, problems)
    bibliography = _one(root, "bibliography.yml", Bibliography, problems, {})
    languages = bibliography.edition.languages if bibliography else ("en",)
    context = {"languages": languages}
    loaded = Source(
        text=text or "", bibliography=bibliography,
        structure=_one(root, "structure.yml", Structure, problems, context),
        entities=tuple(_list(root, "entities.yml", Entity, problems, context)),
        events=tuple(_list(root, "events.yml", Event, problems, context)),
        annotations=tuple(load_annotations(root, problems, context)),
        sources=tuple(_list(root, "sources.yml", SourceEntry, problems, context)),
        record=_one(root, "record.yml", Record, problems, context) or Record(),
        versions=tuple(_list(root, "versions.yml", Version, problems, context,
                             "start each version with '- version: …'")),
        witnesses=_one(root, "witnesses.yml", Witnesses, problems, context) or Witnesses(),
        glossary=tuple(_list(root, "glossary.yml", GlossaryTerm, problems, context, "start each "
                             "term with '- en: …'") if "es" in languages else ()),
        translations=tuple(t for t in (_one(root, f"translations/{language}.yml", Translation,
                                            problems, context)
                                       for language in languages[1:]) if t),
        review=tuple(_list(root, "review.yml", ReviewEntry, problems, context,
                           "start each entry with '- file: …'")
                     if (root / "review.yml").exists() else ()))
    if text is not None and bibliography and not _hash_matches(
            text, bibliography.article.text_sha256):
        problems.add(f"source/{ARTICLE}", 0, "the transmitted text has changed (its sha256 no "
                     "longer matches bibliography.yml)",
                     "restore it with 'git checkout source/article.txt'; the text is never edited")
    problems.raise_if_any()  # the checks across files need every file read
    check_references(loaded, problems)
    problems.raise_if_any()
    return loaded


def load_annotations(root: Path, problems: Problems, context: dict[str, Any]) -> list[Annotation]:
    """Every annotation file of a registered kind: block ids, each with a list of entries."""
    folder = root / "annotations"
    files = {kind.file: kind for kind in KINDS}
    if folder.exists() and not folder.is_dir():
        problems.add("source/annotations", 0, "is a file, not a folder",
                     "make it a folder holding the annotation files (see source/README.md)")
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.is_dir():
            problems.add(f"source/annotations/{path.name}", 0, "a folder the build does not read",
                         "move it out of source/annotations/")
        elif path.name not in files:
            problems.add(f"source/annotations/{path.name}", 0, "file is not read by the build",
                         f"rename it to one of: {', '.join(sorted(files))}")
    annotations: list[Annotation] = []
    for name, kind in files.items():
        display = f"source/annotations/{name}"
        data = load_yaml(folder / name, display, problems) if (folder / name).exists() else None
        if data is None:
            continue
        if not isinstance(data, Map):
            problems.add(display, getattr(data, "line", 1), "the file should map block ids to "
                         "lists", "write 'p12:' then '  - text: …' entries")
            continue
        for block_id, items in data.items():
            if not isinstance(items, Seq):
                problems.add(display, data.key_lines[block_id], f"'{block_id}' should hold a list",
                             "write each annotation as '  - text: …'")
                continue
            for item in items:
                if isinstance(item, Map) and "block" in item:
                    problems.add(display, item.key_lines["block"], "unknown field 'block' in an "
                                 "annotation", "an annotation's block is the key it is written "
                                 "under: remove 'block'")
                    continue
                found = validate(kind.model, _with_block(item, block_id), display, problems,
                                 context)
                if found is not None:
                    annotations.append(found)
    return annotations


def _with_block(item: Any, block_id: str) -> Any:
    """The entry with the block it is written under, its lines kept."""
    if not isinstance(item, Map):
        return item
    copy = Map(item)
    copy.line, copy.key_lines = item.line, {**item.key_lines, "block": item.line}
    copy["block"] = str(block_id)
    return copy


def _one(root: Path, name: str, model, problems: Problems, context: dict[str, Any]):
    display = f"source/{name}"
    data = load_yaml(root / name, display, problems)
    return None if data is None else validate(model, data, display, problems, context)


def _list(root: Path, name: str, model, problems: Problems, context: dict[str, Any],
          fix: str = "") -> list:
    display = f"source/{name}"
    data = load_yaml(root / name, display, problems)
    if data is None:
        return []
    return validate_items(model, data, display, problems, context, fix)


def _load_article(root: Path, problems: Problems) -> str | None:
    text = read_text(root / ARTICLE, f"source/{ARTICLE}", problems)
    if text is not None and "\r" in text:
        problems.add(f"source/{ARTICLE}", 0, "line endings were changed to CRLF",
                     "restore the transmitted file (git checkout source/article.txt)")
    return text


def _hash_matches(text: str, expected: str) -> bool:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() == expected
