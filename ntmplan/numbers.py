"""Numbers and dates the way the reader writes them: '3.002,8 tỷ đồng' or '3,002.8 billion VND'.

Vietnamese groups thousands with '.' and marks decimals with ','; a finance
officer who reads '3,002.8' in a table of the province's own plan has to
translate it in her head. The marks, the patterns and the month names are those
of the CLDR locales vi_VN and en_US, written out here (the test compares them with
Babel's) so that printing a figure loads no locale data.

Reading numbers typed by people is the other direction: ``read_number`` takes
'652,8', '1.800', '3.002,8' or '3,002.8' and says which convention it assumed,
so that a reader can refuse to guess when a value such as '1.800' is ambiguous.

"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ntmplan.figures import show
from ntmplan.i18n import N_, Lang, current, translate
from ntmplan.model.labels import unit_text as unit_label  # 'tỷ đồng': the views' unit

MARKS = {Lang.vi: (".", ","), Lang.en: (",", ".")}  # (thousands, decimal), as CLDR has them
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def number(value: float, lang: Lang, places: int = 0, sign: bool = False) -> str:
    """``value`` with exactly ``places`` decimals in the language's grouping: 3.002,8 / 3,002.8.

    Rounded half to even from the value's shortest decimal form, as CLDR's '#,##0.0' does.
    """
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = abs(exact).normalize().quantize(Decimal(1).scaleb(-places))
    whole, _point, fraction = f"{rounded:f}".partition(".")
    group, mark = MARKS[lang]
    grouped = f"{int(whole):,}".replace(",", group)
    text = grouped + (mark + fraction if places > 0 else "")
    return ("-" if exact.is_signed() else "+" if sign else "") + text


def percent(value: float, lang: Lang, places: int = 1, sign: bool = False) -> str:
    """A share as the source writes it: '21,7%' (Vietnamese) or '21.7%'."""
    return number(value, lang, places, sign) + "%"


def amount(value: float, lang: Lang, places: int, unit: str) -> str:
    """'3.002,8 tỷ đồng' or '3,002.8 billion VND'."""
    return f"{number(value, lang, places)} {unit_label(unit, lang)}"


def month_name(year: int, month: int, lang: Lang) -> str:
    """'tháng 6/2019' (as Vietnamese documents write it) or 'June 2019' (CLDR)."""
    if lang is Lang.vi:
        return f"tháng {month}/{year}"
    return f"{MONTHS[month - 1]} {year}"


def num(value: float | int | Decimal, places: int = 2, lang: Lang | None = None) -> str:
    """A figure for a message: at most ``places`` decimals, no trailing zeros, the language's marks.

    '29,5' and '1.800' in Vietnamese, '29.5' and '1,800' in English.
    """
    text = show(value, places)
    shown = len(text.split(".", 1)[1]) if "." in text else 0
    return number(float(text), lang or current(), shown)


def range_text(low: float, high: float | None, lang: Lang | None = None, places: int = 2) -> str:
    """A target range as people write it: '14' (equal ends), '9,5-10', or an open one: 'từ 10 trở lên' / '≥ 10'."""
    lang = lang or current()
    if high is None:
        return translate(N_("≥ {low}"), lang).format(low=num(low, places, lang))
    if low == high:
        return num(low, places, lang)
    return f"{num(low, places, lang)}-{num(high, places, lang)}"


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"(?<![\w.,])\d+\.\d+(?![\w.,])")
_COMPARISONS = {"<=": "≤", ">=": "≥"}


def figure_text(value: object, lang: Lang | None = None, places: int = 4) -> str:
    """An expected or found figure for people: '10,24-10,95', '≤ 22/02/2019' in Vietnamese.

    Rules give these fields as plain values (a number, or text such as
    '10.24-10.95' or '<= 2019-02-22'), which JSON and SARIF keep as they are;
    the views write the numbers and dates inside them the reader's way.
    """
    lang = lang or current()
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return num(value, places, lang)
    text = str(value)
    for ascii_sign, sign in _COMPARISONS.items():
        text = text.replace(ascii_sign, sign)
    text = _ISO_DAY.sub(lambda m: _day_text(m, lang), text)
    return _DECIMAL.sub(lambda m: num(Decimal(m[0]), places, lang), text)


def _day_text(found: re.Match, lang: Lang) -> str:
    """A date found in a figure, written the reader's way; text that only looks like one ('2019-02-30',
    as an input may hold) stays as it is."""
    try:
        return date_text(dt.date(int(found[1]), int(found[2]), int(found[3])), lang)
    except ValueError:
        return found[0]


def day(value: dt.date) -> str:
    """A date in the current language: '22/02/2019' or '2019-02-22'."""
    return date_text(value, current())


def date_text(day: dt.date, lang: Lang) -> str:
    """'15/06/2019' in Vietnamese, '2019-06-15' (ISO 8601, unambiguous to every reader) in English."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if lang is Lang.vi else day.isoformat()


# --- reading numbers typed by people -------------------------------------------------

COMMA, POINT = "comma", "point"

_SPACE_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*$")
_ONE_MARK = re.compile(r"^[+-]?\d+(?P<mark>[.,])\d+$")
_BOTH = re.compile(r"^[+-]?\d{1,3}(?P<group>[.,])\d{3}(?:(?P=group)\d{3})*(?P<mark>[.,])\d+$")


@dataclass(frozen=True)
class ReadNumber:
    """A number read from text, and the decimal mark the text proves (None: it proves none)."""

    value: float
    decimal_mark: str | None
    ambiguous: bool = False


def read_number(text: str, decimal_mark: str | None = None) -> ReadNumber | None:
    """Read '652,8', '1.800', '3.002,8', '3,002.8', '1 800' or '45'; ``None`` if it is no number.

    The decimal mark a value proves is returned with it: '652,8' proves a comma,
    '1.234.567' (only grouping) proves a comma too, '45' proves nothing.

    A value with one separator followed by exactly three digits ('1.800', '1,800')
    is ambiguous: it is read with ``decimal_mark`` (a thousands separator otherwise
    being the other mark) and flagged, so that the caller can say which reading it
    chose. Without ``decimal_mark`` such a value is read as grouped thousands, the
    way the plan itself writes '1.800 tỷ đồng'.
    """
    plain = text.strip()
    if _SPACE_GROUPED.match(plain):  # '1 800' or '1 800,5': spaces group thousands
        plain = re.sub(r"[ \u00a0\u202f]", "", plain)
    if not plain:
        return None
    if _PLAIN.match(plain):
        return ReadNumber(float(plain), None)
    both = _BOTH.match(plain)
    if both and both["group"] != both["mark"]:
        mark = COMMA if both["mark"] == "," else POINT
        return ReadNumber(float(plain.replace(both["group"], "").replace(",", ".")), mark)
    grouped = _GROUPED.match(plain)
    if grouped:
        sep = grouped["sep"]
        mark = COMMA if sep == "," else POINT
        if plain.count(sep) > 1:  # '1.234.567' can only be grouping
            return ReadNumber(float(plain.replace(sep, "")), POINT if mark == COMMA else COMMA)
        if plain.lstrip("+-").startswith("0"):  # '0,800' can only be a decimal
            return ReadNumber(float(plain.replace(",", ".")), mark)
        as_decimal = (decimal_mark == COMMA and sep == ",") or (decimal_mark == POINT and sep == ".")
        value = float(plain.replace(",", ".")) if as_decimal else float(plain.replace(sep, ""))
        return ReadNumber(value, None, ambiguous=True)
    one = _ONE_MARK.match(plain)
    if one:
        mark = COMMA if one["mark"] == "," else POINT
        return ReadNumber(float(plain.replace(",", ".")), mark)
    return None


def _runs(values: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for value in sorted(set(values)):
        if runs and value == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def month_list(year: int | None, months: list[int], lang: Lang) -> str:
    """Months of one year, runs joined: 'tháng 3–7, 11/2019' or 'Mar–Jul, Nov 2019' (no year if None)."""
    if lang is Lang.vi:
        parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in _runs(months)]
        return f"tháng {', '.join(parts)}" + (f"/{year}" if year else "")
    names = [name[:3] for name in MONTHS]
    parts = [names[a - 1] if a == b else f"{names[a - 1]}–{names[b - 1]}" for a, b in _runs(months)]
    return ", ".join(parts) + (f" {year}" if year else "")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_list(year: int, quarters: list[int], lang: Lang) -> str:
    """'quý II, III/2019' or 'Q2, Q3 2019'."""
    if lang is Lang.vi:
        return f"quý {', '.join(ROMAN[q] for q in sorted(quarters))}/{year}"
    return f"{', '.join(f'Q{q}' for q in sorted(quarters))} {year}"
