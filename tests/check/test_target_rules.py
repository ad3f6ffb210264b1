"""TG01-TG05: unmet targets become warnings that point at the target in the plan file."""

import datetime as dt

import pytest

from handmade import communes
from ntmplan.check.evaluate import evaluate
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import TARGETS, TargetContext
from ntmplan.rules.settings import Settings
from planfactory import clean_plan, load, patched
from test_evaluate import GROUPS


def target_findings(as_of=None, changes=None):
    loaded = load(patched(clean_plan(), {"headline.groups": GROUPS, **(changes or {})}))
    result = evaluate(loaded.plan, communes(), loaded.file, "data.csv", as_of=as_of)
    return run_scope(TARGETS, TargetContext(loaded, result), Settings()).findings


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_criteria_behind_at_year_end():
    found = by_code(target_findings(), "TG01")
    assert [(f.location.path, f.expected, f.actual) for f in found] == [
        ("criteria[0].communes.total", 6.0, 3),
        ("criteria[1].communes.total", 6.0, 4),
        ("criteria[2].communes.total", 6.0, 5),
    ]
    assert found[0].message == "criterion 1 (Criterion 1): 3 communes meet it, 6 targeted by year-end: 3 behind"
    assert all(f.severity.value == "warning" and f.location.line for f in found)


def test_criteria_behind_pro_rated():
    [first, *_] = by_code(target_findings(dt.date(2019, 6, 30)), "TG01")
    assert "5.5 expected by 2019-06-30 (6 by year-end): 2.5 behind" in first.message


def test_standard_communes_behind():
    plan_changes = {"headline.standard_communes": {"added": 2, "total": 4}}
    [finding] = by_code(target_findings(changes=plan_changes), "TG02")
    assert (finding.location.path, finding.expected, finding.actual) == ("headline.standard_communes.total", 4.0, 3)


def test_standard_communes_met_gives_nothing():
    assert by_code(target_findings(), "TG02") == []


@pytest.mark.parametrize("minimum, reported", [(13.8, False), (13.9, True)])
def test_average_behind(minimum, reported):
    average = {"min": minimum, "max": 15, "comparison": "at-least"}
    found = by_code(target_findings(changes={"headline.average_criteria": average}), "TG03")
    assert bool(found) is reported


def test_groups_behind_but_not_those_due_later():
    found = by_code(target_findings(), "TG04")
    assert [f.location.path for f in found] == ["headline.groups[1].target", "headline.groups[3].target"]
    assert "2 of 3 communes reach 1" in found[1].message


def test_bands_off_target_are_information():
    bands = [{"criteria": {"min": 19, "max": 19}, "count": 4}, {"criteria": {"min": 0, "max": 18}, "count": 6}]
    found = by_code(target_findings(changes={"headline.bands": bands}), "TG05")
    assert [(f.severity.value, f.expected, f.actual) for f in found] == [("info", 4, 3), ("info", 6, 7)]
