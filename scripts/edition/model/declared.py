"""The records of `source/`, declared once: frozen pydantic models, one per kind of entry.

From these declarations come the loader's field-by-field checks (load/validate.py turns each
failure into one `file:line: what — fix` line), the list of text fields the hostile-input tests
walk, the field reference in source/README.md and the JSON Schema of the data export.

- `Declared`: a frozen record that remembers where in `source/` it was written (`where`).
  YAML keys are the field names with hyphens (`speaker-label`), JSON keys with underscores.
- `Statement`: a record that says something not in the article, with what it rests on:
  `evidence` (a source and the passage that supports it), or a `basis`.
- `Translated`: a record whose reader-facing text the editors also write in Spanish, in an
  `es:` mapping with the same keys (required when the edition has Spanish pages).
"""
from __future__ import annotations

import difflib
import re
from typing import Any, ClassVar, Literal

from pydantic import (AliasGenerator, BaseModel, ConfigDict, Field, ValidationInfo,
                      field_serializer, model_validator)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from .fields import BlockRef, Id, Text, TextByField
from .located import Located

NOWHERE = Located("", 0)


def yaml_key(name: str) -> str:
    return name.replace("_", "-")


def json_key(name: str) -> str:
    """A field's key in the data export: its name, without the underscore that keeps it off
    a Python keyword (from_ → from)."""
    return name.rstrip("_")


def problem(message: str, fix: str, at: tuple[str | int, ...] = ()) -> PydanticCustomError:
    """A failed check as the loader reports it: what is wrong — how to fix it; `at` is where,
    below the record, the wrong value stands (for its line)."""
    return PydanticCustomError("edition", "{message}", {"message": message, "fix": fix,
                                                         "at": at})


class Declared(BaseModel):
    """A record of `source/`: frozen, no field it does not declare."""

    model_config = ConfigDict(frozen=True, extra="forbid",
                              alias_generator=AliasGenerator(validation_alias=yaml_key,
                                                             serialization_alias=json_key),
                              populate_by_name=True, hide_input_in_errors=False)
    WHAT: ClassVar[str] = "an entry"  # how a message names it: "an entity", "a count"

    where: SkipJsonSchema[Located] = Field(default=NOWHERE, exclude=True, repr=False)

    @model_validator(mode="wrap")
    @classmethod
    def _located(cls, data: Any, handler, info: ValidationInfo) -> "Declared":
        """Read from a YAML mapping (load/yamlfile.py keeps each one's line): remember where."""
        record = handler(data)
        line = getattr(data, "line", None)
        if line is not None:
            display = (info.context or {}).get("display", "")
            record.__dict__["where"] = Located(display, line)
        return record

    @classmethod
    def key(cls, name: str) -> str:
        """The YAML key of field `name` (section_id is written 'id', speaker_label
        'speaker-label')."""
        return str(cls.model_fields[name].validation_alias or yaml_key(name))

    def localized(self, language: str) -> "Declared":
        """This record with its text in `language` wherever the editors wrote it so."""
        update: dict[str, Any] = {}
        for name in self.__class__.model_fields:
            value = getattr(self, name)
            if isinstance(value, Declared):
                update[name] = value.localized(language)
            elif isinstance(value, tuple) and value and isinstance(value[0], Declared):
                update[name] = tuple(item.localized(language) for item in value)
        return self.model_copy(update=update) if update else self


class Evidence(Declared):
    """A source and the passage of it that supports a statement, in the source's language."""

    WHAT: ClassVar[str] = "an evidence item"
    source: Id = Field(description="An id of sources.yml.")
    at: Text = Field(description="Where the passage stands in the source as read.")
    passage: Text = Field(description="The source's own words, quoted exactly.")


BASES = ("article", "editorial", "inference")


class Statement(Declared):
    """A record that says something the article does not: it rests on `evidence`, or names its
    `basis` — the article (`paragraphs` names where), the editors' reading of the text, or
    their inference. An `inference` sentence may stand beside the evidence, shown labelled."""

    STATEMENT: ClassVar[tuple[str, ...]] = ()  # the fields whose text the evidence supports
    EVIDENCE_ONLY: ClassVar[bool] = False  # the record's entries rest on sources, never a basis
    evidence: tuple[Evidence, ...] = Field(default=(), description="The passages it rests on.")
    basis: Literal["article", "editorial", "inference"] | None = Field(
        default=None, description="What it rests on when no source is quoted.")
    paragraphs: tuple[BlockRef, ...] = Field(
        default=(), description="The blocks of the article it rests on (basis article).")
    inference: Text | None = Field(
        default=None, description="The editors' inference beside the evidence, shown labelled.")

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources it quotes, each once, in order."""
        return tuple(dict.fromkeys(item.source for item in self.evidence))

    @property
    def statement_text(self) -> str:
        return " ".join(str(getattr(self, f) or "") for f in self.STATEMENT).strip()

    @model_validator(mode="after")
    def _rests_on_something(self) -> "Statement":
        said = self.statement_text
        if self.EVIDENCE_ONLY:
            if self.basis is not None:
                raise problem(f"{self.WHAT} rests on sources, not on a basis",
                              "remove 'basis' and quote the sources in 'evidence:'", ("basis",))
            if not self.evidence:
                raise problem(f"{self.WHAT} gives no evidence", "add 'evidence:' items (source, "
                              "at, passage) with the passages of the sources it rests on")
        elif said and not self.evidence and self.basis is None:
            raise problem(f"{self.WHAT} states something but gives no evidence",
                          "add 'evidence:' items (source, at, passage), or 'basis: article' with "
                          "'paragraphs:', 'basis: editorial' or 'basis: inference' (see "
                          "source/README.md)")
        if self.evidence and self.basis is not None:
            raise problem("a statement gives both 'evidence' and 'basis'",
                          "keep the evidence; name the article's paragraphs with 'paragraphs:'",
                          ("basis",))
        if self.basis == "article" and not self.paragraphs:
            raise problem("basis 'article' names no paragraph",
                          "add 'paragraphs: [p7]': the blocks it rests on", ("basis",))
        for n, item in enumerate(self.evidence):
            if said and _repeats(item.passage, said):
                raise problem("the passage merely repeats the statement",
                              "quote the source's own words, not the statement",
                              ("evidence", n, "passage"))
        return self


def _repeats(passage: str, statement: str) -> bool:
    """The passage is the statement again, give or take punctuation and a word or two."""
    a, b = _folded(passage), _folded(statement)
    if a == b:
        return True
    # each bound is an upper bound of the ratio: most pairs are told apart by the lengths alone
    if 2 * min(len(a), len(b)) < .9 * (len(a) + len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= .9 and matcher.ratio() >= .9


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


class Translated(Declared):
    """A record whose reader-facing text also has a Spanish version, in `es:`."""

    TRANSLATED: ClassVar[tuple[str, ...]] = ()  # its fields the Spanish pages show in Spanish
    OPTIONAL_TRANSLATED: ClassVar[tuple[str, ...]] = ()  # … where the Spanish differs (a name)
    es: TextByField | None = Field(
        default=None, description="The Spanish text of its reader-facing fields, by field.")

    @classmethod
    def translated_fields(cls) -> tuple[str, ...]:
        extra = ("inference",) if issubclass(cls, Statement) else ()
        return cls.TRANSLATED + extra

    @model_validator(mode="after")
    def _spanish(self, info: ValidationInfo) -> "Translated":
        allowed = {yaml_key(name) for name in self.translated_fields() + self.OPTIONAL_TRANSLATED}
        for key in self.es or {}:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                raise problem(f"'{key}' is not a field {self.WHAT} shows in Spanish",
                              f"did you mean '{close[0]}'?" if close else
                              f"use: {', '.join(sorted(allowed)) or 'none'}", ("es", key))
            if getattr(self, key.replace("-", "_")) is None:
                raise problem(f"'es: {key}' translates nothing: {self.WHAT} has no '{key}'",
                              f"write the English '{key}' too, or remove the Spanish",
                              ("es", key))
        if "es" not in ((info.context or {}).get("languages") or ()):
            return self
        for name in self.translated_fields():
            english = getattr(self, name)
            if english and not (self.es or {}).get(yaml_key(name)):
                raise problem(f"{self.WHAT} has no Spanish '{yaml_key(name)}'",
                              f"add it under 'es:' ('{yaml_key(name)}: …'), as the editors "
                              "translate it", ("es",) if self.es else ())
        return self

    @field_serializer("es")
    def _spanish_by_json_key(self, es: dict[str, str] | None) -> dict[str, str] | None:
        return {key.replace("-", "_"): text for key, text in es.items()} if es else es

    def localized(self, language: str) -> "Declared":
        record = super().localized(language)
        if language == "en" or not self.es:
            return record
        return record.model_copy(update={name: self.es[yaml_key(name)]
                                         for name in self.translated_fields()
                                         + self.OPTIONAL_TRANSLATED if yaml_key(name) in self.es})


class TranslatedStatement(Statement, Translated):
    """A statement the Spanish pages show in Spanish (its `inference` too)."""
