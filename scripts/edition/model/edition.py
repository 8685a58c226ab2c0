"""The whole: everything read from source/, the placed edition, and the downloads."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .apparatus import GlossaryTerm, Record, ReviewEntry, SourceEntry, Translation, Version, Witnesses
from .bibliography import Bibliography
from .text import Block, Entity, Event, Section, Structure

if TYPE_CHECKING:
    from ..kinds import Annotation


@dataclass(frozen=True)
class Source:
    """Everything read from `source/`, validated field by field."""

    text: str
    bibliography: Bibliography
    structure: Structure
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    annotations: tuple["Annotation", ...]
    sources: tuple[SourceEntry, ...] = ()
    record: Record = field(default_factory=Record)
    versions: tuple[Version, ...] = ()
    witnesses: Witnesses = field(default_factory=Witnesses)
    glossary: tuple[GlossaryTerm, ...] = ()
    translations: tuple[Translation, ...] = ()  # the editors' translations of the text
    review: tuple[ReviewEntry, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        return self.bibliography.edition.languages

    def source_entry(self, source_id: str) -> SourceEntry:
        return next(s for s in self.sources if s.id == source_id)

    def translation(self, language: str) -> Translation | None:
        return next((t for t in self.translations if t.language == language), None)

    def localized(self, language: str) -> "Source":
        """The same data with the editors' text in `language` wherever they wrote it."""
        if language == self.languages[0]:
            return self
        def each(items):
            return tuple(item.localized(language) for item in items)
        return replace(self, bibliography=self.bibliography.localized(language),
                       structure=self.structure.localized(language),
                       entities=each(self.entities), events=each(self.events),
                       annotations=each(self.annotations), sources=each(self.sources),
                       record=self.record.localized(language), versions=each(self.versions),
                       witnesses=self.witnesses.localized(language))


@dataclass(frozen=True)
class Span:
    """An annotation placed on a block: code-point offsets into the block's text."""

    annotation: "Annotation"
    block: str
    start: int
    end: int
    text: str
    gap: int = -1  # lacunae: offset in the block where the lost text belongs

    @property
    def type(self) -> str:
        """The name of its kind (kinds/): "mention", "date"…"""
        return self.annotation.KIND


@dataclass(frozen=True)
class Edition:
    """The text, its structure and its placed annotations: what every renderer reads."""

    source: Source
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    spans: tuple[Span, ...]
    entities: tuple[Entity, ...] = field(default=())
    events: tuple[Event, ...] = field(default=())
    language: str = "en"  # the language of the editors' text it holds (localized)

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
        return self._spans_by("block").get(block_id, ())

    def spans_of(self, kind: str) -> tuple[Span, ...]:
        return self._spans_by("type").get(kind, ())

    def _blocks_by_id(self) -> dict[str, Block]:
        return self._index("blocks", lambda: {b.id: b for b in self.blocks})

    def _spans_by(self, key: str) -> dict[str, tuple[Span, ...]]:
        """The spans grouped by their block or their kind, in their order."""
        def grouped() -> dict[str, tuple[Span, ...]]:
            groups: dict[str, list[Span]] = {}
            for span in self.spans:
                groups.setdefault(getattr(span, key), []).append(span)
            return {value: tuple(spans) for value, spans in groups.items()}
        return self._index(f"spans by {key}", grouped)

    def _index(self, name: str, make):
        """An index of the edition's records, made once (the pages look records up thousands
        of times); kept beside the frozen fields, not among them."""
        indexes = self.__dict__.setdefault("_indexes", {})
        if name not in indexes:
            indexes[name] = make()
        return indexes[name]


@dataclass(frozen=True)
class Artefact:
    """One downloadable file: docs/downloads/<name>, copied by MkDocs into the site as is."""

    name: str  # file name; carries the edition's version, e.g. bolivia-insurrection-1.0.0.json
    title: str  # shown on the Download page (a message id)
    description: str  # one sentence: what it holds and what it is for (a message id)
    media_type: str
    content: bytes
    stable_path: str = ""  # an extra unversioned path in the site, e.g. data/edition.json
    language: str = ""  # the language of a book (the one-page edition, the EPUB); '' for data
