"""Rich rendering of ``ntmplan budget``: the funding tree, its execution, the findings.

Every figure comes from the ``BudgetResult``; this module only formats it, with
the reader's grouping and decimal mark ('3.002,8 tỷ đồng' or '3,002.8 billion VND').
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.text import Text

from ntmplan import numbers
from ntmplan.budget.execution import (
    BEHIND,
    IN_PARENT,
    NOT_REPORTED,
    ON_TRACK,
    OVER_PLAN,
    REPORTED,
    Execution,
)
from ntmplan.budget.result import BudgetResult
from ntmplan.budget.tree import OK, SourceRow
from ntmplan.findings import Severity
from ntmplan.i18n import N_, Lang, translate
from ntmplan.output.console import SEVERITY_STYLE, Table, findings_tables, summary_line
from ntmplan.output.view import View

LABELS = {
    "title": N_("Funding plan of {number} ({file}), in {unit}"),
    "source": N_("Source"),
    "line": N_("Line"),
    "amount": N_("Amount"),
    "stated": N_("Stated %"),
    "computed": N_("Computed\n% of total"),
    "parent": N_("% of\nparent"),
    "status_line": N_("Status\nLine"),
    "computed_parent": N_("Computed\n% of total\n(of parent)"),
    "difference": N_("Difference\n(allowed)"),
    "status": N_("Status"),
    "total": N_("Total funding need"),
    "sum": N_("sum of sources"),
    "execution": N_("Execution according to {file}"),
    "as_of": N_(" to {date} ({share} of {year} elapsed)"),
    "planned": N_("Planned"),
    "actual": N_("Actual"),
    "rate": N_("Execution\nrate"),
    "expected": N_("Due by\nthe date"),
    "overall": N_("Whole plan"),
    "district": N_("District"),
    "share_actual": N_("% of actual"),
    "by_district": N_("Actual by district"),
    "no_district": N_("(no district given)"),
    "reading": N_("Read {read} rows, counted {counted}; separator '{delimiter}'; decimal mark: {mark}."),
    "ignored": N_(" Columns ignored: {columns}."),
}
MARKS = {
    "comma": N_("comma"),
    "point": N_("point"),
    None: N_("not determined"),
}
EXECUTION_STATUS = {
    ON_TRACK: ("green", N_("on track")),
    BEHIND: ("yellow", N_("behind")),
    OVER_PLAN: ("yellow", N_("over plan")),
    REPORTED: ("", N_("reported")),
    NOT_REPORTED: ("dim", N_("not reported")),
    IN_PARENT: ("dim", N_("in parent total")),
}
TREE = ("├─ ", "└─ ")


def _label(key: str, lang: Lang, **values: object) -> str:
    return translate(LABELS[key], lang).format(**values)


def _name(vi: str, en: str, lang: Lang) -> str:
    return vi if lang is Lang.vi else en


def _branch(depth: int, last: bool) -> str:
    return "" if depth == 0 else "   " * (depth - 1) + TREE[last]


def _status(status: str, codes: list[str]) -> Text:
    if status == OK:
        return Text("✓", style="green")
    return Text("✗ " + " ".join(codes), style=SEVERITY_STYLE[Severity(status)])


def _share(value: float | None, lang: Lang, places: int) -> str:
    return "" if value is None else numbers.percent(value, lang, places)


COMPACT_BELOW = 100  # columns: narrower terminals get the share of the parent under the share of the total


def budget_table(result: BudgetResult, lang: Lang, width: int = COMPACT_BELOW) -> Table:
    """The funding tree; below ``COMPACT_BELOW`` columns the share of the parent moves under the share of the
    total and the line under the status, so that the status and the line (the verdict and where) stay whole."""
    compact = width < COMPACT_BELOW
    unit = numbers.unit_label(result.tree.unit, lang)
    table = Table(
        title=_label("title", lang, number=result.tree.title, file=result.tree.file, unit=unit),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    # the source's key may fold (enterprises-cooperatives is one word of 24 letters): it is the lesser column
    table.add_column(_label("source", lang), ratio=1, min_width=16 if compact else 20, max_width=20 if compact else None,
                     overflow="fold")
    table.add_column(_label("amount", lang), justify="right", no_wrap=True)
    table.add_column(_label("stated", lang), justify="right")
    table.add_column(_label("computed_parent" if compact else "computed", lang), justify="right")
    if not compact:
        table.add_column(_label("parent", lang), justify="right")
    table.add_column(_label("difference", lang), justify="right")
    table.add_column(_label("status_line" if compact else "status", lang), no_wrap=True, min_width=7)
    if not compact:
        table.add_column(_label("line", lang), justify="right", style="dim", no_wrap=True)

    def share_cells(computed: str, parent: str) -> list[str]:
        if not compact:
            return [computed, parent]
        return [computed + (f"\n({parent})" if parent else "")]

    def verdict_cells(status: Text, line: int | None) -> list[Text | str]:
        if not compact:
            return [status, str(line or "")]
        return [Text.assemble(status, "\n", (str(line or ""), "dim"))]

    def add(row: SourceRow, last: bool) -> None:
        name = Text(_branch(row.depth, last), style="dim")
        name.append(_name(row.name_vi, row.name_en, lang), style="bold" if row.depth == 0 else "")
        name.append(f"\n{'   ' * row.depth}{row.key}", style="dim")
        difference = ""
        if row.difference is not None:
            difference = numbers.number(row.difference, lang, row.share_places + 2, sign=True)
            difference += f"\n±{numbers.number(row.tolerance, lang, row.share_places + 1)}"
        table.add_row(
            name,
            numbers.number(row.amount, lang, row.amount_places),
            _share(row.stated_share, lang, row.share_places),
            *share_cells(_share(row.computed_share, lang, 2), _share(row.parent_share, lang, 2)),
            difference,
            *verdict_cells(_status(row.status, row.codes), row.line),
        )
        for i, child in enumerate(row.children):
            add(child, i == len(row.children) - 1)

    for i, row in enumerate(result.tree.sources):
        add(row, i == len(result.tree.sources) - 1)
    table.add_section()
    places = max([result.tree.total_places] + [row.amount_places for row in result.tree.sources])
    total = Text(_label("total", lang), style="bold")
    total.append(f"\n{_label('sum', lang)}: {numbers.number(result.tree.sources_sum, lang, places)}", style="dim")
    shares = result.tree.stated_shares_sum
    table.add_row(
        total,
        numbers.number(result.tree.total, lang, result.tree.total_places),
        "" if shares is None else numbers.percent(shares, lang, 1),
        *share_cells(_share(result.tree.sources_sum_share, lang, 2), ""),
        "",
        *verdict_cells(_status(result.total_status, result.total_codes), result.tree.total_line),
    )
    return table


def execution_tables(execution: Execution, lang: Lang, unit: str) -> list[Table]:
    title = _label("execution", lang, file=execution.file)
    if execution.as_of:
        title += _label(
            "as_of",
            lang,
            date=numbers.date_text(execution.as_of, lang),
            share=numbers.percent(100 * (execution.fraction or 0), lang, 1),
            year=execution.as_of.year,
        )
    table = Table(title=f"{title}; {numbers.unit_label(unit, lang)}", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(_label("source", lang), ratio=1, min_width=16)  # folds; the status never does
    table.add_column(_label("planned", lang), justify="right", no_wrap=True)
    table.add_column(_label("actual", lang), justify="right", no_wrap=True)
    table.add_column(_label("rate", lang), justify="right")
    table.add_column(_label("expected", lang), justify="right")
    table.add_column(_label("status", lang), no_wrap=True, min_width=7)

    def status(value: str) -> Text:
        style, labels = EXECUTION_STATUS[value]
        return Text(translate(labels, lang), style=style)

    def amount(value: float | None) -> str:
        return "—" if value is None else numbers.number(value, lang, 1)

    def add(item, last: bool) -> None:
        name = Text(_branch(item.depth, last), style="dim")
        name.append(_name(item.name_vi, item.name_en, lang), style="bold" if item.depth == 0 else "")
        table.add_row(
            name,
            amount(item.planned),
            amount(item.actual),
            _share(item.rate, lang, 1),
            "" if item.expected is None else amount(item.expected),
            status(item.status),
        )
        for i, child in enumerate(item.children):
            add(child, i == len(item.children) - 1)

    for i, item in enumerate(execution.sources):
        add(item, i == len(execution.sources) - 1)
    table.add_section()
    table.add_row(
        Text(_label("overall", lang), style="bold"),
        amount(execution.planned),
        amount(execution.actual),
        _share(execution.rate, lang, 1),
        "" if execution.expected is None else amount(execution.expected),
        status(execution.status),
    )
    tables = [table]
    if execution.districts:
        districts = Table(title=_label("by_district", lang), title_justify="left", box=box.SIMPLE_HEAD)
        districts.add_column(_label("district", lang))
        districts.add_column(_label("actual", lang), justify="right")
        districts.add_column(_label("share_actual", lang), justify="right")
        for district in execution.districts:
            districts.add_row(
                district.district or _label("no_district", lang),
                amount(district.actual),
                _share(district.share, lang, 1),
            )
        tables.append(districts)
    return tables


def reading_note(execution: Execution, lang: Lang) -> Text:
    mark = translate(MARKS[execution.decimal_mark], lang)
    if execution.decimal_evidence:
        mark += f" ({execution.decimal_evidence})"
    delimiter = "\\t" if execution.delimiter == "\t" else execution.delimiter
    text = _label("reading", lang, read=execution.rows_read, counted=execution.rows_counted,
                  delimiter=delimiter, mark=mark)
    if execution.ignored_columns:
        text += _label("ignored", lang, columns=", ".join(execution.ignored_columns))
    return Text(text, style="dim")


def render_budget(console: Console, result: BudgetResult, view: View) -> None:
    lang = view.lang
    console.print(budget_table(result, lang, console.width))
    if result.execution:
        for table in execution_tables(result.execution, lang, result.tree.unit):
            console.print(table)
        console.print(reading_note(result.execution, lang))
    findings = result.verdict.findings
    with_tolerance = any(f.tolerance is not None for f in findings)
    for table in findings_tables(findings, tolerance=with_tolerance, width=console.width):
        console.print(table)
    files = (translate(N_("{plan} and {actuals}"), lang).format(plan=result.tree.file, actuals=result.execution.file)
             if result.execution else result.tree.file)
    console.print(summary_line(result.verdict.summary, files))
