"""One wording per annotation: what the editors say about a span, in words, for every output.

The site, the TEI notes and the Web Annotation bodies all put an annotation into words with
this module, so the same figure reads "more than 50 dead" everywhere. The words are the
catalogue's (i18n), in the language of the `Messages` given. A wording is a tuple of parts:
plain text, and the few things an output may mark up (an entity it can link, a date it can
encode, a lacuna it can point at, a word set off in italics or bold). `plain` gives the words
alone; each output renders the parts in its own markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import Messages, N_
from .model import Annotation, AnnotationType as T, BlockKind, Edition, Span


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    """A word the site sets off (*sic*, **lacuna**); `strong` for bold."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Name:
    """An entity of the register, by its preferred name."""

    entity: str
    text: str


@dataclass(frozen=True)
class Label:
    """Who spoke, in words, where no entity of the register fits ("the demonstrators")."""

    text: str


@dataclass(frozen=True)
class When:
    """A date: its ISO 8601 / EDTF value and the words for it."""

    value: str
    text: str


@dataclass(frozen=True)
class LacunaRef:
    """A pointer to the lacuna (by its id) where a source's name was lost."""

    lacuna: str
    text: str


Part = Text | Emphasis | Name | Label | When | LacunaRef
Words = tuple[Part, ...]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Statement:
    """One thing said about a span. `role`: 'gloss' (what the annotation states, by its type),
    'note' (the editors' free note) or 'conjecture' (a lacuna's conjectured source)."""

    role: str
    words: Words


def plain(words: Words) -> str:
    return "".join(part.text for part in words)


def words(message: str, **parts: Part | str) -> Words:
    """A translated message as parts: each {placeholder} takes its part (plain text for a str)."""
    out: list[Part] = []
    at = 0
    for match in _PLACEHOLDER.finditer(message):
        if match.start() > at:
            out.append(Text(message[at:match.start()]))
        part = parts[match[1]]
        out.append(Text(part) if isinstance(part, str) else part)
        at = match.end()
    if at < len(message):
        out.append(Text(message[at:]))
    return tuple(out)


# --- figures ------------------------------------------------------------------------------

QUALIFIERS = {"exact": N_("{amount}"), "more-than": N_("more than {amount}"),
              "about": N_("about {amount}"), "at-least": N_("at least {amount}"),
              "fewer-than": N_("fewer than {amount}"), "up-to": N_("up to {amount}")}
# Units named before the number: "rank 3", not "3 rank".
UNITS_BEFORE = ("rank",)


def figure_value(a: Annotation, m: Messages) -> str:
    """A figure as a reader says it: 'more than 50 dead', '48 hours', 'at least 2,000 people'."""
    number = m.number(a.value)
    amount = m._("{unit} {number}", unit=a.unit, number=number) if a.unit in UNITS_BEFORE \
        else (m._("{number} {unit}", number=number, unit=a.unit) if a.unit else number)
    return m._(QUALIFIERS.get(a.qualifier, QUALIFIERS["exact"]), amount=amount)


def figure_gloss(a: Annotation, m: Messages) -> str:
    """The figure and what it counts: 'more than 50 dead: people killed by the army …'."""
    value = figure_value(a, m)
    return m._("{figure}: {counts}", figure=value, counts=a.counts) if a.counts else value


# --- dates --------------------------------------------------------------------------------

def date_label(value: str, m: Messages) -> str:
    """A date in words with its value: '13 October 2003 (2003-10-13)'."""
    return m._("{date} ({value})", date=m.date(value), value=value)


# --- quotations ---------------------------------------------------------------------------

# How a quotation's attribution names who spoke, by the quotation's kind.
QUOTATION_VERBS = {"report": N_("from {speaker}"), "speech": N_("said by {speaker}"),
                   "slogan": N_("slogan of {speaker}"),
                   "document": N_("from a resolution of {speaker}"),
                   "term": N_("term in quotation marks, used by {speaker}")}


def attribution(edition: Edition, a: Annotation, m: Messages) -> Words:
    """Who said it, who reported it, when, and whether the source's name was lost:
    'Said by Roberto de la Cruz; report dated 13 October 2003; the reporting source's name
    was lost (lacuna).'"""
    clauses: list[Words] = []
    said = m._(QUOTATION_VERBS.get(a.kind, QUOTATION_VERBS["speech"]))
    if a.speaker:
        clauses.append(words(said, speaker=_name(edition, a.speaker)))
    elif a.speaker_label:
        clauses.append(words(said, speaker=Label(a.speaker_label)))
    if a.source:
        clauses.append(words(m._("reported by {source}"), source=_name(edition, a.source)))
    if a.reported:
        clauses.append(words(m._("report dated {date}"),
                             date=When(a.reported, m.date(a.reported))))
    if a.lacuna:
        clauses.append(words(m._("the reporting source's name was lost ({lacuna})"),
                             lacuna=LacunaRef(a.lacuna, m._("lacuna"))))
    out: list[Part] = []
    for n, clause in enumerate(clauses or [(Text(m._("speaker and source not stated")),)]):
        out += ([Text("; ")] if n else []) + list(clause)
    return _capitalised(tuple(out)) + (Text("."),)


# --- sic, lacunae -------------------------------------------------------------------------

def sic_gloss(a: Annotation, m: Messages) -> Words:
    return words(m._("{sic} in the transmitted text; read {reading}."),
                 sic=Emphasis(m._("sic")), reading=Emphasis(a.reading, strong=True))


def lacuna_gloss(a: Annotation, m: Messages) -> Words:
    return words(m._("{lacuna}: lost in transmission: {lost}."),
                 lacuna=Emphasis(m._("lacuna"), strong=True), lost=a.lost)


def conjecture(edition: Edition, a: Annotation, m: Messages) -> Words:
    return words(m._("{conjecture}: {entity}. {evidence}"), conjecture=Emphasis(m._("Conjecture")),
                 entity=_name(edition, a.conjecture_entity), evidence=a.conjecture_evidence)


# --- every annotation ---------------------------------------------------------------------

def statements(edition: Edition, span: Span, m: Messages) -> tuple[Statement, ...]:
    """Everything the editors say in words about a span, in the order every output gives it.
    Mentions and dates say nothing in words beyond their note: their entity and value are
    links and attributes."""
    a = span.annotation
    gloss: Words = ()
    if span.type is T.QUOTATION:
        gloss = attribution(edition, a, m)
    elif span.type is T.SIC:
        gloss = sic_gloss(a, m)
    elif span.type is T.LACUNA:
        gloss = lacuna_gloss(a, m)
    elif span.type is T.FIGURE:
        gloss = (Text(figure_gloss(a, m)),)
    said = [Statement("gloss", gloss)] if gloss else []
    if a.note:
        said.append(Statement("note", (Text(a.note),)))
    if span.type is T.LACUNA and a.conjecture_entity:
        said.append(Statement("conjecture", conjecture(edition, a, m)))
    return tuple(said)


# --- blocks and sections ------------------------------------------------------------------

KIND_LABELS = {
    BlockKind.CAPTION: N_("Caption of a photograph that was not transmitted"),
    BlockKind.DUPLICATE: N_("Transmitted twice: a second copy of the opening paragraph"),
    BlockKind.DATELINE: N_("Dateline"),
    BlockKind.NOTE: N_("Closing note of the transmitted text"),
}


def supplied_title(title: str, m: Messages) -> str:
    """The note on a section title the text does not have."""
    return m._("Section title supplied by the editor: “{title}”", title=title)


def _name(edition: Edition, entity_id: str) -> Name:
    return Name(entity_id, edition.entity(entity_id).name)


def _capitalised(parts: Words) -> Words:
    first = parts[0]
    if isinstance(first, Text):
        return (Text(first.text[:1].upper() + first.text[1:]),) + parts[1:]
    return parts
