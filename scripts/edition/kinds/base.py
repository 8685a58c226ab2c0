"""What every kind of annotation is: the fields all share (the quote that anchors it, the note,
what it rests on, its Spanish), and the hooks by which each stage and writer treats it.

A kind is one module of this package with a `Kind` subclass and the model of its entries; the
registry (`kinds/__init__.py`) lists them. A stage or writer asks the kind of a span what to do
(`kind_of(span).html(...)`) and never branches on the kind's name itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, model_validator

from ..model.declared import TranslatedStatement, problem
from ..model.fields import BlockRef, Occurrence, Text
from ..model.text import Anchor
from ..wording import Statement, Text as Words_Text, Words, grounds, inference_label

if TYPE_CHECKING:
    from ..doc import Nodes
    from ..i18n import Messages
    from ..model import Edition, Span
    from ..problems import Problems


class Annotation(TranslatedStatement):
    """An annotation as written in `source/annotations/KIND.yml`, under its block's id: the
    text it covers (`text`, or its two ends `from` and `to`), and what the editors say."""

    WHAT: ClassVar[str] = "an annotation"
    KIND: ClassVar[str] = ""  # its kind's name, as the registry lists it
    STATEMENT: ClassVar[tuple[str, ...]] = ("note",)
    TRANSLATED: ClassVar[tuple[str, ...]] = ("note",)

    block: BlockRef = Field(description="The block it is on (the key it is written under).")
    text: Text | None = Field(default=None, description="The exact text it covers.")
    from_: Text | None = Field(default=None, validation_alias="from",
                               description="The start of a long span, quoted exactly.")
    to: Text | None = Field(default=None, description="The end of a long span, quoted exactly.")
    occurrence: Occurrence = Field(default=1, description="Which occurrence in the block (1, "
                                                          "2…).")
    note: Text | None = Field(default=None, description="What the editors say about it.")

    @model_validator(mode="after")
    def _quoted_once(self) -> "Annotation":
        if (self.text is None) == (self.from_ is None and self.to is None):
            raise problem("an annotation needs either 'text' or both 'from' and 'to'",
                          "quote the covered text with 'text:', or its two ends with "
                          "'from:'/'to:'")
        if self.text is None and (self.from_ is None or self.to is None):
            raise problem("a span quoted by its ends needs both 'from' and 'to'",
                          "quote its first words with 'from:' and its last with 'to:'")
        return self

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.block, self.text or "", self.from_ or "", self.to or "",
                      self.occurrence)


class Kind:
    """How the pipeline treats one kind of annotation. Every hook has a default that suits a
    kind that only marks a span; a kind overrides what it does differently."""

    name: ClassVar[str]  # "mention": the kind's name in the data and the page markup
    file: ClassVar[str]  # "mentions.yml", in source/annotations/
    model: ClassVar[type[Annotation]]
    exported: ClassVar[bool] = True  # published in the data exports (not-mentions are a check)
    shown: ClassVar[bool] = True  # marked in the site's text
    motivation: ClassVar[str] = "commenting"  # its W3C Web Annotation motivation
    css: ClassVar[str] = "noted"  # the class of its span in the site's text
    gloss_type: ClassVar[str] = "editorial"  # the type of the TEI note that carries its gloss
    label: ClassVar[str] = ""  # what a reader calls one (a message id: N_("note"))

    # --- load and place ---------------------------------------------------------------------

    def check(self, annotation: Annotation, known: "References", problems: "Problems") -> None:
        """Its references to entities, events, lacunae: each must exist."""

    def placed(self, annotation: Annotation, covered: str, start: int,
               problems: "Problems") -> dict[str, Any] | None:
        """What placing it adds to its span beyond the text it covers (a lacuna: its gap);
        None when it cannot be placed (a problem says why)."""
        return {}

    # --- what it says -----------------------------------------------------------------------

    def calls_note(self, annotation: Annotation) -> bool:
        """Whether the text calls a note on it (the note's number after the span)."""
        return True

    def gloss(self, edition: "Edition", annotation: Annotation, m: "Messages") -> Words:
        """What it states in words by its fields (a quotation's attribution, a figure's value)."""
        return ()

    def statements(self, edition: "Edition", annotation: Annotation,
                   m: "Messages") -> list[Statement]:
        """Everything the editors say in words about it, in the order every output gives it:
        its gloss, then their note, labelled and grounded as wording.grounded says."""
        gloss = self.gloss(edition, annotation, m)
        said = [Statement("gloss", gloss)] if gloss else []
        if annotation.note:
            said.append(Statement("note", (Words_Text(annotation.note),)))
        return grounded_statements(said, annotation, edition, m)

    def data(self, span: "Span") -> dict[str, Any]:
        """Its own fields in the data export (edition.json), by their JSON names."""
        own = set(self.model.model_fields) - set(Annotation.model_fields)
        return span.annotation.model_dump(mode="json", include=own, by_alias=True,
                                           exclude_none=True)

    # --- writers ----------------------------------------------------------------------------

    def html(self, span: "Span", inner: list["Nodes"], out: "Inline") -> list["Nodes"]:
        """Its markup in the site's text, around `inner` (its own text, already marked up)."""
        from ..doc import h
        return [h("span", {"class": self.css}, inner), out.marker()]

    def tei(self, span: "Span", out: "TeiMarkup") -> Any:
        """Its TEI element: `out.element(tag, attributes)` for the common case."""
        return out.element("seg", {"type": "annotated"})

    def web_bodies(self, span: "Span", out: "WebBodies") -> list[dict[str, Any]]:
        """Its Web Annotation bodies, before the editors' words (which every kind gets)."""
        return []


def grounded_statements(said: list[Statement], annotation: Annotation, edition: "Edition",
                        m: "Messages") -> list[Statement]:
    """`said` grounded as one statement (wording.grounded): the inference label before the
    first, the further inference and the article's paragraphs after the last."""
    after = grounds(annotation, edition, m)
    if not said:
        return [Statement("note", after[1:])] if after else []  # [1:]: no space to lead
    said[0] = Statement(said[0].role, inference_label(annotation, m) + said[0].words)
    said[-1] = Statement(said[-1].role, said[-1].words + after)
    return said


class References:
    """What an annotation may point at, as loaded: entity ids (with their types), event and
    lacuna ids."""

    def __init__(self, entities: dict[str, str], events: set[str], lacunae: set[str]) -> None:
        self.entities, self.events, self.lacunae = entities, events, lacunae

    def entity(self, annotation: Annotation, field: str, value: str | None, problems: "Problems",
               speaks: bool = False) -> None:
        """`value` names an entity; one that `speaks` (says or reports) is not a place."""
        where = annotation.where
        if value and value not in self.entities:
            problems.add(where.file, where.line, f"unknown {field} '{value}'",
                         "use an id from source/entities.yml or add the entity there")
        elif value and speaks and self.entities[value] == "place":
            problems.add(where.file, where.line, f"the {field} '{value}' is a place",
                         "name the person, organisation or group who spoke or reported")


# The writers' side of the hooks, which each writer implements (pages/inline.py,
# export/tei/body.py, export/webannotations.py); declared here for the kinds to call.
class Inline:
    """What a kind's site markup may use: its note call, links, descriptions, the language."""

    m: "Messages"

    def marker(self) -> "Nodes": ...
    def entity_href(self, entity_id: str) -> str: ...
    def entity_description(self, entity_id: str) -> str: ...
    def split_at(self, offset: int) -> tuple[list["Nodes"], list["Nodes"]]: ...


class TeiMarkup:
    def element(self, tag: str, attributes: dict[str, str]) -> Any: ...


class WebBodies:
    def link(self, url: str, purpose: str) -> dict[str, Any]: ...
    def text(self, value: str, purpose: str, language: str | None = None) -> dict[str, Any]: ...
