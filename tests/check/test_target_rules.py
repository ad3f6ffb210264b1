"""TG01-TG05: targets missed, off pace or still open become findings that point at the target in the plan file."""

import datetime as dt

import pytest

from handmade import communes
from ntmplan.check.coverage import count_round
from ntmplan.check.evaluate import evaluate
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import TARGETS, TargetContext
from ntmplan.rules.settings import Settings
from planfactory import clean_plan, load, patched
from test_evaluate import GROUPS

JUNE = dt.date(2019, 6, 30)


def target_findings(as_of=None, changes=None, basis="year-end", frame=None, start=None):
    loaded = load(patched(clean_plan(), {"headline.groups": GROUPS, **(changes or {})}))
    counted = count_round(loaded.plan, communes() if frame is None else frame, sources=["data.csv"])
    begun = count_round(loaded.plan, start, sources=["start.csv"]) if start is not None else None
    result = evaluate(loaded.plan, counted, loaded.file, as_of, basis, begun)
    return run_scope(TARGETS, TargetContext(loaded, result), Settings()).findings


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_criteria_behind_at_year_end():
    found = by_code(target_findings(), "TG01")
    assert [(f.location.path, f.expected, f.actual) for f in found] == [
        ("criteria[0].communes.total", 6, 3),
        ("criteria[1].communes.total", 6, 4),
        ("criteria[2].communes.total", 6, 5),
    ]
    assert found[0].message == "criterion 1 (Criterion 1): 3 communes meet it, 6 targeted by the year-end: 3 short"
    assert all(f.severity.value == "warning" and f.location.line for f in found)


def test_criteria_behind_pro_rated():
    # start 2 + 4 added × 181/365 = 3.98: 4 communes must be reached by 30 June
    changes = {"criteria[0].communes": {"added": 4, "total": 6}}
    [first, *_] = by_code(target_findings(JUNE, changes, basis="pro-rata"), "TG01")
    assert first.message.endswith("4 expected by 2019-06-30 on the pro-rata basis (6 by the year-end): 1 behind")
    assert (first.expected, first.actual) == (4, 3)


def test_during_the_year_the_pace_since_the_start_decides():
    start = communes()
    start.loc[start["name"] == "Xã D", "c02"] = False  # criterion 2: 3 communes at the start, 4 now
    found = by_code(target_findings(JUNE, frame=communes(), start=start), "TG01")
    second = next(f for f in found if f.location.path == "criteria[1].communes.total")
    assert second.message == (
        "criterion 2 (Criterion 2): 4 communes meet it, 6 targeted by the year-end: 2 to go in 6 months; "
        "since the start of the year 3 → 4 (0.17 a month, 0.33 a month needed), which leads to 5 by the year-end")
    assert second.severity.value == "warning"


def test_a_criterion_without_a_known_start_is_open_and_said_so():
    changes = {"criteria[0].communes": {"total": 6}}  # a total only, as criterion 8 of the 2019 plan
    [first] = [f for f in by_code(target_findings(JUNE, changes), "TG01")
               if f.location.path == "criteria[0].communes.total"]
    assert first.severity.value == "info"
    assert "6 targeted by the year-end: 3 to go in 6 months; the start of the year is unknown" in first.message
    assert "--since" in first.message


def test_standard_communes_behind():
    plan_changes = {"headline.standard_communes": {"added": 2, "total": 4}}
    [finding] = by_code(target_findings(changes=plan_changes), "TG02")
    assert (finding.location.path, finding.expected, finding.actual) == ("headline.standard_communes.total", 4, 3)
    assert finding.message.startswith("3 communes are at the NTM standard (recognised, meeting all 19 criteria), "
                                      "4 targeted by the year-end; 1 short")


def test_standard_communes_during_the_year_are_recognised_in_batches():
    frame = communes()
    frame.loc[frame["name"] == "Xã A", "ntm_year"] = None  # meets all 19, not recognised: a candidate
    plan_changes = {"headline.standard_communes": {"added": 2, "total": 4}}
    [finding] = by_code(target_findings(JUNE, plan_changes, frame=frame), "TG02")
    assert finding.severity.value == "info"
    assert finding.message == (
        "2 communes are at the NTM standard (recognised, meeting all 19 criteria), 4 targeted by the year-end; "
        "2 more must be recognised in 6 months; 1 commune meets all 19 criteria but is not yet recognised: "
        "Xã A (00001)")


def test_standard_communes_met_gives_nothing():
    assert by_code(target_findings(), "TG02") == []


@pytest.mark.parametrize("minimum, reported", [(13.8, False), (13.9, True)])
def test_average_behind(minimum, reported):
    average = {"min": minimum, "max": 15, "comparison": "at-least"}
    found = by_code(target_findings(changes={"headline.average_criteria": average}), "TG03")
    assert bool(found) is reported


def test_an_average_the_plan_s_own_totals_cannot_reach_points_to_fe03():
    # 19 criteria × 6 communes / 10 communes: an average of at most 11.4 criteria
    [finding] = by_code(target_findings(changes={"headline.average_criteria": {"min": 13.9, "max": 15, "comparison": "at-least"}}), "TG03")
    assert finding.message.endswith(
        "the plan's own criterion totals allow an average of at most 11.4 (FE03 average-unreachable-by-criteria): "
        "13.9-15 cannot be reached even if every criterion reaches its total")


def test_an_average_above_a_ceiling_is_reported_with_the_plan_s_words():
    [finding] = by_code(target_findings(changes={"headline.average_criteria": {"min": 12, "max": 12, "comparison": "at-most"}}), "TG03")
    assert finding.message == (
        "communes meet 13.8 criteria on average; the plan targets at most 12 by the year-end")


def test_groups_behind_but_not_those_due_later():
    found = by_code(target_findings(), "TG04")
    assert [f.location.path for f in found] == ["headline.groups[1].target", "headline.groups[3].target"]
    assert found[1].message.startswith("model areas: 2 of its 3 communes have at least 1; the target is all 3, each "
                                       "with 1-2 model residential areas, by the year-end")
    assert (found[1].expected, found[1].actual) == (3, 2)  # communes against communes, never against 1-2 areas
    assert "target 14 criteria met" not in found[0].message and "target 9.5-10 criteria met" in found[0].message


def test_bands_off_target_are_information():
    bands = [{"criteria": {"min": 19, "max": 19}, "count": 4}, {"criteria": {"min": 0, "max": 18}, "count": 6}]
    found = by_code(target_findings(changes={"headline.bands": bands}), "TG05")
    assert [(f.severity.value, f.expected, f.actual) for f in found] == [("info", 4, 3), ("info", 6, 7)]


def test_communes_outside_every_band_are_reported():
    # the bands cover 10-19 criteria and count all 10 communes; I (5 criteria) and J (none) are outside them
    bands = [{"criteria": {"min": 19, "max": 19}, "count": 3}, {"criteria": {"min": 10, "max": 18}, "count": 7}]
    [finding] = [f for f in by_code(target_findings(changes={"headline.bands": bands}), "TG05")
                 if f.location.path == "headline.bands"]
    assert finding.message == ("2 communes have 0-9 criteria, which no band of the plan covers; the plan's bands "
                               "leave 0 of the 10 communes for it (+2)")
    assert finding.location.path == "headline.bands"
