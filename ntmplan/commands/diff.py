"""``ntmplan diff OLD NEW``: what an edit of a plan changes, and whether the new plan validates.

Exit 0 when the new plan validates, 1 when it does not (or, with
``--fail-on-lowered-targets``, when a target is lowered), 2 when a version
cannot be read. The changes themselves never fail a run otherwise.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ntmplan.commands.kit import Session, command
from ntmplan.output.formats import JUDGED


@command(formats=JUDGED, judges=True)
def diff(
    session: Session,
    old: Annotated[
        str,
        typer.Argument(help="The plan before the edit: a file, or REV:path to read it from git (HEAD~1:plans/2019.yaml)."),
    ],
    new: Annotated[str, typer.Argument(help="The plan after the edit: a file, or REV:path.")],
    fail_on_lowered_targets: Annotated[
        bool,
        typer.Option("--fail-on-lowered-targets", help="Exit 1 when the edit lowers or removes a target."),
    ] = False,
):
    """Compare two versions of a plan: what changed in targets, budget, tasks and agencies; and validate the new one."""
    from ntmplan.runs.diff import run_diff

    return run_diff(old, new, session.settings, session.fail_level, fail_on_lowered_targets)
