"""CT01-CT03: commune counts stay within the province and add up."""

from planfactory import clean_plan, codes_and_paths, findings, patched


def test_total_above_the_province_is_an_error():
    plan = patched(clean_plan(), {"criteria[2].communes": {"added": 1, "total": 11}})
    assert codes_and_paths(plan, "CT01") == [("CT01", "criteria[2].communes.total")]


def test_total_equal_to_the_province_is_fine():
    plan = patched(clean_plan(), {"criteria[2].communes.total": 10, "criteria[2].communes.stated_share": 100})
    assert codes_and_paths(plan, "CT01") == []


def test_sub_target_above_its_denominator():
    sub = {"key": "x", "description": {"vi": "x", "en": "x"}, "value": 8, "unit": "communes", "comparison": "exactly",
           "of": 7}
    plan = patched(clean_plan(), {"criteria[0].sub_targets": [sub]})
    assert codes_and_paths(plan, "CT01") == [("CT01", "criteria[0].sub_targets[0].value")]


def test_baseline_plus_added_must_make_the_total():
    plan = patched(clean_plan(), {"criteria[4].communes.baseline": 4})
    [finding] = findings(plan, "CT02")
    assert finding.location.path == "criteria[4].communes.total"
    assert (finding.expected, finding.actual) == (5, 6)


def test_baseline_plus_added_equal_to_total_passes():
    plan = patched(clean_plan(), {"criteria[4].communes.baseline": 5})
    assert findings(plan, "CT02") == []


def test_added_above_total_without_baseline():
    plan = patched(clean_plan(), {"headline.standard_communes.added": 4})
    assert codes_and_paths(plan, "CT02") == [("CT02", "headline.standard_communes.added")]


def test_criterion_starting_below_the_communes_already_at_standard():
    # 3 at standard, 1 added: 2 at the start. A criterion of 6 with 5 added starts at 1.
    plan = patched(clean_plan(), {"criteria[6].communes.added": 5})
    [finding] = findings(plan, "CT03")
    assert (finding.location.path, finding.expected, finding.actual) == ("criteria[6].communes", ">= 2", 1)


def test_criterion_starting_with_exactly_the_standard_communes_passes():
    plan = patched(clean_plan(), {"criteria[6].communes.added": 4})
    assert findings(plan, "CT03") == []
