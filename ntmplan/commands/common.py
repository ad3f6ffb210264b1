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
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

from ntmplan.errors import InputError
from ntmplan.findings import Severity
from ntmplan.numbers import Lang, lang_from_locale
from ntmplan.paths import DEFAULT_PLAN, resolve_default

if TYPE_CHECKING:
    from ntmplan.config import Settings

app = typer.Typer(
    name="ntmplan",
    help="Check a provincial New Rural Development (NTM) plan and its commune data.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    """Output formats. ``table`` and ``json`` for every command; the others, for CI,
    for the commands that report findings (validate, check, budget)."""

    table = "table"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


def _table_or_json(value: Format | None) -> Format | None:
    if value is not None and value not in (Format.table, Format.json):
        raise typer.BadParameter(
            f"'{value.value}' is for the commands that report findings (validate, check, budget); "
            "this command prints 'table' or 'json'"
        )
    return value


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.", callback=_table_or_json)]
ReportFormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        help="Output format: table, json, github (annotations), sarif, junit or markdown. "
        "Default: table, or github when GITHUB_ACTIONS is true.",
    ),
]
ConfigOption = Annotated[
    Optional[str],
    typer.Option(
        "--config",
        metavar="FILE",
        help="Configuration file (default: the nearest ntmplan.yaml, or pyproject.toml with [tool.ntmplan]).",
    ),
]
BaselineOption = Annotated[
    Optional[str],
    typer.Option(
        "--baseline",
        metavar="FILE",
        help="JSON output of an earlier run: the findings it lists are known, silenced and do not fail the run.",
    ),
]
ShowSilencedOption = Annotated[
    bool, typer.Option("--show-silenced", help="Also list the findings silenced by markers or by the baseline.")
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")]
FailOnOption = Annotated[
    Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that fails the run (default: error).")
]
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
PlansArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help=f"Plan file (default: {DEFAULT_PLAN}, or the copy shipped with ntmplan).", show_default=False),
]


def language(lang: Lang | None) -> Lang:
    """The language asked for (option or NTMPLAN_LANG, which typer reads), else the locale's."""
    return lang if lang is not None else lang_from_locale(dict(os.environ))


def fail_level(fail_on: FailOn) -> Severity | None:
    return None if fail_on is FailOn.never else Severity(fail_on.value)


def output_format(format: Format | None) -> Format:
    """The format asked for; without one, GitHub annotations inside GitHub Actions, else tables."""
    if format is not None:
        return format
    return Format.github if os.environ.get("GITHUB_ACTIONS", "").lower() == "true" else Format.table


def failing_level(fail_on: FailOn | None, strict: bool, settings: "Settings") -> Severity | None:
    """``--fail-on``, else ``--strict``, else the configuration's ``fail-on``, else ``error``."""
    if fail_on is None:
        fail_on = FailOn.warning if strict else FailOn(settings.fail_on) if settings.fail_on else FailOn.error
    return fail_level(fail_on)


@contextmanager
def configured(config: str | None, baseline: str | None, debug: bool) -> Iterator["Settings"]:
    """Read the configuration (a bad one exits 2) and apply it to every rule run inside."""
    from ntmplan.config import active, load_settings

    with input_errors(debug):
        settings = load_settings(config, baseline)
    with active(settings):
        yield settings


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
