"""What a report holds: the results the check, budget and schedule commands compute.

The report never computes a figure of its own: it gathers a ``CheckResult``
(with every commune's criteria), a ``BudgetResult``, a ``ScheduleResult`` and
the plan's findings, and the writers lay them out. What a table shows in the
terminal, a sheet shows in Excel and a section shows in the HTML page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ntmplan.budget.result import BudgetResult
from ntmplan.check.result import CheckResult
from ntmplan.findings import Finding, Severity, sort_findings
from ntmplan.numbers import Lang
from ntmplan.schedule.agenda import ScheduleResult


@dataclass
class Report:
    """Everything one report shows, in one language."""

    lang: Lang
    plan_file: str
    data_file: str
    plan_number: str
    plan_title: str
    province: str
    year: int
    check: CheckResult
    budget: BudgetResult
    schedule: ScheduleResult
    findings: list[Finding]

    @property
    def criteria_names(self) -> dict[int, str]:
        from ntmplan.i18n import pick

        return {c.number: pick(c.name_vi, c.name_en, self.lang) for c in self.check.criteria}


def build_report(
    plan_file: str,
    data_file: str,
    as_of: dt.date | None,
    lang: Lang,
    fail_level: Severity | None = Severity.ERROR,
    step: Callable[[str], None] = lambda name: None,
) -> Report:
    """Run the check, the budget and the schedule on the plan and data; ``step`` reports progress."""
    from ntmplan.budget.result import budget_findings, build_result
    from ntmplan.check.run import run_check
    from ntmplan.i18n import activate, pick
    from ntmplan.loading.plan_loader import load_plan
    from ntmplan.rules.engine import validate_plan
    from ntmplan.schedule.agenda import build_schedule

    activate(lang)
    step("check")
    check = run_check(plan_file, data_file, as_of, fail_level, priority_limit=None, with_communes=True)
    step("budget")
    loaded = load_plan(plan_file)
    budget = build_result(loaded, budget_findings(loaded), fail_level)
    step("schedule")
    schedule = build_schedule(loaded, as_of)
    plan_findings = validate_plan(loaded)
    metadata = loaded.plan.metadata
    return Report(
        lang=lang,
        plan_file=loaded.file,
        data_file=data_file,
        plan_number=metadata.number,
        plan_title=pick(metadata.title.vi, metadata.title.en, lang),
        province=metadata.province.name,
        year=metadata.year,
        check=check,
        budget=budget,
        schedule=schedule,
        findings=sort_findings(plan_findings + check.findings),
    )
