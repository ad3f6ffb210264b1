"""The ``ntmplan`` command line: the shared app with every command module registered.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings at
or above it, 2 the input could not be read or the command was misused.
"""

from __future__ import annotations

# Each module registers its commands; the order here is the order of `ntmplan --help`.
from ntmplan.commands import check, plan, budget, schedule, diff, report  # noqa: F401, I001
from ntmplan.commands.common import app  # noqa: F401  (the typer app, for tests and embedding)


def main() -> None:
    """Run the command line with its help in the reader's language (``--lang``, NTMPLAN_LANG, locale)."""
    import sys

    from ntmplan.i18n.help import command, language_from_argv

    command(language_from_argv(sys.argv[1:]))(prog_name="ntmplan")
