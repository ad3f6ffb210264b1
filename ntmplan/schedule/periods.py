"""Calendar months and the periods a reader asks about: '2019-06', '2019-Q2', the month of a date.

Months are compared as (year, month) pairs, so December 2019 is followed by
January 2020 and a task of 2019 is never 'due' in 2020.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ntmplan.i18n import _

Month = tuple[int, int]

_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$")
_QUARTER = re.compile(r"^(?P<year>\d{4})-?Q(?P<quarter>[1-4])$", re.IGNORECASE)


def month_of(day: dt.date) -> Month:
    return day.year, day.month


def next_month(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of a quarter: 31/03, 30/06, 30/09 or 31/12."""
    after = next_month((year, 3 * quarter))
    return dt.date(*after, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """An inclusive run of calendar months with the label the reader typed."""

    first: Month
    last: Month
    label: str
    kind: str  # "month" or "quarter"

    def months(self) -> list[Month]:
        months, current = [], self.first
        while current <= self.last:
            months.append(current)
            current = next_month(current)
        return months

    def contains(self, month: Month) -> bool:
        return self.first <= month <= self.last


def parse_month(text: str) -> Period:
    """'2019-06' -> June 2019; ``ValueError`` with the expected form otherwise."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found["month"]) <= 12:
        raise ValueError(_("'{text}' is not a month; expected YYYY-MM such as 2019-06").format(text=text))
    month = (int(found["year"]), int(found["month"]))
    return Period(month, month, f"{month[0]}-{month[1]:02d}", "month")


def parse_quarter(text: str) -> Period:
    """'2019-Q2' -> April to June 2019; ``ValueError`` with the expected form otherwise."""
    found = _QUARTER.match(text.strip())
    if not found:
        raise ValueError(_("'{text}' is not a quarter; expected YYYY-QN such as 2019-Q2").format(text=text))
    year, quarter = int(found["year"]), int(found["quarter"])
    return Period((year, 3 * quarter - 2), (year, 3 * quarter), f"{year}-Q{quarter}", "quarter")
