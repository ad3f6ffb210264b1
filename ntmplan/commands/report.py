"""``ntmplan report``: the check, budget and schedule as an Excel workbook or a self-contained HTML page.

Exits 0 (written) or 2 (unreadable input, a wrong target). Findings do not fail
a report: it is for reading, ``check`` is for CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ntmplan.commands import inputs as round_options
from ntmplan.commands.kit import AsOfOption, Session, command


def _progress():
    """A progress bar on an interactive terminal; nothing in CI, in a pipe or on a dumb terminal."""
    from contextlib import nullcontext

    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return nullcontext(None)
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ntmplan.output.console import make_console

    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=make_console(stderr=True), transient=True)


@command()
def report(
    session: Session,
    data: round_options.DataArguments = None,
    plan: round_options.PlanOption = None,
    out: Annotated[
        str, typer.Option("--out", "-o", metavar="FILE", help="The report to write: a .xlsx workbook or a .html page.")
    ] = ...,
    charts: Annotated[
        Optional[str], typer.Option("--charts", metavar="DIR", help="Also write the charts as PNG files into DIR.")
    ] = None,
    as_of: AsOfOption = None,
    basis: round_options.BasisOption = round_options.BasisChoice.year_end,
    since: round_options.SinceOption = None,
    sheet: round_options.SheetOption = None,
):
    """Write a report for people: an Excel workbook (.xlsx) or a self-contained HTML page (.html).

    Summary of the headline targets, criteria, districts, every commune's 19
    criteria, the target communes, the priority list, the progress since the
    start of the year (--since), the budget, the schedule and the findings, with
    charts; in Vietnamese or English (--lang).
    """
    from ntmplan.errors import InputError
    from ntmplan.files import check_target
    from ntmplan.i18n import _
    from ntmplan.report.writer import WRITERS, write_report
    from ntmplan.runs.report import build_report

    if Path(out).suffix.lower() not in WRITERS:
        raise typer.BadParameter(
            _("'{file}' must end in .xlsx (Excel workbook) or .html (web page)").format(file=out), param_hint="--out"
        )
    plan_file, data_files, start = round_options.round_inputs(session, data, plan, basis, as_of, since)
    inputs = [plan_file, *data_files, *(start or [])]
    check_target(out, inputs)
    if charts is not None:
        try:
            Path(charts).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(charts, _("the folder for the charts cannot be created: {reason}").format(
                reason=error.strerror or error), expected=_("a folder that exists or can be created")) from None
    labels = {"check": _("Checking the data"), "budget": _("Budget"), "schedule": _("Schedule"),
              "charts": _("Charts"), "write": _("Writing")}
    with _progress() as progress:
        task = progress.add_task(_("Building the report"), total=len(labels)) if progress else None

        def step(name: str) -> None:
            """``name`` is done: the bar moves on."""
            if progress is not None:
                progress.update(task, advance=1, description=labels[name])

        built = build_report(plan_file, data_files, as_of.date() if as_of else None, session.lang, session.settings,
                             step=step, basis=basis.value, since=start, sheet=sheet)
        return write_report(built, out, charts, inputs, step)
