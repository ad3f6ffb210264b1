"""``targets``: the plan's criterion targets with their shares recomputed."""

from __future__ import annotations

from ntmplan.loading.plan_loader import load_plan
from ntmplan.targets.result import TargetsResult


def run_targets(plan_file: str) -> TargetsResult:
    return TargetsResult.of(load_plan(plan_file))
