"""BD01-BD05: the bands partition the communes and agree with the headline."""

from planfactory import clean_plan, codes_and_paths, findings, patched


def bands(*rows):
    return [{"criteria": {"min": low, "max": high}, "count": count} for low, high, count in rows]


def test_counts_must_add_up_to_the_communes():
    plan = patched(clean_plan(), {"headline.bands": bands((19, 19, 3), (10, 18, 5), (0, 9, 3))})
    [finding] = findings(plan, "BD01")
    assert (finding.expected, finding.actual, finding.location.path) == (10, 11, "headline.bands")
    assert "3 + 5 + 3 = 11" in finding.message


def test_counts_below_the_communes_pass_when_the_scale_is_not_covered():
    plan = patched(clean_plan(), {"headline.bands": bands((19, 19, 3), (10, 18, 5), (5, 9, 1))})
    assert findings(plan, "BD01") == []


def test_overlapping_bands():
    plan = patched(clean_plan(), {"headline.bands": bands((19, 19, 3), (10, 18, 5), (0, 10, 2))})
    assert codes_and_paths(plan, "BD02") == [("BD02", "headline.bands[1].criteria")]


def test_touching_bands_do_not_overlap():
    assert findings(clean_plan(), "BD02") == []


def test_hole_between_bands():
    plan = patched(clean_plan(), {"headline.bands": bands((19, 19, 3), (10, 17, 5), (0, 9, 2))})
    [finding] = findings(plan, "BD03")
    assert "18 criteria" in finding.message
    assert finding.location.path == "headline.bands[0].criteria"


def test_criteria_outside_every_band_are_information():
    plan = patched(clean_plan(), {"headline.bands": bands((19, 19, 3), (10, 18, 5), (5, 9, 2))})
    [finding] = findings(plan, "BD04")
    assert finding.severity.value == "info"
    assert "0-4 criteria" in finding.message


def test_top_band_must_equal_the_headline_total():
    plan = patched(clean_plan(), {"headline.standard_communes.total": 4, "headline.standard_communes.stated_share": 40})
    [finding] = findings(plan, "BD05")
    assert (finding.expected, finding.actual, finding.location.path) == (4, 3, "headline.bands[0].count")
