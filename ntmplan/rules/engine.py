"""Run registered rules and turn their problems into located findings."""

from __future__ import annotations

from typing import Any, Iterable

from ntmplan.findings import Finding, Location, Severity, sort_findings
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.rules import load_all
from ntmplan.rules.registry import Problem, Rule, rules_for
from ntmplan.config import current as current_settings
from ntmplan.loading.yaml_source import YamlDocument
from ntmplan.silencing import apply_settings


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


def run_rules(
    rules: Iterable[Rule],
    context: Any,
    locate,
    limit: int = MAX_FINDINGS_PER_RULE,
    document: YamlDocument | None = None,
) -> list[Finding]:
    """Run ``rules`` on ``context``; ``locate`` maps a problem to its location.

    The active configuration applies here, for every command: disabled rules do
    not run, severities are overridden, and findings are silenced by the markers
    of ``document`` (the plan the findings point into) or by the baseline.

    A rule that fires on every row of a large file would bury the rest: past
    ``limit`` findings of one rule, the others are counted in one last finding.
    """
    settings = current_settings()
    findings = []
    for rule in rules:
        if rule.code in settings.disabled:
            continue
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
    return sort_findings(apply_settings(findings, settings, document))


def validate_plan(loaded: LoadedPlan) -> list[Finding]:
    """All plan rules on one loaded plan, then the rules on its ``ntmplan: ignore`` markers,
    which judge the markers by the findings they silenced."""
    from ntmplan.rules.markers import MarkerContext

    load_all()
    locate = lambda problem: locate_in_plan(loaded, problem)  # noqa: E731
    findings = run_rules(rules_for("plan"), loaded, locate, document=loaded.document)
    context = MarkerContext(loaded, findings, current_settings().disabled)
    return sort_findings(findings + run_rules(rules_for("markers"), context, locate, document=loaded.document))


def severity_at_least(findings: list[Finding], level: Severity) -> list[Finding]:
    return [f for f in findings if f.severity >= level]
