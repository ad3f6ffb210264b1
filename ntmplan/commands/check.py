"""``ntmplan check``: commune data against every target of the plan."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.kit import AsOfOption, PlanArgument, Session, command
from ntmplan.errors import UnknownName
from ntmplan.output.formats import JUDGED, Format
from ntmplan.paths import DEFAULT_DATA


@command(formats=JUDGED, judges=True)
def check(
    session: Session,
    plan: PlanArgument = None,
    data: Annotated[
        Optional[str], typer.Argument(help=f"Commune data CSV (default: {DEFAULT_DATA}, or the shipped copy).")
    ] = None,
    as_of: AsOfOption = None,
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

    result = run_check(
        session.plan(plan),
        session.data(data, DEFAULT_DATA),
        as_of.date() if as_of else None,
        session.settings,
        session.fail_level,
        priority_limit=None if session.format is Format.json else top,
        with_communes=commune is not None,
    )
    if commune is not None:
        matches = result.find_communes(commune)
        if not matches:
            raise UnknownName(_("no commune matches '{text}'").format(text=commune), "--commune")
        result.communes_detail = matches
        result.commune_filter = commune
    return result
