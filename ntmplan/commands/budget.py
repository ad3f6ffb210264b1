"""``ntmplan budget``: the funding plan, its arithmetic, and its execution so far.

Nothing here imports pandas.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.kit import AsOfOption, PlanArgument, Session, command
from ntmplan.output.formats import JUDGED


@command(formats=JUDGED, judges=True)
def budget(
    session: Session,
    plan: PlanArgument = None,
    actuals: Annotated[
        Optional[str],
        typer.Option("--actuals", metavar="FILE", help="CSV of amounts mobilised so far per source (and district)."),
    ] = None,
    as_of: AsOfOption = None,
):
    """Show the funding plan: amounts, stated and computed shares, and whether they add up.

    With --actuals, also planned against actual funding per source; with --as-of,
    which sources are behind the year pro-rated to that date.
    """
    from ntmplan.runs.budget import run_budget

    if as_of is not None and actuals is None:
        raise typer.BadParameter("--as-of needs --actuals: it dates the actual amounts", param_hint="--as-of")
    return run_budget(session.plan(plan), actuals, as_of.date() if as_of else None, session.settings,
                      session.fail_level)
