"""One place that chooses the formatter for a result that reports findings.

``validate``, ``check`` and ``budget`` hand their result, the format and their
own table renderer to ``emit``; JSON is the result's ``to_dict``, the CI
formats are pure functions of the result in ``github``, ``sarif``, ``junit`` and
``markdown``. Paths in the CI formats are shown relative to the working
directory, as CI runs from the repository's root.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

from ntmplan.config import Settings


def emit(
    result: Any,
    format: str,
    table: Callable[[Any], None],
    *,
    settings: Settings | None = None,
    no_color: bool = False,
    show_silenced: bool = False,
) -> None:
    """Write ``result`` to standard output in ``format`` (a ``Format`` or its value)."""
    format = getattr(format, "value", format)
    root = Path.cwd()
    if format == "json":
        _write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
    elif format == "github":
        from ntmplan.output.github import render_github

        _write(render_github(result, settings, root))
    elif format == "sarif":
        from ntmplan.output.sarif import render_sarif

        _write(json.dumps(render_sarif(result, settings, root), ensure_ascii=False, indent=2, default=str) + "\n")
    elif format == "junit":
        from ntmplan.output.junit import render_junit

        _write(render_junit(result, settings, root))
    elif format == "markdown":
        from ntmplan.output.markdown import render_markdown

        _write(render_markdown(result, settings, root, show_silenced))
    else:
        from ntmplan.output.console import make_console

        console = make_console(no_color=no_color)
        table(console)
        render_silenced(console, result.silenced, show_silenced)


def render_silenced(console: Any, silenced: list, show: bool) -> None:
    """After a table view: the silenced findings with their reasons, or how many there are."""
    from rich.text import Text

    if not silenced:
        return
    if not show:
        console.print(
            Text(f"{len(silenced)} finding(s) silenced by in-file markers or the baseline; "
                 "--show-silenced lists them", style="dim")
        )
        return
    from dataclasses import replace

    from ntmplan.output.console import findings_tables

    console.print(Text(f"Silenced findings ({len(silenced)}): they do not count and do not fail the run",
                       style="bold"))
    shown = [replace(f, message=f"{f.message} — silenced: {f.suppression.reason}") for f in silenced]
    for table in findings_tables(shown):
        console.print(table)


def _write(text: str) -> None:
    sys.stdout.write(text)
