"""A figure: a number the text gives (the dead, the hours, the tanks), with what it counts."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..doc import h
from ..i18n import N_
from ..model.fields import Count, Text
from ..wording import Text as Words_Text
from .base import Annotation, Kind

QUALIFIERS = {"exact": N_("{amount}"), "more-than": N_("more than {amount}"),
              "about": N_("about {amount}"), "at-least": N_("at least {amount}"),
              "fewer-than": N_("fewer than {amount}"), "up-to": N_("up to {amount}"),
              "range": N_("{amount}")}
UNITS_BEFORE = ("rank",)  # units named before the number: "rank 3", not "3 rank"


class Figure(Annotation):
    """A number the text gives (the dead, the hours, the tanks), with what it counts."""

    WHAT: ClassVar[str] = "a figure"
    KIND: ClassVar[str] = "figure"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("unit", "counts", "note")
    value: Count = Field(description="The number, as the text gives it.")
    qualifier: Literal["exact", "more-than", "about", "at-least", "fewer-than", "range",
                       "up-to"] = Field(description="How the text qualifies it.")
    unit: Text = Field(description="What is counted, in a word: dead, wounded, people, hours…")
    counts: Text | None = Field(default=None, description="What is counted, in words.")


def figure_value(a: Figure, m) -> str:
    """A figure as a reader says it: 'more than 50 dead', '48 hours', 'at least 2,000 people'."""
    number = m.number(a.value)
    amount = m._("{unit} {number}", unit=a.unit, number=number) if a.unit in UNITS_BEFORE \
        else m._("{number} {unit}", number=number, unit=a.unit)
    return m._(QUALIFIERS[a.qualifier], amount=amount)


def figure_gloss(a: Figure, m) -> str:
    """The figure and what it counts: 'more than 50 dead: people killed by the army …'."""
    value = figure_value(a, m)
    return m._("{figure}: {counts}", figure=value, counts=a.counts) if a.counts else value


class FigureKind(Kind):
    label = N_("figure")
    gloss_type = "figure"
    name, file, model, motivation, css = "figure", "figures.yml", Figure, "describing", "figure"

    def calls_note(self, annotation):
        return False

    def gloss(self, edition, annotation, m):
        return (Words_Text(figure_gloss(annotation, m)),)

    def html(self, span, inner, out):
        a = span.annotation
        return [h("span", {"class": "figure", "data-value": f"{a.value:g}",
                           "title": figure_gloss(a, out.m)}, inner)]

    def tei(self, span, out):
        a = span.annotation
        return out.element("num", {"value": f"{out.number(a.value)}", "type": a.qualifier,
                                   "corresp": out.comparisons(span)})

    def data(self, span):
        data = super().data(span)
        value = span.annotation.value
        data["value"] = int(value) if float(value).is_integer() else value
        return data


KIND = FigureKind()
