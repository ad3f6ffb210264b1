"""The factory's clean plan has no finding, so each rule test sees only its own change."""

from planfactory import clean_plan, findings


def test_clean_plan_has_no_finding():
    assert [(f.code, f.message) for f in findings(clean_plan())] == []
