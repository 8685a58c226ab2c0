"""Words the editors say, as parts an output can mark up: plain text, and the few things an
output may mark (an entity it can link, a date it can encode, a lacuna it can point at, a word
set off in italics or bold). `words` fills a catalogue message's {placeholders} with parts;
`plain` gives the words alone; each output renders the parts in its own markup. What each kind
of annotation says is its kind's (kinds/), so the same figure reads "more than 50 dead" on the
site, in the TEI and in the Web Annotations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import Messages, N_, contracted


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


@dataclass(frozen=True)
class BlockRef:
    """A block of the article (by its id) that a statement rests on: "¶ 4"."""

    block: str
    text: str


Part = Text | Emphasis | Name | Label | When | LacunaRef | BlockRef
Words = tuple[Part, ...]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Statement:
    """One thing said about a span. `role`: 'gloss' (what the annotation states, by its kind),
    'note' (the editors' free note) or 'conjecture' (a lacuna's conjectured source)."""

    role: str
    words: Words


def plain(parts: Words) -> str:
    return "".join(part.text for part in parts)


def words(message: str, **parts: Part | str) -> Words:
    """A translated message as parts: each {placeholder} takes its part (plain text for a str).
    Spanish "de el" is joined as in Messages (a part opening with "el " is a Spanish value)."""
    message, parts = contracted(message, parts)
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


def capitalised(parts: Words) -> Words:
    first = parts[0]
    if isinstance(first, Text):
        return (Text(first.text[:1].upper() + first.text[1:]),) + parts[1:]
    return parts


def grounded(said: Words, record, edition, m: Messages) -> Words:
    """A statement as every output gives it: labelled when it is the editors' inference, then
    their further inference, then the article's paragraphs it rests on (its sources' passages
    are given beside it, each output in its own way)."""
    return inference_label(record, m) + said + grounds(record, edition, m)


def inference_label(record, m: Messages) -> Words:
    """What goes before a statement that is the editors' inference."""
    return (Emphasis(m._("Editors' inference:")), Text(" ")) if record.basis == "inference" \
        else ()


def grounds(record, edition, m: Messages) -> Words:
    """What goes after a statement: the editors' further inference, the article's paragraphs."""
    out: list[Part] = []
    if record.inference:
        out += [Text(" "), Emphasis(m._("Editors' inference:")), Text(" "), Text(record.inference)]
    if record.basis == "article" and record.paragraphs:
        before, _, after = m._("(The article: {paragraphs}.)").partition("{paragraphs}")
        out += [Text(" "), Text(before)]
        for n, block_id in enumerate(record.paragraphs):
            out += [Text(", ")] * bool(n) + [BlockRef(block_id, block_label(edition, block_id, m))]
        out.append(Text(after))
    return tuple(out)


# --- blocks and sections ------------------------------------------------------------------

# A paragraph as the data names it, "p10", but not in an address ("….html#p4", "p4.html").
BLOCK_ID = re.compile(r"(?<![\w#/.\-])p\d+(?![\w#/\-]|\.\w)")


def editors_words(text: str, edition, m: Messages) -> Words:
    """The editors' words as parts, each paragraph they name by its id as the data writes it
    ("in p10") a part the reader reads by its number ("in ¶ 10"), which an output may link."""
    numbered = {b.id for b in edition.blocks if b.number}
    out: list[Part] = []
    at = 0
    for found in BLOCK_ID.finditer(text):
        if found[0] in numbered:
            out += [Text(text[at:found.start()]),
                    BlockRef(found[0], block_label(edition, found[0], m))]
            at = found.end()
    out.append(Text(text[at:]))
    return tuple(part for part in out if not (isinstance(part, Text) and not part.text))


def block_label(edition, block_id: str, m: Messages) -> str:
    """How the apparatus names a block: "¶ 4", or its section's title for a heading."""
    block = edition.block(block_id)
    return m._("¶ {number}", number=block.number) if block.number else \
        edition.section_of(block_id).title


# How the pages name the kinds of block that are not running text (by BlockKind's value).
KIND_LABELS = {
    "caption": N_("Caption of a photograph that was not transmitted"),
    "duplicate": N_("Transmitted twice: a second copy of the opening paragraph"),
    "dateline": N_("Dateline"),
    "note": N_("Closing note of the transmitted text"),
}


def supplied_title(title: str, m: Messages) -> str:
    """The note on a section title the text does not have."""
    return m._("Section title supplied by the editor: “{title}”", title=title)


# --- the record ----------------------------------------------------------------------------

# The parts of What happened next, in order: its heading and its introduction.
RECORD_PARTS = (
    ("context", N_("Beside the article: what it leaves out"),
     N_("The days of the article, 11–14 October 2003, as other sources report them.")),
    ("outcome", N_("What happened next: the fall of the government"),
     N_("From 15 October 2003.")),
    ("counts", N_("The dead and wounded, by later counts"),
     N_("Counts published after the article; the Figures page sets them beside the "
        "article's own.")),
    ("justice", N_("The trials"), N_("In Bolivia and in the United States.")))
TIMINGS = {"same-days": N_("same days"), "later": N_("later")}
COUNT_QUALIFIERS = {"exact": N_("{value}"), "more-than": N_("more than {value}"),
                    "at-least": N_("at least {value}"), "about": N_("about {value}")}


def count_value(count, m: Messages) -> str:
    """Another source's count as the Figures page and the TEI say it: 'at least 64', '20–30'."""
    if count.qualifier == "range" and count.to is not None:
        return f"{m.number(count.value)}–{m.number(count.to)}"
    return m._(COUNT_QUALIFIERS.get(count.qualifier, COUNT_QUALIFIERS["exact"]),
               value=m.number(count.value))


# Where a passage stands in its source (an evidence item's `at`), in the forms most locators
# take, said in the page's language; the editors' translation gives a locator of another form
# (translations/LANG.yml, `locators`: pages.Context.locator, checked in place/record.py).
_LOCATOR_FORMS = tuple((re.compile(pattern), message) for pattern, message in (
    (r"paragraph (?P<n>\d+)", N_("paragraph {n}")),
    (r"paragraphs (?P<a>\d+)–(?P<b>\d+)", N_("paragraphs {a}–{b}")),
    (r"paragraphs (?P<a>\d+) and (?P<b>\d+)", N_("paragraphs {a} and {b}")),
    (r"paragraphs (?P<a>\d+), (?P<b>\d+) and (?P<c>\d+)", N_("paragraphs {a}, {b} and {c}")),
    (r"paragraphs (?P<a>\d+)–(?P<b>\d+) and (?P<c>\d+)", N_("paragraphs {a}–{b} and {c}")),
    (r"paragraphs (?P<a>\d+)–(?P<b>\d+) and (?P<c>\d+)–(?P<d>\d+)",
     N_("paragraphs {a}–{b} and {c}–{d}")),
    (r"opening paragraph", N_("opening paragraph")),
    (r"last paragraph", N_("last paragraph")),
    (r"head of the text", N_("head of the text")),
    (r"head and last line of the text", N_("head and last line of the text")),
    (r"photograph caption", N_("photograph caption")),
    (r"second entry", N_("second entry")),
    (r"the list", N_("the list")),
    (r"the article's text", N_("the article's text")),
))


def has_common_form(at: str) -> bool:
    """Whether the catalogue says the locator in every language (else a translation gives it)."""
    return any(pattern.fullmatch(at) for pattern, _ in _LOCATOR_FORMS)


def locator(at: str, m: Messages) -> str:
    """'paragraph 2' on an English page, 'párrafo 2' on a Spanish one."""
    for pattern, message in _LOCATOR_FORMS:
        if found := pattern.fullmatch(at):
            return m._(message, **found.groupdict())
    return at
