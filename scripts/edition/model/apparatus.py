"""The apparatus beside the text: sources consulted, the later record, versions, witnesses."""
from __future__ import annotations

from dataclasses import dataclass

from .text import Located


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
