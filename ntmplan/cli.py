"""The ``ntmplan`` command line: the shared app with every command module registered.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings at
or above it, 2 the input could not be read or the command was misused, 3 an
internal error (``ntmplan.commands.kit``).
"""

from __future__ import annotations

import importlib

from ntmplan.commands.kit import app

# Each module registers its commands; the order here is the order of `ntmplan --help`.
COMMAND_MODULES = ("check", "progress", "plan", "baseline", "budget", "schedule", "diff", "report", "template")
for _module in COMMAND_MODULES:
    importlib.import_module(f"ntmplan.commands.{_module}")


def main() -> None:
    """Run the command line with its help in the reader's language (``--lang``, NTMPLAN_LANG, locale).

    Anything unforeseen that escapes is one paragraph naming the input being read, and exit 3.
    """
    import sys

    from ntmplan.i18n.help import language_from_argv, translated

    try:
        translated(app, language_from_argv(sys.argv[1:]))(prog_name="ntmplan")
    except Exception as error:  # whatever a command's own guard did not catch: exit 3, never a traceback
        if "--debug" in sys.argv[1:]:
            raise
        from ntmplan.commands.kit import INTERNAL_ERROR, internal_message, print_errors

        print_errors([internal_message(error)])
        raise SystemExit(INTERNAL_ERROR) from None

