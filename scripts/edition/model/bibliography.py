"""The bibliographic records: the transmitted article, and this edition of it."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from .declared import Declared, Translated, TranslatedStatement, problem
from .fields import CalendarDate, LanguageTag, Text, Version, WebUrl


class Person(Declared):
    WHAT: ClassVar[str] = "an editor"
    name: Text
    role: Text | None = None


class ArticleRecord(TranslatedStatement):
    """The transmitted article as a bibliographic item."""

    WHAT: ClassVar[str] = "the article"
    STATEMENT: ClassVar[tuple[str, ...]] = ("publication_evidence", "attribution_evidence",
                                            "original_note")
    TRANSLATED: ClassVar[tuple[str, ...]] = (
        "publication", "publisher", "attribution", "attribution_evidence", "original_note",
        "publication_evidence", "description")
    title: Text = Field(description="The title exactly as transmitted.")
    date: CalendarDate
    publication: Text
    publisher: Text
    language: LanguageTag
    attribution: Text
    attribution_evidence: Text
    original_language: LanguageTag
    original_note: Text
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="The sha256 of article.txt.")
    description: Text
    publication_evidence: Text | None = None


class EditionRecord(Translated):
    """This digital edition as a bibliographic item."""

    WHAT: ClassVar[str] = "the edition"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "short_title", "text_licence_note",
                                             "contact", "errata")
    title: Text
    short_title: Text
    editors: tuple[Person, ...]
    version: Version
    date: CalendarDate
    licence: Text
    licence_url: WebUrl
    text_licence_note: Text
    publisher: Text
    contact: Text | None = None
    errata: Text | None = None
    languages: tuple[LanguageTag, ...] = Field(
        default=("en",), description="The languages of its pages, its own first: en, es.")

    @model_validator(mode="after")
    def _english_first(self) -> "EditionRecord":
        if not self.editors:
            raise problem("the edition lists no editors",
                          "add 'editors:' with '- name: …' entries", ("editors",))
        if self.languages[:1] != ("en",) or len(set(self.languages)) != len(self.languages):
            raise problem("'languages' should list en first, each language once",
                          "write it like [en, es]", ("languages",))
        return self


class Bibliography(Declared):
    WHAT: ClassVar[str] = "the bibliography"
    article: ArticleRecord
    edition: EditionRecord
