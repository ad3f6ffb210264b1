"""Rich tables of ``ntmplan check``: a short summary first, then the detail.

Reads a ``CheckResult`` only; it computes nothing.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ntmplan.check.result import BEHIND, MET, NOT_DUE, CheckResult, CommuneGap
from ntmplan.output.console import findings_tables, summary_line
from ntmplan.results import FindingsResult
from ntmplan.rules.tolerance import show

STATUS_STYLE = {MET: "green", BEHIND: "bold red", NOT_DUE: "dim"}
STATUS_TEXT = {MET: "✓ met", BEHIND: "✗ behind", NOT_DUE: "due later"}


def _status(status: str) -> Text:
    return Text(STATUS_TEXT.get(status, status), style=STATUS_STYLE.get(status, "dim"))


def _figure(value: float | int | None, places: int = 2) -> str:
    return "" if value is None else show(value, places)


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)


def render_check(console: Console, result: CheckResult, top: int) -> None:
    met, behind = result.targets_met()
    console.print(Text(f"Plan {result.plan_file} · data {result.data_file} ({result.communes} communes)", style="bold"))
    console.print(f"Basis: {result.basis.description}")
    standard = result.standard_communes
    console.print(
        Text.assemble(
            ("Targets: ", "bold"),
            (f"{met} met", "green"),
            ", ",
            (f"{behind} behind", "bold red" if behind else "green"),
            f" · communes at standard {standard.actual} of {_figure(standard.expected, 1)} expected"
            f" (year-end {_figure(standard.target)})"
            f" · average criteria {show(result.average_criteria.actual)}"
            f" (target {show(result.average_criteria.target_min)}-{show(result.average_criteria.target_max)})",
        )
    )
    console.print()
    console.print(_criteria(result))
    console.print(_bands(result))
    console.print(_groups(result))
    console.print(_communes("2019 target communes: criteria still lacking", result.target_communes))
    console.print(_districts(result))
    shown = result.priority[:top]
    title = f"Priority: communes closest to the standard (missing 1-3 criteria; {len(shown)} shown)"
    console.print(_communes(title, shown))
    findings = FindingsResult(result.data_file, result.findings, result.summary)
    for table in findings_tables(result.findings):
        console.print(table)
    console.print(summary_line(findings))


def _criteria(result: CheckResult) -> Table:
    table = _table("Criteria: communes meeting each, against the plan")
    for header in ("#", "Criterion", "Now", "Expected", "Year-end", "Gap", "Now %", "Target %", "Status"):
        table.add_column(header, justify="left" if header == "Criterion" else "right")
    for item in result.criteria:
        table.add_row(
            str(item.number),
            f"{item.name_vi} [dim]({item.name_en})[/dim]",
            str(item.actual),
            _figure(item.expected, 1),
            _figure(item.target),
            _figure(item.gap, 1) if item.gap else "",
            _figure(item.share_now, 1),
            _figure(item.share_target, 1),
            _status(item.status),
        )
    return table


def _bands(result: CheckResult) -> Table:
    table = _table("Communes by number of criteria met")
    for header in ("Criteria", "Now", "Planned", "Difference"):
        table.add_column(header, justify="right")
    for band in result.bands:
        label = show(band.min) if band.min == band.max else f"{show(band.min)}-{show(band.max)}"
        table.add_row(label, str(band.actual), str(band.target), f"{band.difference:+d}")
    return table


def _groups(result: CheckResult) -> Table:
    table = _table("Group targets")
    for header in ("Group", "Communes", "Measure", "Now", "Target", "By", "Status"):
        table.add_column(header, justify="left" if header in ("Group", "Measure") else "right")
    for group in result.groups:
        now = _figure(group.actual)
        if group.aggregate == "each" and group.compliant is not None:
            now = f"{group.compliant}/{group.communes_found} reach it"
        stated = f" (plan: {group.communes_stated})" if group.communes_stated is not None else ""
        target = show(group.target_min) if group.target_min == group.target_max else (
            f"{show(group.target_min)}-{show(group.target_max)}")
        table.add_row(
            f"{group.name_vi}\n[dim]{group.name_en}[/dim]",
            f"{group.communes_found}{stated}",
            f"{group.aggregate} {group.measure}",
            now,
            target,
            str(group.by_year),
            _status(group.status),
        )
    return table


def _communes(title: str, communes: list[CommuneGap]) -> Table:
    table = _table(title)
    for header in ("Code", "Commune", "District", "Criteria met", "Missing criteria"):
        table.add_column(header, justify="right" if header == "Criteria met" else "left")
    for commune in communes:
        missing = ", ".join(str(n) for n in commune.missing) if commune.missing else Text("at standard", "green")
        table.add_row(commune.code, commune.name, commune.district, str(commune.criteria_met), missing)
    return table


def _districts(result: CheckResult) -> Table:
    table = _table("Districts")
    for header in ("District", "Communes", "At standard", "Average criteria", "Most often missing (criterion: communes)"):
        table.add_column(header, justify="left" if header.startswith(("District", "Most")) else "right")
    for district in result.districts:
        most = ", ".join(f"{m['criterion']}: {m['communes']}" for m in district.most_missing)
        table.add_row(
            district.district, str(district.communes), str(district.standard), show(district.average_criteria), most
        )
    return table
