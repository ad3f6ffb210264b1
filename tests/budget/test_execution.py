"""Planned against actual: the elapsed share of the year, and behind / on track / over plan at its edges."""

import datetime as dt
from decimal import Decimal

import pytest

from ntmplan.budget.actuals import parse_actuals
from ntmplan.budget.execution import execute
from ntmplan.proration import year_fraction
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import ACTUALS, ActualsContext
from ntmplan.rules.settings import Settings
from planfactory import clean_plan, load

PLAN = load(clean_plan()).plan  # 2019: direct 60.0 (central 45.0, local 15.0), credit 40.0; total 100.0


@pytest.mark.parametrize(
    "year, day, fraction",
    [
        (2019, dt.date(2018, 12, 31), Decimal(0)),
        (2019, dt.date(2019, 1, 1), Decimal(1) / 365),
        (2019, dt.date(2019, 6, 30), Decimal(181) / 365),
        (2019, dt.date(2019, 12, 31), Decimal(1)),
        (2019, dt.date(2020, 1, 1), Decimal(1)),
        (2020, dt.date(2020, 2, 29), Decimal(60) / 366),  # a leap year has 366 days
    ],
)
def test_elapsed_share_of_the_plan_year(year, day, fraction):
    assert year_fraction(year, day) == fraction


def run(text, as_of):
    table = parse_actuals("a.csv", text, PLAN)
    execution = execute(PLAN, table, as_of)
    return execution, run_scope(ACTUALS, ActualsContext(PLAN, table, execution), Settings()).findings


# At 2019-06-30, 181/365 of the year has passed: credit is due 40 × 181/365 = 19.8356...
@pytest.mark.parametrize(
    "credit, as_of, status, code",
    [
        ("19,8", dt.date(2019, 6, 30), "behind", "AC10"),
        ("19,84", dt.date(2019, 6, 30), "on-track", None),
        ("40", dt.date(2019, 12, 31), "on-track", None),  # exactly the plan at year end
        ("39,9", dt.date(2019, 12, 31), "behind", "AC10"),
        ("40,1", dt.date(2019, 3, 1), "over-plan", "AC09"),
        ("0", dt.date(2018, 12, 31), "on-track", None),  # before the plan year nothing is due
        ("12", None, "reported", None),  # without a date, only over-plan can be judged
        ("41", None, "over-plan", "AC09"),
    ],
)
def test_credit_against_its_pro_rated_amount(credit, as_of, status, code):
    execution, findings = run(f"source;amount\ncredit;{credit}\ncentral;45\nlocal;15\n", as_of)
    credit_row = execution.sources[1]
    assert credit_row.status == status
    assert [f.code for f in findings if f.location.line == 2] == ([code] if code else [])


def test_rates_and_expected_amounts_per_source_and_overall():
    execution, findings = run("source;amount\ncentral;30\nlocal;4,5\ncredit;20\n", dt.date(2019, 6, 30))
    direct, credit = execution.sources
    central, local = direct.children
    assert [(s.key, s.actual, s.rate, s.expected, s.status) for s in (direct, central, local, credit)] == [
        ("direct", 34.5, 57.5, 29.753425, "on-track"),
        ("central", 30.0, 66.67, 22.315068, "on-track"),
        ("local", 4.5, 30.0, 7.438356, "behind"),
        ("credit", 20.0, 50.0, 19.835616, "on-track"),
    ]
    assert (execution.planned, execution.actual, execution.rate, execution.fraction, execution.status) == (
        100.0, 54.5, 54.5, 0.4959, "on-track"
    )
    [behind] = [f for f in findings if f.code == "AC10"]
    assert (behind.location.line, behind.expected, behind.actual) == (3, 7.438356, 4.5)


def test_actual_per_district_in_order_of_first_appearance():
    execution, _ = run("source;district;amount\ncentral;Chi Lăng;10\ncredit;;5\ncentral;Cao Lộc;3\nlocal;Chi Lăng;2\n",
                       None)
    assert [(d.district, d.actual, d.share, d.by_source) for d in execution.districts] == [
        ("Chi Lăng", 12.0, 60.0, {"central": 10.0, "local": 2.0}),
        (None, 5.0, 25.0, {"credit": 5.0}),
        ("Cao Lộc", 3.0, 15.0, {"central": 3.0}),
    ]


def test_no_district_column_no_district_table():
    execution, _ = run("source;amount\ncredit;5\n", None)
    assert execution.districts == []
