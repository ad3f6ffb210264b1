"""``ntmplan schedule``: what the appendix expects, when, and of whom; optionally as a calendar.

Nothing here imports pandas.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.kit import AsOfOption, PlanArgument, Session, command


@command()
def schedule(
    session: Session,
    plan: PlanArgument = None,
    as_of: AsOfOption = None,
    month: Annotated[
        Optional[str], typer.Option("--month", metavar="YYYY-MM", help="Tasks due in this month, e.g. 2019-06.")
    ] = None,
    quarter: Annotated[
        Optional[str], typer.Option("--quarter", metavar="YYYY-QN", help="Tasks due in this quarter, e.g. 2019-Q2.")
    ] = None,
    agency: Annotated[
        Optional[str],
        typer.Option("--agency", metavar="CODE", help="Only this agency's tasks (code such as SO-TC, or its name)."),
    ] = None,
    ics: Annotated[
        Optional[str],
        typer.Option("--ics", metavar="FILE", help="Also write the tasks with fixed dates as an iCalendar file."),
    ] = None,
):
    """Show the appendix schedule: by section, or what is due at a date or in a month or quarter.

    With --as-of: due this month, due next month, ongoing, past due. With --agency,
    one body's tasks with its role in each. With --ics, an iCalendar file of the
    dated tasks (one event per due month) that calendar programs import.
    """
    from ntmplan.i18n import _
    from ntmplan.runs.schedule import run_schedule
    from ntmplan.schedule.periods import parse_month, parse_quarter

    chosen = [name for name, value in (("--as-of", as_of), ("--month", month), ("--quarter", quarter)) if value]
    if len(chosen) > 1:
        raise typer.BadParameter(_("choose one of {options}").format(options=", ".join(chosen)), param_hint=chosen[1])
    try:
        period = parse_month(month) if month else parse_quarter(quarter) if quarter else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--month" if month else "--quarter") from None
    plan_file = session.plan(plan)
    if ics is not None:
        from ntmplan.files import check_target

        check_target(ics, [plan_file])  # before the work: an unwritable calendar is said at once
    return run_schedule(plan_file, as_of.date() if as_of else None, period, agency, ics, session.lang)
