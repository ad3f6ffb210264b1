"""``schedule``: the appendix's tasks by section, at a date or in a period, for one agency or all."""

from __future__ import annotations

import datetime as dt

from ntmplan.i18n import Lang
from ntmplan.loading.plan_loader import load_plan
from ntmplan.schedule.agenda import ScheduleResult, build_schedule, find_agency
from ntmplan.schedule.periods import Period


def run_schedule(plan_file: str, as_of: dt.date | None, period: Period | None, agency: str | None,
                 ics: str | None, lang: Lang) -> ScheduleResult:
    """The schedule as asked; with ``ics``, the dated tasks also written as an iCalendar file.

    An unknown ``agency`` raises ``UnknownAgency`` with the nearest code.
    """
    loaded = load_plan(plan_file)
    body = find_agency(loaded.plan, agency) if agency else None
    result = build_schedule(loaded, as_of, period, body)
    if ics:
        from ntmplan.schedule.ics import write_calendar

        result.ics = write_calendar(result, result.candidates, ics, [loaded.file], lang)
    return result
