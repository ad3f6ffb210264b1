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
from rich.table import Table as RichTable
from rich.text import Text

from ntmplan.findings import Finding, Severity, Summary
from ntmplan.i18n import N_, _, ngettext, pick, translate
from ntmplan.model.labels import compared, with_unit
from ntmplan.numbers import figure_text, range_text
from ntmplan.output.reportable import SEVERITY_NAME, level_name, tally
from ntmplan.output.view import View

if TYPE_CHECKING:  # the results are only read here: a command imports its own run, and no other
    from ntmplan.runs.catalogue import RuleDoc, RulesResult
    from ntmplan.runs.validate import ValidateResult
    from ntmplan.targets.result import TargetsResult

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TITLE = {Severity.ERROR: N_("Errors"), Severity.WARNING: N_("Warnings"), Severity.INFO: N_("Information")}


PIPED_WIDTH = 120


class Table(RichTable):
    """A rich table that shares a narrow terminal among its wrapping columns.

    Rich shrinks the widest wrapping column towards the second widest, and
    gives up when two are equally wide; it then cuts every column evenly, the
    status and the location too. Here the wrapping columns give up the room
    their words do not need, the one with the most to spare first (a long
    name before a two-word header), and only then, one cell at a time, the
    widest; the columns that do not wrap (status, figures, locations) keep
    their width.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._least: dict[int, int] = {}  # each column's least width, as rich last measured it

    def _measure_column(self, console, options, column):
        """Rich's measure, keeping each column's least width for ``_collapse_widths``.

        Rich measures every column right before it collapses the widths and passes
        on only the widest; keeping the least here spares measuring every cell twice.
        """
        measured = super()._measure_column(console, options, column)
        self._least[column._index] = measured.minimum
        return measured

    def _collapse_widths(self, widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
        widths = list(widths)
        least = [self._least.get(index, 0) for index in range(len(widths))]
        slack = [max(0, width - low) if wrap else 0 for width, low, wrap in zip(widths, least, wrapable)]
        while sum(widths) > max_width and any(slack):
            most = max(range(len(widths)), key=lambda i: slack[i])
            widths[most] -= 1
            slack[most] -= 1
        while sum(widths) > max_width and any(wrapable):
            widest = max(range(len(widths)), key=lambda i: widths[i] if wrapable[i] else -1)
            if widths[widest] <= 3:
                break
            widths[widest] -= 1
        return widths


class _TrimmedLines:
    """A stream that writes each line without its trailing spaces (rich pads every table cell to its width).

    Piped output goes to logs, files and diffs, where padding is noise. A line
    not yet ended is kept until its end, and written as it is on ``flush``.
    """

    def __init__(self, stream):
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def make_console(stderr: bool = False, no_color: bool = False) -> Console:
    """A console that honours NO_COLOR, --no-color, and plain output when piped.

    Piped output (CI logs, files) gets a fixed, wider width than rich's 80 columns
    unless COLUMNS says otherwise, so tables of findings stay readable, and no
    trailing spaces.
    """
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or "COLUMNS" in os.environ else PIPED_WIDTH
    file = None if stream.isatty() else _TrimmedLines(stream)
    return LiteralConsole(stderr=stderr, file=file, no_color=no_color or None, highlight=False, width=width,
                          markup=False, emoji=False)


class LiteralConsole(Console):
    """A console that prints every text literally: no markup, no emoji codes, control characters escaped.

    Text from the inputs ('[b]', ':warning:', ESC) reaches the terminal as written;
    styles are given as ``Text`` styles, never as markup in a string.
    """

    def _render_buffer(self, buffer):  # the one place every segment of text passes before the terminal
        from rich.segment import Segment

        from ntmplan.output.terminal import shown

        return super()._render_buffer(
            segment if segment.control else Segment(shown(segment.text), segment.style, segment.control)
            for segment in buffer
        )


def _figure(value: object) -> str:
    return figure_text(value)


FIGURES_BELOW = 100  # columns: narrower terminals get Expected and Found under the finding, not beside it


def findings_tables(findings: list[Finding], tolerance: bool = False, width: int = PIPED_WIDTH) -> list[Table]:
    """One table per severity, most severe first; ``tolerance`` adds the allowed difference.

    The code never wraps and the location is never cut: below ``FIGURES_BELOW``
    columns the expected and found figures move under the message, which
    leaves the location its whole line.
    """
    beside = width >= FIGURES_BELOW
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
        table.add_column(_("Code"), style=SEVERITY_STYLE[severity], no_wrap=True)
        table.add_column(_("Finding and where"), ratio=1, overflow="fold")
        if beside:
            table.add_column(_("Expected"), justify="right", max_width=16, overflow="fold")
            table.add_column(_("Found"), justify="right", max_width=16, overflow="fold")
            if tolerance:
                table.add_column("±", justify="right", max_width=10, overflow="fold")
        for finding in group:
            figures = [_figure(finding.expected), _figure(finding.actual)]
            if tolerance:
                figures.append(_figure(finding.tolerance))
            text = finding.message
            if not beside and (finding.expected is not None or finding.actual is not None):
                text += "\n" + _("expected {expected}; found {found}").format(
                    expected=figures[0] or "—", found=figures[1] or "—") + (
                    f" (±{figures[2]})" if tolerance and figures[2] else "")
            # the location on a line of its own that never wraps (a sheet's name has spaces), then the rule's name
            # and the path, which may
            cell = Group(Text(text), Text(str(finding.location), style="dim", no_wrap=True,
                                                      overflow="fold"),
                         Text(" · ".join(filter(None, [finding.name, finding.location.path])), style="dim"))
            table.add_row(finding.code, cell, *(figures if beside else []))
        tables.append(table)
    return tables


def summary_line(summary: Summary, file: str) -> Text:
    """'✓ 0 errors, … in FILE: passes at level 'error'', the last line of every findings view."""
    counts = _("{tally} in {file}").format(tally=tally(summary), file=file)
    level = level_name(summary.fail_level)
    if summary.failed:
        return Text("✗ " + _("{counts}: fails at level '{level}'").format(counts=counts, level=level),
                    style="bold red")
    return Text("✓ " + _("{counts}: passes at level '{level}'").format(counts=counts, level=level),
                style="bold green")


def render_validate(console: Console, result: ValidateResult, view: View) -> None:
    """Each plan's findings and its verdict, plan by plan."""
    for each in result.each or [result]:
        for table in findings_tables(each.verdict.findings, width=console.width):
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


def measure_phrase(aggregate: str, measure: str, target: str = "") -> str:
    """A group's measure as a phrase: 'average criteria met', 'model residential areas, each commune' (with the
    target of each commune in front when given: '1-2 model residential areas, each commune')."""
    if aggregate == "average":
        return _("average {measure}").format(measure=measure)
    return _("{measure}, each commune").format(measure=f"{target} {measure}" if target else measure)


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
        computed = _figure(criterion.computed_share)
        table.add_row(
            str(criterion.number),
            Text.assemble(f"{pick(criterion.name_vi, criterion.name_en)}\n", (pick(criterion.name_en, criterion.name_vi), "dim")),
            _figure(criterion.added),
            _figure(criterion.total),
            _figure(criterion.stated_share),
            Text(computed, style="red") if mismatch else computed,
            "\n".join(_sub_target_text(sub) for sub in criterion.sub_targets),
        )
    console.print(table)
    groups = Table(title=_("Group targets"), box=box.SIMPLE_HEAD, title_justify="left")
    for header in (_("Group"), _("Communes"), _("Measure"), _("Target"), _("By")):
        groups.add_column(header, justify="right" if header in (_("Communes"), _("By")) else "left")
    for group in result.groups:
        groups.add_row(
            pick(group["name_vi"], group["name"]),
            _figure(group["communes"]),
            measure_phrase(group["aggregate"], group["measure_label"]),
            _target_range(group["target"]),
            str(group["by_year"]),
        )
    console.print(groups)


def render_rules(console: Console, result: RulesResult, view: View) -> None:
    table = Table(title=_("Rules"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("Applies to"))
    table.add_column(_("Severity"))
    table.add_column(_("Summary"), overflow="fold")  # a long word folds rather than lose its end
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
        console.print(Text(ngettext(
            "{count} finding silenced by an in-file marker or the baseline; --show-silenced lists it",
            "{count} findings silenced by in-file markers or the baseline; --show-silenced lists them",
            len(silenced)).format(count=len(silenced)), style="dim"))
        return
    from dataclasses import replace

    console.print(Text(_("Silenced findings ({count}): they do not count and do not fail the run").format(
        count=len(silenced)), style="bold"))
    shown = [replace(f, message=_("{message} — silenced: {reason}").format(message=f.message,
                                                                         reason=f.suppression.reason))
             for f in silenced]
    for table in findings_tables(shown, width=console.width):
        console.print(table)
