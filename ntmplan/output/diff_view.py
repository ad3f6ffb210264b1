"""The rich table of ``ntmplan diff``: each change with its path and both lines, then the new plan's verdict."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.text import Text

from ntmplan.diff.result import ATTENTION, DiffResult
from ntmplan.i18n import _
from ntmplan.output.console import Table, findings_tables, summary_line
from ntmplan.output.view import View


def lines_text(old_line: int | None, new_line: int | None) -> str:
    """'251 → 251', '— → 308' for an addition, '323 → —' for a removal."""
    return f"{old_line if old_line is not None else '—'} → {new_line if new_line is not None else '—'}"


def headline(result: DiffResult) -> str:
    count = len(result.changes)
    text = _("{count} change(s) from {old} to {new}").format(count=count, old=result.old_file, new=result.new_file)
    if result.attention:
        text += _(", {count} for a reviewer's attention (lowered targets, cuts in funding)").format(
            count=len(result.attention))
    return text


def render_diff(console: Console, result: DiffResult, view: View) -> None:
    console.print(Text(headline(result), style="bold"))
    if result.changes:
        table = Table(box=box.SIMPLE_HEAD, expand=True)
        table.add_column("", no_wrap=True)
        table.add_column(_("Change"), ratio=1, min_width=30)
        table.add_column(_("Path"), max_width=40, overflow="fold")
        table.add_column(_("Lines"), no_wrap=True, justify="right")
        for change in result.changes:
            mark = Text("⚠", style="bold yellow") if change.classification == ATTENTION else Text("·", style="dim")
            table.add_row(mark, change.message, change.path, lines_text(change.old_line, change.new_line))
        console.print(table)
    else:
        console.print(Text(_("No change in the plan's content (comments and layout are not compared)."), style="dim"))
    if result.introduced:
        console.print(Text(_("Findings the edit introduces ({count})").format(count=len(result.introduced)), style="bold"))
        for table in findings_tables(result.introduced, width=console.width):
            console.print(table)
    if result.resolved:
        console.print(Text(_("Findings the edit resolves ({count})").format(count=len(result.resolved)),
                           style="bold green"))
        for finding in result.resolved:
            console.print(f"  {finding.code} {finding.name}: {finding.message}", soft_wrap=True)
    console.print(summary_line(result.validation.summary, result.new_file))
    if result.fail_on_lowered_targets and result.lowered_targets:
        console.print(Text("✗ " + _("{count} target(s) lowered or removed: fails with --fail-on-lowered-targets").format(
            count=len(result.lowered_targets)), style="bold red"))
