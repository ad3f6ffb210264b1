"""What the CI formats need from any result that reports findings, in one shape.

``validate``'s ``FindingsResult``, ``check``'s ``CheckResult`` and ``budget``'s
``BudgetResult`` all hold findings and a summary; the GitHub, SARIF, JUnit and
Markdown formatters also need the files that were checked, the rules that ran
on each (with the severity the configuration gives them), and for ``check`` the
targets judged. ``reportable`` reads those from the result; nothing is
recomputed, so every format says what the table and the JSON say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ntmplan.config import Settings
from ntmplan.findings import Finding, Severity, Summary
from ntmplan.rules.registry import Rule, rules_for


@dataclass(frozen=True)
class RuleRun:
    """A rule that ran (or was disabled) on one file, with its configured severity."""

    rule: Rule
    file: str
    severity: Severity
    enabled: bool = True


@dataclass(frozen=True)
class TargetCase:
    """A target of the plan judged by ``check``: one JUnit test case each."""

    code: str
    label: str
    path: str
    file: str
    status: str


@dataclass
class Reportable:
    command: str
    files: list[str]
    findings: list[Finding]
    silenced: list[Finding]
    summary: Summary
    runs: list[RuleRun]
    targets: list[TargetCase] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)

    def rules(self) -> list[tuple[Rule, Severity, bool]]:
        """Each rule once, in code order: (rule, configured severity, enabled)."""
        seen: dict[str, tuple[Rule, Severity, bool]] = {}
        for run in self.runs:
            seen.setdefault(run.rule.code, (run.rule, run.severity, run.enabled))
        return [seen[code] for code in sorted(seen)]


def _runs(rules: list[Rule], files: list[str], settings: Settings) -> list[RuleRun]:
    return [
        RuleRun(rule, file, settings.severity.get(rule.code, rule.severity), rule.code not in settings.disabled)
        for file in files
        for rule in rules
    ]


def reportable(result: Any, settings: Settings | None = None) -> Reportable:
    """The common view of a validate, check or budget result."""
    from ntmplan.budget.result import BudgetResult
    from ntmplan.check.result import CheckResult
    from ntmplan.results import FindingsResult
    from ntmplan.rules import load_all

    load_all()
    settings = settings or Settings()
    if isinstance(result, FindingsResult):
        files = result.files or [result.file]
        return Reportable(
            "validate", files, result.findings, result.silenced, result.summary,
            _runs(rules_for("plan") + rules_for("markers"), files, settings),
        )
    if isinstance(result, CheckResult):
        met, behind = result.targets_met()
        return Reportable(
            "check",
            [result.plan_file, result.data_file],
            result.findings,
            result.silenced,
            result.summary,
            _runs(rules_for("data"), [result.data_file], settings)
            + _runs(rules_for("targets"), [result.plan_file], settings),
            _check_targets(result),
            [f"Targets: {met} met, {behind} behind ({result.basis.description})"],
        )
    if isinstance(result, BudgetResult):
        runs = _runs([r for r in rules_for("plan") if r.code.startswith("BU")], [result.file], settings)
        files = [result.file]
        if result.execution is not None:
            files.append(result.execution.file)
            runs += _runs(rules_for("actuals"), [result.execution.file], settings)
        return Reportable(
            "budget", files, result.findings, result.silenced, result.summary, runs,
            headline=[f"Total {result.total:g} {UNITS.get(result.unit, result.unit)}; the sources add up to "
                      f"{result.sources_sum:g}"],
        )
    raise TypeError(f"no CI format for {type(result).__name__}")


UNITS = {"billion-vnd": "billion VND"}


def _check_targets(result: Any) -> list[TargetCase]:
    cases = [
        TargetCase("TG01", f"criterion {c.number} {c.name_en}", c.path, result.plan_file, c.status)
        for c in result.criteria
    ]
    standard = result.standard_communes
    cases.append(TargetCase("TG02", "communes at standard", standard.path, result.plan_file, standard.status))
    average = result.average_criteria
    cases.append(TargetCase("TG03", "average criteria per commune", average.path, result.plan_file, average.status))
    cases += [TargetCase("TG04", f"group {g.key}", g.path, result.plan_file, g.status) for g in result.groups]
    cases += [
        TargetCase("TG05", f"band {b.min:g}-{b.max:g} criteria", b.path, result.plan_file,
                   "met" if b.difference == 0 else "off-target")
        for b in result.bands
    ]
    return cases


def relative(file: str, root: Path | None) -> str:
    """``file`` as a forward-slash path relative to ``root`` when it lies inside it.

    CI annotations and SARIF locations are relative to the repository, and golden
    files must not depend on where the checkout is.
    """
    path = Path(file)
    if root is not None and path.is_absolute():
        try:
            return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
        except ValueError:
            pass
    return file.replace("\\", "/")


def fails(finding: Finding, summary: Summary) -> bool:
    """Whether ``finding`` is at or above the failing level of the run."""
    if summary.fail_level == "never" or finding.suppression is not None:
        return False
    return finding.severity >= Severity(summary.fail_level)


def counts(summary: Summary) -> str:
    text = f"{summary.errors} error(s), {summary.warnings} warning(s), {summary.infos} info"
    if summary.silenced:
        text += f", {summary.silenced} silenced"
    return text


def verdict(summary: Summary) -> str:
    return f"fails at level '{summary.fail_level}'" if summary.failed else f"passes at level '{summary.fail_level}'"
