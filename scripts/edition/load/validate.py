"""Validating `source/`'s YAML against the declared records (model/): every failure one line,
`file:line: what is wrong — how to fix it`, at the line of the value that is wrong."""
from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..model import Declared
from ..problems import Problems
from .yamlfile import Map, Seq

M = TypeVar("M", bound=BaseModel)
# What a value of each pydantic type should be, in a reader's words.
EXPECTED = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
            "int_from_float": "a whole number", "float_type": "a number",
            "float_parsing": "a number", "bool_type": "yes or no", "tuple_type": "a list",
            "list_type": "a list", "dict_type": "a mapping of fields",
            "model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields",
            "dataclass_type": "a mapping of fields"}
# What a value a pattern checks should be, and how to write it, by its key.
PATTERNS = {"url": ("a web address", "give the http(s) address the editors read, without spaces "
                                     "or quotes"),
            "language": ("a two-letter language code", "write an ISO 639-1 code: en, es, fr, it, "
                                                       "pt"),
            "text-sha256": ("a sha256", "restore it: the sha256 of article.txt, 64 hexadecimal "
                                        "digits")}


def validate(model: type[M], data: Any, display: str, problems: Problems,
             context: dict[str, Any] | None = None) -> M | None:
    """`data` as a `model`, or None with every problem it has added to `problems`."""
    try:
        return model.model_validate(data, context={"display": display, **(context or {})})
    except ValidationError as err:
        errors = err.errors(include_url=False)
        for error in errors:
            if not _misspelt(error, errors, model):
                problems.add(display, *explain(error, model, data))
        return None


def _misspelt(error: dict[str, Any], errors: list[dict[str, Any]], model) -> bool:
    """A missing field that an unknown field beside it was probably meant to be: the unknown
    field's line says so ("did you mean …?"), once."""
    if error["type"] != "missing":
        return False
    key, place = error["loc"][-1], error["loc"][:-1]
    return any(other["type"] == "extra_forbidden" and other["loc"][:-1] == place and
               difflib.get_close_matches(str(other["loc"][-1]), [str(key)], n=1)
               for other in errors)


def validate_items(model: type[M], items: Any, display: str, problems: Problems,
                   context: dict[str, Any] | None = None, fix: str = "") -> list[M]:
    """A YAML list of entries, each validated on its own (a bad one does not hide the others)."""
    if not isinstance(items, Seq):
        problems.add(display, getattr(items, "line", 1), f"the file should be a list of "
                     f"{_plural(model)}, found {describe(items)}", fix or "start each entry with "
                     "'- id: …'")
        return []
    found = [validate(model, item, display, problems, context) for item in items]
    return [item for item in found if item is not None]


def explain(error: dict[str, Any], model: type[BaseModel], data: Any) -> tuple[int, str, str]:
    """(line, what is wrong, how to fix it) of one pydantic error."""
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and "[" in part))
    ctx = error.get("ctx") or {}
    line = line_of(data, loc + tuple(ctx.get("at", ())))
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    kind, value = error["type"], error.get("input")
    owner = model_at(model, loc[:-1]) if loc else model
    what = getattr(owner, "WHAT", "an entry")
    if kind == "edition":
        message = ctx["message"]
        if ctx.get("field") and loc and isinstance(loc[-1], int):
            return line, f"an item of '{key}' {message}", ctx["fix"]
        return line, (f"{key} {message}" if ctx.get("field") else message), ctx["fix"]
    if kind == "missing":
        return line, f"{what} has no '{key}'", f"add '{key}:'"
    if kind == "extra_forbidden":
        allowed = sorted(owner.key(name) for name in owner.model_fields
                         if name != "where") if isinstance(owner, type) and issubclass(
            owner, Declared) else []
        close = difflib.get_close_matches(key, allowed, n=1)
        return line, f"unknown field '{key}' in {what}", (
            f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(allowed)}")
    if kind in ("literal_error", "enum"):
        return line, f"unknown {key} '{value}'", f"use one of: {ctx.get('expected', '')}"
    if kind in EXPECTED:
        expected = EXPECTED[kind]
        return line, f"'{key}' should be {expected}, found {describe(value)}", \
            f"write '{key}' as {expected}"
    if kind == "string_pattern_mismatch":
        what_it_is, fix = PATTERNS.get(key, ("written as it should be", "see source/README.md "
                                                                        "for its form"))
        return line, f"{key} '{str(value)[:60]}' is not {what_it_is}", fix
    if kind in ("too_short", "too_long"):
        return line, f"'{key}' has {ctx.get('actual_length')} item(s)", error["msg"]
    if kind.startswith(("greater_than", "less_than")):
        return line, f"{key} {value} is out of range", error["msg"].lower()
    return line, f"'{key}': {error['msg']}", "see source/README.md"


def line_of(data: Any, loc: tuple[Any, ...]) -> int:
    """The line of the value at `loc` in the YAML read, or of the nearest mapping holding it."""
    node, line = data, getattr(data, "line", 1)
    for part in loc:
        if isinstance(node, Map) and part in node:
            line, node = node.key_lines.get(part, line), node[part]
        elif isinstance(node, Seq) and isinstance(part, int) and part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


def model_at(model: Any, loc: tuple[Any, ...]) -> Any:
    """The record type that holds the value at `loc` below `model`."""
    current = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type)
                                         and issubclass(current, BaseModel)):
            current = _inner(current)
            if isinstance(part, int):
                continue
        field = next((f for name, f in current.model_fields.items()
                      if part in (name, f.validation_alias)), None) if isinstance(current, type) and \
            issubclass(current, BaseModel) else None
        if field is None:
            return current
        current = _inner(field.annotation)
    return current


def _inner(annotation: Any) -> Any:
    """A record type inside Optional[…], tuple[…, ...] or dict[…, …], if there is one."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list, dict):
        for argument in reversed(typing.get_args(annotation)):
            inner = _inner(argument)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def describe(value: Any) -> str:
    if isinstance(value, Map) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _plural(model: type[BaseModel]) -> str:
    """'entities' for an entity: the entry's noun, made plural as English makes it."""
    noun = getattr(model, "WHAT", "an entry").split(" ", 1)[-1]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
