"""Numbers as users write them, both ways: formatting for the reader, reading what people typed."""

import datetime as dt

import pytest

from ntmplan.i18n import Lang, lang_from_locale
from ntmplan.numbers import COMMA, POINT, amount, date_text, month_list, number, percent, quarter_list, read_number

VI, EN = Lang.vi, Lang.en


@pytest.mark.parametrize(
    "value, places, vi, en",
    [
        (3002.8, 1, "3.002,8", "3,002.8"),
        (1800, 0, "1.800", "1,800"),
        (652.8, 1, "652,8", "652.8"),
        (5, 0, "5", "5"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (0.04999, 2, "0,05", "0.05"),
    ],
)
def test_numbers_in_each_language(value, places, vi, en):
    assert (number(value, VI, places), number(value, EN, places)) == (vi, en)


def test_amounts_shares_and_signed_differences():
    assert amount(3002.8, VI, 1, "billion-vnd") == "3.002,8 tỷ đồng"
    assert amount(3002.8, EN, 1, "billion-vnd") == "3,002.8 billion VND"
    assert (percent(21.7, VI), percent(21.7, EN)) == ("21,7%", "21.7%")
    assert (number(-0.04, VI, 2, sign=True), number(0.012, EN, 3, sign=True)) == ("-0,04", "+0.012")


def test_dates_and_months():
    day = dt.date(2019, 6, 5)
    assert (date_text(day, VI), date_text(day, EN)) == ("05/06/2019", "2019-06-05")
    assert month_list(2019, [3, 4, 5, 6, 7, 11], VI) == "tháng 3–7, 11/2019"
    assert month_list(2019, [5, 7, 8, 9], EN) == "May, Jul–Sep 2019"
    assert month_list(None, [4, 5, 6], EN) == "Apr–Jun"
    assert (quarter_list(2019, [3, 2], VI), quarter_list(2019, [2, 3], EN)) == ("quý II, III/2019", "Q2, Q3 2019")


@pytest.mark.parametrize(
    "environ, lang",
    [
        ({"LANG": "vi_VN.UTF-8"}, VI),
        ({"LANG": "en_GB.UTF-8"}, EN),
        ({"LC_ALL": "vi_VN", "LANG": "en_US"}, VI),  # LC_ALL wins
        ({"LC_ALL": "", "LC_MESSAGES": "en_US", "LANG": "vi_VN"}, EN),  # the first non-empty one decides
        ({"LANG": "C"}, EN),
        ({}, EN),
    ],
)
def test_language_from_the_locale(environ, lang):
    assert lang_from_locale(environ) is lang


@pytest.mark.parametrize(
    "text, decimal_mark, value, proves, ambiguous",
    [
        ("652,8", None, 652.8, COMMA, False),
        ("652.8", None, 652.8, POINT, False),
        ("3.002,8", None, 3002.8, COMMA, False),
        ("3,002.8", None, 3002.8, POINT, False),
        ("1.234.567", None, 1234567, COMMA, False),  # several dots can only group thousands
        ("0,800", None, 0.8, COMMA, False),  # a leading zero is no thousands group
        ("45", None, 45, None, False),
        ("05", None, 5, None, False),  # as the source writes '05 tỷ'
        ("1 800", None, 1800, None, False),
        ("1\u00a0800,5", None, 1800.5, COMMA, False),
        ("1.800", None, 1800, None, True),  # grouped, as the plan writes it
        ("1.800", POINT, 1.8, None, True),
        ("1,800", COMMA, 1.8, None, True),
        ("1,800", POINT, 1800, None, True),
        (" 12 ", None, 12, None, False),
    ],
)
def test_reading_numbers_people_typed(text, decimal_mark, value, proves, ambiguous):
    read = read_number(text, decimal_mark)
    assert (read.value, read.decimal_mark, read.ambiguous) == (pytest.approx(value), proves, ambiguous)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12.5.6", "1 8", "652,8 tỷ", "(45)", "1.80.0"])
def test_what_is_not_a_number(text):
    assert read_number(text) is None
