"""Every figure of ``check`` on ten hand-made communes (see handmade.py) and the clean test plan."""

import datetime as dt

import pytest

from handmade import communes
from ntmplan.check.coverage import count_round
from ntmplan.check.evaluate import evaluate
from ntmplan.proration import year_fraction
from planfactory import clean_plan, load, patched

GROUPS = [
    {"key": "pilot", "name": {"vi": "Xã điểm ĐBKK", "en": "pilot"}, "members": "special-difficulty-pilot",
     "communes": 1, "measure": "criteria-met", "aggregate": "average",
     "target": {"min": 14, "max": 14, "comparison": "at-least"}, "by_year": 2019},
    {"key": "border", "name": {"vi": "Xã biên giới", "en": "border"}, "members": "border", "communes": 3,
     "measure": "criteria-met", "aggregate": "average", "target": {"min": 9.5, "max": 10, "comparison": "at-least"},
     "by_year": 2019},
    {"key": "advanced", "name": {"vi": "Nâng cao", "en": "advanced"}, "members": "standard",
     "measure": "advanced-criteria-met", "aggregate": "average",
     "target": {"min": 5, "max": 5.5, "comparison": "at-least"}, "by_year": 2019},
    {"key": "model-areas", "name": {"vi": "KDC kiểu mẫu", "en": "model areas"}, "members": "standard",
     "measure": "model-residential-areas", "aggregate": "each",
     "target": {"min": 1, "max": 2, "comparison": "at-least"}, "by_year": 2019},
    {"key": "later", "name": {"vi": "ĐBKK 2020", "en": "by 2020"}, "members": "special-difficulty",
     "measure": "criteria-met", "aggregate": "each", "target": {"min": 12, "max": 19, "comparison": "at-least"},
     "by_year": 2020},
]


@pytest.fixture(scope="module")
def plan():
    return load(patched(clean_plan(), {"headline.groups": GROUPS})).plan


def judge(plan, frame=None, **options):
    return evaluate(plan, count_round(plan, communes() if frame is None else frame, sources=["data.csv"]),
                    "plan.yaml", **options)


@pytest.fixture(scope="module")
def year_end(plan):
    return judge(plan)


@pytest.fixture(scope="module")
def june(plan):
    return judge(plan, as_of=dt.date(2019, 6, 30), basis_name="pro-rata")


def test_criteria_at_year_end(year_end):
    rows = [(c.number, c.actual, c.target, c.gap, c.status) for c in year_end.criteria]
    assert rows[:5] == [(1, 3, 6, 3, "behind"), (2, 4, 6, 2, "behind"), (3, 5, 6, 1, "behind"),
                        (4, 6, 6, None, "met"), (5, 7, 6, None, "met")]
    assert [c.actual for c in year_end.criteria[9:]] == [8] * 5 + [9] * 5
    assert (year_end.criteria[0].share_now, year_end.criteria[0].share_target) == (30.0, 60.0)


def test_criteria_pro_rated_to_june(june):
    # start 5 + 1 added × 181/365 of the year = 5.5 communes by 30 June: 6 must be reached, a whole commune
    assert june.criteria[2].expected == 6 and isinstance(june.criteria[2].expected, int)
    assert [(c.number, c.gap, c.status) for c in june.criteria[:4]] == [
        (1, 3, "behind"), (2, 2, "behind"), (3, 1, "behind"), (4, None, "met")]
    assert june.basis.as_of == "2019-06-30" and "pro-rated" in june.basis.description
    assert (june.basis.name, june.basis.months_left) == ("pro-rata", 6.0)


@pytest.mark.parametrize(
    "as_of, fraction",
    [(None, 1.0), (dt.date(2018, 12, 31), 0.0), (dt.date(2019, 1, 1), 1 / 365), (dt.date(2019, 12, 31), 1.0),
     (dt.date(2020, 1, 1), 1.0), (dt.date(2020, 2, 29), 1.0)],
)
def test_year_fraction(as_of, fraction):
    assert float(year_fraction(2019, as_of)) == pytest.approx(fraction)


def test_leap_year_fraction():
    assert year_fraction(2020, dt.date(2020, 12, 31)) == 1.0
    assert float(year_fraction(2020, dt.date(2020, 2, 29))) == pytest.approx(60 / 366)


def test_standard_communes(year_end, june):
    s = year_end.standard_communes
    assert (s.baseline, s.target, s.expected, s.actual, s.gap, s.status) == (2, 3, 3, 3, None, "met")
    assert june.standard_communes.expected == 3  # recognition comes in batches: never pro-rated


def test_bands(year_end):
    assert [(b.min, b.max, b.target, b.actual, b.difference, b.outside) for b in year_end.bands] == [
        (19, 19, 3, 3, 0, False), (10, 18, 5, 5, 0, False), (0, 9, 2, 2, 0, False)]


def test_average_criteria(year_end):
    a = year_end.average_criteria
    assert (a.target_min, a.target_max, a.actual, a.status) == (10, 12, 13.8, "met")


def test_groups(year_end):
    got = {g.key: (g.communes_found, g.actual, g.compliant, g.status) for g in year_end.groups}
    assert got == {
        "pilot": (1, 15.0, None, "met"),
        "border": (3, 5.0, None, "behind"),
        "advanced": (3, 5.0, None, "met"),
        "model-areas": (3, 1.0, 2, "behind"),
        "later": (2, 12.5, 1, "not-due"),
    }


def test_target_communes(year_end):
    assert [(c.name, c.criteria_met, c.missing) for c in year_end.target_communes] == [
        ("Xã D", 18, [1]), ("Xã E", 17, [1, 2])]


def test_priority_list(year_end):
    assert [(c.name, c.missing) for c in year_end.priority] == [("Xã D", [1]), ("Xã E", [1, 2]), ("Xã F", [1, 2, 3])]


def test_priority_limit(plan):
    result = judge(plan, priority_limit=2)
    assert [c.name for c in result.priority] == ["Xã D", "Xã E"]


def test_districts(year_end):
    got = [(d.district_code, d.communes, d.standard, d.average_criteria, d.most_missing) for d in year_end.districts]
    assert got == [
        ("001", 5, 3, 18.4, [{"criterion": 1, "communes": 2}, {"criterion": 2, "communes": 1}]),
        ("002", 5, 0, 9.2, [{"criterion": 1, "communes": 5}, {"criterion": 2, "communes": 5},
                            {"criterion": 3, "communes": 5}]),
    ]


def test_unknown_values_count_as_not_met(plan):
    frame = communes()
    frame.loc[0, "c05"] = None
    result = judge(plan, frame)
    assert (result.criteria[4].actual, result.criteria[4].unknown) == (6, 1)
    assert result.standard_communes.actual == 2


def test_targets_by_status(year_end):
    # criteria: 3 behind, 16 met; standard met; average met; groups: 2 met, 2 behind, 1 not due
    counts = year_end.target_counts()
    assert (counts["met"], counts["behind"], counts["not-due"]) == (16 + 1 + 1 + 2, 3 + 2, 1)
    assert sum(counts.values()) == 19 + 2 + 5


# --- how the plan states a target: a floor, a ceiling, an exact or approximate range --------------
# The ten communes average 13.8 criteria; the standard communes A, B, C have 1, 2 and 0 model areas.


@pytest.mark.parametrize(("average", "status", "reason"), [
    ({"min": 10, "max": 12, "comparison": "at-least"}, "met", None),
    ({"min": 12, "max": 12, "comparison": "at-most"}, "behind", "above"),
    ({"min": 14, "max": 14, "comparison": "at-most"}, "met", None),
    ({"min": 10, "max": 12, "comparison": "exactly"}, "behind", "above"),
    ({"min": 13, "max": 14, "comparison": "about"}, "met", None),
    ({"min": 14, "max": 15, "comparison": "about"}, "behind", None),
])
def test_average_is_judged_as_the_plan_states_it(average, status, reason):
    judged = judge(load(patched(clean_plan(), {"headline.average_criteria": average})).plan).average_criteria
    assert (judged.comparison, judged.status, judged.reason) == (average["comparison"], status, reason)


@pytest.mark.parametrize(("target", "compliant"), [
    ({"min": 1, "max": 2, "comparison": "at-least"}, 2),  # A and B
    ({"min": 1, "max": 1, "comparison": "exactly"}, 1),  # A
    ({"min": 1, "max": 1, "comparison": "at-most"}, 2),  # A and C
])
def test_each_commune_meets_the_group_target_as_the_plan_states_it(target, compliant):
    groups = [{**GROUPS[3], "target": target}]
    judged = judge(load(patched(clean_plan(), {"headline.groups": groups})).plan).groups[0]
    assert judged.compliant == compliant

