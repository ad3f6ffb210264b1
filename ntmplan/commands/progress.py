"""``ntmplan progress``: what changed between two review rounds, commune by commune."""

from __future__ import annotations

from typing import Annotated

import typer

from ntmplan.commands.inputs import PlanOption, SheetOption, plan_and_data
from ntmplan.commands.kit import Session, command


@command()
def progress(
    session: Session,
    rounds: Annotated[
        list[str],
        typer.Argument(help="The earlier round, then the later one: each a file or a folder of files.",
                       metavar="OLD NEW", show_default=False),
    ],
    plan: PlanOption = None,
    sheet: SheetOption = None,
):
    """Compare two rounds: criteria gained and lost per commune, district and criterion; communes newly at the
    standard and recognised communes fallen below it."""
    from ntmplan.i18n import _
    from ntmplan.runs.progress import run_progress

    plan_file, sources = plan_and_data(session, rounds, plan, default_data=False)
    if len(sources) != 2:
        raise typer.BadParameter(
            _("give two rounds, the earlier then the later (each a file or a folder); found {count}").format(
                count=len(sources)), param_hint="OLD NEW")
    return run_progress(plan_file, [sources[0]], [sources[1]], sheet)
