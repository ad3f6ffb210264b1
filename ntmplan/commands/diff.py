"""``ntmplan diff OLD NEW``: what an edit of a plan changes, and whether the new plan validates.

Parses, reads both versions (files or ``REV:path``), compares and validates,
hands one ``DiffResult`` to a renderer, exits: 0 when the new plan validates,
1 when it does not (or, with ``--fail-on-lowered-targets``, when a target is
lowered), 2 when a version cannot be read. The changes themselves never fail a
run otherwise.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ntmplan.commands.common import (
    BaselineOption,
    ConfigOption,
    DebugOption,
    FailOnOption,
    LangOption,
    NoColorOption,
    StrictOption,
    app,
    configured,
    failing_level,
    input_errors,
    language,
    print_json,
)


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(help="The plan before the edit: a file, or REV:path to read it from git (HEAD~1:plans/2019.yaml)."),
    ],
    new: Annotated[str, typer.Argument(help="The plan after the edit: a file, or REV:path.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
    fail_on_lowered_targets: Annotated[
        bool,
        typer.Option("--fail-on-lowered-targets", help="Exit 1 when the edit lowers or removes a target."),
    ] = False,
    strict: StrictOption = False,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Compare two versions of a plan: what changed in targets, budget, tasks and agencies; and validate the new one."""
    from ntmplan.diff import run_diff
    from ntmplan.i18n import activate

    activate(language(lang))
    with configured(config, baseline, debug) as settings, input_errors(debug):
        result = run_diff(old, new, failing_level(fail_on, strict, settings), fail_on_lowered_targets)
    if format is DiffFormat.json:
        print_json(result.to_dict())
    elif format is DiffFormat.markdown:
        import sys

        from ntmplan.output.markdown import render_diff_markdown

        sys.stdout.write(render_diff_markdown(result))
    else:
        from ntmplan.output.console import make_console
        from ntmplan.output.diff_view import render_diff

        render_diff(make_console(no_color=no_color), result)
    raise typer.Exit(1 if result.failed else 0)
