"""The kinds of annotation, in one registry (as Python-Markdown registers its processors).

Each kind is a module of this package: its entries' model (its fields and their checks) and
a `Kind` with the hooks every stage and writer calls (kinds/base.py). Adding a kind is a module
here and one `register` line below; the loader reads `source/annotations/<its file>`, the pages,
the exports and the schema of the data follow from the registry.

Priority: when two spans cover the same text, the higher encloses the lower (a quotation
holds a mention).
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Iterator

from . import date, figure, lacuna, mention, not_mention, note, quotation, sic
from ..wording import Statement, Text, Words, editors_words
from .base import Annotation, Inline, Kind, References, TeiMarkup, WebBodies

if TYPE_CHECKING:
    from ..i18n import Messages
    from ..model import Edition, Span


class Registry:
    """The kinds by name, iterated in their priority's order (highest first)."""

    def __init__(self) -> None:
        self._kinds: dict[str, tuple[Kind, float]] = {}

    def register(self, kind: Kind, priority: float) -> None:
        self._kinds[kind.name] = (kind, priority)

    def deregister(self, name: str) -> None:
        del self._kinds[name]

    def __iter__(self) -> Iterator[Kind]:
        return iter(kind for kind, _ in sorted(self._kinds.values(), key=lambda k: -k[1]))

    def __getitem__(self, name: str) -> Kind:
        return self._kinds[name][0]

    def __contains__(self, name: str) -> bool:
        return name in self._kinds

    def rank(self, name: str) -> int:
        """Its place in the nesting order: 0 encloses 1, which encloses 2…"""
        return [kind.name for kind in self].index(name)

    @property
    def names(self) -> SimpleNamespace:
        """Each kind's name by a constant: T.MENTION == "mention", T.NOT_MENTION == "not-mention"."""
        return SimpleNamespace(**{k.name.upper().replace("-", "_"): k.name for k in self})


KINDS = Registry()
KINDS.register(quotation.KIND, 70)
KINDS.register(lacuna.KIND, 60)
KINDS.register(note.KIND, 50)
KINDS.register(figure.KIND, 40)
KINDS.register(date.KIND, 30)
KINDS.register(sic.KIND, 20)
KINDS.register(mention.KIND, 10)
KINDS.register(not_mention.KIND, 0)


# Each registered kind's name by a constant (T.MENTION == "mention"), for the stages that treat
# one kind specially (the registers list mentions, the timeline dates).
AnnotationType = KINDS.names


def kind_of(span: "Span") -> Kind:
    return KINDS[span.annotation.KIND]


def statements(edition: "Edition", span: "Span", m: "Messages") -> tuple["Statement", ...]:
    """Everything the editors say in words about a span, in the order every output gives it.
    Mentions and dates say nothing in words beyond their note: their entity and value are
    links and attributes."""
    return tuple(Statement(said.role, _paragraphs_named(said.words, edition, m))
                 for said in kind_of(span).statements(edition, span.annotation, m))


def _paragraphs_named(words: Words, edition: "Edition", m: "Messages") -> Words:
    """The paragraphs the editors name by id in their words ("in p10"), by number ("¶ 10")."""
    return tuple(named for part in words for named in (
        editors_words(part.text, edition, m) if isinstance(part, Text) else (part,)))


__all__ = ["Annotation", "AnnotationType", "Inline", "KINDS", "Kind", "References", "Registry",
           "TeiMarkup",
           "WebBodies", "kind_of", "statements"]
