"""The ``ntmplan`` command line: the shared app with every command module registered.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings at
or above it, 2 the input could not be read or the command was misused.
"""

from __future__ import annotations

from ntmplan.commands import check, plan  # noqa: F401  (each registers its commands)
from ntmplan.commands import budget  # noqa: F401  (registers 'budget')
from ntmplan.commands import schedule  # noqa: F401  (registers 'schedule')
from ntmplan.commands import diff  # noqa: F401  (registers 'diff')
from ntmplan.commands import report  # noqa: F401  (registers 'report')
from ntmplan.commands.common import app


def main() -> None:
    """Run the command line with its help in the reader's language (``--lang``, NTMPLAN_LANG, locale)."""
    import sys

    from ntmplan.i18n.help import command, language_from_argv

    command(language_from_argv(sys.argv[1:]))(prog_name="ntmplan")
