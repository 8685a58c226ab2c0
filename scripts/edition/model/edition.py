"""The whole: everything read from source/, the placed edition, and the downloads."""
from __future__ import annotations

from dataclasses import dataclass, field

from .apparatus import Record, SourceEntry, Version, Witnesses
from .text import Annotation, AnnotationType, Bibliography, Block, Entity, Event, Section, Structure


@dataclass(frozen=True)
class Source:
    """Everything read from `source/`, validated field by field."""

    text: str
    bibliography: Bibliography
    structure: Structure
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    annotations: tuple[Annotation, ...]
    sources: tuple[SourceEntry, ...] = ()
    record: Record = field(default_factory=Record)
    versions: tuple[Version, ...] = ()
    witnesses: Witnesses = field(default_factory=Witnesses)

    def source_entry(self, source_id: str) -> SourceEntry:
        return next(s for s in self.sources if s.id == source_id)


@dataclass(frozen=True)
class Span:
    """An annotation placed on a block: code-point offsets into the block's text."""

    annotation: Annotation
    block: str
    start: int
    end: int
    text: str
    gap: int = -1  # lacunae: offset in the block where the lost text belongs

    @property
    def type(self) -> AnnotationType:
        return self.annotation.type


@dataclass(frozen=True)
class Edition:
    """The text, its structure and its placed annotations: what every renderer reads."""

    source: Source
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    spans: tuple[Span, ...]
    entities: tuple[Entity, ...] = field(default=())
    events: tuple[Event, ...] = field(default=())

    @property
    def bibliography(self) -> Bibliography:
        return self.source.bibliography

    def block(self, block_id: str) -> Block:
        return self._blocks_by_id()[block_id]

    def section_of(self, block_id: str) -> Section:
        section_id = self.block(block_id).section
        return next(s for s in self.sections if s.id == section_id)

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)

    def spans_in(self, block_id: str) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.block == block_id)

    def spans_of(self, kind: AnnotationType) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.type == kind)

    def _blocks_by_id(self) -> dict[str, Block]:
        return {b.id: b for b in self.blocks}


@dataclass(frozen=True)
class Artefact:
    """One downloadable file: docs/downloads/<name>, copied by MkDocs into the site as is."""

    name: str  # file name; carries the edition's version, e.g. bolivia-insurrection-1.0.0.json
    title: str  # shown on the Download page
    description: str  # one sentence: what it holds and what it is for
    media_type: str
    content: bytes
    stable_path: str = ""  # an extra unversioned path in the site, e.g. data/edition.json
