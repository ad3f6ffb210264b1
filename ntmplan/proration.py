"""How much of the plan year has passed: the basis of every pro-rated target."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal


def year_fraction(year: int, as_of: dt.date | None) -> Decimal:
    """Share of ``year`` elapsed at the end of ``as_of``: 0 before the year, 1 after it or without a date."""
    if as_of is None or as_of.year > year:
        return Decimal(1)
    if as_of.year < year:
        return Decimal(0)
    days = 366 if calendar.isleap(year) else 365
    return Decimal(as_of.timetuple().tm_yday) / Decimal(days)
