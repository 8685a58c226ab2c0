"""A lacuna: a place where the transmitted text lost a source's name (a link dropped), with
the trace it left and, only where a witness shows it, the editors' conjecture."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..doc import h
from ..model.declared import Translated
from ..model.fields import Id, Text
from ..wording import Emphasis, Name, Statement, words
from ..i18n import N_
from .base import Annotation, Kind


class Conjecture(Translated):
    """The editors' conjecture of the source whose name a lacuna lost, with their reason."""

    WHAT: ClassVar[str] = "a conjecture"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("reason",)
    entity: Id = Field(description="The source the editors conjecture (an id of entities.yml).")
    reason: Text = Field(description="Why: the editors' inference from the lacuna's evidence.")


class Lacuna(Annotation):
    """A place where the transmitted text lost a source's name, with the trace it left."""

    WHAT: ClassVar[str] = "a lacuna"
    KIND: ClassVar[str] = "lacuna"
    STATEMENT: ClassVar[tuple[str, ...]] = ("lost", "note")
    TRANSLATED: ClassVar[tuple[str, ...]] = ("lost", "note")
    id: Id = Field(description="Its permanent id: sections/…html#lacuna-p6.")
    gap_after: str = Field(description="The text of the trace after which the gap falls ('' for "
                                       "its start).")
    lost: Text = Field(description="What was lost.")
    note: Text = Field(description="How the trace shows the loss.")
    conjecture: Conjecture | None = Field(default=None, description="The source the editors "
                                                                     "conjecture, and why.")


class LacunaKind(Kind):
    label = N_("lacuna")
    gloss_type = "lacuna"
    name, file, model, css = "lacuna", "lacunae.yml", Lacuna, "lacuna"

    def check(self, annotation, known, problems):
        if annotation.conjecture:
            known.entity(annotation, "conjecture entity", annotation.conjecture.entity, problems,
                         speaks=True)

    def placed(self, annotation, covered, start, problems):
        offset = covered.find(annotation.gap_after) if annotation.gap_after else 0
        if offset < 0:
            where = annotation.where
            trace = covered if len(covered) <= 50 else covered[:50] + "…"
            problems.add(where.file, where.line, f"gap-after '{annotation.gap_after}' is not in "
                         f"the trace '{trace}'", "quote text inside the trace")
            return None
        return {"gap": start + offset + len(annotation.gap_after)}

    def gloss(self, edition, annotation, m):
        return words(m._("{lacuna}: lost in transmission: {lost}."),
                     lacuna=Emphasis(m._("lacuna"), strong=True), lost=annotation.lost)

    def statements(self, edition, annotation, m):
        said = super().statements(edition, annotation, m)
        if annotation.conjecture:
            c = annotation.conjecture
            said.append(Statement("conjecture", words(
                m._("{conjecture}: {entity}. {reason}"), conjecture=Emphasis(m._("Conjecture")),
                entity=Name(c.entity, edition.entity(c.entity).name), reason=c.reason)))
        return said

    def html(self, span, inner, out):
        a = span.annotation
        before, after = out.split_at(span.gap)
        # Before a word ("how ⟨…⟩described") the mark needs room on its right; before
        # punctuation ("(⟨…⟩, October 13)") it must not have it. The mark ⟨…⟩ is drawn by the
        # stylesheet: it is not a character of the text, so a copy holds the words alone.
        spacing = " before-word" if out.text[span.gap:span.gap + 1].isalnum() else ""
        marker = h("span", {"class": f"ed gap{spacing}", "role": "note", "aria-label": out.m._(
            "Editorial: lost in transmission: {lost}", lost=a.lost), "title": a.lost})
        return [h("span", {"class": "lacuna", "id": a.id}, before, marker, after), out.marker()]

    def tei(self, span, out):
        return out.element("seg", {"type": "lacuna-trace", "corresp": f"#{span.annotation.id}"})

    def web_bodies(self, span, out):
        c = span.annotation.conjecture
        return [out.link(out.entity(c.entity), "linking")] if c else []

    def data(self, span):
        return {**super().data(span), "gap": span.gap}  # the gap: an offset in the paragraph


KIND = LacunaKind()
