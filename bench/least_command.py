"""The least a plan-only command of ntmplan can do with its fixed design, for ``bench.py`` to time.

Typer parses the options every ntmplan command has, pydantic validates a one-field
model read from YAML, rich prints a one-cell table: no plan, no rule, no ntmplan
module. Whatever this costs over the import floor (typer building a pydantic
validator per option, pydantic generating its first schema, rich laying out a
table) no implementation of the design can avoid, so the bench shows it beside
ntmplan's own commands.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import rich.console
import rich.table
import typer
import yaml
from pydantic import BaseModel, Field


class Format(str, Enum):
    table = "table"
    json = "json"


class Plan(BaseModel):
    year: Annotated[int, Field(strict=True, ge=0)]


app = typer.Typer()


@app.command()
def validate(
    plans: Annotated[Optional[list[Path]], typer.Argument()] = None,
    format: Format = Format.table,
    lang: Optional[str] = None,
    no_color: bool = False,
    debug: bool = False,
    strict: bool = False,
    config: Optional[Path] = None,
    baseline: Optional[Path] = None,
    show_silenced: bool = False,
    fail_on: Optional[str] = None,
) -> None:
    plan = Plan.model_validate(yaml.safe_load("year: 2019"))
    table = rich.table.Table("year")
    table.add_row(str(plan.year))
    rich.console.Console().print(table)


@app.command()
def schema() -> None:
    """A second command, so that typer dispatches on the command's name as ntmplan does."""


if __name__ == "__main__":
    app()
