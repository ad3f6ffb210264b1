"""Read the schedule's Vietnamese timing expressions ('Quý II, III', 'Tháng 3-7').

The plan file stores each task's timing twice: verbatim and normalised. This
parser is how a rule checks that the two agree, and how an editor can see what
a new expression means. It understands the forms of the 2019 appendix; anything
else is reported as not understood rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ntmplan.model.plan import TimingKind
from ntmplan.text import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class ParsedTiming:
    kind: TimingKind
    months: tuple[int, ...] = ()
    quarters: tuple[int, ...] = ()
    year: int | None = None


_FIXED = {
    "thuong xuyen": TimingKind.ONGOING,
    "hang quy": TimingKind.EVERY_QUARTER,
    "dinh ky va dot xuat": TimingKind.PERIODIC_AND_AD_HOC,
    "dinh ky, dot xuat": TimingKind.PERIODIC_AND_AD_HOC,
    "can cu vao dieu kien thuc te": TimingKind.ON_CONDITION,
    "theo dieu kien thuc te": TimingKind.ON_CONDITION,
}

_YEAR = re.compile(r"^(?P<body>.*?)\s*/\s*(?P<year>\d{4})$")
_QUARTERS = re.compile(r"^quy (?P<list>[ivx]+(?:\s*(?:,|va)\s*(?:quy )?[ivx]+)*)$")
_MONTHS = re.compile(r"^thang (?P<list>\d{1,2}(?:\s*(?:,|-|va)\s*(?:thang )?\d{1,2})*)$")


def parse_timing(text: str) -> ParsedTiming | None:
    """The normalised timing of ``text``, or ``None`` when it is not understood."""
    plain = fold(text).strip(" .;")
    if plain in _FIXED:
        return ParsedTiming(_FIXED[plain])
    year = None
    with_year = _YEAR.match(plain)
    if with_year:
        plain, year = with_year["body"], int(with_year["year"])
    quarters = _QUARTERS.match(plain)
    if quarters:
        numbers = [ROMAN.get(part) for part in re.split(r"\s*(?:,|va)\s*(?:quy )?", quarters["list"])]
        if None in numbers:
            return None
        return ParsedTiming(TimingKind.QUARTERS, quarters=tuple(sorted(set(numbers))), year=year)
    months = _MONTHS.match(plain)
    if months:
        return _months(months["list"], year)
    return None


def _months(listing: str, year: int | None) -> ParsedTiming | None:
    chosen: set[int] = set()
    for part in re.split(r"\s*(?:,|va)\s*(?:thang )?", listing):
        if "-" in part:
            first, last = (int(x) for x in part.split("-"))
            if first > last:
                return None
            chosen.update(range(first, last + 1))
        else:
            chosen.add(int(part))
    if not all(1 <= month <= 12 for month in chosen):
        return None
    return ParsedTiming(TimingKind.MONTHS, months=tuple(sorted(chosen)), year=year)


def months_of_quarters(quarters: tuple[int, ...] | list[int]) -> tuple[int, ...]:
    """Calendar months covered by the given quarters."""
    return tuple(month for quarter in sorted(quarters) for month in range(3 * quarter - 2, 3 * quarter + 1))
