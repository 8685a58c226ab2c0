"""The edition as data: edition.json (with its JSON Schema, datamodel.py) and the CSVs of the
entities, the mentions and the sources consulted."""
from __future__ import annotations

import csv
import hashlib
import io
from typing import Any

from ..i18n import N_
from ..model import Artefact, Block, BlockKind, Edition, Span
from ..kinds import AnnotationType as T, kind_of
from ..paths import file_stem
from .datamodel import json_schema
from .links import Permalinks
from .records import aliases, exported_spans, json_bytes

# The data format names the title a heading.
PARAGRAPH_KINDS = {BlockKind.TITLE: "heading"}
ENTITY_COLUMNS = ("id", "type", "kind", "name", "aliases", "description", "latitude",
                  "longitude", "wikidata", "mentions", "url")
MENTION_COLUMNS = ("paragraph", "start", "end", "text", "entity", "url")
SOURCE_COLUMNS = ("id", "author", "publisher", "title", "date", "url", "read", "language", "note",
                  "anchor")


def export_data(edition: Edition, base_url: str, pages=()) -> tuple[Artefact, ...]:
    """edition.json, its schema, and the CSVs, each also under data/."""
    stem = file_stem(edition)
    links = Permalinks(edition, base_url)
    data = edition_data(edition, links)
    return (
        Artefact(f"{stem}.json", N_("The edition as data (JSON)"),
                 N_("Paragraphs, sections, entities, events and every annotation with its "
                    "character offsets, every statement with its evidence, and the editors' "
                    "translations, for analysis and reuse."), "application/json",
                 json_bytes(data), "data/edition.json"),
        Artefact(f"{stem}.schema.json", N_("JSON Schema of the edition data"),
                 N_("For programs that read the edition as data: the description of edition.json "
                   "(a JSON Schema) that documents and checks it."),
                 "application/schema+json", json_schema(), "data/edition.schema.json"),
        Artefact(f"{stem}-entities.csv", N_("Entities (CSV)"),
                 N_("The register of people, organisations, groups and places, one row each "
                    "(aliases separated by |)."),
                 "text/csv", _csv(ENTITY_COLUMNS, _entity_rows(data)), "data/entities.csv"),
        Artefact(f"{stem}-mentions.csv", N_("Mentions (CSV)"),
                 N_("Every mention of an entity in the text, with its paragraph and offsets."),
                 "text/csv", _csv(MENTION_COLUMNS, _mention_rows(edition, links)),
                 "data/mentions.csv"),
        Artefact(f"{stem}-sources.csv", N_("Sources consulted (CSV)"),
                 N_("Every external source the apparatus quotes, one row each: author or "
                    "publisher, title, date, the address read and the day it was read, the "
                    "language."),
                 "text/csv", _csv(SOURCE_COLUMNS, _source_rows(data)), "data/sources.csv"),
    )


def _dump(record: Any, **extra: Any) -> dict[str, Any]:
    return {**record.model_dump(mode="json", exclude_none=True, by_alias=True), **extra}


def edition_data(edition: Edition, links: Permalinks) -> dict[str, Any]:
    """The whole edition as one JSON-ready value (its records: datamodel.py)."""
    src = edition.source
    text = src.text
    ends = [0] + [b.start + len(b.text) for b in edition.blocks]
    mentions = {e.id: len([s for s in edition.spans_of(T.MENTION)
                           if s.annotation.entity == e.id]) for e in edition.entities}
    return {
        "schema": links.page("data/edition.schema.json"),
        "bibliography": {"article": _dump(src.bibliography.article),
                         "edition": _dump(src.bibliography.edition, url=links.page(""))},
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text_after_last_paragraph": text[ends[-1]:],
        "paragraphs": [_paragraph(edition, block, text[end:block.start], links)
                       for block, end in zip(edition.blocks, ends)],
        "sections": [{"id": s.id, "title": s.title, "editorial_title": s.editorial_title,
                      "summary": s.summary, "url": links.section(s.id),
                      "paragraphs": list(s.paragraph_ids)} for s in edition.sections],
        "entities": [_dump(e, url=links.entity(e.id), aliases=aliases(e), mentions=mentions[e.id])
                     for e in edition.entities],
        "events": [_dump(e, url=links.event(e.id)) for e in edition.events],
        "annotations": [_annotation(s) for s in exported_spans(edition)],
        "sources_consulted": [_dump(s, anchor=links.source_entry(s.id)) for s in src.sources],
        "record": {"entries": [_dump(e, anchor=links.page(f"record.html#{e.id}"))
                               for e in src.record.entries],
                   "comparisons": [_dump(c, anchor=links.page(f"register/figures.html#{c.id}"))
                                   for c in src.record.comparisons]},
        "witnesses": _dump(src.witnesses),
        "versions": [_dump(v) for v in src.versions],
        "glossary": [_dump(t) for t in src.glossary],
        "translations": [_dump(t) for t in src.translations],
        "review": [_dump(r) for r in src.review],
    }


def _annotation(span: Span) -> dict[str, Any]:
    """An annotation with where it lies: its text as placed, whether the editors quoted it
    whole or by its first and last words; its kind's own fields as its kind exports them."""
    return {**_dump(span.annotation), **kind_of(span).data(span), "type": span.type,
            "start": span.start, "end": span.end, "text": span.text}


def _paragraph(edition: Edition, block: Block, separator: str, links: Permalinks) -> dict[str, Any]:
    """One block; `separator` is the line breaks between it and the block before."""
    return {"id": block.id, "section": block.section,
            "kind": PARAGRAPH_KINDS.get(block.kind, block.kind.value),
            "number": block.number or None, "text": block.text, "separator": separator,
            "offset": block.start, "line": block.line, "url": links.block(block.id),
            "translations": {t.language: t.blocks[block.id] for t in edition.source.translations
                             if block.id in t.blocks},
            "decision": _dump(block.decision) if block.decision else None}


def _entity_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(e["id"], e["type"], e["kind"], e["name"], "|".join(e["aliases"]), e["description"],
             *(e.get("coordinates") or ("", "")), e.get("wikidata", ""), e["mentions"], e["url"])
            for e in data["entities"]]


def _mention_rows(edition: Edition, links: Permalinks) -> list[tuple[Any, ...]]:
    return [(s.block, s.start, s.end, s.text, s.annotation.entity, links.block(s.block))
            for s in edition.spans_of(T.MENTION)]


def _source_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The sources consulted as edition.json gives them (sources_consulted), one row each."""
    return [tuple(row.get(column, "") for column in SOURCE_COLUMNS)
            for row in data["sources_consulted"]]


def _csv(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
