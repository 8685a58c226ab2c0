"""Typed, immutable data passed between the pipeline's stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a block of the transmitted text is, as the editor reads it."""

    TITLE = "title"
    HEADING = "heading"
    TEXT = "text"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    DATELINE = "dateline"
    NOTE = "note"


@dataclass(frozen=True)
class Located:
    """Where in `source/` a piece of data was written, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""


@dataclass(frozen=True)
class ArticleRecord:
    """The transmitted article as a bibliographic item."""

    title: str
    date: str
    publication: str
    publisher: str
    language: str
    attribution: str
    attribution_evidence: str
    original_language: str
    original_note: str
    text_sha256: str
    description: str
    publication_evidence: str = ""
    sources: tuple[str, ...] = ()
    where: Located | None = None  # where `sources` is written, for error messages


@dataclass(frozen=True)
class EditionRecord:
    """This digital edition as a bibliographic item."""

    title: str
    short_title: str
    editors: tuple[Person, ...]
    version: str
    date: str
    licence: str
    licence_url: str
    text_licence_note: str
    publisher: str
    contact: str = ""
    errata: str = ""


@dataclass(frozen=True)
class Bibliography:
    article: ArticleRecord
    edition: EditionRecord


@dataclass(frozen=True)
class Decision:
    """One editorial decision about a block, with the reason shown to readers."""

    block_quote: str
    kind: BlockKind
    reason: str
    where: Located
    section_id: str = ""
    section_title: str = ""
    summary: str = ""
    duplicate_of: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Structure:
    opening_id: str
    opening_title: str
    opening_summary: str
    opening_reason: str
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Block:
    """A run of the transmitted text between blank lines, with its permanent id."""

    id: str
    kind: BlockKind
    text: str
    start: int  # code-point offset of the block in article.txt
    line: int  # 1-based line in article.txt
    section: str
    number: int = 0  # paragraph number for p-blocks, 0 for title and headings
    decision: Decision | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str
    editorial_title: bool  # True when the title is the editor's, not the text's
    blocks: tuple[Block, ...]

    @property
    def paragraph_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.blocks)


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # person | organisation | group | place
    kind: str
    name: str
    forms: tuple[str, ...]
    description: str
    where: Located
    coordinates: tuple[float, float] | None = None
    wikidata: str = ""
    sources: tuple[str, ...] = ()  # ids in sources.yml supporting the description
    basis: str = ""  # article | editorial | inference, when no source is cited


@dataclass(frozen=True)
class Event:
    id: str
    when: str
    title: str
    description: str
    where: Located
    sources: tuple[str, ...] = ()
    basis: str = ""


@dataclass(frozen=True)
class Anchor:
    """How an annotation names its span: a quote (or two ends) in one block."""

    block: str
    text: str = ""
    start_quote: str = ""
    end_quote: str = ""
    occurrence: int = 1


class AnnotationType(str, Enum):
    MENTION = "mention"
    NOT_MENTION = "not-mention"
    DATE = "date"
    QUOTATION = "quotation"
    LACUNA = "lacuna"
    SIC = "sic"
    FIGURE = "figure"
    NOTE = "note"


@dataclass(frozen=True)
class Annotation:
    """An annotation as written in `source/annotations/`, not yet placed on the text."""

    type: AnnotationType
    anchor: Anchor
    where: Located
    note: str = ""
    entity: str = ""  # mention, not-mention
    reason: str = ""  # not-mention
    when: str = ""  # date
    event: str = ""  # date
    speaker: str = ""  # quotation
    speaker_label: str = ""
    source: str = ""
    reported: str = ""
    lacuna: str = ""
    kind: str = ""  # quotation kind
    id: str = ""  # lacuna
    gap_after: str = ""
    lost: str = ""
    conjecture_entity: str = ""
    conjecture_evidence: str = ""
    reading: str = ""  # sic
    value: float | None = None  # figure
    qualifier: str = ""
    unit: str = ""
    counts: str = ""
    sources: tuple[str, ...] = ()  # for the note (and a lacuna's conjecture evidence)
    basis: str = ""


@dataclass(frozen=True)
class SourceEntry:
    """One source consulted (sources.yml): a page the editors read, where and when."""

    id: str
    publisher: str
    title: str
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY, or "n.d." when the page shows none
    url: str
    read: str  # YYYY-MM-DD
    language: str
    where: Located
    author: str = ""
    short: str = ""  # a short label for references; the publisher when empty
    note: str = ""

    @property
    def label(self) -> str:
        return self.short or self.author or self.publisher


@dataclass(frozen=True)
class RecordEntry:
    """One sourced statement of the record beside and after the article (record.yml)."""

    id: str
    when: str
    part: str  # context | outcome | counts | justice
    title: str
    text: str
    sources: tuple[str, ...]
    where: Located
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureRef:
    """A figure annotation named by its block and quoted text."""

    block: str
    text: str


@dataclass(frozen=True)
class Count:
    """Another source's count, set beside the article's figure."""

    value: float
    qualifier: str  # exact | more-than | at-least | about | range
    timing: str  # same-days | later
    when: str  # the date of the count, or "n.d."
    source: str
    counts: str
    where: Located
    to: float | None = None  # the upper end of a range


@dataclass(frozen=True)
class Comparison:
    """The article's casualty figures beside the counts of the same days and later."""

    id: str
    title: str
    figures: tuple[FigureRef, ...]
    counts: tuple[Count, ...]
    note: str
    where: Located


@dataclass(frozen=True)
class Record:
    entries: tuple[RecordEntry, ...] = ()
    comparisons: tuple[Comparison, ...] = ()


@dataclass(frozen=True)
class Change:
    anchor: str  # a block id, an entity, event, record or source id, or a page name
    what: str
    where: Located


@dataclass(frozen=True)
class Version:
    version: str
    date: str
    summary: str
    changes: tuple[Change, ...]
    where: Located


@dataclass(frozen=True)
class TextWitness:
    """A copy of the article the editors know, and how the transmitted text relates to it."""

    id: str
    name: str
    source: str
    status: str  # shown | reported | likely
    relation: str
    where: Located


@dataclass(frozen=True)
class QuotationWitness:
    """A Spanish witness of a quoted report: where it is and how its text opens."""

    block: str
    quote: str  # the opening of the English quotation, as in quotations.yml
    source: str
    opening: str  # the opening of the Spanish text
    status: str
    where: Located
    lacuna: str = ""  # the lacuna whose lost name it restores, if any
    note: str = ""


@dataclass(frozen=True)
class Witnesses:
    text: tuple[TextWitness, ...] = ()
    quotations: tuple[QuotationWitness, ...] = ()


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
