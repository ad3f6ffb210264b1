"""The output formats, and the one place that picks the renderer for a result.

Every command's result goes through ``emit``. A format is rendered by a
function of the result: ``json`` is the result's ``to_dict``; ``github``,
``sarif``, ``junit`` and ``markdown`` read any result that holds a verdict
(``reportable``); ``table`` has a rich view per kind of result. A renderer is
looked up by (format, result type) and then by format alone, and imported only
when used, so a command loads only the output code it prints with. Adding a
format: one module, one entry in ``Format`` and ``RENDERERS``, and the commands
that list it in their formats.
"""

from __future__ import annotations

import importlib
import json
import sys
from enum import Enum
from typing import Any

from ntmplan.output.view import View


class Format(str, Enum):
    """Every output format; each command accepts the ones it lists."""

    table = "table"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"


PLAIN = (Format.table, Format.json)
JUDGED = tuple(Format)  # results with findings: every format
CATALOGUE = (Format.table, Format.json, Format.markdown)

# (format, result type or None for any) -> "module:function". Text formats take
# (result, view) and return the text; tables take (console, result, view).
RENDERERS: dict[tuple[Format, str | None], str] = {
    (Format.json, None): "ntmplan.output.formats:as_json",
    (Format.github, None): "ntmplan.output.github:render_github",
    (Format.sarif, None): "ntmplan.output.sarif:render_sarif_text",
    (Format.junit, None): "ntmplan.output.junit:render_junit",
    (Format.markdown, None): "ntmplan.output.markdown:render_markdown",
    (Format.markdown, "DiffResult"): "ntmplan.output.markdown:render_diff_markdown",
    (Format.markdown, "RulesResult"): "ntmplan.output.catalogue:render_catalogue",
    (Format.table, "ValidateResult"): "ntmplan.output.console:render_validate",
    (Format.table, "TargetsResult"): "ntmplan.output.console:render_targets",
    (Format.table, "RulesResult"): "ntmplan.output.console:render_rules",
    (Format.table, "RuleDoc"): "ntmplan.output.console:render_rule",
    (Format.table, "ReportResult"): "ntmplan.output.console:render_written",
    (Format.table, "BaselineResult"): "ntmplan.output.console:render_written",
    (Format.table, "TemplateResult"): "ntmplan.output.template_view:render_template",
    (Format.table, "CheckResult"): "ntmplan.output.check_view:render_check",
    (Format.table, "ProgressResult"): "ntmplan.output.progress_view:render_progress",
    (Format.table, "BudgetResult"): "ntmplan.output.budget_view:render_budget",
    (Format.table, "ScheduleResult"): "ntmplan.output.schedule_view:render_schedule",
    (Format.table, "DiffResult"): "ntmplan.output.diff_view:render_diff",
}


def renderer(format: Format, result: Any):
    """The function that renders ``result`` in ``format``."""
    target = RENDERERS.get((format, type(result).__name__)) or RENDERERS[(format, None)]
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def emit(result: Any, format: Format, view: View) -> None:
    """Write ``result`` to standard output in ``format``."""
    render = renderer(format, result)
    if format is not Format.table:
        from ntmplan.output.terminal import json_shown, shown

        text = render(result, view)
        sys.stdout.write(json_shown(text) if format in (Format.json, Format.sarif) else shown(text))
        return
    from ntmplan.output.console import make_console, render_notes, render_silenced

    console = make_console(no_color=view.no_color)
    render_notes(console, view.notes)
    render(console, result, view)
    verdict = getattr(result, "verdict", None)
    if verdict is not None:
        render_silenced(console, verdict.silenced, view.show_silenced)


def as_json(result: Any, view: View | None = None) -> str:
    """The result as JSON: its ``to_dict``, non-ASCII kept as written."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
