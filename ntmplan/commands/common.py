"""What every command shares: the typer app, common options, error handling, output.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings
at or above it, 2 the input could not be read or the command was misused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Iterator, Optional

import typer

from ntmplan.errors import InputError
from ntmplan.findings import Severity
from ntmplan.numbers import Lang, lang_from_locale
from ntmplan.paths import DEFAULT_PLAN, resolve_default

app = typer.Typer(
    name="ntmplan",
    help="Check a provincial New Rural Development (NTM) plan and its commune data.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Plain output without colours (also: NO_COLOR).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback for unreadable input.")]
LangOption = Annotated[
    Optional[Lang],
    typer.Option(
        "--lang",
        envvar="NTMPLAN_LANG",
        show_envvar=True,
        help="Language of names, numbers and dates: vi (3.002,8) or en (3,002.8). "
        "Default: NTMPLAN_LANG, then the locale (vi* is Vietnamese).",
    ),
]
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
AsOfOption = Annotated[
    Optional[dt.datetime],
    typer.Option("--as-of", formats=DATE_FORMATS, help="The date to judge at: 2019-06-30 or 30/06/2019."),
]
PlanArgument = Annotated[
    Optional[str], typer.Argument(help=f"Plan file (default: {DEFAULT_PLAN}, or the copy shipped with ntmplan).")
]


def language(lang: Lang | None) -> Lang:
    """The language asked for (option or NTMPLAN_LANG, which typer reads), else the locale's."""
    return lang if lang is not None else lang_from_locale(dict(os.environ))


def fail_level(fail_on: FailOn) -> Severity | None:
    return None if fail_on is FailOn.never else Severity(fail_on.value)


@contextmanager
def input_errors(debug: bool) -> Iterator[None]:
    """Turn unreadable input into a clear message and exit code 2."""
    try:
        yield
    except InputError as error:
        if debug:
            raise
        from rich.markup import escape

        from ntmplan.output.console import make_console

        console = make_console(stderr=True)
        for line in str(error).splitlines():
            console.print(f"[bold red]error:[/bold red] {escape(line)}", soft_wrap=True)
        raise typer.Exit(2) from None


def plan_path(plan: str | None) -> tuple[str, str | None]:
    """The plan file to use, and a note when it is the bundled copy."""
    if plan is not None:
        return plan, None
    path, bundled = resolve_default(DEFAULT_PLAN)
    return path, (f"Using the plan shipped with ntmplan: {path}" if bundled else None)


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
