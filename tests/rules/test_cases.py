"""Every case of ``tests/rules/cases/``: the change to a clean input, and what the rules report.

``rulecases.py`` describes the case files; each case is one test, named
``family/CODE/what-it-shows``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ntmplan.rules.registry import RULES
from rulecases import INPUTS, all_cases, details, judged, plain, run

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case, tmp_path):
    outcome = run(case, tmp_path)
    for key, silenced in (("findings", False), ("silenced", True)):
        expected = case.spec.get(key) or []
        found = judged(case, outcome, silenced)
        stated = [[plain(item) for item in finding if not isinstance(item, dict)] for finding in expected]
        assert [outcome.flat(f) for f in found] == stated, [f.message for f in found]
        for finding, wanted in zip(found, expected, strict=True):
            if isinstance(wanted[-1], dict):
                assert details(finding, wanted[-1]) == wanted[-1], finding.message


JUNE = {"as_of": dt.date(2019, 6, 30)}


@pytest.mark.parametrize(
    "scope, changes",
    [("plan", {}), ("data", {}), ("targets", {}), ("targets", JUNE), ("actuals", {}), ("actuals", JUNE)],
    ids=["plan", "data", "targets", "targets-30-june", "actuals", "actuals-30-june"],
)
def test_clean_inputs_give_no_finding(scope, changes, tmp_path):
    """So that each case sees only what its change causes."""
    source = INPUTS[scope]
    outcome = source.run(changes, tmp_path)
    assert [(f.code, f.message) for f in outcome.findings if RULES[f.code].scope in source.scopes] == []
