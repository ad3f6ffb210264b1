"""What every command shares: the typer app, the common options, one prologue and one epilogue.

A command is a function that takes a ``Session`` and its own options and
returns a result; ``@command`` adds the options every command has (``--lang``,
``--format`` with the formats it allows, ``--no-color``, ``--debug``; for the
commands that judge, ``--strict``, ``--fail-on``, ``--config``, ``--baseline``
and ``--show-silenced``), opens the session before it runs (the language, the
configuration, the failing level) and, after it, renders the result in the
format asked for and exits.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings
at or above it, 2 the input could not be read or the command was misused,
3 an internal error (a bug of ntmplan: please report it).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer

from ntmplan.findings import Severity
from ntmplan.i18n import N_, Lang, lang_from_locale
from ntmplan.output.formats import JUDGED, PLAIN, Format
from ntmplan.paths import DEFAULT_PLAN, resolve_default

if TYPE_CHECKING:
    from ntmplan.rules.settings import Settings

INPUT_ERROR = 2
INTERNAL_ERROR = 3

app = typer.Typer(
    name="ntmplan",
    help="Check a provincial New Rural Development (NTM) plan and its commune data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(asked: bool) -> None:
    """``ntmplan --version``: the version installed, then exit."""
    if asked:
        from ntmplan import __version__

        typer.echo(f"ntmplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """The options of ntmplan itself, before a command (the app's help text is its description)."""


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def read_day(text: str | dt.datetime) -> dt.datetime:
    """A date as the reader writes it: ISO (2019-06-30) or day first (30/06/2019), as the Vietnamese output shows.

    Typer's own datetime type shows its strptime formats in the help
    (``<%Y-%m-%d|%d/%m/%Y>``); with this parser the help shows the forms a person types.
    """
    from ntmplan.i18n import _

    if isinstance(text, dt.datetime):
        return text
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), form)
        except ValueError:
            continue
    raise typer.BadParameter(_("'{value}' is not a date: write 2019-06-30 or 30/06/2019").format(value=text))


AsOfOption = Annotated[
    Optional[dt.datetime],
    typer.Option("--as-of", parser=read_day, metavar="DATE",
                 help="The date to judge at: 2019-06-30 or 30/06/2019 (day first)."),
]

PlanArgument = Annotated[
    Optional[str], typer.Argument(help=f"Plan file (default: {DEFAULT_PLAN}, or the copy shipped with ntmplan).")
]
PlansArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help=f"Plan file (default: {DEFAULT_PLAN}, or the copy shipped with ntmplan).", show_default=False),
]


def _format_option(formats: tuple[Format, ...]):
    names = ", ".join(format.value for format in formats)

    def allowed(value: Format | None) -> Format | None:
        if value is not None and value not in formats:
            raise typer.BadParameter(f"'{value.value}' is not a format of this command; it prints {names}")
        return value

    help_text = "Output format: table, json, github (annotations), sarif, junit or markdown. " \
        "Default: table, or github when GITHUB_ACTIONS is true." if formats == JUDGED else "Output format."
    return Annotated[Optional[Format], typer.Option("--format", "-f", help=help_text, callback=allowed)]


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
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Plain output without colours (also: NO_COLOR).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback for unreadable input.")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")]
FailOnOption = Annotated[
    Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that fails the run (default: error).")
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


DATA_KINDS = {".csv": N_("a CSV file"), ".tsv": N_("a CSV file"), ".txt": N_("a CSV file"),
              ".xlsx": N_("a workbook"), ".xlsm": N_("a workbook"), ".xls": N_("a workbook")}


def data_kind(path: str) -> str | None:
    """What a path looks like when it looks like commune data ('a workbook'), else None."""
    from ntmplan.i18n import _, translate

    if Path(path).is_dir():
        return _("a folder")
    kind = DATA_KINDS.get(Path(path).suffix.lower())
    return translate(kind) if kind else None


@dataclass
class Session:
    """What a command runs with: the language, the format, the configuration and the failing level."""

    lang: Lang
    format: Format
    settings: Settings
    fail_level: Severity | None
    no_color: bool = False
    debug: bool = False
    show_silenced: bool = False
    notes: list[str] = field(default_factory=list)

    def plan(self, given: str | None, hint: str = "PLAN", belongs: str | None = None) -> str:
        """The plan file to use: the one given, else the default (noting when it is the bundled copy).

        Commune data given as the plan (a CSV file, a workbook, a folder) is
        refused: ``hint`` names where it was given, ``belongs`` says where it
        goes (by default, to ``ntmplan check``).
        """
        from ntmplan.i18n import N_, _

        kind = data_kind(given) if given is not None else None
        if kind:
            where = belongs or _("check it with: ntmplan check {file}").format(file=given)
            raise typer.BadParameter(_("'{file}' looks like commune data ({kind}), not a plan: {where}").format(
                file=given, kind=kind, where=where), param_hint=hint)
        return self._default(given, DEFAULT_PLAN, N_("Using the plan shipped with ntmplan: {path}"))

    def data(self, given: str | None, default: str) -> str:
        """A data file to use: the one given, else ``default`` (noting when it is the bundled copy)."""
        from ntmplan.i18n import N_

        return self._default(given, default, N_("Using the data shipped with ntmplan: {path}"))

    def _default(self, given: str | None, default: str, note: str) -> str:
        from ntmplan.i18n import translate

        if given is not None:
            return given
        path, bundled = resolve_default(default)
        if bundled:
            self.notes.append(translate(note).format(path=path))
        return path


def language(lang: Lang | None) -> Lang:
    """The language asked for (option or NTMPLAN_LANG, which typer reads), else the locale's."""
    return lang if lang is not None else lang_from_locale(os.environ)


def _default_format(formats: tuple[Format, ...]) -> Format:
    """Without ``--format``: GitHub annotations inside GitHub Actions for the commands that judge, else tables."""
    in_actions = os.environ.get("GITHUB_ACTIONS", "").lower() == "true"
    return Format.github if in_actions and Format.github in formats else formats[0]


def _failing_level(fail_on: FailOn | None, strict: bool, settings: Settings) -> Severity | None:
    """``--fail-on``, else ``--strict``, else the configuration's ``fail-on``, else ``error``."""
    if fail_on is None:
        fail_on = FailOn.warning if strict else FailOn(settings.fail_on) if settings.fail_on else FailOn.error
    return None if fail_on is FailOn.never else Severity(fail_on.value)


def _common(formats: tuple[Format, ...], judges: bool) -> list[inspect.Parameter]:
    """The options every command has, and those of the commands that judge."""
    options: list[tuple[str, Any, Any]] = [("format", _format_option(formats), None)]
    if judges:
        options += [
            ("strict", StrictOption, False),
            ("fail_on", FailOnOption, None),
            ("config", ConfigOption, None),
            ("baseline", BaselineOption, None),
            ("show_silenced", ShowSilencedOption, False),
        ]
    options += [("lang", LangOption, None), ("no_color", NoColorOption, False), ("debug", DebugOption, False)]
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
            for name, annotation, default in options]


def command(*, formats: tuple[Format, ...] = PLAIN, judges: bool = False, name: str | None = None):
    """Register ``body(session, **options) -> result`` as a command with the common options around it."""

    def register(body: Callable[..., Any]) -> Callable[..., Any]:
        own = [p for p in inspect.signature(body, eval_str=True).parameters.values() if p.name != "session"]
        common = _common(formats, judges)
        common_names = [parameter.name for parameter in common]

        @functools.wraps(body)
        def run(**given: Any) -> None:
            options = {name: given.pop(name) for name in common_names}
            with guarded(options["debug"]):
                session = open_session(options, formats, judges)
                result = body(session, **given)
                finish(session, result)

        run.__signature__ = inspect.Signature(own + common)  # type: ignore[attr-defined]
        run.__annotations__ = {}
        del run.__wrapped__  # typer reads the signature above, not the body's
        app.command(name)(run)
        return body

    return register


def open_session(options: dict[str, Any], formats: tuple[Format, ...], judges: bool) -> Session:
    """The prologue: the language, the configuration (a bad one exits 2), the failing level."""
    from ntmplan.i18n import activate
    from ntmplan.rules.settings import Settings

    lang = language(options["lang"])
    activate(lang)
    settings = Settings()
    if judges:
        from ntmplan.config import load_settings

        settings = load_settings(options["config"], options["baseline"])
    fail_level = _failing_level(options.get("fail_on"), options.get("strict", False), settings)
    return Session(lang, options["format"] or _default_format(formats), settings, fail_level, options["no_color"],
                   options["debug"], options.get("show_silenced", False))


def finish(session: Session, result: Any) -> None:
    """The epilogue: render the result as asked, exit 1 when it failed, else 0."""
    from ntmplan.output.formats import emit
    from ntmplan.output.view import View

    emit(result, session.format, View(session.lang, session.no_color, session.show_silenced, tuple(session.notes)))
    raise typer.Exit(1 if getattr(result, "failed", False) or _verdict_failed(result) else 0)


def _verdict_failed(result: Any) -> bool:
    verdict = getattr(result, "verdict", None)
    return bool(verdict is not None and verdict.failed)


class guarded:
    """Unreadable input becomes a clear message and exit 2; anything unforeseen, one paragraph and exit 3.

    With ``--debug`` both show their traceback instead.
    """

    def __init__(self, debug: bool):
        self.debug = debug

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        from ntmplan.errors import InputError, UnknownName

        if error is None or isinstance(error, (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt,
                                               SystemExit)):
            return False
        if self.debug:
            return False
        if isinstance(error, InputError):
            fail([str(line) for line in str(error).splitlines()], INPUT_ERROR)
        if isinstance(error, UnknownName):
            if error.option:
                raise typer.BadParameter(str(error), param_hint=error.option) from None
            fail([str(error)], INPUT_ERROR)
        internal(error)
        return False


def fail(lines: list[str], code: int) -> None:
    """Print ``lines`` as errors on standard error and exit with ``code``."""
    print_errors(lines)
    raise typer.Exit(code)


def print_errors(lines: list[str]) -> None:
    """``lines`` on standard error, each after 'error:', printed literally."""
    from rich.text import Text

    from ntmplan.output.console import make_console

    console = make_console(stderr=True)
    for line in lines:
        console.print(Text.assemble(("error:", "bold red"), f" {line}"), soft_wrap=True)


def internal(error: BaseException) -> None:
    """A bug: one paragraph saying what happened, the exit code of an internal error, no traceback."""
    print_errors([internal_message(error)])
    raise typer.Exit(INTERNAL_ERROR)


def internal_message(error: BaseException) -> str:
    """One paragraph on a bug: what was being read, what went wrong, and how to see more."""
    from ntmplan.errors import last_read
    from ntmplan.i18n import _

    reading = last_read()
    where = _(" while working on {file}").format(file=reading) if reading else ""
    return _("internal error{where} ({kind}: {error}). This is a bug of ntmplan: please report it with the command "
             "you ran; --debug shows the traceback.").format(where=where, kind=type(error).__name__, error=error)
