"""Rich rendering of results for a terminal. All rich code of the tool lives here.

Each ``render_*`` function takes a result object and returns renderables or
prints them; none of them computes a figure.
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ntmplan.findings import Finding, Severity, Summary
from ntmplan.i18n import N_, _, pick, translate
from ntmplan.model.labels import compared, with_unit
from ntmplan.numbers import num, range_text
from ntmplan.output.view import View

if TYPE_CHECKING:  # the results are only read here: a command imports its own run, and no other
    from ntmplan.runs.catalogue import RuleDoc, RulesResult
    from ntmplan.runs.validate import ValidateResult
    from ntmplan.targets.result import TargetsResult

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TITLE = {Severity.ERROR: N_("Errors"), Severity.WARNING: N_("Warnings"), Severity.INFO: N_("Information")}
SEVERITY_NAME = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}


PIPED_WIDTH = 120


def make_console(stderr: bool = False, no_color: bool = False) -> Console:
    """A console that honours NO_COLOR, --no-color, and plain output when piped.

    Piped output (CI logs, files) gets a fixed, wider width than rich's 80 columns
    unless COLUMNS says otherwise, so tables of findings stay readable.
    """
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or "COLUMNS" in os.environ else PIPED_WIDTH
    return Console(stderr=stderr, no_color=no_color or None, highlight=False, width=width)


def _figure(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return num(value, 4)
    return str(value)


def findings_tables(findings: list[Finding], tolerance: bool = False) -> list[Table]:
    """One table per severity, most severe first; ``tolerance`` adds the allowed difference."""
    tables = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        table = Table(
            title=f"{translate(SEVERITY_TITLE[severity])} ({len(group)})",
            title_style=SEVERITY_STYLE[severity],
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_lines=False,
            expand=True,
        )
        table.add_column(_("Code"), style=SEVERITY_STYLE[severity], max_width=24, overflow="fold")
        table.add_column(_("Finding and where"), ratio=1, min_width=40)
        table.add_column(_("Expected"), justify="right", max_width=16, overflow="fold")
        table.add_column(_("Found"), justify="right", max_width=16, overflow="fold")
        if tolerance:
            table.add_column("±", justify="right", max_width=10, overflow="fold")
        for finding in group:
            where = escape(str(finding.location))
            if finding.location.path:
                where += f" · {escape(finding.location.path)}"
            cells = [
                f"{finding.code}\n[dim]{finding.name}[/dim]",
                f"{escape(finding.message)}\n[dim]{where}[/dim]",
                escape(_figure(finding.expected)),
                escape(_figure(finding.actual)),
            ]
            if tolerance:
                cells.append(escape(_figure(finding.tolerance)))
            table.add_row(*cells)
        tables.append(table)
    return tables


def summary_line(summary: Summary, file: str) -> Text:
    """'✓ 0 error(s), … in FILE: passes at level 'error'', the last line of every findings view."""
    counts = _("{errors} error(s), {warnings} warning(s), {infos} info in {file}").format(
        errors=summary.errors, warnings=summary.warnings, infos=summary.infos, file=file
    )
    if summary.failed:
        return Text("✗ " + _("{counts}: fails at level '{level}'").format(counts=counts, level=summary.fail_level),
                    style="bold red")
    return Text("✓ " + _("{counts}: passes at level '{level}'").format(counts=counts, level=summary.fail_level),
                style="bold green")


def render_validate(console: Console, result: ValidateResult, view: View) -> None:
    """Each plan's findings and its verdict, plan by plan."""
    for each in result.each or [result]:
        for table in findings_tables(each.verdict.findings):
            console.print(table)
        console.print(summary_line(each.verdict.summary, each.file))


def _target_range(target: dict) -> str:
    """'at least 11-11.5', '≥ 10', '14': a target range in words, as the plan means it."""
    shown = range_text(target["min"], target["max"])
    return shown if target["max"] is None else compared(shown, target["comparison"])


def _sub_target_text(sub: dict) -> str:
    """'share of roads ...: at least 79%', 'communes with a radio system: 90/207 communes (43.4%)'."""
    figure = _figure(sub["value"]) + (f"/{sub['of']}" if sub["of"] else "")
    text = compared(with_unit(figure, sub["unit"]), sub["comparison"])
    if sub["stated_share"] is not None:
        text += f" ({_figure(sub['stated_share'])}%)"
    return f"{pick(sub['description_vi'], sub['description'])}: {text}"


def render_targets(console: Console, result: TargetsResult, view: View) -> None:
    console.print(
        Text(
            _("Communes at standard: +{added} → {total} of {communes}; average criteria per commune: {average}").format(
                added=_figure(result.standard_added), total=_figure(result.standard_total), communes=result.communes,
                average=_target_range(result.average_criteria),
            ),
            style="bold",
        )
    )
    table = Table(title=_("Criterion targets ({file})").format(file=result.file), box=box.SIMPLE_HEAD,
                  title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(_("Criterion"))
    table.add_column(_("Added"), justify="right")
    table.add_column(_("Total"), justify="right")
    table.add_column(_("Stated %"), justify="right")
    table.add_column(_("Computed %"), justify="right")
    table.add_column(_("Sub-targets"))
    for criterion in result.criteria:
        mismatch = (
            criterion.stated_share is not None
            and criterion.computed_share is not None
            and criterion.stated_share != criterion.computed_share
        )
        computed = escape(_figure(criterion.computed_share))
        table.add_row(
            str(criterion.number),
            f"{escape(pick(criterion.name_vi, criterion.name_en))}\n[dim]{escape(pick(criterion.name_en, criterion.name_vi))}[/dim]",
            _figure(criterion.added),
            _figure(criterion.total),
            _figure(criterion.stated_share),
            f"[red]{computed}[/red]" if mismatch else computed,
            escape("\n".join(_sub_target_text(sub) for sub in criterion.sub_targets)),
        )
    console.print(table)
    groups = Table(title=_("Group targets"), box=box.SIMPLE_HEAD, title_justify="left")
    for header in (_("Group"), _("Communes"), _("Measure"), _("Target"), _("By")):
        groups.add_column(header, justify="right" if header in (_("Communes"), _("By")) else "left")
    for group in result.groups:
        each = _("average {measure}") if group["aggregate"] == "average" else _("{measure}, each commune")
        groups.add_row(
            escape(pick(group["name_vi"], group["name"])),
            _figure(group["communes"]),
            escape(each.format(measure=group["measure_label"])),
            escape(_target_range(group["target"])),
            str(group["by_year"]),
        )
    console.print(groups)


def render_rules(console: Console, result: RulesResult, view: View) -> None:
    table = Table(title=_("Rules"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("Applies to"))
    table.add_column(_("Severity"))
    table.add_column(_("Summary"))
    for rule in result.rules:
        table.add_row(
            rule.code,
            rule.name,
            translate(rule.scope.label),
            Text(translate(SEVERITY_NAME[rule.severity]), style=SEVERITY_STYLE[rule.severity]),
            translate(rule.summary),
        )
    console.print(table)


def render_rule(console: Console, result: RuleDoc, view: View) -> None:
    """``explain``: the summary line, then each section of the documentation under its heading."""
    rule = result.rule
    parts = [
        Text(f"{rule.code} {rule.name}", style="bold"),
        Text(
            _("{summary} (default severity: {severity}; applies to: {scope})").format(
                summary=translate(rule.summary), severity=translate(SEVERITY_NAME[rule.severity]),
                scope=translate(rule.scope.label),
            )
        ),
    ]
    for section in rule.sections:
        parts += [Text(""), Text(translate(section.heading), style="bold")]
        for index, paragraph in enumerate(section.paragraphs):
            parts += [Text("")] if index else []
            parts.append(Text(textwrap.fill(translate(paragraph), console.width, initial_indent="  ",
                                            subsequent_indent="  ", break_on_hyphens=False)))
    console.print(Group(*parts))


def render_notes(console: Console, notes) -> None:
    """Notes on how the run was made ('Using the plan shipped with ntmplan: …'), dimmed, before the tables."""
    for note in notes:
        console.print(Text(note, style="dim"))


def render_written(console: Console, result, view: View) -> None:
    """The files a command wrote."""
    console.print(Text(_("Wrote {files}.").format(files=", ".join(result.written))))


def render_silenced(console: Console, silenced: list[Finding], show: bool) -> None:
    """After a table view: the silenced findings with their reasons, or how many there are."""
    if not silenced:
        return
    if not show:
        console.print(
            Text(f"{len(silenced)} finding(s) silenced by in-file markers or the baseline; "
                 "--show-silenced lists them", style="dim")
        )
        return
    from dataclasses import replace

    console.print(Text(f"Silenced findings ({len(silenced)}): they do not count and do not fail the run",
                       style="bold"))
    shown = [replace(f, message=f"{f.message} — silenced: {f.suppression.reason}") for f in silenced]
    for table in findings_tables(shown):
        console.print(table)
