"""The bibliographic records: the transmitted article, and this edition of it."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from .declared import Declared, Translated, TranslatedStatement, problem
from .fields import CalendarDate, LanguageTag, Text, Version, WebUrl


class Person(Declared):
    """An editor, as the citations and the colophon name them."""

    WHAT: ClassVar[str] = "an editor"
    name: Text = Field(description="The editor's name, as the edition's citations give it.")
    role: Text | None = Field(default=None, description="Their role (editor), shown after the "
                                                        "name in the colophon.")


class ArticleRecord(TranslatedStatement):
    """The transmitted article as a bibliographic item."""

    WHAT: ClassVar[str] = "the article"
    STATEMENT: ClassVar[tuple[str, ...]] = ("publication_evidence", "attribution_evidence",
                                            "original_note")
    TRANSLATED: ClassVar[tuple[str, ...]] = (
        "publication", "publisher", "attribution", "attribution_evidence", "original_note",
        "publication_evidence", "description")
    title: Text = Field(description="The title exactly as transmitted.")
    date: CalendarDate = Field(description="The article's date, from its dateline; every "
                                           "citation gives it.")
    publication: Text = Field(description="The publication it appeared in, or words saying the "
                                          "text names none; the TEI header records it.")
    publisher: Text = Field(description="Its publisher, or words saying the text names none; the "
                                        "TEI header records it.")
    language: LanguageTag = Field(description="The language of the transmitted text; citations "
                                              "and the pages' metadata give it.")
    attribution: Text = Field(description="Who wrote it, as the edition records it, shown on the "
                                          "home page.")
    attribution_evidence: Text = Field(description="Why the edition attributes it so, shown "
                                                   "after the attribution on the home page.")
    original_language: LanguageTag = Field(description="The language of the original the text "
                                                       "translates; the metadata name it.")
    original_note: Text = Field(description="What is known of that original, shown on the home "
                                            "page and under What could not be checked.")
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="The sha256 of article.txt.")
    description: Text = Field(description="One or two sentences on what the article is, shown "
                                          "on the home page and as its pages' description.")
    publication_evidence: Text | None = Field(
        default=None, description="What the witnesses show of where it was published, shown in "
                                  "the note on the text.")


class EditionRecord(Translated):
    """This digital edition as a bibliographic item."""

    WHAT: ClassVar[str] = "the edition"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "short_title", "text_licence_note",
                                             "contact", "errata")
    title: Text = Field(description="The edition's title, given in its citations and the "
                                    "colophon.")
    short_title: Text = Field(description="A short form of the title; the TEI header records "
                                          "it.")
    editors: tuple[Person, ...] = Field(description="The editors, named in the edition's "
                                                    "citations and the colophon.")
    version: Version = Field(description="The current version: every page and citation names "
                                         "it, and it must be the last in versions.yml.")
    date: CalendarDate = Field(description="The current version's date, given in the edition's "
                                           "citations and the colophon.")
    licence: Text = Field(description="The name of the licence of the edition's apparatus (CC BY "
                                      "4.0).")
    licence_url: WebUrl = Field(description="The address of the licence's text, given beside its "
                                            "name in the colophon and the metadata.")
    text_licence_note: Text = Field(description="What the licence covers, and who holds the "
                                                "rights in the text, shown in the colophon.")
    publisher: Text = Field(description="Who publishes the edition, named in its citations and "
                                        "the colophon.")
    contact: Text | None = Field(default=None, description="How to reach the editors, shown in "
                                                           "the colophon.")
    errata: Text | None = Field(default=None, description="How a reader reports an error, shown "
                                                          "in the colophon.")
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
    """The bibliographic data: the transmitted article, and this edition of it."""

    WHAT: ClassVar[str] = "the bibliography"
    article: ArticleRecord = Field(description="The transmitted article: its title, date, "
                                               "language, attribution and publication.")
    edition: EditionRecord = Field(description="This edition: what its citations and colophon "
                                               "say of it.")
