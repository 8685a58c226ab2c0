"""The apparatus beside the text: sources consulted, the later record, versions, witnesses,
the glossary of fixed Spanish renderings, the editors' translation and the review."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .declared import Declared, Evidence, Translated, TranslatedStatement, problem
from .fields import (BlockRef, CalendarDate, Count as Number, EdtfDate, Id, LanguageTag,
                     PartialDate, Text, TextByBlock, Version as VersionNumber)


class SourceEntry(Translated):
    """One source consulted: a page the editors read, where and when."""

    WHAT: ClassVar[str] = "a source"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("short", "note")
    id: Id
    publisher: Text
    title: Text = Field(description="Its headline, as shown.")
    date: PartialDate = Field(description="The page's own date, or n.d.")
    url: str = Field(pattern=r"^https?://[^\s\"<>]+$", description="The address read.")
    read: CalendarDate = Field(description="The day the editors read it.")
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1.")
    author: Text | None = Field(default=None, description="Only where the page names one.")
    short: Text | None = Field(default=None, description="The label printed after a statement.")
    note: Text | None = Field(default=None, description="What the page shows of itself.")

    @property
    def label(self) -> str:
        return self.short or self.author or self.publisher


class RecordEntry(TranslatedStatement):
    """One sourced statement of the record beside and after the article."""

    WHAT: ClassVar[str] = "a record entry"
    STATEMENT: ClassVar[tuple[str, ...]] = ("title", "text")
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "text")
    EVIDENCE_ONLY: ClassVar[bool] = True
    id: Id = Field(description="Permanent: record.html#ID.")
    when: EdtfDate
    part: Literal["context", "outcome", "counts", "justice"]
    title: Text
    text: Text = Field(description="What the sources say, and only that.")


class FigureRef(Declared):
    """A figure annotation named by its block and quoted text."""

    WHAT: ClassVar[str] = "a figure reference"
    block: BlockRef
    text: Text


class Count(Translated):
    """Another source's count, set beside the article's figure, with its passage."""

    WHAT: ClassVar[str] = "a count"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("counts",)
    value: Number
    to: Number | None = Field(default=None, description="The upper end of a range.")
    qualifier: Literal["exact", "more-than", "at-least", "about", "range"] = "exact"
    timing: Literal["same-days", "later"] = Field(
        description="same-days: published 12–15 October 2003; later: from 2004 on.")
    when: PartialDate = Field(description="The date of the count, or n.d.")
    source: Id
    counts: Text = Field(description="What it counts, in words.")
    at: Text = Field(description="Where the passage stands in the source.")
    passage: Text = Field(description="The source's words giving the number.")

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return (Evidence(source=self.source, at=self.at, passage=self.passage),)

    @model_validator(mode="after")
    def _range(self) -> "Count":
        if (self.qualifier == "range") != (self.to is not None):
            raise problem("a range needs 'to', and only a range has it",
                          "write 'qualifier: range' with 'value' and 'to', or neither")
        if self.to is not None and self.to < self.value:
            raise problem(f"the range {self.value:g} to {self.to:g} ends below its start",
                          "write the lower number as 'value' and the higher as 'to'", ("to",))
        return self


class Comparison(TranslatedStatement):
    """The article's casualty figures beside the counts of the same days and later."""

    WHAT: ClassVar[str] = "a comparison"
    STATEMENT: ClassVar[tuple[str, ...]] = ("note",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "note")
    id: Id
    title: Text
    figures: tuple[FigureRef, ...]
    counts: tuple[Count, ...]
    note: Text


class Record(Declared):
    WHAT: ClassVar[str] = "the record"
    entries: tuple[RecordEntry, ...] = ()
    comparisons: tuple[Comparison, ...] = ()


class Change(Translated):
    WHAT: ClassVar[str] = "a change"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("what",)
    anchor: Text = Field(description="A block, entity, event, record, comparison, source or "
                                     "lacuna id, or a page's name.")
    what: Text


class Version(Translated):
    WHAT: ClassVar[str] = "a version"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("summary",)
    version: VersionNumber
    date: CalendarDate
    summary: Text
    changes: tuple[Change, ...]


class TextWitness(TranslatedStatement):
    """A copy of the article the editors know, and how the transmitted text relates to it."""

    WHAT: ClassVar[str] = "a witness of the text"
    STATEMENT: ClassVar[tuple[str, ...]] = ("relation",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("name", "relation")
    id: Id
    name: Text
    source: Id
    status: Literal["shown", "reported", "likely"]
    relation: Text


class Shift(Translated):
    """A place where the article's translation shifts its witness's meaning."""

    WHAT: ClassVar[str] = "a shift"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("note",)
    english: Text = Field(description="The article's words.")
    spanish: Text = Field(description="The witness's words.")
    note: Text = Field(description="What differs, in one sentence.")


class QuotationWitness(TranslatedStatement):
    """What the editors found of a quoted report's own (Spanish) words, or that they found
    none, with what they searched."""

    WHAT: ClassVar[str] = "a witness of a quotation"
    STATEMENT: ClassVar[tuple[str, ...]] = ("note",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("note", "searched")
    block: BlockRef
    quote: Text = Field(description="The opening of the English quotation, as transmitted.")
    status: Literal["found", "not-found"]
    source: Id | None = Field(default=None, description="Found: the page read.")
    at: Text | None = None
    passage: Text | None = Field(default=None, description="Found: the whole passage the "
                                                           "article translates, exactly.")
    lacuna: Id | None = None
    note: Text | None = None
    shifts: tuple[Shift, ...] = ()
    searched: Text | None = Field(default=None, description="The words searched for.")

    @model_validator(mode="after")
    def _found(self) -> "QuotationWitness":
        given = (self.source, self.at, self.passage)
        if self.status == "found" and not all(given):
            raise problem("a witness found gives its 'source', 'at' and 'passage'",
                          "add them: the page read and the Spanish passage, exactly")
        if self.status == "not-found" and (any(given) or self.shifts):
            raise problem("a witness not found has no 'source', 'passage' or 'shifts'",
                          "put what was read nearby in 'evidence:' and 'note:'")
        if self.status == "not-found" and not self.searched:
            raise problem("a witness not found says what was searched",
                          "add 'searched:' with the words searched for")
        return self


class Witnesses(Declared):
    WHAT: ClassVar[str] = "the witnesses"
    text: tuple[TextWitness, ...] = ()
    quotations: tuple[QuotationWitness, ...] = ()


class GlossaryTerm(Declared):
    """A fixed rendering: where the English has `en`, the Spanish has `es`."""

    WHAT: ClassVar[str] = "a glossary term"
    en: Text
    es: Text
    note: Text | None = None


class Translation(Declared):
    """The editors' translation of the transmitted text, block by block."""

    WHAT: ClassVar[str] = "the translation"
    language: LanguageTag
    translators: Text
    note: Text
    blocks: TextByBlock


class ReviewEntry(Declared):
    """One statement's verdict in the editors' review against its passages."""

    WHAT: ClassVar[str] = "a review entry"
    file: Text
    anchor: Text
    quote: Text
    verdict: Literal["correct", "corrected", "removed", "added"]
    date: CalendarDate
    finding: Text | None = None
    field: Text | None = None

