"""BU01-BU04: amounts add up and shares agree, within the rounding of what is written."""

import pytest

from planfactory import Raw, clean_plan, findings, patched


@pytest.mark.parametrize(
    "central, fails",
    [
        (Raw("45.0"), False),
        (Raw("45.1"), False),  # 45.1 + 15.0 = 60.1: within 0.05 + 0.05 + 0.05 = 0.15 of 60.0
        (Raw("45.15"), True),  # 60.15 vs 60.0: difference 0.15, allowed only 0.005 + 0.05 + 0.05 = 0.105
        (Raw("45.2"), True),  # 60.2: difference 0.2 > 0.15
    ],
)
def test_sub_sources_add_up_to_their_source(central, fails):
    plan = patched(clean_plan(), {"budget.sources[0].children[0].amount": central})
    paths = [f.location.path for f in findings(plan, "BU01")]
    assert paths == (["budget.sources[0].amount"] if fails else [])


def test_sources_add_up_to_the_total():
    plan = patched(clean_plan(), {"budget.total": Raw("100.2")})
    [finding] = findings(plan, "BU02")
    assert finding.location.path == "budget.total"
    assert (finding.expected, finding.actual) == (100.2, 100.0)
    assert finding.tolerance == pytest.approx(0.15)


def test_whole_numbers_allow_half_a_unit_each():
    plan = patched(clean_plan(), {"budget.total": 101, "budget.sources[1].amount": 40})
    # 60.0 + 40 = 100 against 101: allowed 0.5 + 0.05 + 0.5 = 1.05
    assert findings(plan, "BU02") == []


@pytest.mark.parametrize("share, fails", [(Raw("40.0"), False), (40, False), (Raw("40.1"), True), (Raw("39.9"), True)])
def test_source_share_against_its_amount(share, fails):
    plan = patched(clean_plan(), {"budget.sources[1].stated_share": share})
    assert [f.location.path for f in findings(plan, "BU03")] == (["budget.sources[1].stated_share"] if fails else [])


def test_sub_source_shares_are_of_the_total():
    plan = patched(clean_plan(), {"budget.sources[0].children[1].stated_share": Raw("25.0")})  # 15/60 of its parent
    [finding] = findings(plan, "BU03")
    assert (finding.expected, finding.actual) == (15.0, 25.0)


def test_shares_add_up_to_100_within_rounding():
    # 60.0 + 40.0 written with one decimal each: 99.9-100.1 is fine
    plan = patched(clean_plan(), {"budget.sources[1].stated_share": Raw("40.1")})
    assert findings(plan, "BU04") == []
    plan = patched(clean_plan(), {"budget.sources[1].stated_share": Raw("40.2")})
    [finding] = findings(plan, "BU04")
    assert (finding.expected, finding.actual, finding.location.path) == (100.0, 100.2, "budget.sources")


def test_sub_source_shares_add_up_to_their_parent_share():
    plan = patched(clean_plan(), {"budget.sources[0].children[0].stated_share": Raw("45.2")})
    paths = [f.location.path for f in findings(plan, "BU04")]
    assert paths == ["budget.sources[0].stated_share"]
