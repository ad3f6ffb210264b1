"""Our own number and date formatting writes exactly what Babel's CLDR data would, in both languages.

``ntmplan.numbers`` formats without Babel so that printing a figure loads no locale
data; Babel (a test and catalogue dependency) is the reference it is held to.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from babel.dates import format_date, format_skeleton, get_month_names
from babel.numbers import format_decimal

from ntmplan import numbers
from ntmplan.i18n import Lang

LOCALES = {Lang.vi: "vi_VN", Lang.en: "en_US"}
EDGES = [0, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.045, 1.005, 2.675, 999.95, 1000, 1234567.891, -1234.5, 3002.8,
         43.47826086956522, 1e-7, 12345678901.25, 207, Decimal("10.25"), Decimal("-0.005")]


def babel_number(value, lang: Lang, places: int, sign: bool) -> str:
    body = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(value, format=f"+{body};-{body}" if sign else body, locale=LOCALES[lang],
                          decimal_quantization=True)


@pytest.mark.parametrize("lang", list(Lang))
def test_numbers_are_written_as_cldr_writes_them(lang):
    draw = random.Random(46)
    values = EDGES + [round(draw.uniform(-1e6, 1e6), draw.randrange(6)) for _ in range(400)] + \
        [draw.randrange(-10**9, 10**9) for _ in range(100)]
    for value in values:
        for places in range(4):
            for sign in (False, True):
                assert numbers.number(value, lang, places, sign) == babel_number(value, lang, places, sign), (
                    value, places, sign)


@pytest.mark.parametrize("lang", list(Lang))
def test_dates_and_months_are_written_as_cldr_writes_them(lang):
    pattern = "dd/MM/yyyy" if lang is Lang.vi else "yyyy-MM-dd"
    for day in (dt.date(2019, 2, 22), dt.date(2019, 12, 31), dt.date(999, 1, 5)):
        assert numbers.date_text(day, lang) == format_date(day, pattern, locale=LOCALES[lang])
    names = get_month_names("abbreviated", locale="en_US")
    for month in range(1, 13):
        assert numbers.month_name(2019, month, Lang.en) == format_skeleton("yMMMM", dt.date(2019, month, 1),
                                                                           locale="en_US")
        assert numbers.month_list(2019, [month], Lang.en) == f"{names[month]} 2019"
