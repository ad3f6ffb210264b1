"""Rich tables of ``ntmplan check``: a short summary first, then the detail.

Reads a ``CheckResult`` only; it computes nothing. Words come from the
catalogue, figures are written in the reader's language ('29,5' or '29.5').
What the file left out (communes missing, rows excluded, cells unreadable)
is said before any figure, in every output (``coverage_notes``).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ntmplan.check.result import (
    BEHIND,
    MET,
    NO_DATA,
    NO_TARGET,
    NOT_DUE,
    NOT_JUDGED,
    ON_TRACK,
    OPEN,
    PRO_RATA,
    CheckResult,
    CommuneGap,
    CriterionStatus,
    counts_text,
)
from ntmplan.i18n import N_, Lang, _, ngettext, pick, translate
from ntmplan.model.labels import measure_text
from ntmplan.numbers import num, number, range_text
from ntmplan.output.console import findings_tables, measure_phrase, summary_line
from ntmplan.output.progress_view import render_since
from ntmplan.output.round_view import coverage_notes, signed, titled_table
from ntmplan.output.view import View

STATUS_STYLE = {MET: "green", ON_TRACK: "green", BEHIND: "bold red", OPEN: "yellow", NOT_JUDGED: "dim",
                NOT_DUE: "dim"}
STATUS_TEXT = {MET: N_("✓ met"), ON_TRACK: N_("✓ on track"), BEHIND: N_("✗ behind"), OPEN: N_("open"),
               NOT_JUDGED: N_("not judged"), NOT_DUE: N_("due later"), NO_TARGET: N_("no target"),
               NO_DATA: N_("no data")}


def status_text(status: str) -> str:
    """'✓ met', '✓ đạt': a target's status in words."""
    return translate(STATUS_TEXT[status]) if status in STATUS_TEXT else status


def _status(status: str) -> Text:
    return Text(status_text(status), style=STATUS_STYLE.get(status, "dim"))


def _figure(value: float | int | None, lang: Lang, places: int = 2) -> str:
    """At most ``places`` decimals, no trailing zeros, the language's decimal mark."""
    return "" if value is None else num(value, places, lang)


def result_notes(result: CheckResult) -> list[str]:
    """The coverage notes of a check's round."""
    return coverage_notes(result.coverage, sum(c.unknown for c in result.criteria))


def standard_text(result: CheckResult, lang: Lang) -> str:
    """'communes at standard 49 of 60 by the year-end (11 more to recognise; 1 fallen below it)'."""
    standard = result.standard_communes
    if result.coverage.partial:
        text = _("communes at standard {actual} (the province's year-end target: {target})").format(
            actual=standard.actual, target=_figure(standard.target, lang))
    else:
        text = _("communes at standard {actual} of {target} by the year-end").format(
            actual=standard.actual, target=_figure(standard.target, lang))
    extra = []
    if standard.to_recognise:
        extra.append(_("{count} more to recognise").format(count=standard.to_recognise))
    if standard.recognition and result.candidates:
        extra.append(ngettext("{count} candidate meets all 19 criteria", "{count} candidates meet all 19 criteria",
                              len(result.candidates)).format(count=len(result.candidates)))
    if result.fallen_below_standard:
        extra.append(_("{count} fallen below it").format(count=len(result.fallen_below_standard)))
    if not standard.recognition:
        extra.append(_("no years of recognition: communes meeting all 19 criteria"))
    return text + (f" ({'; '.join(extra)})" if extra else "")


def render_check(console: Console, result: CheckResult, view: View) -> None:
    """The summary and every table of a check; with ``--commune``, only the communes asked for."""
    lang = view.lang
    console.print(Text(_("Plan {plan} · data {data} ({communes} communes)").format(
        plan=result.plan_file, data=result.data_text, communes=result.communes), style="bold"))
    if result.commune_filter is not None:
        communes = result.communes_detail or []
        console.print(_communes(_("Communes matching '{text}' ({count})").format(
            text=result.commune_filter, count=len(communes)), communes))
        return
    console.print(Text(_("Basis: {basis}").format(basis=result.basis.description)))
    for note in result_notes(result):
        console.print(Text(note, style="yellow"))
    average = result.average_criteria
    console.print(Text.assemble(
        (_("Targets: "), "bold"), counts_text(result), " · ", standard_text(result, lang), " · ",
        _("average criteria {actual} (target {target})").format(
            actual=_figure(average.actual, lang) if average.actual is not None else status_text(NO_DATA),
            target=range_text(average.target_min, average.target_max, lang)),
    ))
    console.print()
    console.print(_criteria(result, lang, console.width))
    for line in criteria_notes(result, lang):
        console.print(Text(line, style="dim"))
    console.print()
    console.print(_bands(result, lang))
    console.print(_groups(result, lang))
    if result.fallen_below_standard:
        console.print(_communes(_("Recognised communes fallen below the standard"), result.fallen_below_standard))
    if result.candidates:
        console.print(_communes(_("Candidates: all 19 criteria met, not yet recognised"), result.candidates))
    console.print(_communes(_("2019 target communes: criteria still lacking"), result.target_communes))
    console.print(_districts(result, lang))
    shown = result.priority
    if shown:
        console.print(_communes(_("Priority: communes closest to the standard (missing 1-3 criteria; {count} shown)")
                                .format(count=len(shown)), shown))
    else:
        console.print(Text(_("Priority: communes closest to the standard"), style="bold"))
        console.print(Text(_("No commune misses only 1 to 3 criteria, so none is close enough to the standard to be "
                             "listed; the bands above show where the communes stand."), style="dim"))
        console.print()
    if result.progress is not None:
        render_since(console, result.progress, lang)
    for table in findings_tables(result.verdict.findings, width=console.width):
        console.print(table)
    console.print(summary_line(result.verdict.summary, result.data_text))


def criteria_columns(result: CheckResult) -> list[str]:
    """The columns of the criteria table for this basis: a start, an expected count or a pace only where known."""
    columns = ["number", "criterion"]
    if any(c.baseline is not None for c in result.criteria):
        columns.append("start")
    columns.append("now")
    if result.basis.name == PRO_RATA and result.basis.during_year:
        columns.append("expected")
    columns.append("target")
    if any(c.gap is not None for c in result.criteria):
        columns.append("gap")
    if any(c.pace is not None for c in result.criteria):
        columns.append("pace")
    return columns + ["share_now", "share_target", "status"]


def criteria_headers(result: CheckResult, lang: Lang) -> dict[str, str]:
    """The header of each column of the criteria table."""
    during = result.basis.during_year
    return {
        "number": "#", "criterion": _("Criterion"), "start": _("Start of year"), "now": _("Now"),
        "expected": _("Expected by {date}").format(date=_as_of(result, lang)) if result.basis.as_of else _("Expected"),
        "target": _("Year-end"), "gap": _("To go") if during and result.basis.name != PRO_RATA else _("Gap"),
        "pace": _("At this pace"), "share_now": _("Now %"), "share_target": _("Target %"), "status": _("Status"),
    }


def _as_of(result: CheckResult, lang: Lang) -> str:
    import datetime as dt

    from ntmplan.numbers import date_text

    return date_text(dt.date.fromisoformat(result.basis.as_of), lang)


def share_target_text(item: CriterionStatus, lang: Lang) -> str:
    """'29,5', or where the stated share differs from the computed one '64,2 (64,3)'."""
    if item.shares_differ:
        return f"{_figure(item.share_target_stated, lang)} ({_figure(item.share_target_computed, lang)})"
    return _figure(item.share_target, lang)


def criteria_cells(item: CriterionStatus, lang: Lang) -> dict[str, str]:
    """Each column's cell for one criterion, as text."""
    return {
        "number": str(item.number), "criterion": pick(item.name_vi, item.name_en), "start": _figure(item.baseline, lang),
        "now": str(item.actual), "expected": _figure(item.expected, lang), "target": _figure(item.target, lang),
        "gap": _figure(item.gap, lang), "pace": _figure(item.pace.projected, lang) if item.pace else "",
        "share_now": "" if item.share_now is None else number(item.share_now, lang, 1), "share_target": share_target_text(item, lang),
        "status": status_text(item.status),
    }


def criteria_notes(result: CheckResult, lang: Lang) -> list[str]:
    """What the criteria table's columns mean where they need it: the start of the year, the pace, stated shares."""
    notes = []
    if any(c.baseline_source == "plan" for c in result.criteria):
        notes.append(_("Start of year: the plan's total − added; blank where the plan states only a total."))
    if any(c.pace is not None for c in result.criteria):
        notes.append(_("At this pace: the communes the change since the start of the year leads to by the year-end, "
                       "continued at the same rate."))
    if any(c.shares_differ for c in result.criteria):
        notes.append(_("Target %: the share the plan states; in brackets the share its count makes of the {communes} "
                       "communes, where the two differ.").format(communes=result.coverage.communes_in_plan))
    return notes


NAME_WIDTH = 14  # the criteria table's name column at its narrowest ('6. Cultural' and a little room)


def _criteria(result: CheckResult, lang: Lang, width: int) -> Table:
    """Figures and statuses never wrap or get cut; on a narrow terminal the headers and the names wrap instead."""
    table = titled_table(_("Criteria: communes meeting each, against the plan"))
    columns = criteria_columns(result)
    headers = criteria_headers(result, lang)
    rows = [criteria_cells(item, lang) for item in result.criteria]
    shown = [name for name in columns if name != "number"]  # the number goes before the name: '2. Giao thông'
    cells = {name: max(len(row[name]) for row in rows) for name in shown}
    widest = {name: max(len(headers[name]), cells[name]) for name in shown}
    narrow = sum(widest.values()) + 3 * len(shown) > width
    least = {name: max([cells[name]] + [len(part) for part in headers[name].split()]) for name in shown}
    folded = ("share_now", "share_target")  # on the narrowest terminals the shares go under the name
    fold = NAME_WIDTH + sum(least[name] for name in shown if name != "criterion") + 3 * len(shown) > width
    if fold:
        shown = [name for name in shown if name not in folded]
    for name in shown:
        if name == "criterion":
            table.add_column(headers[name], justify="left", min_width=NAME_WIDTH, ratio=1, overflow="fold")
        else:
            table.add_column(headers[name], justify="right", min_width=cells[name], no_wrap=name == "status",
                             max_width=least[name] if narrow else None)
    for item, row in zip(result.criteria, rows):
        name = Text(f"{row['number']}. {row['criterion']}")
        if fold:
            name.append("\n" + " · ".join(f"{headers[key]} {row[key]}" for key in folded if row[key]), style="dim")
        table.add_row(*[_status(item.status) if key == "status" else name if key == "criterion"
                        else Text(row[key]) for key in shown])
    return table


def band_label(band, lang: Lang) -> str:
    """'19', '15-18', '≥ 10': the criteria a band spans."""
    return range_text(band.min, band.max, lang)


def band_row_label(band, lang: Lang) -> str:
    """A band's label in the bands table; the criteria no band covers say so: '0-4 (no band)'."""
    label = band_label(band, lang)
    return _("{criteria} (no band)").format(criteria=label) if band.outside else label


def _bands(result: CheckResult, lang: Lang) -> Table:
    table = titled_table(_("Communes by number of criteria met"))
    for header in (_("Criteria"), _("Now"), _("Planned"), _("Difference")):
        table.add_column(header, justify="right")
    for band in result.bands:
        table.add_row(band_row_label(band, lang), str(band.actual), _figure(band.target, lang), signed(band.difference))
    return table


def group_now(group, lang: Lang) -> str:
    """What a group has now: its average, or (a target for each commune) how many of its communes reach it."""
    if group.aggregate == "each":
        if group.compliant is None:
            return ""
        return f"{group.compliant}/{group.communes_found}"
    return _figure(group.actual, lang)


def group_target(group, lang: Lang) -> str:
    """The average targeted, or (a target for each commune) every commune of the group: counts beside counts."""
    if group.aggregate == "each":
        return f"{group.communes_found}/{group.communes_found}"
    return range_text(group.target_min, group.target_max, lang)


def group_measure(group, lang: Lang) -> str:
    """'average criteria met', or with the target of each commune '1-2 model residential areas, each commune'."""
    if group.aggregate == "each":
        return measure_phrase("each", measure_text(group.measure),
                              range_text(group.target_min, group.target_max, lang))
    return measure_phrase(group.aggregate, measure_text(group.measure))


def _groups(result: CheckResult, lang: Lang) -> Table:
    table = titled_table(_("Group targets"))
    headers = (_("Group"), _("Communes"), _("Measure"), _("Now"), _("Target"), _("By"), _("Status"))
    # the group's name and measure take the room left and fold; the figures and the status stay whole
    for i, header in enumerate(headers):
        if i in (0, 2):
            table.add_column(header, overflow="fold")
        else:
            table.add_column(header, justify="right", no_wrap=i in (4, 5, 6))
    for group in result.groups:
        stated = (_(" (plan: {count})").format(count=group.communes_stated)
                  if group.communes_stated is not None else "")
        table.add_row(
            Text.assemble(pick(group.name_vi, group.name_en), "\n", (pick(group.name_en, group.name_vi), "dim")),
            f"{group.communes_found}{stated}",
            group_measure(group, lang),
            group_now(group, lang),
            group_target(group, lang),
            str(group.by_year),
            _status(group.status),
        )
    return table


def missing_text(commune: CommuneGap) -> str:
    return ", ".join(str(n) for n in commune.missing) if commune.missing else _("at standard")


def _communes(title: str, communes: list[CommuneGap]) -> Table:
    table = titled_table(title)
    headers = (_("Code"), _("Commune"), _("District"), _("Criteria met"), _("Missing criteria"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i == 3 else "left")
    for commune in communes:
        missing = Text(missing_text(commune), style="" if commune.missing else "green")
        table.add_row(Text(commune.code), Text(commune.name), Text(commune.district), str(commune.criteria_met),
                      missing)
    return table


def most_missing(district) -> str:
    return ", ".join(f"{m['criterion']}: {m['communes']}" for m in district.most_missing)


def _districts(result: CheckResult, lang: Lang) -> Table:
    table = titled_table(_("Districts"))
    partial = result.coverage.partial
    headers = [_("District"), _("Communes"), _("At standard"), _("Fallen below standard"), _("Average criteria"),
               _("Most often missing (criterion: communes)")]
    if partial:
        headers.insert(2, _("Missing"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i in (0, len(headers) - 1) else "right")
    for district in result.districts:
        cells = [Text(district.district), str(district.communes), str(district.standard),
                 ", ".join(district.fallen_below_standard), _figure(district.average_criteria, lang),
                 most_missing(district)]
        if partial:
            cells.insert(2, str(district.missing))
        table.add_row(*cells)
    return table
