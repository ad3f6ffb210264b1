"""Commands on the plan alone: validate, targets, schema, rules, explain.

Nothing here imports pandas, so these commands start fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ntmplan.commands.kit import PlanArgument, PlansArgument, Session, command
from ntmplan.output.formats import CATALOGUE, JUDGED, Format


@command(formats=JUDGED, judges=True)
def validate(session: Session, plans: PlansArgument = None):
    """Check the plan file's format and its internal consistency."""
    from ntmplan.runs.validate import run_validate

    paths = [session.plan(plan) for plan in plans or [None]]
    return run_validate(paths, session.settings, session.fail_level)


@command()
def targets(session: Session, plan: PlanArgument = None):
    """Show the plan's targets: each criterion's added and total communes and shares."""
    from ntmplan.runs.targets import run_targets

    return run_targets(session.plan(plan))


@command(formats=(Format.json,))
def schema(session: Session):
    """Print the JSON Schema of the plan format (for editors and CI)."""
    from ntmplan.runs.catalogue import run_schema

    return run_schema()


@command(formats=CATALOGUE, name="rules")
def list_rules(session: Session):
    """List every rule with its code, name, default severity and summary."""
    from ntmplan.runs.catalogue import run_rules

    return run_rules()


@command()
def explain(session: Session, code: Annotated[str, typer.Argument(help="A rule code such as SH01, or its name.")]):
    """Print one rule's documentation."""
    from ntmplan.runs.catalogue import run_explain

    return run_explain(code)
