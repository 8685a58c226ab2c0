"""The edition as data: edition.json (with its JSON Schema) and the entity and mention CSVs."""
from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

from ..model import AnnotationType as T, Block, BlockKind, Edition, Person, Source
from ..model import Artefact
from ..paths import file_stem
from .links import Permalinks
from .records import aliases, annotation_fields, exported_spans, json_bytes, number

SCHEMA = Path(__file__).with_name("edition.schema.json")
# The data format names the title a heading: the kinds of paragraph are fixed by issue #5.
PARAGRAPH_KINDS = {BlockKind.TITLE: "heading"}
ENTITY_COLUMNS = ("id", "type", "kind", "name", "aliases", "description", "latitude",
                  "longitude", "wikidata", "mentions", "url")
MENTION_COLUMNS = ("paragraph", "start", "end", "text", "entity", "url")
SOURCE_COLUMNS = ("id", "author", "publisher", "title", "date", "url", "read", "language", "note",
                  "anchor")


def export_data(edition: Edition, base_url: str, pages=()) -> tuple[Artefact, ...]:
    """edition.json, its schema, entities.csv and mentions.csv, each also under data/."""
    stem = file_stem(edition)
    links = Permalinks(edition, base_url)
    return (
        Artefact(f"{stem}.json", "The edition as data (JSON)",
                 "Paragraphs, sections, entities, events and every annotation with its "
                 "character offsets, for analysis and reuse.", "application/json",
                 json_bytes(edition_data(edition, links)), "data/edition.json"),
        Artefact(f"{stem}.schema.json", "JSON Schema of the edition data",
                 "The JSON Schema (draft 2020-12) that documents and validates edition.json.",
                 "application/schema+json", SCHEMA.read_bytes(), "data/edition.schema.json"),
        Artefact(f"{stem}-entities.csv", "Entities (CSV)",
                 "The register of people, organisations, groups and places, one row each (aliases "
                 "separated by |).",
                 "text/csv", _csv(ENTITY_COLUMNS, _entity_rows(edition, links)),
                 "data/entities.csv"),
        Artefact(f"{stem}-mentions.csv", "Mentions (CSV)",
                 "Every mention of an entity in the text, with its paragraph and offsets.",
                 "text/csv", _csv(MENTION_COLUMNS, _mention_rows(edition, links)),
                 "data/mentions.csv"),
        Artefact(f"{stem}-sources.csv", "Sources consulted (CSV)",
                 "Every external source the apparatus cites, one row each: author or publisher, "
                 "title, date, the address read and the day it was read, the language.",
                 "text/csv", _csv(SOURCE_COLUMNS, _source_rows(edition, links)),
                 "data/sources.csv"),
    )


def edition_data(edition: Edition, links: Permalinks) -> dict[str, Any]:
    """The whole edition as one JSON-ready value."""
    text = edition.source.text
    ends = [0] + [b.start + len(b.text) for b in edition.blocks]
    return {
        "schema": links.page("data/edition.schema.json"),
        "bibliography": _bibliography(edition, links),
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text_after_last_paragraph": text[ends[-1]:],
        "paragraphs": [_paragraph(block, text[end:block.start], links)
                       for block, end in zip(edition.blocks, ends)],
        "sections": [{"id": s.id, "title": s.title, "editorial_title": s.editorial_title,
                      "summary": s.summary, "url": links.section(s.id),
                      "paragraphs": list(s.paragraph_ids)} for s in edition.sections],
        "entities": [_entity(edition, e.id, links) for e in edition.entities],
        "events": [{"id": e.id, "when": e.when, "title": e.title, "description": e.description,
                    "url": links.event(e.id), **_statement(e.sources, e.basis)}
                   for e in edition.events],
        "annotations": [{"type": s.type.value, "paragraph": s.block, "start": s.start,
                         "end": s.end, "text": s.text, **annotation_fields(s),
                         **_statement(s.annotation.sources, s.annotation.basis, optional=True)}
                        for s in exported_spans(edition)],
        **_apparatus(edition.source, links),
    }


def _statement(sources: tuple[str, ...], basis: str, optional: bool = False) -> dict[str, Any]:
    """What a statement rests on: the ids of its sources, or its basis (article, editorial,
    inference). Annotations carry the keys only when they say something."""
    if optional and not sources and not basis:
        return {}
    return {"sources": list(sources), "basis": basis or None}


def _apparatus(source: Source, links: Permalinks) -> dict[str, Any]:
    """The sources consulted, the record beside and after the article, the witnesses and
    the changelog."""
    return {
        "sources_consulted": [
            {"id": s.id, "author": s.author or None, "publisher": s.publisher, "title": s.title,
             "date": None if s.date == "n.d." else str(s.date), "url": s.url, "read": s.read,
             "language": s.language, "note": s.note or None,
             "anchor": links.source_entry(s.id)} for s in source.sources],
        "record": {
            "entries": [{"id": e.id, "when": e.when, "part": e.part, "title": e.title,
                         "text": e.text, "sources": list(e.sources),
                         "paragraphs": list(e.paragraphs),
                         "anchor": links.page(f"record.html#{e.id}")}
                        for e in source.record.entries],
            "comparisons": [{"id": c.id, "title": c.title,
                             "figures": [{"paragraph": f.block, "text": f.text} for f in c.figures],
                             "counts": [_count(n) for n in c.counts], "note": c.note,
                             "anchor": links.page(f"register/figures.html#{c.id}")}
                            for c in source.record.comparisons]},
        "witnesses": {
            "text": [{"id": w.id, "name": w.name, "source": w.source, "status": w.status,
                      "relation": w.relation} for w in source.witnesses.text],
            "quotations": [{"paragraph": q.block, "quote": q.quote, "source": q.source,
                            "opening": q.opening, "status": q.status, "lacuna": q.lacuna or None,
                            "note": q.note or None} for q in source.witnesses.quotations]},
        "versions": [{"version": v.version, "date": v.date, "summary": v.summary,
                      "changes": [{"anchor": c.anchor, "what": c.what} for c in v.changes]}
                     for v in source.versions],
    }


def _count(count: Any) -> dict[str, Any]:
    return {"value": number(count.value), "to": number(count.to), "qualifier": count.qualifier,
            "timing": count.timing, "when": None if count.when == "n.d." else str(count.when),
            "source": count.source, "counts": count.counts}


def _paragraph(block: Block, separator: str, links: Permalinks) -> dict[str, Any]:
    """One block; `separator` is the line breaks between it and the block before."""
    return {"id": block.id, "section": block.section,
            "kind": PARAGRAPH_KINDS.get(block.kind, block.kind.value),
            "number": block.number or None, "text": block.text, "separator": separator,
            "offset": block.start, "line": block.line, "url": links.block(block.id),
            "editorial_reason": block.decision.reason if block.decision else None,
            "editorial_sources": list(block.decision.sources) if block.decision else []}


def _entity(edition: Edition, entity_id: str, links: Permalinks) -> dict[str, Any]:
    e = edition.entity(entity_id)
    data: dict[str, Any] = {"id": e.id, "type": e.type, "kind": e.kind, "name": e.name,
                            "aliases": aliases(e), "description": e.description,
                            "url": links.entity(e.id), **_statement(e.sources, e.basis)}
    if e.coordinates:
        data["coordinates"] = {"latitude": e.coordinates[0], "longitude": e.coordinates[1]}
    if e.wikidata:
        data["wikidata"] = e.wikidata
    return data


def _bibliography(edition: Edition, links: Permalinks) -> dict[str, Any]:
    art, ed = edition.bibliography.article, edition.bibliography.edition
    return {
        "article": {"title": art.title, "date": art.date, "publication": art.publication,
                    "publisher": art.publisher, "language": art.language,
                    "attribution": art.attribution,
                    "attribution_evidence": art.attribution_evidence,
                    "original_language": art.original_language,
                    "original_note": art.original_note, "description": art.description,
                    "text_sha256": art.text_sha256,
                    "publication_evidence": art.publication_evidence or None,
                    "sources": list(art.sources)},
        "edition": {"title": ed.title, "short_title": ed.short_title,
                    "editors": [_person(p) for p in ed.editors], "publisher": ed.publisher,
                    "version": ed.version, "date": ed.date, "licence": ed.licence,
                    "licence_url": ed.licence_url, "text_licence_note": ed.text_licence_note,
                    "contact": ed.contact or None, "errata": ed.errata or None,
                    "url": links.page("")},
    }


def _person(person: Person) -> dict[str, str]:
    return {"name": person.name, "role": person.role}


def _entity_rows(edition: Edition, links: Permalinks) -> list[tuple[Any, ...]]:
    counts = _mention_counts(edition)
    return [(e.id, e.type, e.kind, e.name, "|".join(aliases(e)), e.description,
             e.coordinates[0] if e.coordinates else "", e.coordinates[1] if e.coordinates else "",
             e.wikidata, counts.get(e.id, 0), links.entity(e.id)) for e in edition.entities]


def _mention_counts(edition: Edition) -> dict[str, int]:
    counts: dict[str, int] = {}
    for span in edition.spans_of(T.MENTION):
        counts[span.annotation.entity] = counts.get(span.annotation.entity, 0) + 1
    return counts


def _mention_rows(edition: Edition, links: Permalinks) -> list[tuple[Any, ...]]:
    return [(s.block, s.start, s.end, s.text, s.annotation.entity, links.block(s.block))
            for s in edition.spans_of(T.MENTION)]


def _source_rows(edition: Edition, links: Permalinks) -> list[tuple[Any, ...]]:
    """The sources consulted as edition.json gives them (sources_consulted), one row each."""
    rows = _apparatus(edition.source, links)["sources_consulted"]
    return [tuple("" if row[column] is None else row[column] for column in SOURCE_COLUMNS)
            for row in rows]


def _csv(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
