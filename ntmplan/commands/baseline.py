"""``ntmplan baseline PLANS --out FILE``: the known findings of the plans, written for ``--baseline``.

It exits 0 when the file is written, whatever the plans' findings (they are
what a baseline lists); 2 when a plan cannot be read or the file cannot be written.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ntmplan.commands.kit import ConfigOption, PlansArgument, Session, command


@command()
def baseline(
    session: Session,
    plans: PlansArgument = None,
    out: Annotated[str, typer.Option("--out", "-o", metavar="FILE", help="The baseline to write (JSON).")] = ...,
    config: ConfigOption = None,
):
    """Write the plans' findings as a baseline: CI with --baseline FILE then fails on new findings only."""
    from ntmplan.config import load_settings
    from ntmplan.runs.baseline import run_baseline

    paths = [session.plan(plan) for plan in plans or [None]]
    return run_baseline(paths, out, load_settings(config))
