"""``validate``: the plan's format and its internal consistency, for one plan or several."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntmplan.budget.tree import budget_tree
from ntmplan.findings import SCHEMA_VERSION, Severity, Verdict
from ntmplan.loading.plan_loader import LoadedPlan, load_plan
from ntmplan.rules.engine import Judgement, run_scope
from ntmplan.rules.scopes import BUDGET, MARKERS, PLAN, MarkerContext, PlanFacts
from ntmplan.rules.settings import Settings
from ntmplan.targets.result import TargetsResult


def plan_facts(loaded: LoadedPlan) -> PlanFacts:
    """The plan with its figures computed, ready to be judged."""
    return PlanFacts(loaded, TargetsResult.of(loaded), budget_tree(loaded))


def judge_plan(facts: PlanFacts, settings: Settings) -> Judgement:
    """The plan and budget rules on a plan, then the rules on its ``ntmplan: ignore`` markers,
    which judge the markers by the findings they silenced."""
    loaded = facts.loaded
    document = loaded.document
    judged = run_scope(PLAN, facts, settings, document) + run_scope(BUDGET, facts, settings, document)
    markers = MarkerContext(loaded, judged.findings, settings.disabled)
    return judged + run_scope(MARKERS, markers, settings, document)


@dataclass
class ValidateResult:
    """What ``validate`` reports: the findings on one plan file (or on each of several)."""

    command = "validate"

    files: list[str]
    verdict: Verdict
    each: list["ValidateResult"] = field(default_factory=list)  # one per file when several were validated

    @property
    def file(self) -> str:
        return ", ".join(self.files)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "files": self.files,
            "findings": [finding.to_dict() for finding in self.verdict.findings],
            "silenced": [finding.to_dict() for finding in self.verdict.silenced],
            "summary": self.verdict.summary.to_dict(),
        }


def run_validate(plans: list[str], settings: Settings, fail_level: Severity | None) -> ValidateResult:
    """Validate each plan file of ``plans``; several give one result with a part for each."""
    parts = []
    for path in plans:
        loaded = load_plan(path)
        judged = judge_plan(plan_facts(loaded), settings)
        parts.append((ValidateResult([loaded.file], judged.verdict(fail_level)), judged))
    if len(parts) == 1:
        return parts[0][0]
    findings = [finding for _result, judged in parts for finding in judged.findings]  # file by file
    runs = [run for _result, judged in parts for run in judged.runs]
    return ValidateResult([file for result, _ in parts for file in result.files],
                          Verdict.of(findings, runs, fail_level), [result for result, _ in parts])
