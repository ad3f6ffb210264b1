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


def run_rules(rules: Iterable[Rule], context: Any, locate) -> list[Finding]:
    """Run ``rules`` on ``context``; ``locate`` maps a problem to its location."""
    findings = [to_finding(r, problem, locate(problem)) for r in rules for problem in r.check(context)]
    return sort_findings(findings)


def validate_plan(loaded: LoadedPlan) -> list[Finding]:
    """All plan rules on one loaded plan."""
    load_all()
    return run_rules(rules_for("plan"), loaded, lambda problem: locate_in_plan(loaded, problem))


def severity_at_least(findings: list[Finding], level: Severity) -> list[Finding]:
    return [f for f in findings if f.severity >= level]
