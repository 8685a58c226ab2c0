"""The message catalogue: every word a reader sees that the edition itself writes, by language.

The messages are gettext catalogues (`locale/LANG/LC_MESSAGES/edition.po`, read with Babel),
their ids the English wording; `pybabel extract` finds them in the code (see
`scripts/edition/i18n/README.md`). Dates and numbers are written with Babel's locale data.
A page is written in one language; its `Messages` object gives it that language's words.
"""
from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from .. import dates

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "edition"
LANGUAGES = ("en", "es")  # English first: the edition's own language
# The CLDR locale each language's dates and numbers follow: British English, as the edition
# spells; Spanish in its general form.
BABEL_LOCALES = {"en": "en_GB", "es": "es"}


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; it is translated where it is used."""
    return message


@functools.cache
def messages(language: str) -> "Messages":
    return Messages(language, _translations(language))


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _translations(language: str) -> gettext.NullTranslations:
    path = catalogue_path(language)
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@dataclass(frozen=True, eq=False)
class Messages:
    """One language's words: `_` (a message, its {placeholders} filled), `ngettext`, `pgettext`,
    and dates and numbers as that language writes them."""

    language: str
    translations: gettext.NullTranslations

    @property
    def locale(self) -> Locale:
        return Locale.parse(BABEL_LOCALES.get(self.language, self.language))

    def _(self, message: str, /, **values: object) -> str:
        """The message in this language (also one marked N_ where it is defined), its
        {placeholders} filled with `values`."""
        text = self.translations.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self.translations.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        text = self.translations.pgettext(context, message)
        return text.format(**values) if values else text

    def quoted(self, text: str) -> str:
        """Words quoted as the language quotes them: “…” in English, «…» in Spanish."""
        return self._("“{text}”", text=text)

    def language_name(self, code: str) -> str:
        """A language's name in this language: 'Spanish', 'español'."""
        return Locale.parse(code).get_language_name(self.locale)

    # --- numbers and dates --------------------------------------------------------------

    def number(self, value: float, places: int | None = None) -> str:
        """48, 2,000, 66.7 (English); 48, 2.000, 66,7 (Spanish); with `places`, that many
        decimal places always (-16.5000)."""
        if places is None:
            return format_decimal(value, locale=self.locale)
        return format_decimal(value, format="#,##0." + "0" * places, locale=self.locale)

    def date(self, value: str) -> str:
        """A date value (ISO 8601 or EDTF) in words: '13 October 2003, 12:30',
        '12–13 February 2003', '13 de octubre de 2003'."""
        if value == "n.d.":
            return self._("n.d.")
        if "/" in value:
            return self._interval(*value.split("/"))
        point = dates.parse_point(value)
        if point is None:
            return value
        text = self._point(point)
        if point.hour is not None:
            text = self._("{date}, {time}", date=text, time=format_time(
                time(point.hour, point.minute), "HH:mm", locale=self.locale))
        qualifier = {"?": self._("{date} (uncertain)", date=text),
                     "~": self._("{date} (approximate)", date=text),
                     "%": self._("{date} (uncertain, approximate)", date=text)}
        return qualifier.get(point.qualifier, text)

    def _point(self, point: dates.Point) -> str:
        if point.month is None:
            return str(point.year)
        if point.day is None:
            return format_skeleton("yMMMM", date(point.year, point.month, 1), locale=self.locale)
        return format_date(date(point.year, point.month, point.day), "long", locale=self.locale)

    def _interval(self, start: str, end: str) -> str:
        open_start, open_end = start in ("", ".."), end in ("", "..")
        if open_start:
            return self._("until {date}", date=self.date(end)) if not open_end else \
                self._("at an unknown time")
        if open_end:
            return self._("{date} onwards", date=self.date(start))
        first, last = dates.parse_point(start), dates.parse_point(end)
        plain = first and last and first.is_plain and last.is_plain
        if plain and first.year == last.year and first.month and last.month:
            if first.day and last.day and first.month == last.month:
                return self._("{first}–{last}", first=first.day, last=self._point(last))
            if first.day and last.day:
                return self._("{first} – {last}", first=format_skeleton(
                    "MMMMd", date(first.year, first.month, first.day), locale=self.locale),
                    last=self._point(last))
            if not first.day and not last.day:
                return self._("{first}–{last}", first=format_date(
                    date(first.year, first.month, 1), "LLLL", locale=self.locale),
                    last=self._point(last))
        return self._("{start} to {end}", start=self.date(start), end=self.date(end))


__all__ = ["BABEL_LOCALES", "LANGUAGES", "Messages", "N_", "catalogue_path", "messages"]
