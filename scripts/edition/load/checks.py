"""Checks the loader makes of single values: ids, language tags, web addresses, dates,
version numbers, unique ids."""
from __future__ import annotations

import re
from typing import Any

from .. import dates
from ..model import Located
from ..problems import Problems
from .yamlfile import Fields

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION = re.compile(r"\d+\.\d+\.\d+")  # MAJOR.MINOR.PATCH, matched whole
# A language tag as BCP 47 writes it (en, es, pt-BR, zh-Hant): it goes into lang attributes.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# An absolute http or https URL, nothing around it: it goes into links and metadata as it is.
WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>\\^`{|}]*)?")


def check_language(fields: Fields, key: str, display: str, problems: Problems) -> None:
    value = fields.text(key, required=False)
    if value and not LANGUAGE_TAG.fullmatch(value):
        problems.add(display, fields.key_line(key), f"'{key}' {value!r} is not a language tag",
                     "write a tag like en or es")


def check_web_url(fields: Fields, key: str, display: str, problems: Problems) -> None:
    value = fields.text(key, required=False)
    if value and not WEB_URL.fullmatch(value):
        problems.add(display, fields.key_line(key), f"'{key}' {value[:60]!r} is not an http or "
                     "https URL", "write the full address, like https://example.org/page")


def check_id(value: str, display: str, line: int, problems: Problems) -> None:
    if value and not ID_PATTERN.match(value):
        problems.add(display, line, f"id '{value}' is not lowercase words joined by hyphens",
                     "write it like 'la-paz'")


def check_unique_ids(items: list[Any], name: str, problems: Problems) -> None:
    seen: dict[str, Located] = {}
    for item in items:
        if item.id in seen:
            problems.add(str(item.where.file), item.where.line, f"id '{item.id}' is used twice "
                         f"(also at line {seen[item.id].line})", "give each entry its own id")
        seen.setdefault(item.id, item.where)


def check_when(f: Fields, key: str, required: bool, display: str, problems: Problems) -> str:
    """A date field's EDTF value, checked (dates.py)."""
    when = f.text(key, required=required)
    error = dates.problem_with(when) if when else None
    if error:
        problems.add(display, f.key_line(key), f"{key} '{when}': {error}", dates.FIX)
    return when


def version_key(number: str) -> tuple[int, ...]:
    """A version number's order (1.10.0 after 1.9.0); (0,) for one that is not MAJOR.MINOR.PATCH."""
    return tuple(int(p) for p in number.split(".")) if VERSION.fullmatch(number) else (0,)
