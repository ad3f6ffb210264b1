"""FE01-FE03: targets that cannot all be met at once."""

from planfactory import clean_plan, findings, patched


def test_criterion_total_below_the_communes_at_standard():
    plan = patched(clean_plan(), {"criteria[0].communes": {"added": 0, "total": 2, "stated_share": 20}})
    [finding] = findings(plan, "FE01")
    assert (finding.location.path, finding.expected, finding.actual) == ("criteria[0].communes.total", ">= 3", 2)


def test_criterion_total_equal_to_the_communes_at_standard_passes():
    plan = patched(clean_plan(), {"criteria[0].communes": {"added": 1, "total": 3, "stated_share": 30}})
    assert findings(plan, "FE01") == []


def test_average_target_above_what_the_bands_allow():
    # bands allow (3×19 + 5×10 + 2×0)/10 = 10.7 to (3×19 + 5×18 + 2×9)/10 = 16.5
    plan = patched(clean_plan(), {"headline.average_criteria": {"min": 16.6, "max": 17, "comparison": "at-least"}})
    [finding] = findings(plan, "FE02")
    assert finding.expected == "10.7-16.5"
    assert "(3×19 + 5×18 + 2×9)/10" in finding.message


def test_average_target_touching_the_bands_bound_passes():
    plan = patched(clean_plan(), {"headline.average_criteria": {"min": 16.5, "max": 17, "comparison": "at-least"}})
    assert findings(plan, "FE02") == []


def test_average_target_above_the_sum_of_criteria_totals():
    # 19 criteria × 6 communes = 114 pairs: an average of 11.4 per commune
    plan = patched(clean_plan(), {"headline.average_criteria": {"min": 11.5, "max": 12, "comparison": "at-least"}})
    [finding] = findings(plan, "FE03")
    assert finding.severity.value == "warning"
    assert finding.expected == "11.4"  # a range whose ends are equal is one number


def test_unstated_criterion_total_counts_as_all_communes_at_most():
    # 18 × 6 = 108 stated, criterion 1 unstated: 108 + 3 = 11.1 to 108 + 10 = 11.8
    plan = patched(
        clean_plan(),
        {"criteria[0].communes": {}, "headline.average_criteria": {"min": 11.5, "max": 12, "comparison": "at-least"}},
    )
    assert findings(plan, "FE03") == []
    plan = patched(plan, {"headline.average_criteria": {"min": 11.9, "max": 12, "comparison": "at-least"}})
    [finding] = findings(plan, "FE03")
    assert finding.expected == "11.1-11.8"
    assert "criteria without a stated total (1)" in finding.message
