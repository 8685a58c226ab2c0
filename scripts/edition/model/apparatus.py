"""The apparatus beside the text: sources consulted, the later record, versions, witnesses,
the glossary of fixed Spanish renderings, the editors' translation and the review."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .declared import Declared, Evidence, Translated, TranslatedStatement, problem
from .fields import (BlockRef, CalendarDate, Count as Number, EdtfDate, Id, LanguageTag,
                     PartialDate, Text, TextByBlock, TextByField, Version as VersionNumber)


class SourceEntry(Translated):
    """One source consulted: a page the editors read, where and when."""

    WHAT: ClassVar[str] = "a source"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("short", "note")
    # Where the Spanish differs: a publisher's or author's joining words ("reproduced by"), a
    # title the editors wrote for a page without a headline.
    OPTIONAL_TRANSLATED: ClassVar[tuple[str, ...]] = ("publisher", "title", "author")
    id: Id = Field(description="Never renamed once published: bibliography.html#ID; evidence "
                               "cites it by this id.")
    publisher: Text = Field(description="The site or body that published the page.")
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
    when: EdtfDate = Field(description="When it happened; it is shown before the title and "
                                       "orders the entries of its part.")
    part: Literal["context", "outcome", "counts", "justice"] = Field(
        description="The part of What happened next that lists it: the article's own days, the "
                    "fall of the government, later death tolls, the trials.")
    title: Text = Field(description="Its heading on What happened next, after its date.")
    text: Text = Field(description="What the sources say, and only that.")


class FigureRef(Declared):
    """A figure annotation named by its block and quoted text."""

    WHAT: ClassVar[str] = "a figure reference"
    block: BlockRef = Field(description="The block the figure is in.")
    text: Text = Field(description="The figure's words, exactly as its annotation in figures.yml "
                                   "quotes them.")


class Count(Translated):
    """Another source's count, set beside the article's figure, with its passage."""

    WHAT: ClassVar[str] = "a count"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("counts",)
    value: Number = Field(description="The number the source gives (for a range, its lower "
                                      "end).")
    to: Number | None = Field(default=None, description="The upper end of a range.")
    qualifier: Literal["exact", "more-than", "at-least", "about", "range"] = Field(
        default="exact", description="How the source qualifies the number (a range also gives "
                                     "'to').")
    timing: Literal["same-days", "later"] = Field(
        description="same-days: published 12–15 October 2003; later: from 2004 on.")
    when: PartialDate = Field(description="The date of the count, or n.d.")
    source: Id = Field(description="The source that gives it (an id of sources.yml).")
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
    id: Id = Field(description="Never renamed once published: register/figures.html#ID.")
    title: Text = Field(description="Its heading on the Figures page (and, for the dead, its "
                                    "row's label in the chart).")
    figures: tuple[FigureRef, ...] = Field(description="The article's figures it compares; each "
                                                       "one's note links here.")
    counts: tuple[Count, ...] = Field(description="The other counts set beside them, one row of "
                                                  "its table each.")
    note: Text = Field(description="The editors' note on the difference, shown under the table.")


class Record(Declared):
    """The record beside and after the article, and its casualty figures against other counts."""

    WHAT: ClassVar[str] = "the record"
    entries: tuple[RecordEntry, ...] = Field(default=(), description="The entries of the page "
                                                                     "What happened next.")
    comparisons: tuple[Comparison, ...] = Field(
        default=(), description="The article's casualty figures beside other counts, shown on "
                                "the Figures page.")


class Change(Translated):
    """One change a version made, by the anchor it changed."""

    WHAT: ClassVar[str] = "a change"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("what",)
    anchor: Text = Field(description="A block, entity, event, record, comparison, source or "
                                     "lacuna id, or a page's name.")
    what: Text = Field(description="What changed there, in one sentence.")


class Version(Translated):
    """One version of the edition, as the Changelog page lists it."""

    WHAT: ClassVar[str] = "a version"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("summary",)
    version: VersionNumber = Field(description="Its number; the last version's must be the "
                                               "edition's, in bibliography.yml.")
    date: CalendarDate = Field(description="Its date, shown beside its number on the Changelog.")
    summary: Text = Field(description="What it brought, in a sentence or two, shown under its "
                                      "heading.")
    changes: tuple[Change, ...] = Field(description="Each change it made, by anchor.")


class TextWitness(TranslatedStatement):
    """A copy of the article the editors know, and how the transmitted text relates to it."""

    WHAT: ClassVar[str] = "a witness of the text"
    STATEMENT: ClassVar[tuple[str, ...]] = ("relation",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("name", "relation")
    id: Id = Field(description="Its id: the note on the text gives it the anchor witness-ID.")
    name: Text = Field(description="The witness's name, as the note on the text gives it.")
    source: Id = Field(description="The source consulted that holds it (an id of sources.yml).")
    status: Literal["shown", "reported", "likely"] = Field(
        description="shown (read in the witness), reported (by others, not verified), likely "
                    "(the editors' inference).")
    relation: Text = Field(description="How the transmitted text relates to it.")


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
    block: BlockRef = Field(description="The block of the quotation.")
    quote: Text = Field(description="The opening of the English quotation, as transmitted.")
    status: Literal["found", "not-found"] = Field(
        description="found (its Spanish words were read in a witness) or not-found.")
    source: Id | None = Field(default=None, description="Found: the page read.")
    at: Text | None = Field(default=None, description="Found: where the passage stands in the "
                                                      "page read.")
    passage: Text | None = Field(default=None, description="Found: the whole passage the "
                                                           "article translates, exactly.")
    lacuna: Id | None = Field(default=None, description="The lacuna whose lost source name the "
                                                        "witness bears on.")
    note: Text | None = Field(default=None, description="The editors' note on what was found, or "
                                                        "on the nearest report read.")
    shifts: tuple[Shift, ...] = Field(default=(), description="Found: each place where the "
                                                              "article's English shifts the "
                                                              "meaning.")
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
    """The copies of the text the editors know, and the Spanish witnesses of its quotations."""

    WHAT: ClassVar[str] = "the witnesses"
    text: tuple[TextWitness, ...] = Field(default=(), description="The copies of the article, "
                                                                  "in the note on the text.")
    quotations: tuple[QuotationWitness, ...] = Field(
        default=(), description="What the editors found of each quoted report's own words.")


class GlossaryTerm(Declared):
    """A fixed rendering: where the English has `en`, the Spanish has `es`."""

    WHAT: ClassVar[str] = "a glossary term"
    en: Text = Field(description="The English words, as the text or the apparatus writes them.")
    es: Text = Field(description="The Spanish that renders them wherever they occur.")
    note: Text | None = Field(default=None, description="What the words name, or where the text "
                                                        "uses them.")


class Translation(Declared):
    """The editors' translation of the transmitted text, block by block."""

    WHAT: ClassVar[str] = "the translation"
    language: LanguageTag = Field(description="The language it translates into.")
    translators: Text = Field(description="Who translated it, as the data export gives it.")
    note: Text = Field(description="The translators' note on it, given with it in the data "
                                   "export.")
    blocks: TextByBlock = Field(description="Every block of the text in translation, by block id; "
                                            "the data export gives each beside its paragraph.")
    locators: TextByField = Field(
        default_factory=dict, description="Where a passage stands in its source (an evidence "
        "item's `at`), in this language, by the English as written: for the locators of a form "
        "the catalogue does not give ('paragraph 2' it gives).")


class ReviewEntry(Declared):
    """One statement's verdict in the editors' review against its passages."""

    WHAT: ClassVar[str] = "a review entry"
    file: Text = Field(description="The file of source/ the statement stood in when reviewed.")
    anchor: Text = Field(description="Where it stands in that file: an entry's id, an "
                                     "annotation's block, or a decision's block as quoted.")
    quote: Text = Field(description="The statement's opening words.")
    verdict: Literal["correct", "corrected", "removed", "added"] = Field(
        description="What the review made of it; the Editorial method page counts each verdict.")
    date: CalendarDate = Field(description="The day it was reviewed; the latest is the day the "
                                           "review ended.")
    finding: Text | None = Field(default=None, description="What the review found: for a "
                                                           "correction or removal, what was "
                                                           "wrong.")

