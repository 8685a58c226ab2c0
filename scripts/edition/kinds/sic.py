"""Sic: a slip in the transmitted text, kept as transmitted, with the likely intended reading."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..doc import h
from ..model.fields import Text
from ..wording import Emphasis, words
from ..i18n import N_
from .base import Annotation, Kind


class Sic(Annotation):
    """A slip in the transmitted text, kept as transmitted, with the likely intended reading."""

    WHAT: ClassVar[str] = "a sic"
    KIND: ClassVar[str] = "sic"
    # The reading is English words; the Spanish differs where the editors add their own ("or").
    OPTIONAL_TRANSLATED: ClassVar[tuple[str, ...]] = ("reading",)
    reading: Text = Field(description="The likely intended reading (of the English text).")


class SicKind(Kind):
    label = N_("sic")
    gloss_type = "sic"
    name, file, model, motivation, css = "sic", "sic.yml", Sic, "editing", "sic"

    def gloss(self, edition, annotation, m):
        return words(m._("{sic} in the transmitted text; read {reading}."),
                     sic=Emphasis(m._("sic")), reading=Emphasis(annotation.reading, strong=True))

    def html(self, span, inner, out):
        return [h("span", {"class": "sic", "title": out.m._(
            "sic; read: {reading}", reading=span.annotation.reading)}, inner), out.marker()]

    def tei(self, span, out):
        return out.choice(span.annotation.reading)

    def web_bodies(self, span, out):
        return [out.text(span.annotation.reading, "editing")]


KIND = SicKind()
