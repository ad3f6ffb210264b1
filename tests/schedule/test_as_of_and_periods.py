"""What is due at a date, across month and year boundaries, and what falls in a month or quarter.

The plan year is 2019. Tasks: X.1 'Quý I' (Jan–Mar), X.2 'Tháng 3-5', X.3 'Tháng 6 và tháng 12',
X.4 'Quý IV/2019', X.5 'Thường xuyên', X.6 'Hàng quý' (due in each quarter, by its last day), X.7 'Căn cứ vào
điều kiện thực tế', X.8 'Quý I/2020' (a task the text dates in the following year).
"""

import datetime as dt

import pytest

from conftest import loaded_with, task
from ntmplan.schedule.agenda import build_schedule
from ntmplan.schedule.periods import Period, parse_month, parse_quarter

TEXTS = ["Quý I", "Tháng 3-5", "Tháng 6 và tháng 12", "Quý IV/2019", "Thường xuyên", "Hàng quý",
         "Căn cứ vào điều kiện thực tế", "Quý I/2020"]
LOADED = loaded_with([task(i, text) for i, text in enumerate(TEXTS, start=1)])
ONGOING = ["X.5"]  # 'Hàng quý' (X.6) is not merely ongoing: it is due in every quarter of the plan year


def groups(result):
    return {group.key: [t.id for t in group.tasks] for group in result.groups}


def ids(*numbers):
    return [f"X.{n}" for n in numbers]


@pytest.mark.parametrize(
    "as_of, due, coming, ongoing, past",
    [
        # the month before the plan year: Quý I and the first quarter's 'Hàng quý' are due next month
        (dt.date(2018, 12, 31), [], ids(1, 6), [], []),
        (dt.date(2019, 1, 1), ids(1, 6), ids(1, 6), ONGOING, []),
        (dt.date(2019, 1, 31), ids(1, 6), ids(1, 6), ONGOING, []),
        (dt.date(2019, 2, 1), ids(1, 6), ids(1, 2, 6), ONGOING, []),
        (dt.date(2019, 3, 31), ids(1, 2, 6), ids(2, 6), ONGOING, []),
        # Quý I's last month has passed on 1 April
        (dt.date(2019, 4, 1), ids(2, 6), ids(2, 6), ONGOING, ids(1)),
        (dt.date(2019, 6, 15), ids(3, 6), ids(6), ONGOING, ids(1, 2)),
        # 'Tháng 6 và tháng 12' is not past due between its months
        (dt.date(2019, 7, 1), ids(6), ids(6), ONGOING, ids(1, 2)),
        (dt.date(2019, 11, 30), ids(4, 6), ids(3, 4, 6), ONGOING, ids(1, 2)),
        # December: next month is January of the following year, when only X.8 is due
        (dt.date(2019, 12, 1), ids(3, 4, 6), ids(8), ONGOING, ids(1, 2)),
        (dt.date(2019, 12, 31), ids(3, 4, 6), ids(8), ONGOING, ids(1, 2)),
        # after the plan year: the year's fixed tasks are past due, ongoing ones are never past due
        (dt.date(2020, 1, 1), ids(8), ids(8), [], ids(1, 2, 3, 4, 6)),
        (dt.date(2020, 4, 1), [], [], [], ids(1, 2, 3, 4, 6, 8)),
    ],
)
def test_due_this_month_next_month_ongoing_and_past_due(as_of, due, coming, ongoing, past):
    result = build_schedule(LOADED, as_of=as_of)
    assert groups(result) == {
        "due-this-month": due,
        "due-next-month": coming,
        "ongoing": ongoing,
        "past-due": past,
        "no-fixed-time": ["X.7"],
    }
    assert result.not_shown == len(TEXTS) - len({*due, *coming, *ongoing, *past, "X.7"})


@pytest.mark.parametrize(
    "asked, due_by",
    [
        ({"as_of": dt.date(2019, 4, 1)}, dt.date(2019, 6, 30)),
        ({"as_of": dt.date(2019, 6, 30)}, dt.date(2019, 6, 30)),
        ({"as_of": dt.date(2019, 7, 1)}, dt.date(2019, 9, 30)),
        ({"as_of": dt.date(2018, 12, 20)}, dt.date(2019, 3, 31)),  # next month opens the plan year
        ({"as_of": dt.date(2020, 2, 1)}, None),
        ({"period": parse_month("2019-05")}, dt.date(2019, 6, 30)),
        ({"period": parse_quarter("2019-Q4")}, dt.date(2019, 12, 31)),
    ],
)
def test_a_quarterly_task_is_due_by_the_last_day_of_the_quarter(asked, due_by):
    result = build_schedule(LOADED, **asked)
    assert next(t for t in result.candidates if t.id == "X.6").due_by == due_by


def test_a_quarterly_task_has_the_four_quarter_ends_as_deadlines():
    [row] = [t for t in build_schedule(LOADED).tasks if t.id == "X.6"]
    assert (row.kind, row.quarters, row.year) == ("every-quarter", [1, 2, 3, 4], 2019)
    assert row.deadlines() == [dt.date(2019, 3, 31), dt.date(2019, 6, 30), dt.date(2019, 9, 30),
                               dt.date(2019, 12, 31)]
    assert row.to_dict()["deadlines"] == ["2019-03-31", "2019-06-30", "2019-09-30", "2019-12-31"]


def test_the_months_of_the_groups_cross_the_year_boundary():
    result = build_schedule(LOADED, as_of=dt.date(2019, 12, 20))
    assert [(g.key, g.month) for g in result.groups[:2]] == [("due-this-month", (2019, 12)), ("due-next-month", (2020, 1))]


def test_each_task_carries_its_status_at_the_date():
    result = build_schedule(LOADED, as_of=dt.date(2019, 4, 10))
    assert {t.id: t.status for t in result.tasks} == {
        "X.1": "past-due", "X.2": "due-this-month", "X.5": "ongoing", "X.6": "due-this-month", "X.7": "no-fixed-time",
    }


@pytest.mark.parametrize(
    "period, selected, ongoing",
    [
        (parse_month("2019-03"), ids(1, 2, 6), ONGOING),
        (parse_month("2019-6"), ids(3, 6), ONGOING),
        (parse_quarter("2019-Q2"), ids(2, 3, 6), ONGOING),
        (parse_quarter("2019q4"), ids(3, 4, 6), ONGOING),
        (parse_quarter("2020-Q1"), ids(8), []),  # outside the plan year nothing is ongoing
        (parse_month("2018-12"), [], []),
    ],
)
def test_a_month_or_a_quarter_selects_its_tasks(period, selected, ongoing):
    result = build_schedule(LOADED, period=period)
    assert groups(result) == {"in-period": selected, "ongoing": ongoing, "no-fixed-time": ["X.7"]}


@pytest.mark.parametrize(
    "text, period",
    [
        ("2019-06", Period((2019, 6), (2019, 6), "2019-06", "month")),
        ("2019-Q3", Period((2019, 7), (2019, 9), "2019-Q3", "quarter")),
    ],
)
def test_periods_are_read_from_what_the_user_types(text, period):
    assert (parse_quarter if "Q" in text else parse_month)(text) == period


@pytest.mark.parametrize("text", ["2019-13", "2019/06", "06-2019", "2019-00"])
def test_not_a_month(text):
    with pytest.raises(ValueError, match="expected YYYY-MM"):
        parse_month(text)


@pytest.mark.parametrize("text", ["2019-Q5", "2019-Q0", "Q2-2019", "2019-II"])
def test_not_a_quarter(text):
    with pytest.raises(ValueError, match="expected YYYY-QN"):
        parse_quarter(text)


def test_without_a_date_the_schedule_is_grouped_by_section():
    result = build_schedule(LOADED)
    assert [(g.key, g.section, len(g.tasks)) for g in result.groups] == [("section", "X", 8)]
    assert result.mode == "all" and result.not_shown == 0
