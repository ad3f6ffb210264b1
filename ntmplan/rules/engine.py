"""Run registered rules and turn their problems into located findings."""

from __future__ import annotations

from typing import Any, Iterable

from ntmplan.findings import Finding, Location, Severity, sort_findings
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.rules import load_all
from ntmplan.rules.registry import Problem, Rule, rules_for


def locate_in_plan(loaded: LoadedPlan, problem: Problem) -> Location:
    """Line and column of the value at ``problem.path`` in the plan file."""
    mark = loaded.document.mark(problem.path)
    return Location(
        file=loaded.file,
        line=problem.line if problem.line is not None else (mark.line if mark else None),
        column=problem.column if problem.column is not None else (mark.column if mark else None),
        path=problem.path,
    )


def to_finding(rule: Rule, problem: Problem, location: Location) -> Finding:
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


MAX_FINDINGS_PER_RULE = 100


def run_rules(rules: Iterable[Rule], context: Any, locate, limit: int = MAX_FINDINGS_PER_RULE) -> list[Finding]:
    """Run ``rules`` on ``context``; ``locate`` maps a problem to its location.

    A rule that fires on every row of a large file would bury the rest: past
    ``limit`` findings of one rule, the others are counted in one last finding.
    """
    findings = []
    for rule in rules:
        shown = 0
        for problem in rule.check(context):
            shown += 1
            if shown <= limit:
                findings.append(to_finding(rule, problem, locate(problem)))
        if shown > limit:
            from ntmplan.i18n import _

            more = Problem(
                _("{count} more findings of {code} {name} not shown ({total} in all)").format(
                    count=shown - limit, code=rule.code, name=rule.name, total=shown
                )
            )
            findings.append(to_finding(rule, more, locate(more)))
    return sort_findings(findings)


def validate_plan(loaded: LoadedPlan) -> list[Finding]:
    """All plan rules on one loaded plan."""
    load_all()
    return run_rules(rules_for("plan"), loaded, lambda problem: locate_in_plan(loaded, problem))


def severity_at_least(findings: list[Finding], level: Severity) -> list[Finding]:
    return [f for f in findings if f.severity >= level]
