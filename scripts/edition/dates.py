"""ISO 8601 and EDTF date values: validation, sorting and display."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

FIX = ("write ISO 8601 or EDTF: 2003-10-13, 2003-10-13T12:30, 2003-10, 2003-10-06/2003-10-08, "
       "2003-10-13~ (approximate), 2003-10-13? (uncertain)")

_POINT = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX)"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?)?)?(?P<qualifier>[?~%])?$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def problem_with(value: str) -> str | None:
    """Say what is wrong with a date value, or None when it is valid."""
    if not isinstance(value, str) or not value:
        return "empty"
    if "/" in value:
        parts = value.split("/")
        if len(parts) != 2:
            return "an interval has exactly one '/'"
        start, end = parts
        for part in parts:
            if part not in ("", "..") and (error := _point_problem(part)):
                return error
        if start not in ("", "..") and end not in ("", "..") and _key(start) > _key(end, True):
            return "the interval ends before it starts"
        return None
    return _point_problem(value)


def is_calendar_date(value: str) -> bool:
    """True for a plain, real YYYY-MM-DD date."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and _point_problem(value) is None


def _point_problem(value: str) -> str | None:
    match = _POINT.match(value)
    if not match:
        return "not a date in ISO 8601/EDTF form"
    if int(match["year"]) == 0:
        return "there is no year 0000 (the calendar goes from 1 BC to AD 1)"
    month, day = match["month"], match["day"]
    if month and month != "XX" and not 1 <= int(month) <= 12:
        return f"there is no month {month}"
    if day and day != "XX" and month and month != "XX":
        last = calendar.monthrange(int(match["year"]), int(month))[1]
        if not 1 <= int(day) <= last:
            return f"{MONTHS[int(month) - 1]} {match['year']} has no day {day}"
    if match["hour"] is not None:
        if int(match["hour"]) > 23 or int(match["minute"]) > 59 or int(match["second"] or 0) > 59:
            return "there is no such time of day"
        if match["qualifier"]:
            return "EDTF allows no qualifier on a date with a time; put the doubt in the note"
    return None


def _key(point: str, end: bool = False) -> str:
    """A sortable ISO string for the start (or end) of a single point."""
    match = _POINT.match(point)
    if not match:
        return point
    year, month, day = match["year"], match["month"], match["day"]
    month = month if month and month != "XX" else ("12" if end else "01")
    day = day if day and day != "XX" else ("31" if end else "01")
    time = f"T{match['hour']}:{match['minute']}" if match["hour"] else ("T23:59" if end else "T00:00")
    return f"{year}-{month}-{day}{time}"


def sort_key(value: str) -> str:
    """Where a date value sits in time: its start, for ordering a timeline."""
    start = value.split("/")[0]
    if start in ("", ".."):
        return "0000"
    return _key(start)


def html_datetime(value: str) -> str | None:
    """The value for a `<time datetime>` attribute, or None if HTML cannot express it."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?", value):
        return value
    return None


@dataclass(frozen=True)
class Point:
    """One date of a value, as its parts (None where the value does not give them)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    qualifier: str = ""  # ? uncertain, ~ approximate, % both

    @property
    def is_plain(self) -> bool:
        """A date without time or qualifier (an interval of these reads as one phrase)."""
        return self.hour is None and not self.qualifier


def parse_point(value: str) -> Point | None:
    """A single date value's parts; XX (unknown) months and days are left out."""
    match = _POINT.match(value)
    if not match:
        return None
    month = int(match["month"]) if match["month"] and match["month"] != "XX" else None
    day = int(match["day"]) if month and match["day"] and match["day"] != "XX" else None
    hour = int(match["hour"]) if match["hour"] else None
    return Point(int(match["year"]), month, day, hour, int(match["minute"]) if hour is not None
                 else None, match["qualifier"] or "")
