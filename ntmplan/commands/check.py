"""``ntmplan check``: commune data against every target of the plan."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.inputs import (
    BasisChoice,
    BasisOption,
    DataArguments,
    PlanOption,
    SheetOption,
    SinceOption,
    round_inputs,
)
from ntmplan.commands.kit import AsOfOption, Session, command
from ntmplan.errors import UnknownName
from ntmplan.output.formats import JUDGED, Format


@command(formats=JUDGED, judges=True)
def check(
    session: Session,
    data: DataArguments = None,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    basis: BasisOption = BasisChoice.year_end,
    since: SinceOption = None,
    sheet: SheetOption = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Communes shown in the priority list.")] = 20,
    commune: Annotated[
        Optional[str],
        typer.Option(
            "--commune", metavar="TEXT",
            help="Only the communes whose name, code or district contains TEXT (accents and case ignored).",
        ),
    ] = None,
):
    """Check commune data against the plan: which targets are met, which are behind, where."""
    from ntmplan.i18n import _
    from ntmplan.runs.check import run_check

    plan_file, data_files, start = round_inputs(session, data, plan, basis, as_of, since)
    result = run_check(
        plan_file,
        data_files,
        as_of.date() if as_of else None,
        session.settings,
        session.fail_level,
        priority_limit=None if session.format is Format.json else top,
        with_communes=commune is not None,
        basis=basis.value,
        since=start,
        sheet=sheet,
    )
    if commune is not None:
        matches = result.find_communes(commune)
        if not matches:
            raise UnknownName(_("no commune matches '{text}'").format(text=commune), "--commune")
        result.communes_detail = matches
        result.commune_filter = commune
    return result
