"""Rich rendering of results for a terminal. All rich code of the tool lives here.

Each ``render_*`` function takes a result object and returns renderables or
prints them; none of them computes a figure.
"""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ntmplan.findings import Finding, Severity
from ntmplan.results import FindingsResult, TargetsResult
from ntmplan.rules.registry import Rule
from ntmplan.rules.tolerance import show

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Information"}


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
        return show(value, 4)
    return str(value)


def findings_tables(findings: list[Finding], tolerance: bool = False) -> list[Table]:
    """One table per severity, most severe first; ``tolerance`` adds the allowed difference."""
    tables = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        table = Table(
            title=f"{SEVERITY_TITLE[severity]} ({len(group)})",
            title_style=SEVERITY_STYLE[severity],
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_lines=False,
            expand=True,
        )
        table.add_column("Code", style=SEVERITY_STYLE[severity], max_width=24, overflow="fold")
        table.add_column("Finding and where", ratio=1, min_width=40)
        table.add_column("Expected", justify="right", max_width=16, overflow="fold")
        table.add_column("Found", justify="right", max_width=16, overflow="fold")
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


def summary_line(result: FindingsResult) -> Text:
    summary = result.summary
    counts = f"{summary.errors} error(s), {summary.warnings} warning(s), {summary.infos} info in {result.file}"
    if summary.failed:
        return Text(f"✗ {counts}: fails at level '{summary.fail_level}'", style="bold red")
    return Text(f"✓ {counts}: passes at level '{summary.fail_level}'", style="bold green")


def render_findings(console: Console, result: FindingsResult) -> None:
    if result.note:
        console.print(Text(result.note, style="dim"))
    for table in findings_tables(result.findings):
        console.print(table)
    console.print(summary_line(result))


def render_targets(console: Console, result: TargetsResult) -> None:
    console.print(
        Text(
            f"Communes at standard: +{_figure(result.standard_added)} → {_figure(result.standard_total)}"
            f" of {result.communes}; average criteria per commune {show(result.average_min)}"
            f"–{show(result.average_max)}",
            style="bold",
        )
    )
    table = Table(title=f"Criterion targets ({result.file})", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Criterion")
    table.add_column("Added", justify="right")
    table.add_column("Total", justify="right")
    table.add_column("Stated %", justify="right")
    table.add_column("Computed %", justify="right")
    table.add_column("Sub-targets")
    for criterion in result.criteria:
        mismatch = (
            criterion.stated_share is not None
            and criterion.computed_share is not None
            and criterion.stated_share != criterion.computed_share
        )
        computed = _figure(criterion.computed_share)
        subs = "\n".join(
            f"{sub['description']}: {_figure(sub['value'])}"
            + (f"/{sub['of']}" if sub["of"] else "")
            + f" {sub['unit']}"
            + (f" ({_figure(sub['stated_share'])}%)" if sub["stated_share"] is not None else "")
            for sub in criterion.sub_targets
        )
        table.add_row(
            str(criterion.number),
            f"{criterion.name_vi}\n[dim]{criterion.name_en}[/dim]",
            _figure(criterion.added),
            _figure(criterion.total),
            _figure(criterion.stated_share),
            f"[red]{computed}[/red]" if mismatch else computed,
            subs,
        )
    console.print(table)


def render_rules(console: Console, rules: list[Rule]) -> None:
    table = Table(title="Rules", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Code", no_wrap=True)
    table.add_column("Name", no_wrap=True)
    table.add_column("Applies to")
    table.add_column("Severity")
    table.add_column("Summary")
    for rule in rules:
        table.add_row(
            rule.code,
            rule.name,
            rule.scope,
            Text(rule.severity.value, style=SEVERITY_STYLE[rule.severity]),
            rule.summary,
        )
    console.print(table)


def render_rule(console: Console, rule: Rule) -> None:
    console.print(
        Group(
            Text(f"{rule.code} {rule.name}", style="bold"),
            Text(f"{rule.summary} (default severity: {rule.severity.value}; applies to: {rule.scope})"),
            Text(""),
            Text(rule.doc),
        )
    )
