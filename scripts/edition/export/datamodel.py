"""The records of edition.json, and its JSON Schema derived from them (no hand-written copy).

Each exported record is the declared record of `source/` (model/, kinds/) with what the
placed edition adds (its permanent address, its offsets in the text), so the data's fields and
their descriptions are declared once. JSON keys are the fields' names (with underscores).
"""
from __future__ import annotations

import functools
import json
import warnings
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..kinds import KINDS
from ..model.fields import TAKES
from ..model import (ArticleRecord, Comparison, EditionRecord, Entity, Event, GlossaryTerm,
                     RecordEntry, ReviewEntry, SourceEntry, Translation, Version,
                     Witnesses)

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Paragraph(_Out):
    """One block of the transmitted text, in reading order."""

    id: str = Field(description="Its permanent id: p1 … p47, title, or a section's id.")
    section: str
    kind: Literal["heading", "text", "caption", "duplicate", "dateline", "note"]
    number: int | None = Field(description="The paragraph's number; none for a heading.")
    text: str = Field(description="The transmitted text of the block, exactly.")
    separator: str = Field(description="The line breaks between the block before and this one.")
    offset: int = Field(description="Its code-point offset in article.txt.")
    line: int = Field(description="Its line in article.txt.")
    url: str
    translations: dict[str, str] = Field(default={}, description="The editors' translation of "
                                                                 "the block, by language.")
    decision: dict[str, Any] | None = Field(default=None, description="The editors' decision on "
                                                                      "the block, with its reason.")


class Section(_Out):
    id: str
    title: str
    editorial_title: bool = Field(description="Whether the title is the editors', not the text's.")
    summary: str
    url: str
    paragraphs: list[str]


class EntityOut(Entity):
    url: str
    aliases: list[str] = Field(description="The forms the text names it by, other than its name.")
    mentions: int = Field(description="How many times the text mentions it.")


class EventOut(Event):
    url: str


class SourceOut(SourceEntry):
    anchor: str = Field(description="Its entry on the Sources consulted page.")


class RecordEntryOut(RecordEntry):
    anchor: str


class ComparisonOut(Comparison):
    anchor: str


class Record(_Out):
    entries: list[RecordEntryOut]
    comparisons: list[ComparisonOut]


class EditionOut(EditionRecord):
    url: str = Field(description="The edition's home page ('' without a public URL).")


class BibliographyOut(_Out):
    article: ArticleRecord
    edition: EditionOut


@functools.cache
def annotation_records() -> tuple[type[BaseModel], ...]:
    """Each registered kind's record as exported: its declared fields, its kind, where it lies."""
    return tuple(create_model(
        f"{kind.model.__name__}Out", __base__=kind.model,
        __doc__=kind.model.__doc__,
        type=(Literal[kind.name], Field(description="The annotation's kind.")),
        start=(int, Field(description="Code-point offset of its start in the paragraph.")),
        end=(int, Field(description="Code-point offset just after its end in the paragraph.")),
        **({"gap": (int, Field(description="The offset in the paragraph where the lost text "
                                           "belongs."))} if kind.name == "lacuna" else {}))
        for kind in KINDS if kind.exported)


@functools.cache
def edition_record() -> type[BaseModel]:
    annotation = Annotated[Union[annotation_records()],  # type: ignore[valid-type]
                           Field(discriminator="type")]
    with warnings.catch_warnings():  # "schema" is a field here, not BaseModel's old method
        warnings.simplefilter("ignore", UserWarning)
        return _edition_record(annotation)


def _edition_record(annotation: Any) -> type[BaseModel]:
    return create_model(
        "EditionData", __base__=_Out,
        __doc__="A scholarly digital edition of 'Bolivia - Insurrection in La Paz' (14 October "
                "2003) as data: the transmitted text, block by block with its offsets; the "
                "editors' structure, register, annotations and apparatus, each statement with "
                "its evidence; the editors' translations.",
        schema=(str, Field(description="The address of this schema.")),
        bibliography=(BibliographyOut, ...),
        text_sha256=(str, Field(description="The sha256 of the transmitted text (UTF-8).")),
        text_after_last_paragraph=(str, ...),
        paragraphs=(list[Paragraph], ...), sections=(list[Section], ...),
        entities=(list[EntityOut], ...), events=(list[EventOut], ...),
        annotations=(list[annotation], ...),
        sources_consulted=(list[SourceOut], ...), record=(Record, ...),
        witnesses=(Witnesses, ...), versions=(list[Version], ...),
        glossary=(list[GlossaryTerm], Field(default=[], description="The fixed renderings of "
                                                                   "the Spanish edition.")),
        translations=(list[Translation], Field(default=[])),
        review=(list[ReviewEntry], Field(default=[], description="The editors' review of the "
                                                             "apparatus against its passages: "
                                                             "each statement's verdict.")))


def _without(key: str, node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without(key, v) for k, v in node.items() if k != key}
    if isinstance(node, list):
        return [_without(key, v) for v in node]
    return node


def json_schema() -> bytes:
    """The JSON Schema (draft 2020-12) of edition.json, from the records above."""
    schema = _without(TAKES, edition_record().model_json_schema(by_alias=True,
                                                                  mode="serialization"))
    schema = {"$schema": DIALECT, "title": "The edition as data", **schema}
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
