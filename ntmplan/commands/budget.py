"""``ntmplan budget``: the funding plan, its arithmetic, and its execution so far.

Parses, loads the plan (and the actuals file), runs the budget rules (and the
actuals rules), hands one ``BudgetResult`` to the renderer or to JSON, exits
0/1/2 as ``validate`` does. Nothing here imports pandas.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ntmplan.commands.common import (
    AsOfOption,
    BaselineOption,
    ConfigOption,
    DebugOption,
    FailOnOption,
    LangOption,
    NoColorOption,
    PlanArgument,
    ReportFormatOption,
    ShowSilencedOption,
    StrictOption,
    app,
    configured,
    failing_level,
    input_errors,
    language,
    output_format,
    plan_path,
)


@app.command()
def budget(
    plan: PlanArgument = None,
    actuals: Annotated[
        Optional[str],
        typer.Option("--actuals", metavar="FILE", help="CSV of amounts mobilised so far per source (and district)."),
    ] = None,
    as_of: AsOfOption = None,
    format: ReportFormatOption = None,
    lang: LangOption = None,
    strict: StrictOption = False,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    show_silenced: ShowSilencedOption = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the funding plan: amounts, stated and computed shares, and whether they add up.

    With --actuals, also planned against actual funding per source; with --as-of,
    which sources are behind the year pro-rated to that date.
    """
    from ntmplan.budget.result import budget_findings, build_result
    from ntmplan.loading.plan_loader import load_plan

    if as_of is not None and actuals is None:
        raise typer.BadParameter("--as-of needs --actuals: it dates the actual amounts", param_hint="--as-of")
    from ntmplan.i18n import activate

    activate(language(lang))
    path, note = plan_path(plan)
    with configured(config, baseline, debug) as settings, input_errors(debug):
        level = failing_level(fail_on, strict, settings)
        loaded = load_plan(path)
        findings = budget_findings(loaded)
        execution = None
        if actuals is not None:
            from ntmplan.budget.actuals import read_actuals
            from ntmplan.budget.execution import execute
            from ntmplan.findings import sort_findings
            from ntmplan.rules.actuals import ActualsContext, actuals_findings

            table = read_actuals(actuals, loaded.plan)
            execution = execute(loaded.plan, table, as_of.date() if as_of else None)
            findings = sort_findings(findings + actuals_findings(ActualsContext(loaded.plan, table, execution)))
    result = build_result(loaded, findings, level, note, execution)

    def table(console) -> None:
        from ntmplan.output.budget_view import render_budget

        render_budget(console, result, language(lang))

    from ntmplan.output.dispatch import emit

    emit(result, output_format(format), table, settings=settings, no_color=no_color, show_silenced=show_silenced)
    raise typer.Exit(1 if result.summary.failed else 0)
