"""An editorial note: context a reader needs on a span, with what it rests on."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..model.fields import Text
from ..i18n import N_
from .base import Annotation, Kind


class Note(Annotation):
    """An editorial note: context a reader needs on a span, with what it rests on."""

    WHAT: ClassVar[str] = "a note"
    KIND: ClassVar[str] = "note"
    note: Text = Field(description="What the editors say about the span.")


class NoteKind(Kind):
    label = N_("note")
    name, file, model = "note", "notes.yml", Note


KIND = NoteKind()
