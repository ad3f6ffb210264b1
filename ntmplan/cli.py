"""The ``ntmplan`` command line: the shared app, with command modules registered as they are needed.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings at
or above it, 2 the input could not be read or the command was misused, 3 an
internal error (``ntmplan.commands.kit``).
"""

from __future__ import annotations

import importlib
from typing import Any

# The module of each command, in the order of `ntmplan --help`. A run imports only the
# module of the command it invokes, so a plan-only command starts without pandas or
# the report code; help and anything unrecognised import them all.
COMMANDS = {
    "check": "check", "progress": "progress",
    "validate": "plan", "targets": "plan", "schema": "plan", "rules": "plan", "explain": "plan", "baseline": "baseline",
    "budget": "budget", "schedule": "schedule", "diff": "diff", "report": "report", "template": "template",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def register(modules: tuple[str, ...] = COMMAND_MODULES) -> Any:
    """Import ``modules`` (each registers its commands on the shared app) and return the app."""
    for module in modules:
        importlib.import_module(f"ntmplan.commands.{module}")
    from ntmplan.commands.kit import app

    return app


def modules_for(argv: list[str]) -> tuple[str, ...]:
    """The command module ``argv`` invokes, or every module when it names no command (help, a typo)."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return (COMMANDS[first],) if first in COMMANDS else COMMAND_MODULES


def __getattr__(name: str) -> Any:
    """``from ntmplan.cli import app``: the app with every command, as tests and the catalogue want it."""
    if name == "app":
        return register()
    raise AttributeError(name)


def main() -> None:
    """Run the command line with its help in the reader's language (``--lang``, NTMPLAN_LANG, locale).

    Anything unforeseen that escapes is one paragraph naming the input being read, and exit 3.
    """
    import sys

    from ntmplan.i18n.help import language_from_argv, translated

    try:
        app = register(modules_for(sys.argv[1:]))
        translated(app, language_from_argv(sys.argv[1:]))(prog_name="ntmplan")
    except Exception as error:  # whatever a command's own guard did not catch: exit 3, never a traceback
        if "--debug" in sys.argv[1:]:
            raise
        from ntmplan.commands.kit import INTERNAL_ERROR, internal_message, print_errors

        print_errors([internal_message(error)])
        raise SystemExit(INTERNAL_ERROR) from None
