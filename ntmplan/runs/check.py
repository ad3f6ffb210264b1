"""``check``: a round of commune data against every target of the plan."""

from __future__ import annotations

import datetime as dt

from ntmplan.check.evaluate import evaluate
from ntmplan.check.result import CheckResult
from ntmplan.communes.reader import read_round
from ntmplan.findings import Severity
from ntmplan.loading.plan_loader import LoadedPlan, load_plan
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import DATA, TARGETS, TargetContext
from ntmplan.rules.settings import Settings
from ntmplan.rules.targets import judged_targets


def run_check(
    plan: str | LoadedPlan,
    data_file: str,
    as_of: dt.date | None,
    settings: Settings,
    fail_level: Severity | None,
    priority_limit: int | None = None,
    with_communes: bool = False,
) -> CheckResult:
    """Everything ``ntmplan check`` reports; raises ``InputError`` for unreadable input.

    ``plan`` is a plan file, or a plan already loaded (the report loads it once for all its parts).
    """
    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan)
    data = read_round([data_file], loaded.plan)
    result = evaluate(loaded.plan, data.frame, loaded.file, data_file, as_of, priority_limit, with_communes)
    judgement = run_scope(DATA, data, settings) + run_scope(
        TARGETS, TargetContext(loaded, result), settings, loaded.document
    )
    met, behind = result.targets_met()
    result.verdict = judgement.verdict(
        fail_level, targets=judged_targets(result),
        headline=[f"Targets: {met} met, {behind} behind ({result.basis.description})"],
    )
    return result
