"""What the data exports share: which annotations they publish, the entities' aliases, JSON."""
from __future__ import annotations

import json
from typing import Any

from ..kinds import kind_of
from ..model import Edition, Entity, Span


def exported_spans(edition: Edition) -> tuple[Span, ...]:
    """The published annotations in reading order (the placed edition's order); a kind that is
    an internal check (not-mentions) is not published."""
    return tuple(s for s in edition.spans if kind_of(s).exported)


def number(value: float | None) -> int | float | None:
    """A whole number as an int, so 26.0 is written 26."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def aliases(entity: Entity) -> list[str]:
    """The forms the text names the entity by, other than its preferred name."""
    return [form for form in entity.forms if form != entity.name]


def json_bytes(data: Any) -> bytes:
    """JSON as the exports write it: key order as built, UTF-8, indented, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
