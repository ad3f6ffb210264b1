"""``check``: a round of commune data against every target of the plan."""

from __future__ import annotations

import datetime as dt

from ntmplan.check.coverage import Round, RowPlace, count_round, plan_roster
from ntmplan.check.evaluate import evaluate
from ntmplan.check.progress import compare_rounds
from ntmplan.check.result import YEAR_END, CheckResult, counts_text
from ntmplan.communes.data import CommuneData
from ntmplan.communes.reader import read_round
from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.loading.plan_loader import LoadedPlan, load_plan
from ntmplan.model.plan import Plan
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import DATA, TARGETS, TargetContext
from ntmplan.rules.settings import Settings
from ntmplan.rules.targets import judged_targets


def read_counted(sources: list[str], plan: Plan, sheet: str | None = None) -> tuple[CommuneData, Round]:
    """A round as read (for the data rules) and as counted (one row per commune of the plan)."""
    data = read_round(sources, plan, sheet)
    def place(row: int) -> RowPlace:
        source = data.source(row)
        return RowPlace(source.file, data.line(row), source.sheet)

    return data, count_round(plan, data.frame, plan_roster(plan, data.reference), place, sources, data.distinct("code"))


def run_check(
    plan: str | LoadedPlan,
    data_files: list[str],
    as_of: dt.date | None,
    settings: Settings,
    fail_level: Severity | None,
    priority_limit: int | None = None,
    with_communes: bool = False,
    basis: str = YEAR_END,
    since: list[str] | None = None,
    sheet: str | None = None,
) -> CheckResult:
    """Everything ``ntmplan check`` reports; raises ``InputError`` for unreadable input.

    ``plan`` is a plan file, or a plan already loaded (the report loads it once for all its parts);
    ``since`` is the start-of-year round: the baseline of the pace and of the progress shown.
    """
    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan)
    data, counted = read_counted(data_files, loaded.plan, sheet)
    start = read_counted(since, loaded.plan, sheet)[1] if since else None
    result = evaluate(loaded.plan, counted, loaded.file, as_of, basis, start, priority_limit, with_communes)
    if start is not None:
        result.progress = compare_rounds(loaded.plan, start, counted)
    judgement = run_scope(DATA, data, settings) + run_scope(
        TARGETS, TargetContext(loaded, result), settings, loaded.document
    )
    headline = _("Targets: {counts} ({basis})").format(counts=counts_text(result), basis=result.basis.description)
    result.verdict = judgement.verdict(fail_level, targets=judged_targets(result), headline=[headline])
    return result
