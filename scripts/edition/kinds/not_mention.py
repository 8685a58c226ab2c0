"""A not-mention: an occurrence of an entity's form that does not name it (a generic "the
army"), listed so the completeness rule knows it was read. Neither shown nor exported."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..model.fields import Id, Text
from ..i18n import N_
from .base import Annotation, Kind


class NotMention(Annotation):
    """An occurrence of an entity's form that does not name it, listed so the completeness
    rule knows it was read; neither shown nor exported."""

    WHAT: ClassVar[str] = "a not-mention"
    KIND: ClassVar[str] = "not-mention"
    STATEMENT: ClassVar[tuple[str, ...]] = ()  # the editors' reading of the text, by its nature
    TRANSLATED: ClassVar[tuple[str, ...]] = ("reason", "note")
    entity: Id = Field(description="The entity whose form this is (an id of entities.yml).")
    reason: Text = Field(description="Why this occurrence does not name the entity.")


class NotMentionKind(Kind):
    label = N_("name that is not a mention")
    name, file, model = "not-mention", "not-mentions.yml", NotMention
    exported, shown = False, False

    def check(self, annotation, known, problems):
        known.entity(annotation, "entity", annotation.entity, problems)

    def calls_note(self, annotation):
        return False


KIND = NotMentionKind()
