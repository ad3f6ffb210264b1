"""SH01 share-mismatch: a stated share equals count/denominator rounded to its own precision."""

import pytest

from planfactory import Raw, clean_plan, findings, patched

SUB = "criteria[0].sub_targets"


def with_sub_target(value, of, share):
    sub = {"key": "radio", "description": {"vi": "Đài", "en": "radio"}, "value": value, "unit": "communes",
           "comparison": "exactly", "of": of, "stated_share": share}
    return patched(clean_plan(), {SUB: [sub]})


@pytest.mark.parametrize(
    "value, of, share, fails",
    [
        (1, 7, Raw("14.3"), False),  # 14.2857 rounds to 14.3 at one decimal
        (1, 7, Raw("14.29"), False),  # ... and to 14.29 at two
        (1, 7, Raw("14.286"), False),
        (1, 7, Raw("14.0"), True),  # written with one decimal: 14.3 expected
        (1, 7, 14, False),  # written as a whole number: 14 expected
        (1, 7, Raw("14.2"), True),
        (1, 7, Raw("14.28"), True),
        (1, 8, 13, False),  # 12.5 rounds half-up to 13, not to the even 12
        (1, 8, 12, True),
        (257, 400, Raw("64.3"), False),  # 64.25 exactly: half-up
        (257, 400, Raw("64.2"), True),
        (133, 207, Raw("64.2"), True),  # the 2019 plan's criterion 15: 64.251...
        (90, 207, Raw("43.4"), True),  # the 2019 plan's radio systems: 43.478...
        (90, 207, Raw("43.5"), False),
    ],
)
def test_sub_target_share_against_its_fraction(value, of, share, fails):
    found = findings(with_sub_target(value, of, share), "SH01")
    assert [f.location.path for f in found] == ([f"{SUB}[0].stated_share"] if fails else [])


def test_finding_carries_expected_actual_and_tolerance():
    [finding] = findings(with_sub_target(133, 207, Raw("64.2")), "SH01")
    assert (finding.expected, finding.actual, finding.tolerance) == (64.3, 64.2, 0.05)
    assert "133/207 is 64.2512%" in finding.message
    assert finding.location.line is not None and finding.location.column is not None


def test_criterion_total_share():
    plan = patched(clean_plan(), {"criteria[3].communes.stated_share": Raw("61.0")})
    assert [f.location.path for f in findings(plan, "SH01")] == ["criteria[3].communes.stated_share"]


def test_band_share():
    plan = patched(clean_plan(), {"headline.bands[1].stated_share": Raw("5.0")})
    assert [f.location.path for f in findings(plan, "SH01")] == ["headline.bands[1].stated_share"]


def test_headline_share():
    plan = patched(clean_plan(), {"headline.standard_communes.stated_share": 31})
    [finding] = findings(plan, "SH01")
    assert (finding.expected, finding.actual) == (30, 31)
