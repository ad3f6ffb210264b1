"""The ``ntmplan`` command line: the shared app with every command module registered.

Exit codes (as sqlfluff): 0 nothing at or above the failing level, 1 findings at
or above it, 2 the input could not be read or the command was misused.
"""

from __future__ import annotations

from ntmplan.commands import check, plan  # noqa: F401  (each registers its commands)
from ntmplan.commands import budget  # noqa: F401  (registers 'budget')
from ntmplan.commands import schedule  # noqa: F401  (registers 'schedule')
from ntmplan.commands.common import app


def main() -> None:
    app()
