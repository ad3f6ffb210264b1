"""``report``: the check, the budget and the schedule gathered for one file people read.

The report never computes a figure of its own: it gathers a ``CheckResult``
(with every commune's criteria), a ``BudgetResult``, a ``ScheduleResult`` and
the plan's findings, computed once on one loaded plan, and the writers of
``ntmplan.report`` lay them out. What a table shows in the terminal, a sheet
shows in Excel and a section shows in the HTML page.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Callable

from ntmplan.budget.result import BudgetResult, judged
from ntmplan.check.result import YEAR_END, CheckResult
from ntmplan.findings import Finding, Severity, sort_findings
from ntmplan.i18n import Lang, _, activate, pick
from ntmplan.loading.plan_loader import load_plan
from ntmplan.rules.settings import Settings
from ntmplan.runs.check import run_check
from ntmplan.runs.template import COMPILING_OFFICE
from ntmplan.runs.validate import judge_plan, plan_facts
from ntmplan.schedule.agenda import Group, ScheduleResult, TaskRow, build_schedule


@dataclass
class Report:
    """Everything one report shows, in one language."""

    lang: Lang
    plan_file: str
    data_files: list[str]
    plan_number: str
    plan_title: str
    province: str
    year: int
    check: CheckResult
    budget: BudgetResult
    schedule: ScheduleResult
    findings: list[Finding]
    office: str  # whom the report is for: the plan's coordination office, or the body that issued it
    made: dt.datetime  # when the report was made (SOURCE_DATE_EPOCH fixes it for reproducible builds)

    def sources_text(self) -> str:
        """The files the report was made from: the plan, the data and, with --since, the start of the year's."""
        check = self.check
        text = _("Plan {plan} · data {data} ({communes} communes)").format(
            plan=self.plan_file, data=check.data_text, communes=check.communes)
        if check.progress is not None:
            text += " · " + _("start of the year: {origin}").format(origin=", ".join(check.progress.old_files))
        return text

    def schedule_groups(self) -> list[tuple[Group, list[TaskRow], list[str]]]:
        """Each group of the schedule with the tasks no earlier group listed, and the ids of those it did.

        With ``--as-of`` a task due this month and next is in both groups; a report lists it once.
        """
        seen: set[str] = set()
        groups = []
        for group in self.schedule.groups:
            fresh = [task for task in group.tasks if task.id not in seen]
            groups.append((group, fresh, [task.id for task in group.tasks if task.id in seen]))
            seen.update(task.id for task in fresh)
        return groups


def build_report(
    plan_file: str,
    data_files: list[str],
    as_of: dt.date | None,
    lang: Lang,
    settings: Settings,
    fail_level: Severity | None = Severity.ERROR,
    step: Callable[[str], None] = lambda name: None,
    basis: str = YEAR_END,
    since: list[str] | None = None,
    sheet: str | None = None,
) -> Report:
    """Run the check, the budget and the schedule on the plan and data; ``step`` reports progress."""
    activate(lang)
    loaded = load_plan(plan_file)
    step("check")
    check = run_check(loaded, data_files, as_of, settings, fail_level, priority_limit=None, with_communes=True,
                      basis=basis, since=since, sheet=sheet)
    step("budget")
    facts = plan_facts(loaded)
    plan_verdict = judge_plan(facts, settings).verdict(fail_level)
    budget = judged(facts.budget, plan_verdict)
    step("schedule")
    schedule = build_schedule(loaded, as_of)
    metadata = loaded.plan.metadata
    agencies = {agency.code: pick(agency.name.vi, agency.name.en, lang) for agency in loaded.plan.agencies}
    return Report(
        lang=lang,
        plan_file=loaded.file,
        data_files=data_files,
        plan_number=metadata.number,
        plan_title=pick(metadata.title.vi, metadata.title.en, lang),
        province=metadata.province.name,
        year=metadata.year,
        check=check,
        budget=budget,
        schedule=schedule,
        findings=sort_findings(plan_verdict.findings + check.verdict.findings),
        office=agencies.get(COMPILING_OFFICE) or agencies.get(metadata.issuer, metadata.issuer),
        made=made_at(),
    )


def made_at() -> dt.datetime:
    """Now, to the minute, or the time ``SOURCE_DATE_EPOCH`` names (UTC), so that a build can be repeated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.now().replace(second=0, microsecond=0)
