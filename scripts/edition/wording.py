"""One wording per annotation: what the editors say about a span, in words, for every output.

The site, the TEI notes and the Web Annotation bodies all put an annotation into words with
this module, so the same figure reads "more than 50 dead" everywhere. A wording is a tuple of
parts: plain text, and the few things an output may mark up (an entity it can link, a date it
can encode, a lacuna it can point at, a word set off in italics or bold). `plain` gives the
words alone; each output renders the parts in its own markup.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import dates
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
    text: str = "lacuna"


Part = Text | Emphasis | Name | Label | When | LacunaRef
Words = tuple[Part, ...]


@dataclass(frozen=True)
class Statement:
    """One thing said about a span. `role`: 'gloss' (what the annotation states, by its type),
    'note' (the editors' free note) or 'conjecture' (a lacuna's conjectured source)."""

    role: str
    words: Words


def plain(words: Words) -> str:
    return "".join(part.text for part in words)


# --- figures ------------------------------------------------------------------------------

QUALIFIERS = {"exact": "", "more-than": "more than", "about": "about", "at-least": "at least",
              "fewer-than": "fewer than", "up-to": "up to"}
# Units named before the number: "rank 3", not "3 rank".
UNITS_BEFORE = ("rank",)


def number(value: float) -> str:
    """A figure's number as a reader writes it: 48, 2,000, 66.7."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def figure_value(a: Annotation) -> str:
    """A figure as a reader says it: 'more than 50 dead', '48 hours', 'at least 2,000 people'."""
    qualifier = QUALIFIERS.get(a.qualifier, a.qualifier.replace("-", " "))
    amount = f"{a.unit} {number(a.value)}" if a.unit in UNITS_BEFORE else \
        f"{number(a.value)} {a.unit}".strip()
    return f"{qualifier} {amount}" if qualifier else amount


def figure_gloss(a: Annotation) -> str:
    """The figure and what it counts: 'more than 50 dead: people killed by the army …'."""
    return f"{figure_value(a)}: {a.counts}" if a.counts else figure_value(a)


# --- dates --------------------------------------------------------------------------------

def date_label(value: str) -> str:
    """A date in words with its value: '13 October 2003 (2003-10-13)'."""
    return f"{dates.human(value)} ({value})"


# --- quotations ---------------------------------------------------------------------------

# How a quotation's attribution names who spoke, by the quotation's kind.
QUOTATION_VERBS = {"report": "from", "speech": "said by", "slogan": "slogan of",
                   "document": "from a resolution of", "term": "term in quotation marks, used by"}
NOT_STATED = "speaker and source not stated"


def attribution(edition: Edition, a: Annotation) -> Words:
    """Who said it, who reported it, when, and whether the source's name was lost:
    'Said by Roberto de la Cruz; report dated 13 October 2003; the reporting source's name
    was lost (lacuna).'"""
    clauses: list[Words] = []
    said = QUOTATION_VERBS.get(a.kind, "said by")
    if a.speaker:
        clauses.append((Text(f"{said} "), _name(edition, a.speaker)))
    elif a.speaker_label:
        clauses.append((Text(f"{said} "), Label(a.speaker_label)))
    if a.source:
        clauses.append((Text("reported by "), _name(edition, a.source)))
    if a.reported:
        clauses.append((Text("report dated "), When(a.reported, dates.human(a.reported))))
    if a.lacuna:
        clauses.append((Text("the reporting source's name was lost ("), LacunaRef(a.lacuna),
                        Text(")")))
    words: list[Part] = []
    for n, clause in enumerate(clauses or [(Text(NOT_STATED),)]):
        words += ([Text("; ")] if n else []) + list(clause)
    return _capitalised(tuple(words)) + (Text("."),)


# --- sic, lacunae -------------------------------------------------------------------------

def sic_gloss(a: Annotation) -> Words:
    return (Emphasis("sic"), Text(" in the transmitted text; read "),
            Emphasis(a.reading, strong=True), Text("."))


def lacuna_gloss(a: Annotation) -> Words:
    return (Emphasis("lacuna", strong=True), Text(f": lost in transmission: {a.lost}."))


def conjecture(edition: Edition, a: Annotation) -> Words:
    return (Emphasis("Conjecture"), Text(": "), _name(edition, a.conjecture_entity),
            Text(f". {a.conjecture_evidence}"))


# --- every annotation ---------------------------------------------------------------------

def statements(edition: Edition, span: Span) -> tuple[Statement, ...]:
    """Everything the editors say in words about a span, in the order every output gives it.
    Mentions and dates say nothing in words beyond their note: their entity and value are
    links and attributes."""
    a = span.annotation
    gloss: Words = ()
    if span.type is T.QUOTATION:
        gloss = attribution(edition, a)
    elif span.type is T.SIC:
        gloss = sic_gloss(a)
    elif span.type is T.LACUNA:
        gloss = lacuna_gloss(a)
    elif span.type is T.FIGURE:
        gloss = (Text(figure_gloss(a)),)
    said = [Statement("gloss", gloss)] if gloss else []
    if a.note:
        said.append(Statement("note", (Text(a.note),)))
    if span.type is T.LACUNA and a.conjecture_entity:
        said.append(Statement("conjecture", conjecture(edition, a)))
    return tuple(said)


# --- blocks and sections ------------------------------------------------------------------

KIND_LABELS = {
    BlockKind.CAPTION: "Caption of a photograph that was not transmitted",
    BlockKind.DUPLICATE: "Transmitted twice: a second copy of the opening paragraph",
    BlockKind.DATELINE: "Dateline",
    BlockKind.NOTE: "Closing note of the transmitted text",
}


def supplied_title(title: str) -> str:
    """The note on a section title the text does not have."""
    return f"Section title supplied by the editor: “{title}”"


def _name(edition: Edition, entity_id: str) -> Name:
    return Name(entity_id, edition.entity(entity_id).name)


def _capitalised(words: Words) -> Words:
    first = words[0]
    if isinstance(first, Text):
        return (Text(first.text[:1].upper() + first.text[1:]),) + words[1:]
    return words
