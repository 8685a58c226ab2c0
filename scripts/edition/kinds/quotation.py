"""A quotation: words the text puts in quotation marks, with who said them and who reported
them (or the lacuna where the reporter's name was lost)."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..i18n import N_
from ..model.fields import EdtfDate, Id, Text
from ..wording import Label, LacunaRef, Name, Text as Words_Text, When, capitalised, words
from .base import Annotation, Kind

KINDS = ("report", "speech", "slogan", "document", "term")
# What a reader calls each kind of quotation.
KIND_NAMES = {"report": N_("report"), "speech": N_("speech"), "slogan": N_("slogan"),
              "document": N_("document"), "term": N_("term")}
# How a quotation's attribution names who spoke, by the quotation's kind.
VERBS = {"report": N_("from {speaker}"), "speech": N_("said by {speaker}"),
         "slogan": N_("slogan of {speaker}"), "document": N_("from a resolution of {speaker}"),
         "term": N_("term in quotation marks, used by {speaker}")}


class Quotation(Annotation):
    """Words the text puts in quotation marks, with who said them and who reported them."""

    WHAT: ClassVar[str] = "a quotation"
    KIND: ClassVar[str] = "quotation"
    STATEMENT: ClassVar[tuple[str, ...]] = ("kind", "note")  # its attribution is a statement
    TRANSLATED: ClassVar[tuple[str, ...]] = ("speaker_label", "note")
    kind: Literal["report", "speech", "slogan", "document", "term"] = Field(
        description="report (from a news report), speech (a speaker's words), slogan, document "
                    "(a resolution), term (a quoted word or phrase).")
    speaker: Id | None = Field(default=None, description="Who spoke (an id of entities.yml).")
    speaker_label: Text | None = Field(default=None, description="Who spoke, in words, where "
                                                                 "no entity fits.")
    source: Id | None = Field(default=None, description="The medium that reported the words "
                                                        "(an id of entities.yml).")
    reported: EdtfDate | None = Field(default=None, description="The date of the report.")
    lacuna: Id | None = Field(default=None, description="The lacuna where the reporter's name "
                                                        "was lost.")


class QuotationKind(Kind):
    label = N_("quotation")
    gloss_type = "attribution"
    name, file, model, motivation, css = ("quotation", "quotations.yml", Quotation,
                                          "classifying", "quotation")

    def check(self, annotation, known, problems):
        known.entity(annotation, "speaker", annotation.speaker, problems, speaks=True)
        known.entity(annotation, "source", annotation.source, problems, speaks=True)
        if annotation.lacuna and annotation.lacuna not in known.lacunae:
            where = annotation.where
            problems.add(where.file, where.line, f"unknown lacuna '{annotation.lacuna}'",
                         "use an id from source/annotations/lacunae.yml")

    def gloss(self, edition, a, m):
        """Who said it, who reported it, when, and whether the source's name was lost: 'Said
        by Roberto de la Cruz; report dated 13 October 2003; the reporting source's name was
        lost (lacuna).'"""
        clauses = []
        said = m._(VERBS[a.kind])
        if a.speaker:
            clauses.append(words(said, speaker=Name(a.speaker, edition.entity(a.speaker).name)))
        elif a.speaker_label:
            clauses.append(words(said, speaker=Label(a.speaker_label)))
        if a.source:
            clauses.append(words(m._("reported by {source}"),
                                 source=Name(a.source, edition.entity(a.source).name)))
        if a.reported:
            clauses.append(words(m._("report dated {date}"),
                                 date=When(a.reported, m.date(a.reported))))
        if a.lacuna:
            clauses.append(words(m._("the reporting source's name was lost ({lacuna})"),
                                 lacuna=LacunaRef(a.lacuna, m._("lacuna"))))
        out = []
        for n, clause in enumerate(clauses or [(Words_Text(m._("speaker and source not stated")),)]):
            out += ([Words_Text("; ")] if n else []) + list(clause)
        return capitalised(tuple(out)) + (Words_Text("."),)

    def tei(self, span, out):
        a = span.annotation
        tag = out.quotation_element(a.kind)
        return out.element(tag, {"ana": f"#quotation-{a.kind}",
                                 "who": f"#{a.speaker}" if a.speaker and tag != "quote" else "",
                                 "source": out.quoted_from(span)})

    def web_bodies(self, span, out):
        a = span.annotation
        bodies = [out.text(out.m._("quotation: {kind}", kind=out.m._(KIND_NAMES[a.kind])), "classifying")]
        bodies += [out.link(out.entity(e), "linking") for e in (a.speaker, a.source) if e]
        if a.lacuna:  # the annotation of the gap where the reporting source's name was lost
            bodies.append(out.link(out.lacuna(a.lacuna), "linking"))
        return bodies


KIND = QuotationKind()
