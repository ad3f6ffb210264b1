"""Commands on the plan alone: validate, targets, schema, rules, explain.

Each command parses, loads, runs, hands the result to one renderer and exits.
Nothing here imports pandas, so these commands start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from ntmplan.commands.common import (
    BaselineOption,
    ConfigOption,
    DebugOption,
    FailOnOption,
    Format,
    FormatOption,
    LangOption,
    NoColorOption,
    PlanArgument,
    PlansArgument,
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
    print_json,
)
from ntmplan.i18n import _, activate


@app.command()
def validate(
    plans: PlansArgument = None,
    format: ReportFormatOption = None,
    strict: StrictOption = False,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    show_silenced: ShowSilencedOption = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the plan file's format and its internal consistency."""
    activate(language(lang))
    from ntmplan.loading.plan_loader import load_plan
    from ntmplan.output.dispatch import emit
    from ntmplan.results import FindingsResult
    from ntmplan.rules.engine import validate_plan

    with configured(config, baseline, debug) as settings:
        level = failing_level(fail_on, strict, settings)
        results = []
        for plan in plans or [None]:
            path, note = plan_path(plan)
            with input_errors(debug):
                loaded = load_plan(path)
            results.append(FindingsResult.of(loaded.file, validate_plan(loaded), level, note))
        result = FindingsResult.combine(results, level)

        def table(console) -> None:
            from ntmplan.output.console import render_findings

            for each in results:
                render_findings(console, each)

        emit(result, output_format(format), table, settings=settings, no_color=no_color, show_silenced=show_silenced)
    raise typer.Exit(1 if result.summary.failed else 0)


@app.command()
def targets(
    plan: PlanArgument = None,
    format: FormatOption = Format.table,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the plan's targets: each criterion's added and total communes and shares."""
    activate(language(lang))
    from ntmplan.loading.plan_loader import load_plan
    from ntmplan.results import TargetsResult

    path, note = plan_path(plan)
    with input_errors(debug):
        result = TargetsResult.of(load_plan(path))
    if format is Format.json:
        print_json(result.to_dict())
        return
    from ntmplan.output.console import make_console, render_targets

    console = make_console(no_color=no_color)
    if note:
        console.print(note, style="dim")
    render_targets(console, result)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors and CI)."""
    from ntmplan.model.plan import Plan

    print_json(Plan.model_json_schema())


class CatalogueFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command("rules")
def list_rules(
    format: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="Output format.")] = CatalogueFormat.table,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List every rule with its code, name, default severity and summary."""
    activate(language(lang))
    from ntmplan.rules import load_all
    from ntmplan.rules.registry import RULES

    load_all()
    rules = [RULES[code] for code in sorted(RULES)]
    if format is CatalogueFormat.json:
        print_json([rule.to_dict() for rule in rules])
    elif format is CatalogueFormat.markdown:
        from ntmplan.output.catalogue import rules_markdown

        sys.stdout.write(rules_markdown(rules))
    else:
        from ntmplan.output.console import make_console, render_rules

        render_rules(make_console(no_color=no_color), rules)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code such as SH01, or its name.")],
    lang: LangOption = None,
) -> None:
    """Print one rule's documentation."""
    activate(language(lang))
    import difflib

    from ntmplan.output.console import make_console, render_rule
    from ntmplan.rules import load_all
    from ntmplan.rules.registry import RULES, find_rule

    load_all()
    found = find_rule(code)
    if found is None:
        names = list(RULES) + [r.name for r in RULES.values()]
        nearest = difflib.get_close_matches(code.upper(), list(RULES), n=1) or difflib.get_close_matches(
            code.lower(), names, n=1
        )
        hint = " " + _("Did you mean {code}?").format(code=nearest[0]) if nearest else ""
        make_console(stderr=True).print(
            _("error: no rule '{code}'.{hint} 'ntmplan rules' lists them all.").format(code=code, hint=hint)
        )
        raise typer.Exit(2)
    render_rule(make_console(), found)
