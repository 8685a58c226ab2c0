"""The text and what is said about it: blocks, sections, entities, events, annotations."""
from __future__ import annotations

from dataclasses import dataclass
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

    @property
    def version_label(self) -> str:
        """The version as every citation and export writes it: one string, everywhere."""
        return f"Version {self.version}"


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
