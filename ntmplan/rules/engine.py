"""Run the rules of a scope and turn their problems into located, configured findings.

``run_scope`` is the one place rules run. It returns the findings together with
the rules that ran (and those the configuration disabled), so that every output
format knows what was checked without guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntmplan.findings import Finding, RuleRun, Verdict, sort_findings
from ntmplan.i18n import _
from ntmplan.numbers import num
from ntmplan.rules.registry import Elided, Problem, Rule, Scope
from ntmplan.rules.settings import Settings, apply_settings

MAX_FINDINGS_PER_RULE = 100


@dataclass
class Judgement:
    """The findings of one or more scope runs, and the rules that ran to find them."""

    findings: list[Finding] = field(default_factory=list)
    runs: list[RuleRun] = field(default_factory=list)

    def __add__(self, other: "Judgement") -> "Judgement":
        return Judgement(sort_findings(self.findings + other.findings), self.runs + other.runs)

    def verdict(self, fail_level, **extra) -> Verdict:
        """What a command reports of these findings, failing at ``fail_level`` (None: never)."""
        return Verdict.of(self.findings, self.runs, fail_level, **extra)


def run_scope(
    scope: Scope,
    context: Any,
    settings: Settings,
    document=None,
    limit: int = MAX_FINDINGS_PER_RULE,
) -> Judgement:
    """Run every rule of ``scope`` on ``context`` under ``settings``.

    Disabled rules do not run, severities are overridden, and findings are
    silenced by the markers of ``document`` (the plan the findings point into)
    or by the baseline. A rule that fires on every row of a large file would
    bury the rest: past ``limit`` findings of one rule, the others are counted in
    one last finding (a rule may hand over that count as an ``Elided``).
    """
    file = scope.file(context)
    findings: list[Finding] = []
    runs: list[RuleRun] = []
    for rule in scope.registered():
        enabled = rule.code not in settings.disabled
        runs.append(RuleRun(rule.code, rule.name, scope.name, rule.summary, rule.doc, rule.severity,
                            settings.severity.get(rule.code, rule.severity), file, enabled))
        if not enabled:
            continue
        count = 0
        for problem in rule.check(context):
            if isinstance(problem, Elided):
                count += problem.count
                continue
            count += 1
            if count <= limit:
                findings.append(_finding(rule, problem, scope.locate(context, problem)))
        if count > limit:
            more = Problem(
                _("{count} more findings of {code} {name} not shown ({total} in all)").format(
                    count=num(count - limit), code=rule.code, name=rule.name, total=num(count)
                )
            )
            findings.append(_finding(rule, more, scope.locate(context, more)))
    return Judgement(sort_findings(apply_settings(findings, settings, document)), runs)


def _finding(rule: Rule, problem: Problem, location) -> Finding:
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=problem.severity or rule.severity,
        message=problem.message,
        location=location,
        expected=problem.expected,
        actual=problem.actual,
        tolerance=problem.tolerance,
    )
