"""``budget``: the funding tree judged by the budget rules, and its execution from an actuals file."""

from __future__ import annotations

import datetime as dt

from ntmplan.budget.result import BudgetResult, judged
from ntmplan.findings import Severity
from ntmplan.i18n import _, current
from ntmplan.loading.plan_loader import load_plan
from ntmplan.numbers import num, unit_label
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import ACTUALS, BUDGET, ActualsContext
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import plan_facts


def run_budget(plan_file: str, actuals_file: str | None, as_of: dt.date | None, settings: Settings,
               fail_level: Severity | None) -> BudgetResult:
    """The funding plan of ``plan_file``; with ``actuals_file``, planned against actual per source."""
    loaded = load_plan(plan_file)
    facts = plan_facts(loaded)
    judgement = run_scope(BUDGET, facts, settings, loaded.document)
    execution = None
    if actuals_file is not None:
        from ntmplan.budget.actuals import read_actuals
        from ntmplan.budget.execution import execute

        table = read_actuals(actuals_file, loaded.plan)
        execution = execute(loaded.plan, table, as_of)
        judgement = judgement + run_scope(ACTUALS, ActualsContext(loaded.plan, table, execution), settings)
    tree = facts.budget
    headline = [_("Total {total} {unit}; the sources add up to {sum}").format(
        total=num(tree.total), unit=unit_label(tree.unit, current()), sum=num(tree.sources_sum))]
    return judged(tree, judgement.verdict(fail_level, headline=headline), execution)
