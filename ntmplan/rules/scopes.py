"""The scopes of the rules: what each kind of rule looks at and where its findings point.

| scope | context | rules | run by |
| --- | --- | --- | --- |
| ``plan`` | ``PlanFacts``: the plan and the figures computed from it | SH, CT, BD, FE, RF, SC, DT | validate, diff, report |
| ``budget`` | ``PlanFacts``: the funding tree computed from the plan | BU | validate, budget, report |
| ``markers`` | ``MarkerContext``: the plan's ignore markers and what they silenced | CF | validate |
| ``data`` | ``CommuneData``: a commune data file as read | DA | check, report |
| ``targets`` | ``TargetContext``: the check's result against the plan | TG | check, report |
| ``actuals`` | ``ActualsContext``: an actuals file and the execution computed from it | AC | budget --actuals |

Findings of the plan-based scopes point at a path of the plan file (its line
and column come from the YAML document); data and actuals findings point at a
row (and column) of their file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ntmplan.findings import Finding, Location
from ntmplan.i18n import N_
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.rules.registry import Problem, Scope

if TYPE_CHECKING:
    from ntmplan.budget.actuals import ActualsFile
    from ntmplan.budget.execution import Execution
    from ntmplan.budget.tree import BudgetTree
    from ntmplan.check.result import CheckResult
    from ntmplan.loading.markers import IgnoreMarker
    from ntmplan.model.plan import Plan
    from ntmplan.targets.result import TargetsResult


@dataclass(frozen=True)
class PlanFacts:
    """A loaded plan with the figures computed from it before any rule judges them."""

    loaded: LoadedPlan
    targets: TargetsResult
    budget: BudgetTree

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    @property
    def file(self) -> str:
        return self.loaded.file


@dataclass(frozen=True)
class MarkerContext:
    """The plan, its markers, and the plan rules' findings (silenced ones included)."""

    loaded: LoadedPlan
    findings: list[Finding]
    disabled: frozenset[str] = frozenset()

    @property
    def markers(self) -> list[IgnoreMarker]:
        return self.loaded.document.ignores


@dataclass(frozen=True)
class TargetContext:
    """A check's result, judged against the targets of the plan it was computed from."""

    loaded: LoadedPlan
    result: CheckResult


@dataclass(frozen=True)
class ActualsContext:
    """What the actuals rules look at: the plan, the file as read, and the execution computed from it."""

    plan: Plan
    actuals: ActualsFile
    execution: Execution


def in_plan(loaded: LoadedPlan, problem: Problem) -> Location:
    """Line and column of the value at ``problem.path`` in the plan file."""
    mark = loaded.document.mark(problem.path)
    return Location(
        file=loaded.file,
        line=problem.line if problem.line is not None else (mark.line if mark else None),
        column=problem.column if problem.column is not None else (mark.column if mark else None),
        path=problem.path,
    )


def _in_rows(file: str, problem: Problem) -> Location:
    """A row (and column) of a data file: the problem's own file and sheet when it names them."""
    return Location(problem.file or file, problem.line, problem.column, problem.path, problem.sheet)


PLAN = Scope(
    "plan", N_("plan"), "PlanFacts", lambda context, problem: in_plan(context.loaded, problem),
    lambda context: context.loaded.file,
    ("ntmplan.rules.plan.shares", "ntmplan.rules.plan.counts", "ntmplan.rules.plan.bands",
     "ntmplan.rules.plan.feasibility", "ntmplan.rules.plan.schedule", "ntmplan.rules.plan.dates"),
)
BUDGET = Scope(
    "budget", N_("budget"), "PlanFacts", lambda context, problem: in_plan(context.loaded, problem),
    lambda context: context.loaded.file, ("ntmplan.rules.plan.budget",),
)
MARKERS = Scope(
    "markers", N_("markers"), "MarkerContext", lambda context, problem: in_plan(context.loaded, problem),
    lambda context: context.loaded.file, ("ntmplan.rules.markers",),
)
DATA = Scope(
    "data", N_("data"), "CommuneData", lambda data, problem: _in_rows(data.file, problem),
    lambda data: data.file,
    ("ntmplan.rules.data.columns", "ntmplan.rules.data.values", "ntmplan.rules.data.communes",
     "ntmplan.rules.data.status"),
)
TARGETS = Scope(
    "targets", N_("targets"), "TargetContext", lambda context, problem: in_plan(context.loaded, problem),
    lambda context: context.loaded.file, ("ntmplan.rules.targets",),
)
ACTUALS = Scope(
    "actuals", N_("actuals"), "ActualsContext", lambda context, problem: _in_rows(context.actuals.file, problem),
    lambda context: context.actuals.file, ("ntmplan.rules.actuals",),
)

SCOPES = (PLAN, BUDGET, MARKERS, DATA, TARGETS, ACTUALS)


def all_rules():
    """Every registered rule, in code order (each scope's modules imported)."""
    return sorted((rule for scope in SCOPES for rule in scope.registered()), key=lambda rule: rule.code)
