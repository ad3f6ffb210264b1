"""The inputs of the commands that read commune data: the data as arguments, the plan with ``--plan``.

The data is what changes every round, the plan rarely, so ``check``,
``report`` and ``progress`` take the data first: ``ntmplan check
data/communes-2019-06.csv``. A plan given first, as before (``ntmplan check
plans/2019.yaml data/communes.csv``), keeps working. A file given in the wrong
place is refused with a message saying what it looks like and where it goes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ntmplan.commands.kit import Session
from ntmplan.i18n import _
from ntmplan.paths import DEFAULT_DATA, DEFAULT_PLAN

PLAN_SUFFIXES = (".yaml", ".yml")


class BasisChoice(str, Enum):
    """What a date's verdict compares with: the plan's year-end targets (with the pace), or targets pro-rated to it."""

    year_end = "year-end"
    pro_rata = "pro-rata"


DataArguments = Annotated[
    Optional[list[str]],
    typer.Argument(
        help=f"Commune data: one or more files, or a folder (default: {DEFAULT_DATA}, or the copy shipped with "
        "ntmplan). A plan (.yaml) given first is read as the plan, as with --plan.",
        show_default=False, metavar="DATA...",
    ),
]
PlanOption = Annotated[
    Optional[str],
    typer.Option("--plan", metavar="PLAN",
                 help=f"Plan file (default: {DEFAULT_PLAN}, or the copy shipped with ntmplan)."),
]
SinceOption = Annotated[
    Optional[list[str]],
    typer.Option("--since", metavar="ROUND",
                 help="The round at the start of the year (a file or a folder; repeat for several files): the "
                 "pace and the progress are measured from it."),
]
SheetOption = Annotated[
    Optional[str], typer.Option("--sheet", metavar="NAME", help="The sheet to read in each workbook.")
]
BasisOption = Annotated[
    BasisChoice,
    typer.Option("--basis", help="year-end: the plan's year-end targets, with the pace since the start of the year "
                 "(the default); pro-rata: criterion counts pro-rated to --as-of."),
]


def looks_like_plan(path: str) -> bool:
    return Path(path).suffix.lower() in PLAN_SUFFIXES


def refuse_plans(sources: list[str], hint: str) -> None:
    """A plan given where commune data belongs is refused, saying to give it with --plan."""
    for source in sources:
        if looks_like_plan(source):
            raise typer.BadParameter(
                _("'{file}' looks like a plan (a YAML file), not commune data: give it with --plan {file}").format(
                    file=source), param_hint=hint)


def plan_and_data(session: Session, given: list[str] | None, plan: str | None,
                  default_data: bool = True) -> tuple[str, list[str]]:
    """The plan file and the data files: a YAML first argument is the plan, as before ``--plan`` existed."""
    sources = list(given or [])
    if sources and looks_like_plan(sources[0]):
        if plan is not None:
            raise typer.BadParameter(
                _("two plans are given: '{first}' and --plan '{plan}'; give one").format(first=sources[0], plan=plan),
                param_hint="DATA")
        plan, sources = sources[0], sources[1:]
    refuse_plans(sources, "DATA")
    plan_file = session.plan(plan, "--plan", _("give it as an argument, without --plan"))
    if not sources and default_data:
        sources = [session.data(None, DEFAULT_DATA)]
    return plan_file, sources


def round_inputs(session: Session, data: list[str] | None, plan: str | None, basis: BasisChoice, as_of,
                 since: list[str] | None) -> tuple[str, list[str], list[str] | None]:
    """The plan, the data and the start-of-year round of ``check`` and ``report``, each in its place.

    Pro-rating is to a date: ``--basis pro-rata`` without ``--as-of`` is refused.
    """
    if basis is BasisChoice.pro_rata and as_of is None:
        raise typer.BadParameter(_("pro-rating needs a date: give --as-of"), param_hint="--basis")
    if since:
        refuse_plans(since, "--since")
    plan_file, data_files = plan_and_data(session, data, plan)
    return plan_file, data_files, since or None
