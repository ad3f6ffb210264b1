"""``ntmplan template``: the data-entry workbook the office sends to the districts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ntmplan.commands.inputs import PlanOption, refuse_plans
from ntmplan.commands.kit import Session, command


@command()
def template(
    session: Session,
    out: Annotated[str, typer.Option("--out", "-o", metavar="FILE", help="The workbook to write (.xlsx).")] = ...,
    district: Annotated[
        Optional[str],
        typer.Option("--district", metavar="CODE|NAME",
                     help="Only this district's communes: its code (180) or its name (Tràng Định); default: all."),
    ] = None,
    from_round: Annotated[
        Optional[list[str]],
        typer.Option("--from", metavar="ROUND",
                     help="Fill the cells with an earlier round's values: a file or a folder (repeatable)."),
    ] = None,
    sheet: Annotated[
        Optional[str], typer.Option("--sheet", metavar="NAME", help="The sheet to read in the --from workbooks.")
    ] = None,
    plan: PlanOption = None,
):
    """Write a data-entry workbook for the districts: communes, drop-downs, instructions, review dates.

    One sheet of communes (the province, or one district) with code, name and
    district filled in and locked, a column per criterion, flag and count with
    a drop-down or a number check, the instructions (what, by when, to whom,
    from the plan), and a hidden record of the plan and district, so that
    'ntmplan check' knows where a returned file came from.
    """
    from ntmplan.files import check_target
    from ntmplan.i18n import _
    from ntmplan.report.template import write_template
    from ntmplan.runs.template import build_template

    if Path(out).suffix.lower() != ".xlsx":
        raise typer.BadParameter(_("'{file}' must end in .xlsx (Excel workbook)").format(file=out),
                                 param_hint="--out")
    refuse_plans(from_round or [], "--from")
    plan_file = session.plan(plan, "--plan", _("give it with --from {file}").format(file=plan))
    inputs = [plan_file, *(from_round or [])]
    check_target(out, inputs)
    spec = build_template(plan_file, session.lang, district, from_round, sheet)
    return write_template(spec, out, inputs)
