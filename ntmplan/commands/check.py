"""``ntmplan check``: commune data against every target of the plan."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from ntmplan.commands.common import (
    BaselineOption,
    ConfigOption,
    DebugOption,
    FailOn,
    Format,
    LangOption,
    NoColorOption,
    PlanArgument,
    ReportFormatOption,
    ShowSilencedOption,
    app,
    configured,
    failing_level,
    input_errors,
    language,
    output_format,
    plan_path,
)
from ntmplan.paths import DEFAULT_DATA, resolve_default


@app.command()
def check(
    plan: PlanArgument = None,
    data: Annotated[
        Optional[str], typer.Argument(help=f"Commune data CSV (default: {DEFAULT_DATA}, or the shipped copy).")
    ] = None,
    as_of: Annotated[
        Optional[dt.datetime],
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Judge against targets pro-rated to this date."),
    ] = None,
    fail_on: Annotated[
        Optional[FailOn],
        typer.Option("--fail-on", help="Lowest severity that fails the run; unmet targets are warnings."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Communes shown in the priority list.")] = 20,
    commune: Annotated[
        Optional[str],
        typer.Option(
            "--commune", metavar="TEXT",
            help="Only the communes whose name, code or district contains TEXT (accents and case ignored).",
        ),
    ] = None,
    format: ReportFormatOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    show_silenced: ShowSilencedOption = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Check commune data against the plan: which targets are met, which are behind, where."""
    from ntmplan.check.run import run_check
    from ntmplan.i18n import _, activate

    lang_used = language(lang)
    activate(lang_used)
    plan_file, plan_note = plan_path(plan)
    if data is None:
        data, bundled = resolve_default(DEFAULT_DATA)
        data_note = f"Using the data shipped with ntmplan: {data}" if bundled else None
    else:
        data_note = None
    with configured(config, baseline, debug) as settings, input_errors(debug):
        result = run_check(
            plan_file,
            data,
            as_of.date() if as_of else None,
            failing_level(fail_on, False, settings),
            priority_limit=None if format is Format.json else top,
            with_communes=commune is not None,
        )
    if commune is not None:
        matches = result.find_communes(commune)
        if not matches:
            raise typer.BadParameter(_("no commune matches '{text}'").format(text=commune), param_hint="--commune")
        result.communes_detail = matches

    def table(console) -> None:
        from ntmplan.output.check_view import render_check

        for note in (plan_note, data_note):
            if note:
                console.print(note, style="dim")
        if commune is not None:
            from ntmplan.output.check_view import render_communes

            render_communes(console, result, commune, lang_used)
        else:
            render_check(console, result, top, lang_used)

    from ntmplan.output.dispatch import emit

    emit(result, output_format(format), table, settings=settings, no_color=no_color, show_silenced=show_silenced)
    raise typer.Exit(1 if result.summary.failed else 0)
