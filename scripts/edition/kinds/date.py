"""A date: a span of the text that names a day or a time, with its value (ISO 8601 / EDTF)."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .. import dates
from ..doc import h
from ..model.fields import EdtfDate, Id
from ..i18n import N_
from .base import Annotation, Kind


class Date(Annotation):
    """A span that names a day or a time, with its value; it may name an event of the timeline."""

    WHAT: ClassVar[str] = "a date"
    KIND: ClassVar[str] = "date"
    when: EdtfDate = Field(description="Its value: ISO 8601 or EDTF (2003-10-13T12:30, "
                                       "2003-10-06/2003-10-08, 2003-09-29~).")
    event: Id | None = Field(default=None, description="The event of the timeline it names.")


def date_label(value: str, m) -> str:
    """A date in words, as a reader reads it: '13 October 2003' (its code, 2003-10-13, is for
    programs: the element's datetime or data-when)."""
    return m.date(value)


class DateKind(Kind):
    label = N_("date")
    name, file, model, motivation, css = "date", "dates.yml", Date, "describing", "date"

    def check(self, annotation, known, problems):
        if annotation.event and annotation.event not in known.events:
            where = annotation.where
            problems.add(where.file, where.line, f"unknown event '{annotation.event}'",
                         "use an id from source/events.yml or add the event there")

    def calls_note(self, annotation):
        return False

    def html(self, span, inner, out):
        when = span.annotation.when
        machine = dates.html_datetime(when)
        label = date_label(when, out.m)
        if machine:
            return [h("time", {"class": "date", "datetime": machine, "title": label}, inner)]
        return [h("span", {"class": "date", "data-when": when, "title": label}, inner)]

    def tei(self, span, out):
        a = span.annotation
        return out.element("date", {**out.when(a.when),
                                    "corresp": f"#event-{a.event}" if a.event else ""})

    def web_bodies(self, span, out):
        a = span.annotation
        return [out.text(a.when, "describing", "zxx")] + (  # a date value, not prose
            [out.link(out.event(a.event), "linking")] if a.event else [])


KIND = DateKind()
