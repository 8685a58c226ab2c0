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
import re
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import Any, Mapping

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
        return self._filled(self.translations.gettext(message), values)

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self.translations.ngettext(singular, plural, count)
        return self._filled(text, {"count": self.number(count), **values})

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        return self._filled(self.translations.pgettext(context, message), values)

    def _filled(self, text: str, values: dict[str, object]) -> str:
        if not values:
            return text
        if self.language == "es":
            text, values = contracted(text, values)
        return text.format(**values)

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

    def _open_ended(self, value: str, onwards: bool) -> str:
        """'29 September 2003 onwards', 'until 2004': a day has messages of its own, as
        Spanish puts the article before a day ('desde el 29 de septiembre de 2003') and
        none before a month or a year ('hasta 2004')."""
        point, text = dates.parse_point(value), self.date(value)
        if point is not None and point.day is not None:
            return self._("{day} onwards", day=text) if onwards else self._("until {day}", day=text)
        return self._("{date} onwards", date=text) if onwards else self._("until {date}", date=text)

    def _interval(self, start: str, end: str) -> str:
        open_start, open_end = start in ("", ".."), end in ("", "..")
        if open_start:
            return self._open_ended(end, onwards=False) if not open_end else \
                self._("at an unknown time")
        if open_end:
            return self._open_ended(start, onwards=True)
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


# Spanish joins "de" and "a" with the article "el" that opens a value filled in after them:
# "consigna del movimiento", never "consigna de el movimiento" ("de El Alto", a name, stays).
_BEFORE_A_VALUE = re.compile(r"\b(de|De|a|A) \{(\w+)\}")
_JOINED = {"de": "del", "De": "Del", "a": "al", "A": "Al"}


def contracted(message: str, values: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The message and its values with "de el" and "a el" joined; a value is a str, or a record
    whose `text` is what the reader reads (wording's parts)."""
    values = dict(values)

    def join(match: re.Match) -> str:
        word, key = match[1], match[2]
        value = values.get(key)
        text = value if isinstance(value, str) else getattr(value, "text", None)
        if not (isinstance(text, str) and text.startswith("el ")):
            return match[0]
        rest = text[len("el "):]
        values[f"{key}_after_el"] = rest if isinstance(value, str) else replace(value, text=rest)
        return f"{_JOINED[word]} {{{key}_after_el}}"
    return _BEFORE_A_VALUE.sub(join, message), values


__all__ = ["BABEL_LOCALES", "LANGUAGES", "Messages", "N_", "catalogue_path", "contracted",
           "messages"]
