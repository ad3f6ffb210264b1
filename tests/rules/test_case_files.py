"""Every rule has its cases, in the case file of its family, and every case file is well-formed.

A rule's cases are in ``tests/rules/cases/<family>.yaml``, named after the rule's module
(``rulecases.py`` describes the format): at least one case where the rule reports
something and one where it does not.
"""

from __future__ import annotations

from collections import Counter

import pytest

from ntmplan.rules.registry import RULES
from ntmplan.rules.scopes import all_rules
from rulecases import all_cases, case_files, family, load_cases

RULE_LIST = all_rules()
CASES = all_cases()


def test_each_case_file_belongs_to_a_family_of_rules():
    families = {family(rule) for rule in RULE_LIST}
    assert [path.name for path in case_files() if path.stem not in families] == []


def test_each_case_is_in_the_file_of_its_rules_family():
    assert [case.id for case in CASES if case.family != family(RULES[case.rule])] == []


def test_case_names_are_unique():
    assert [name for name, count in Counter(case.id for case in CASES).items() if count > 1] == []


@pytest.mark.parametrize("rule", RULE_LIST, ids=[rule.code for rule in RULE_LIST])
def test_every_rule_has_a_failing_and_a_passing_case(rule):
    cases = [case for case in CASES if case.rule == rule.code]
    where = f"tests/rules/cases/{family(rule)}.yaml"
    assert any(case.fails for case in cases), f"{rule.code}: add a case where it reports something to {where}"
    assert any(not case.fails for case in cases), f"{rule.code}: add a case where it reports nothing to {where}"


def test_a_case_naming_an_unknown_rule_or_key_is_refused(tmp_path):
    path = tmp_path / "shares.yaml"
    path.write_text("- {name: typo, rule: SH1, findings: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="registered rule"):
        load_cases(path)
    path.write_text("- {name: typo, rule: SH01, finding: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        load_cases(path)
