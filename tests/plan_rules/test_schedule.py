"""RF01-RF04, SC01-SC05: references resolve, tasks are unique, timings are understood."""

import pytest

from planfactory import clean_plan, codes_and_paths, findings, patched

TASK = "schedule.sections[0].tasks[0]"


def test_unknown_agency_suggests_the_nearest_code():
    plan = patched(clean_plan(), {f"{TASK}.executing.agencies": ["VPDP-TINHH"]})
    [finding] = findings(plan, "RF01")
    assert finding.location.path == f"{TASK}.executing.agencies[0]"
    assert "did you mean VPDP-TINH?" in finding.message
    assert finding.expected == "VPDP-TINH"


def test_unknown_agency_in_responsibilities_and_metadata():
    plan = patched(clean_plan(), {"responsibilities[0].agencies": ["SO-XYZ"], "metadata.issuer": "UBND-TINHX"})
    assert sorted(p for _, p in codes_and_paths(plan, "RF01")) == ["metadata.issuer", "responsibilities[0].agencies[0]"]


def test_unknown_legal_document():
    plan = patched(clean_plan(), {"measures[0].references": ["qd-1-ttg-2061"]})
    [finding] = findings(plan, "RF02")
    assert "did you mean qd-1-ttg-2016?" in finding.message


def test_agency_defined_twice():
    plan = clean_plan()
    plan["agencies"].append(dict(plan["agencies"][0]))
    assert codes_and_paths(plan, "RF03") == [("RF03", "agencies[3].code")]


def test_unused_agency_is_information():
    plan = clean_plan()
    plan["agencies"].append({"code": "SO-TC", "name": {"vi": "Sở Tài chính", "en": "Finance"}, "level": "province"})
    [finding] = findings(plan, "RF04")
    assert finding.severity.value == "info" and finding.location.path == "agencies[3]"


def test_duplicate_task_identifier():
    plan = patched(clean_plan(), {"schedule.sections[0].tasks[1].id": "I.1"})
    assert codes_and_paths(plan, "SC01") == [("SC01", "schedule.sections[0].tasks[1].id")]


def test_task_id_must_follow_section_and_number():
    plan = patched(clean_plan(), {"schedule.sections[1].tasks[0].id": "I.3"})
    [finding] = findings(plan, "SC02")
    assert (finding.expected, finding.actual) == ("II.1", "I.3")


def test_task_number_out_of_sequence():
    plan = patched(clean_plan(), {"schedule.sections[0].tasks[1].number": 3, "schedule.sections[0].tasks[1].id": "I.3"})
    [finding] = findings(plan, "SC02")
    assert (finding.location.path, finding.expected, finding.actual) == (
        "schedule.sections[0].tasks[1].number", 2, 3)


def test_section_without_tasks():
    plan = patched(clean_plan(), {"schedule.sections[1].tasks": []})
    assert codes_and_paths(plan, "SC03") == [("SC03", "schedule.sections[1].tasks")]


@pytest.mark.parametrize("text", ["Sớm nhất có thể", "Tháng 13", "Quý V", "Tháng 7-3"])
def test_timing_not_understood(text):
    plan = patched(clean_plan(), {f"{TASK}.timing.text": text})
    assert codes_and_paths(plan, "SC04") == [("SC04", f"{TASK}.timing.text")]
    assert findings(plan, "SC05") == []


@pytest.mark.parametrize(
    "timing",
    [
        {"text": "Quý II, III", "kind": "quarters", "quarters": [2]},
        {"text": "Tháng 3-7", "kind": "months", "months": [3, 7]},
        {"text": "Quý IV/2019", "kind": "quarters", "quarters": [4]},
        {"text": "Thường xuyên", "kind": "every-quarter"},
    ],
)
def test_normalised_timing_must_say_what_the_text_says(timing):
    plan = patched(clean_plan(), {f"{TASK}.timing": timing})
    assert codes_and_paths(plan, "SC05") == [("SC05", f"{TASK}.timing")]
