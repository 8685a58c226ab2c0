"""The text and what the editors say of its structure: blocks, sections, entities, events."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .declared import Translated, TranslatedStatement, problem
from .fields import Coordinates, EdtfDate, Id, Text, WikidataId
from .located import Located


class BlockKind(str, Enum):
    """What a block of the transmitted text is, as the editor reads it."""

    TITLE = "title"
    HEADING = "heading"
    TEXT = "text"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    DATELINE = "dateline"
    NOTE = "note"


class Opening(TranslatedStatement):
    """The section before the first heading, which the text leaves without a title."""

    WHAT: ClassVar[str] = "the opening section"
    STATEMENT: ClassVar[tuple[str, ...]] = ("reason",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "summary", "reason")
    id: Id = Field(description="The section's permanent id: its page is sections/ID.html.")
    title: Text = Field(description="The editors' title for the section, marked as theirs.")
    summary: Text = Field(description="What the section says, in a sentence, shown in the home "
                                      "page's contents and as its page's description.")
    reason: Text = Field(description="Why the section has the editors' title, shown on the "
                                     "Editorial method page.")


# Decision fields that mean something for one kind of block only: elsewhere they would be read
# and never shown.
ONLY_FOR_KIND = {"section_id": BlockKind.HEADING, "section_title": BlockKind.HEADING,
                 "summary": BlockKind.HEADING, "duplicate_of": BlockKind.DUPLICATE}


class Decision(TranslatedStatement):
    """One editorial decision about a block, with the reason shown to readers."""

    WHAT: ClassVar[str] = "a decision"
    STATEMENT: ClassVar[tuple[str, ...]] = ("reason",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("reason", "summary", "section_title")
    block_quote: Text = Field(validation_alias="block", description="The block's opening words, quoted "
                                                         "exactly (enough to be unique).")
    kind: Literal["title", "heading", "caption", "duplicate", "dateline", "note"] = Field(
        description="What the block is.")
    reason: Text = Field(description="Why the editors read the block so, shown on the Editorial "
                                     "method page.")
    section_id: Id | None = Field(default=None, validation_alias="id",
                                  description="A heading's section id (its page's address).")
    section_title: Text | None = Field(default=None, validation_alias="title",
                                       description="A heading's title, where it differs.")
    summary: Text | None = Field(default=None, description="A heading's section in a sentence, "
                                                           "shown in the home page's contents "
                                                           "and as its page's description.")
    duplicate_of: Text | None = Field(default=None, description="A duplicate: the opening "
                                                                "words of the block it repeats.")

    @property
    def block_kind(self) -> BlockKind:
        return BlockKind(self.kind)

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> "Decision":
        for name, only in ONLY_FOR_KIND.items():
            alias = self.key(name)
            if getattr(self, name) is not None and self.kind != only.value:
                raise problem(f"'{alias}' is only read for a {only.value}, and this block is a "
                              f"{self.kind}", f"remove '{alias}', or make the block a "
                              f"{only.value}", (alias,))
        for name, needs in (("section_id", "heading"), ("summary", "heading"),
                            ("duplicate_of", "duplicate")):
            alias = self.key(name)
            if self.kind == needs and getattr(self, name) is None:
                raise problem(f"a {needs} decision has no '{alias}'", f"add '{alias}:'")
        return self


class Structure(Translated):
    """The editorial structure of the text: its untitled opening section, and each decision
    about a block."""

    WHAT: ClassVar[str] = "the structure"
    opening: Opening = Field(description="The section before the first heading.")
    decisions: tuple[Decision, ...] = Field(
        description="One for each block that is not running text: the title, the headings, the "
                    "captions, a duplicate, the dateline, a note.")

    @property
    def opening_id(self) -> str:
        return self.opening.id

    @property
    def opening_title(self) -> str:
        return self.opening.title

    @property
    def opening_summary(self) -> str:
        return self.opening.summary

    @property
    def opening_reason(self) -> str:
        return self.opening.reason


class Entity(TranslatedStatement):
    """A person, organisation, group or place the text names."""

    WHAT: ClassVar[str] = "an entity"
    STATEMENT: ClassVar[tuple[str, ...]] = ("description",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("kind", "description")
    OPTIONAL_TRANSLATED: ClassVar[tuple[str, ...]] = ("name",)
    id: Id = Field(description="Never renamed once published: entities/ID.html.")
    type: Literal["person", "organisation", "group", "place"] = Field(
        description="What it is; it decides the register that lists it (places are also mapped).")
    kind: Text = Field(description="A short subtype shown in the register (party, city…).")
    name: Text = Field(description="The preferred name.")
    forms: tuple[Text, ...] = Field(description="Every form in which the text names it, exactly "
                                                "as written.")
    description: Text = Field(description="One or two factual sentences on its role in "
                                          "October 2003.")
    coordinates: Coordinates | None = Field(
        default=None, description="Places: [latitude, longitude], WGS84.")
    wikidata: WikidataId | None = Field(default=None, description="Only where verified.")

    @model_validator(mode="after")
    def _place_and_forms(self) -> "Entity":
        if self.type == "place" and self.coordinates is None:
            raise problem(f"place '{self.id}' has no coordinates",
                          "add 'coordinates: [latitude, longitude]'")
        for form in self.forms:
            if form != form.strip():
                raise problem(f"form '{form}' has spaces at its ends", "remove them", ("forms",))
        return self


class Event(TranslatedStatement):
    """An event of the timeline; date annotations point at it."""

    WHAT: ClassVar[str] = "an event"
    STATEMENT: ClassVar[tuple[str, ...]] = ("title", "description")
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "description")
    id: Id = Field(description="Never renamed once published: register/timeline.html#ID.")
    when: EdtfDate = Field(description="When it happened; the timeline shows and orders its "
                                       "events by it.")
    title: Text = Field(description="Its heading on the Timeline page, after its date.")
    description: Text | None = Field(default=None, description="What happened, shown under its "
                                                               "title on the Timeline page.")


@dataclass(frozen=True)
class Anchor:
    """How an annotation names its span: a quote (or two ends) in one block."""

    block: str
    text: str = ""
    start_quote: str = ""
    end_quote: str = ""
    occurrence: int = 1


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


__all__ = ["Anchor", "Block", "BlockKind", "Decision", "Entity", "Event", "Located", "Opening",
           "Section", "Structure"]
