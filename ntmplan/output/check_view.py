"""Rich tables of ``ntmplan check``: a short summary first, then the detail.

Reads a ``CheckResult`` only; it computes nothing. Words come from the
catalogue, figures are written in the reader's language ('29,5' or '29.5').
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ntmplan.check.result import (
    BEHIND,
    MET,
    NO_DATA,
    NO_TARGET,
    NOT_DUE,
    CheckResult,
    CommuneGap,
)
from ntmplan.i18n import N_, Lang, _, pick, translate
from ntmplan.model.labels import measure_text
from ntmplan.numbers import range_text
from ntmplan.output.console import findings_tables, summary_line
from ntmplan.output.view import View

STATUS_STYLE = {MET: "green", BEHIND: "bold red", NOT_DUE: "dim"}
STATUS_TEXT = {MET: N_("✓ met"), BEHIND: N_("✗ behind"), NOT_DUE: N_("due later"), NO_TARGET: N_("no target"),
               NO_DATA: N_("no data")}
AGGREGATES = {"average": N_("average"), "each": N_("each")}


def status_text(status: str) -> str:
    """'✓ met', '✓ đạt': a target's status in words."""
    return translate(STATUS_TEXT[status]) if status in STATUS_TEXT else status


def _status(status: str) -> Text:
    return Text(status_text(status), style=STATUS_STYLE.get(status, "dim"))


def _figure(value: float | int | None, lang: Lang, places: int = 2) -> str:
    """At most ``places`` decimals, no trailing zeros, the language's decimal mark."""
    from ntmplan.numbers import num

    return "" if value is None else num(value, places, lang)


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)


def render_check(console: Console, result: CheckResult, view: View) -> None:
    """The summary and every table of a check; with ``--commune``, only the communes asked for."""
    lang = view.lang
    if result.commune_filter is not None:
        render_communes(console, result, result.commune_filter, lang)
        return
    met, behind = result.targets_met()
    console.print(
        Text(
            _("Plan {plan} · data {data} ({communes} communes)").format(
                plan=result.plan_file, data=result.data_file, communes=result.communes
            ),
            style="bold",
        )
    )
    console.print(_("Basis: {basis}").format(basis=result.basis.description))
    standard = result.standard_communes
    average = result.average_criteria
    console.print(
        Text.assemble(
            (_("Targets: "), "bold"),
            (_("{count} met").format(count=met), "green"),
            ", ",
            (_("{count} behind").format(count=behind), "bold red" if behind else "green"),
            " · ",
            _("communes at standard {actual} of {expected} expected (year-end {target})").format(
                actual=standard.actual, expected=_figure(standard.expected, lang, 1), target=_figure(standard.target, lang)
            ),
            " · ",
            _("average criteria {actual} (target {low}-{high})").format(
                actual=_figure(average.actual, lang), low=_figure(average.target_min, lang),
                high=_figure(average.target_max, lang),
            ),
        )
    )
    console.print()
    console.print(_criteria(result, lang))
    console.print(_bands(result, lang))
    console.print(_groups(result, lang))
    console.print(_communes(_("2019 target communes: criteria still lacking"), result.target_communes))
    console.print(_districts(result, lang))
    shown = result.priority
    title = _("Priority: communes closest to the standard (missing 1-3 criteria; {count} shown)").format(count=len(shown))
    console.print(_communes(title, shown))
    for table in findings_tables(result.verdict.findings):
        console.print(table)
    console.print(summary_line(result.verdict.summary, result.data_file))


def _criteria(result: CheckResult, lang: Lang) -> Table:
    table = _table(_("Criteria: communes meeting each, against the plan"))
    headers = ("#", _("Criterion"), _("Now"), _("Expected"), _("Year-end"), _("Gap"), _("Now %"), _("Target %"),
               _("Status"))
    for i, header in enumerate(headers):
        if i == 1:
            table.add_column(header, justify="left", min_width=16)
        else:
            table.add_column(header, justify="right", min_width=9 if i == len(headers) - 1 else None)
    for item in result.criteria:
        table.add_row(
            str(item.number),
            pick(item.name_vi, item.name_en),
            str(item.actual),
            _figure(item.expected, lang, 1),
            _figure(item.target, lang),
            _figure(item.gap, lang, 1) if item.gap else "",
            _figure(item.share_now, lang, 1),
            _figure(item.share_target, lang, 1),
            _status(item.status),
        )
    return table


def band_label(band, lang: Lang) -> str:
    """'19' or '15-18': the criteria a band spans."""
    low, high = _figure(band.min, lang), _figure(band.max, lang)
    return low if band.min == band.max else f"{low}-{high}"


def _bands(result: CheckResult, lang: Lang) -> Table:
    table = _table(_("Communes by number of criteria met"))
    for header in (_("Criteria"), _("Now"), _("Planned"), _("Difference")):
        table.add_column(header, justify="right")
    for band in result.bands:
        table.add_row(band_label(band, lang), str(band.actual), str(band.target), f"{band.difference:+d}")
    return table


def group_now(group, lang: Lang) -> str:
    """What a group has now: its average, or how many of its communes reach the target."""
    if group.aggregate == "each" and group.compliant is not None:
        return _("{compliant}/{communes} reach it").format(compliant=group.compliant, communes=group.communes_found)
    return _figure(group.actual, lang)


def group_target(group, lang: Lang) -> str:
    return range_text(group.target_min, group.target_max, lang)


def _groups(result: CheckResult, lang: Lang) -> Table:
    table = _table(_("Group targets"))
    headers = (_("Group"), _("Communes"), _("Measure"), _("Now"), _("Target"), _("By"), _("Status"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i in (0, 2) else "right")
    for group in result.groups:
        stated = (_(" (plan: {count})").format(count=group.communes_stated)
                  if group.communes_stated is not None else "")
        aggregate = translate(AGGREGATES[group.aggregate]) if group.aggregate in AGGREGATES else group.aggregate
        table.add_row(
            f"{pick(group.name_vi, group.name_en)}\n[dim]{pick(group.name_en, group.name_vi)}[/dim]",
            f"{group.communes_found}{stated}",
            f"{aggregate} {measure_text(group.measure)}",
            group_now(group, lang),
            group_target(group, lang),
            str(group.by_year),
            _status(group.status),
        )
    return table


def _communes(title: str, communes: list[CommuneGap]) -> Table:
    table = _table(title)
    headers = (_("Code"), _("Commune"), _("District"), _("Criteria met"), _("Missing criteria"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i == 3 else "left")
    for commune in communes:
        missing = ", ".join(str(n) for n in commune.missing) if commune.missing else Text(_("at standard"), "green")
        table.add_row(commune.code, commune.name, commune.district, str(commune.criteria_met), missing)
    return table


def most_missing(district) -> str:
    return ", ".join(f"{m['criterion']}: {m['communes']}" for m in district.most_missing)


def _districts(result: CheckResult, lang: Lang) -> Table:
    table = _table(_("Districts"))
    headers = (_("District"), _("Communes"), _("At standard"), _("Average criteria"),
               _("Most often missing (criterion: communes)"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i in (0, 4) else "right")
    for district in result.districts:
        table.add_row(
            district.district, str(district.communes), str(district.standard),
            _figure(district.average_criteria, lang), most_missing(district),
        )
    return table



def render_communes(console: Console, result: CheckResult, asked: str, lang: Lang) -> None:
    """The communes matching ``--commune``: each one's criteria met and those it lacks."""
    communes = result.communes_detail or []
    console.print(
        Text(
            _("Plan {plan} · data {data} ({communes} communes)").format(
                plan=result.plan_file, data=result.data_file, communes=result.communes
            ),
            style="bold",
        )
    )
    console.print(_communes(_("Communes matching '{text}' ({count})").format(text=asked, count=len(communes)),
                            communes))
