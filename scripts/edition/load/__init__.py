"""Stage 1: read every file in `source/` and validate it field by field into a `Source`."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Callable

from .. import dates
from . import record as load_record
from ..model import (
    ArticleRecord, Bibliography, BlockKind, Decision, EditionRecord, Entity, Event, Located,
    Person, Source, Structure,
)
from ..problems import Problems
from .annotations import load_annotations
from .references import check_references
from .checks import VERSION, check_id, check_language, check_unique_ids, check_web_url
from .yamlfile import Fields, Seq, load_yaml, read_text

ARTICLE = "article.txt"
ENTITY_TYPES = ("person", "organisation", "group", "place")


def load_source(root: Path) -> Source:
    """Read and validate `root` (the `source/` folder); raise SourceError listing every problem."""
    problems = Problems()
    text = _load_article(root, problems)
    bibliography = _load_bibliography(root, problems)
    structure = _load_structure(root, problems)
    entities = _load_list(root, "entities.yml", problems, _entity)
    events = _load_list(root, "events.yml", problems, _event)
    annotations = load_annotations(root, problems)
    sources = load_record.load_sources(root, problems)
    record = load_record.load_record(root, problems)
    versions = load_record.load_versions(root, problems)
    witnesses = load_record.load_witnesses(root, problems)
    check_unique_ids(entities, "entities.yml", problems)
    check_unique_ids(events, "events.yml", problems)
    if text is not None and bibliography.article.text_sha256 and not _hash_matches(
            text, bibliography.article.text_sha256):
        problems.add(f"source/{ARTICLE}", 0, "the transmitted text has changed (its sha256 no "
                     "longer matches bibliography.yml)",
                     "restore it with 'git checkout source/article.txt'; the text is never edited")
    loaded = Source(text=text or "", bibliography=bibliography, structure=structure,
                    entities=tuple(entities), events=tuple(events), annotations=tuple(annotations),
                    sources=sources or (), record=record, versions=versions, witnesses=witnesses)
    check_references(loaded, problems, resolve=sources is not None)
    problems.raise_if_any()
    return loaded


def _load_article(root: Path, problems: Problems) -> str | None:
    text = read_text(root / ARTICLE, f"source/{ARTICLE}", problems)
    if text is not None and "\r" in text:
        problems.add(f"source/{ARTICLE}", 0, "line endings were changed to CRLF",
                     "restore the transmitted file (git checkout source/article.txt)")
    return text


def _load_bibliography(root: Path, problems: Problems) -> Bibliography:
    display = "source/bibliography.yml"
    data = load_yaml(root / "bibliography.yml", display, problems)
    top = Fields(data, display, 1, problems, ("article", "edition"), "the bibliography")
    art = Fields(top.mapping.get("article"), display, top.key_line("article"), problems,
                 ("title", "date", "publication", "publisher", "language", "attribution",
                  "attribution-evidence", "original-language", "original-note", "text-sha256",
                  "description", "publication-evidence", "sources"), "the article")
    ed = Fields(top.mapping.get("edition"), display, top.key_line("edition"), problems,
                ("title", "short-title", "editors", "version", "date", "licence", "licence-url",
                 "text-licence-note", "publisher", "contact", "errata"), "the edition")
    article = ArticleRecord(
        title=art.text("title"), date=_iso_date(art, "date", display, problems),
        publication=art.text("publication"), publisher=art.text("publisher"),
        language=art.text("language"), attribution=art.text("attribution"),
        attribution_evidence=art.text("attribution-evidence"),
        original_language=art.text("original-language"), original_note=art.text("original-note"),
        text_sha256=art.text("text-sha256"), description=art.text("description"),
        publication_evidence=art.text("publication-evidence", required=False),
        sources=load_record.statement(art, display, problems)[0],
        where=Located(display, art.key_line("sources")))
    edition = EditionRecord(
        title=ed.text("title"), short_title=ed.text("short-title"),
        editors=_editors(ed, display, problems), version=ed.text("version"),
        date=_iso_date(ed, "date", display, problems), licence=ed.text("licence"),
        licence_url=ed.text("licence-url"), text_licence_note=ed.text("text-licence-note"),
        publisher=ed.text("publisher"), contact=ed.text("contact", required=False),
        errata=ed.text("errata", required=False))
    check_language(art, "language", display, problems)
    check_language(art, "original-language", display, problems)
    check_web_url(ed, "licence-url", display, problems)
    if edition.version and not VERSION.fullmatch(edition.version):
        problems.add(display, ed.key_line("version"), f"version '{edition.version}' is not "
                     "MAJOR.MINOR.PATCH", "write it like 1.0.0")
    return Bibliography(article, edition)


def _editors(ed: Fields, display: str, problems: Problems) -> tuple[Person, ...]:
    items = ed.mapping.get("editors")
    if not isinstance(items, Seq) or not items:
        problems.add(display, ed.key_line("editors"), "the edition lists no editors",
                     "add 'editors:' with '- name: …' entries")
        return ()
    people = []
    for item, line in zip(items, items.item_lines):
        f = Fields(item, display, line, problems, ("name", "role"), "an editor")
        people.append(Person(f.text("name"), f.text("role", required=False)))
    return tuple(people)


def _iso_date(fields: Fields, key: str, display: str, problems: Problems) -> str:
    value = fields.text(key)
    if value and not dates.is_calendar_date(value):
        problems.add(display, fields.key_line(key), f"'{value}' is not a real date",
                     "write it as YYYY-MM-DD")
    return value


def _load_structure(root: Path, problems: Problems) -> Structure:
    display = "source/structure.yml"
    data = load_yaml(root / "structure.yml", display, problems)
    top = Fields(data, display, 1, problems, ("opening", "decisions"), "the structure")
    opening = Fields(top.mapping.get("opening"), display, top.key_line("opening"), problems,
                     ("id", "title", "summary", "reason"), "the opening section")
    decisions = []
    items = top.mapping.get("decisions")
    if not isinstance(items, Seq):
        problems.add(display, top.key_line("decisions"), "'decisions' should be a list",
                     "write each decision as '- block: …'")
        items = Seq()
        items.item_lines = []
    for item, line in zip(items, items.item_lines):
        decisions.append(_decision(item, display, line, problems))
    opening_id = opening.text("id")
    check_id(opening_id, display, opening.key_line("id"), problems)
    return Structure(opening_id=opening_id, opening_title=opening.text("title"),
                     opening_summary=opening.text("summary"), opening_reason=opening.text("reason"),
                     decisions=tuple(decisions))


def _decision(item: Any, display: str, line: int, problems: Problems) -> Decision:
    f = Fields(item, display, line, problems,
               ("block", "kind", "reason", "id", "title", "summary", "duplicate-of", "sources"),
               "a decision")
    kind_text = f.text("kind")
    kinds = [k.value for k in BlockKind if k is not BlockKind.TEXT]
    kind = BlockKind.TEXT
    if kind_text in kinds:
        kind = BlockKind(kind_text)
    elif kind_text:
        problems.add(display, f.key_line("kind"), f"unknown kind '{kind_text}'",
                     f"use one of: {', '.join(kinds)}")
    section_id = f.text("id", required=kind is BlockKind.HEADING)
    if kind is BlockKind.HEADING:
        check_id(section_id, display, f.key_line("id"), problems)
    if kind_text in kinds:  # an unknown kind is reported as that
        _check_only_for(f, kind, display, problems)
    return Decision(block_quote=f.text("block"), kind=kind, reason=f.text("reason"),
                    where=Located(display, f.line), section_id=section_id,
                    section_title=f.text("title", required=False),
                    summary=f.text("summary", required=kind is BlockKind.HEADING),
                    duplicate_of=f.text("duplicate-of", required=kind is BlockKind.DUPLICATE),
                    sources=load_record.statement(f, display, problems)[0])


# Decision fields that mean something for one kind of block only: elsewhere they would be
# read and never shown.
ONLY_FOR_KIND = {"id": BlockKind.HEADING, "title": BlockKind.HEADING,
                 "summary": BlockKind.HEADING, "duplicate-of": BlockKind.DUPLICATE}


def _check_only_for(f: Fields, kind: BlockKind, display: str, problems: Problems) -> None:
    for key, only in ONLY_FOR_KIND.items():
        if key in f.mapping and kind is not only:
            problems.add(display, f.key_line(key), f"'{key}' is only read for a {only.value}, "
                         f"and this block is a {kind.value}", f"remove '{key}', or make the "
                         f"block a {only.value}")


def _load_list(root: Path, name: str, problems: Problems,
               build: Callable[[Any, str, int, Problems], Any]) -> list[Any]:
    display = f"source/{name}"
    data = load_yaml(root / name, display, problems)
    if data is None:
        return []
    if not isinstance(data, Seq):
        problems.add(display, getattr(data, "line", 1), "the file should be a list",
                     "start each entry with '- id: …'")
        return []
    return [build(item, display, line, problems) for item, line in zip(data, data.item_lines)]


def _entity(item: Any, display: str, line: int, problems: Problems) -> Entity:
    f = Fields(item, display, line, problems,
               ("id", "type", "kind", "name", "forms", "description", "coordinates", "wikidata")
               + load_record.STATEMENT_FIELDS, "an entity")
    entity_id = f.text("id")
    check_id(entity_id, display, f.key_line("id"), problems)
    entity_type = f.text("type")
    if entity_type and entity_type not in ENTITY_TYPES:
        problems.add(display, f.key_line("type"), f"unknown type '{entity_type}'",
                     f"use one of: {', '.join(ENTITY_TYPES)}")
    coordinates = f.numbers("coordinates", 2)
    if coordinates and not (-90 <= coordinates[0] <= 90 and -180 <= coordinates[1] <= 180):
        problems.add(display, f.key_line("coordinates"), f"coordinates {list(coordinates)} are "
                     "off the globe", "write [latitude, longitude] in degrees")
        coordinates = None
    if entity_type == "place" and coordinates is None and f.ok and "coordinates" not in f.mapping:
        problems.add(display, f.line, f"place '{entity_id}' has no coordinates",
                     "add 'coordinates: [latitude, longitude]'")
    wikidata = f.text("wikidata", required=False)
    if wikidata and not re.fullmatch(r"Q[1-9]\d*", wikidata):
        problems.add(display, f.key_line("wikidata"), f"'{wikidata}' is not a Wikidata id",
                     "write it like Q750, or leave it out")
    forms = f.texts("forms")
    for form in forms:
        if not form.strip():
            problems.add(display, f.key_line("forms"), "a form is empty",
                         "write the form as the text has it, or remove the line")
        elif form != form.strip():
            problems.add(display, f.key_line("forms"), f"form '{form}' has spaces at its ends",
                         "remove them")
    sources, basis = load_record.statement(f, display, problems)
    return Entity(id=entity_id, type=entity_type, kind=f.text("kind"), name=f.text("name"),
                  forms=forms, description=f.text("description"), where=Located(display, f.line),
                  coordinates=(coordinates[0], coordinates[1]) if coordinates else None,
                  wikidata=wikidata, sources=sources, basis=basis)


def _event(item: Any, display: str, line: int, problems: Problems) -> Event:
    f = Fields(item, display, line, problems, ("id", "when", "title", "description")
               + load_record.STATEMENT_FIELDS, "an event")
    event_id = f.text("id")
    check_id(event_id, display, f.key_line("id"), problems)
    when = f.text("when")
    error = dates.problem_with(when) if when else None
    if error:
        problems.add(display, f.key_line("when"), f"when '{when}': {error}", dates.FIX)
    sources, basis = load_record.statement(f, display, problems)
    return Event(id=event_id, when=when, title=f.text("title"),
                 description=f.text("description", required=False), where=Located(display, f.line),
                 sources=sources, basis=basis)


def _hash_matches(text: str, expected: str) -> bool:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() == expected
