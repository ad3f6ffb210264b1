"""``ntmplan schedule``: what the appendix expects, when, and of whom; optionally as a calendar.

Parses, loads the plan, selects and groups the tasks, writes the iCalendar file
if asked, hands one ``ScheduleResult`` to the renderer or to JSON. Exit 0, or 2
when the plan cannot be read or an option is wrong. Nothing here imports pandas.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.common import (
    AsOfOption,
    DebugOption,
    Format,
    FormatOption,
    LangOption,
    NoColorOption,
    PlanArgument,
    app,
    input_errors,
    language,
    plan_path,
    print_json,
)


@app.command()
def schedule(
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
    format: FormatOption = Format.table,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the appendix schedule: by section, or what is due at a date or in a month or quarter.

    With --as-of: due this month, due next month, ongoing, past due. With --agency,
    one body's tasks with its role in each. With --ics, an iCalendar file of the
    dated tasks (one event per due month) that calendar programs import.
    """
    from ntmplan.i18n import _, activate
    from ntmplan.loading.plan_loader import load_plan
    from ntmplan.schedule.agenda import UnknownAgency, build_schedule, find_agency
    from ntmplan.schedule.periods import parse_month, parse_quarter

    lang_used = language(lang)
    activate(lang_used)
    chosen = [name for name, value in (("--as-of", as_of), ("--month", month), ("--quarter", quarter)) if value]
    if len(chosen) > 1:
        raise typer.BadParameter(_("choose one of {options}").format(options=", ".join(chosen)), param_hint=chosen[1])
    try:
        period = parse_month(month) if month else parse_quarter(quarter) if quarter else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--month" if month else "--quarter") from None
    path, note = plan_path(plan)
    with input_errors(debug):
        loaded = load_plan(path)
        try:
            body = find_agency(loaded.plan, agency) if agency else None
        except UnknownAgency as exc:
            raise typer.BadParameter(str(exc), param_hint="--agency") from None
        result = build_schedule(loaded, as_of.date() if as_of else None, period, body, note)
        if ics:
            from ntmplan.schedule.ics import write_calendar

            result.ics = write_calendar(result, result.candidates, ics, [loaded.file], lang_used)
    if format is Format.json:
        print_json(result.to_dict())
        return
    from ntmplan.output.console import make_console
    from ntmplan.output.schedule_view import render_schedule

    render_schedule(make_console(no_color=no_color), result, lang_used)
