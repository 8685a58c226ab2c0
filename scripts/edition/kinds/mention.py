"""A mention: a span of the text that names an entity of the register."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..doc import h
from ..model.fields import Id
from ..i18n import N_
from .base import Annotation, Kind


class Mention(Annotation):
    """A span that names an entity of the register: it links to the entity's page."""

    WHAT: ClassVar[str] = "a mention"
    KIND: ClassVar[str] = "mention"
    entity: Id = Field(description="The entity named (an id of entities.yml).")


class MentionKind(Kind):
    label = N_("mention")
    name, file, model, motivation, css = "mention", "mentions.yml", Mention, "identifying", "mention"

    def check(self, annotation, known, problems):
        known.entity(annotation, "entity", annotation.entity, problems)

    def calls_note(self, annotation):
        return bool(annotation.note)

    def html(self, span, inner, out):
        # The description shows as a CSS tooltip (data-description, edition.css) and screen
        # readers hear it once, from the page's hidden list (aria-describedby); no title,
        # which would show and be read twice.
        entity = span.annotation.entity
        return [h("a", {"class": "mention", "href": out.entity_href(entity),
                        "data-entity": entity, "aria-describedby": out.described_by(entity),
                        "data-description": out.entity_description(entity)}, inner),
                out.marker() if span.annotation.note else None]

    def tei(self, span, out):
        return out.name(span.annotation.entity)

    def web_bodies(self, span, out):
        return [out.link(out.entity(span.annotation.entity), "identifying")] + [
            out.link(f"http://www.wikidata.org/entity/{wikidata}", "identifying")
            for wikidata in [out.wikidata(span.annotation.entity)] if wikidata]


KIND = MentionKind()
