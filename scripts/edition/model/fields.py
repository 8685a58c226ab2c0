"""The kinds of value `source/` holds, each checked as it is read: text, ids, dates, counts,
addresses. A value that fails says what is wrong and how to fix it (model/declared.problem)."""
from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .. import dates

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
BLOCK = re.compile(r"p[1-9]\d*|title|[a-z0-9]+(?:-[a-z0-9]+)*")
VERSION = re.compile(r"\d+\.\d+\.\d+")
# A language tag as BCP 47 writes it (en, es, pt-BR): it goes into lang attributes.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# An absolute http or https URL, nothing around it: it goes into links and metadata as it is.
WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>\\^`{|}]*)?")
NO_DATE = "n.d."
# The largest count a chart or a table draws: a bigger number is a typing mistake.
MOST = 10_000_000
# The key of a value's description in words in the records' JSON Schema (the field reference
# reads it; the data export's schema leaves it out).
TAKES = "x-takes"


def _takes(words: str) -> Any:
    """What a value of this kind is, in words, for the field reference (load/reference.py)."""
    return Field(json_schema_extra={TAKES: words})


def _fail(message: str, fix: str) -> PydanticCustomError:
    return PydanticCustomError("edition", "{message}", {"message": message, "fix": fix, "at": (),
                                                         "field": True})


def _text(value: Any) -> Any:
    """Text, or a number written where text was meant (a title "1989"): read as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise _fail("is empty", "write it, or remove the line")
    return value


def _checked(pattern: re.Pattern, what: str, fix: str):
    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise _fail(f"'{value[:60]}' is not {what}", fix)
        return value
    return check


def _edtf(value: str) -> str:
    error = dates.problem_with(value)
    if error:
        raise _fail(f"'{value}': {error}", dates.FIX)
    return value


def _calendar_date(value: str) -> str:
    if not dates.is_calendar_date(value):
        raise _fail(f"'{value}' is not a real date", "write it as YYYY-MM-DD")
    return value


def _partial_date(value: str) -> str:
    if value != NO_DATE and not (re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)
                                 and dates.problem_with(value) is None):
        raise _fail(f"'{value}' is not a real date",
                    f"write YYYY-MM-DD, YYYY-MM or YYYY, or '{NO_DATE}' if the page shows none")
    return value


def _count(value: Any) -> Any:
    """A count of people, hours, tanks: a number, none below zero, none too large to draw."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # the number type says what it should be
    if isinstance(value, int) and abs(value) > MOST:
        raise _fail(f"{value:.3g} is too large to be a count", f"write the number (at most "
                    f"{MOST:,}) as the source gives it")
    number = float(value)
    if not math.isfinite(number):
        raise _fail(f"'{value}' is not a number", "write the count as digits, like 26")
    if number < 0:
        raise _fail(f"{value:g} is below zero", "a count is 0 or more: write it as the source "
                    "gives it")
    if number > MOST:
        raise _fail(f"{number:.3g} is too large to be a count",
                    f"write the number (at most {MOST:,}) as the source gives it")
    return number


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_non_empty)]
Id = Annotated[str, AfterValidator(_checked(
    ID, "an id of lowercase words joined by hyphens", "write it like 'la-paz'")),
    _takes("an id (lowercase words and digits joined by hyphens: `la-paz`)")]
BlockRef = Annotated[str, AfterValidator(_checked(
    BLOCK, "a block id", "write a block id as the site shows it: title, a section id, p12")),
    _takes("a block id (`title`, a section id, `p12`)")]
EdtfDate = Annotated[str, BeforeValidator(_text), AfterValidator(_edtf), _takes(
    "a date, ISO 8601 or EDTF (`2003-10-13`, `2003-10-13T12:30`, `2003-10~`, "
    "`2003-10-06/2003-10-08`)")]
CalendarDate = Annotated[str, BeforeValidator(_text), AfterValidator(_calendar_date),
                         _takes("a date `YYYY-MM-DD`")]
PartialDate = Annotated[str, BeforeValidator(_text), AfterValidator(_partial_date), _takes(
    f"a date `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `{NO_DATE}`")]
Version = Annotated[str, AfterValidator(_checked(VERSION, "MAJOR.MINOR.PATCH",
                                                 "write it like 1.2.0")),
                    _takes("a version number `MAJOR.MINOR.PATCH`")]
LanguageTag = Annotated[str, AfterValidator(_checked(LANGUAGE_TAG, "a language tag",
                                                     "write a tag like en or es")),
                        _takes("a language tag (`en`, `es`)")]
WebUrl = Annotated[str, AfterValidator(_checked(WEB_URL, "an http or https URL",
                                                "write the full address, like "
                                                "https://example.org/page")),
                   _takes("an http or https address")]
Count = Annotated[float, BeforeValidator(_count), Field(allow_inf_nan=False),
                  _takes(f"a number, 0 to {MOST:,}")]


def _on_the_globe(value: tuple[float, float]) -> tuple[float, float]:
    latitude, longitude = value
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise _fail(f"[{latitude:g}, {longitude:g}] are off the globe",
                    "write [latitude, longitude] in degrees")
    return value


def _wikidata(value: Any) -> Any:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and not re.fullmatch(r"Q[1-9]\d*", text):
        raise _fail(f"'{text}' is not a Wikidata id", "write it like Q750, or leave it out")
    return text


Coordinates = Annotated[tuple[Annotated[float, Field(allow_inf_nan=False)],
                              Annotated[float, Field(allow_inf_nan=False)]],
                        AfterValidator(_on_the_globe),
                        _takes("[latitude, longitude] in degrees (WGS84)")]
WikidataId = Annotated[str, BeforeValidator(_wikidata), _takes("a Wikidata id (`Q750`)")]


def _from_one(value: int) -> int:
    if value < 1:
        raise _fail(f"{value} is below 1", "count occurrences from 1")
    return value


Occurrence = Annotated[int, AfterValidator(_from_one), _takes("a whole number from 1")]


class FrozenMap(dict):
    """A mapping read from `source/` that a frozen record can hold and still be hashed
    (records are dictionary keys and cache arguments); nothing writes it after it is read."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


# Text by field name (a record's `es:`) and by block (a translation), kept as FrozenMaps.
TextByField = Annotated[dict[str, Text], AfterValidator(FrozenMap)]
TextByBlock = Annotated[dict[BlockRef, Text], AfterValidator(FrozenMap)]

