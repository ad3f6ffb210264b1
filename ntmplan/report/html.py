"""The report as one self-contained HTML page: the workbook's content, charts as inline SVG.

Nothing is fetched when the page is opened (no script, no font, no stylesheet
from elsewhere), so it can be mailed or put on a USB stick and read offline.
The layout is one column that reflows on a phone, wide tables scroll inside
their own box, and a print stylesheet keeps tables whole and drops the colours
that do not print. Every text is escaped.
"""

from __future__ import annotations

import re
from html import escape

from ntmplan import __version__, numbers
from ntmplan.check.progress import Progress
from ntmplan.check.result import BEHIND, MET, NOT_DUE, NOT_JUDGED, ON_TRACK, OPEN
from ntmplan.i18n import Lang, _, pick, translate
from ntmplan.numbers import num, range_text
from ntmplan.output.check_view import (
    band_row_label,
    counts_text,
    criteria_cells,
    criteria_columns,
    criteria_headers,
    criteria_notes,
    group_now,
    group_target,
    most_missing,
    result_notes,
    standard_text,
    status_text,
)
from ntmplan.output.console import SEVERITY_NAME
from ntmplan.output.progress_view import behind, commune_names, progress_lines
from ntmplan.output.round_view import signed
from ntmplan.report.charts import Chart
from ntmplan.runs.report import Report
from ntmplan.text import sort_key

CSS = """
:root { --ink: #1a202c; --muted: #4a5568; --line: #e2e8f0; --head: #1f4e79; --met: #c6efce; --behind: #ffc7ce;
        --later: #ededed; --warn: #ffeb9c; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0;
       line-height: 1.45; font-size: 15px; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; color: var(--head); }
p.meta { color: var(--muted); margin: .2rem 0; }
nav { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 1rem 0; font-size: .9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.card b { display: block; font-size: 1.6rem; }
.card.met { background: var(--met); } .card.behind { background: var(--behind); } .card.open { background: var(--warn); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); color: #fff; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.met, td.ok { background: var(--met); } td.behind, td.error { background: var(--behind); }
td.not-due { background: var(--later); } td.warning, td.open { background: var(--warn); }
table.headline td:first-child { min-width: 12rem; }
p.notice { background: var(--warn); border-left: 4px solid #b7791f; padding: .4rem .6rem; margin: .4rem 0; }
table.matrix td.c { text-align: center; padding: .2rem; width: 1.6rem; }
table.matrix td.y { background: var(--met); } table.matrix td.x { background: var(--behind); }
figure { margin: 1rem 0; } figure svg { width: 100%; height: auto; max-width: 900px; }
figcaption { color: var(--muted); font-size: .85rem; }
footer { color: var(--muted); font-size: .8rem; margin: 2rem 0 1rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
details.where { color: var(--muted); font-size: .8rem; margin-top: .2rem; }
details.where summary { cursor: pointer; }
@media (max-width: 600px) {
  body { font-size: 14px; } main { padding: .6rem; } .card b { font-size: 1.3rem; }
  /* A wide table keeps readable columns and scrolls under its status, which stays at the right edge of the box. */
  .scroll table:not(.headline) { width: max-content; min-width: 100%; } .scroll td { max-width: 13rem; }
  th.status, td.status { position: sticky; right: 0; box-shadow: -2px 0 3px rgba(0, 0, 0, .15); }
  td.status { background: #fff; } th.status { background: var(--head); }
  td.status.met, td.status.ok { background: var(--met); }
  td.status.behind, td.status.error { background: var(--behind); }
  td.status.open { background: var(--warn); } td.status.not-due { background: var(--later); }
  /* A chart keeps its drawn size, so its labels stay readable, and scrolls in its box. */
  figure { overflow-x: auto; } figure svg { min-width: var(--chart-width); }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 9pt; } nav { display: none; } main { max-width: none; padding: 0; }
  .scroll { overflow: visible; } th { position: static; color: #000; background: #ddd; }
  thead { display: table-header-group; } table { font-size: 8pt; } table.matrix td.c { padding: 0; width: auto; }
  h2 { break-after: avoid; } h3 { break-after: avoid; } tr, figure { break-inside: avoid; }
  figure svg { max-width: 100%; }
  .card, td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
STATUS_CLASS = {MET: "met", ON_TRACK: "met", BEHIND: "behind", OPEN: "open", NOT_JUDGED: "not-due", NOT_DUE: "not-due"}


def _e(value) -> str:
    return "" if value is None else escape(str(value))


class Markup(str):
    """HTML this module built from escaped parts: a cell that holds it is not escaped again."""


def _cell(value) -> str:
    return value if isinstance(value, Markup) else _e(value)


def _table(headers: list[str], rows: list[list], numeric: set[int] = frozenset(), classes=None,
           table_class: str = "", status: int | None = None) -> str:
    """A table; ``numeric`` columns align right; ``classes(row_index, column)`` colours a cell; the ``status``
    column stays in sight on a phone."""
    head = "".join(f'<th class="status">{_e(h)}</th>' if c == status else f"<th>{_e(h)}</th>"
                   for c, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            names = []
            if c in numeric:
                names.append("n")
            if c == status:
                names.append("status")
            if classes:
                extra = classes(r, c)
                if extra:
                    names.append(extra)
            attribute = f' class="{" ".join(names)}"' if names else ""
            cells.append(f"<td{attribute}>{_cell(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{table_class}"' if table_class else ""
    return f'<div class="scroll"><table{cls}><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _f(value, lang: Lang, places: int = 2) -> str:
    return "" if value is None else num(value, places, lang)


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{body}</section>'


def _figure(chart: Chart) -> str:
    """The chart's SVG; ``--chart-width`` is its drawn width, which a phone keeps so that the labels stay readable."""
    box = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ', chart.svg)
    width = f' style="--chart-width: {round(float(box.group(1)))}px"' if box else ""
    return (f'<figure role="img" aria-label="{_e(chart.title)}"{width}>{chart.svg}'
            f'<figcaption>{_e(chart.title)}</figcaption></figure>')


def _progress(progress: Progress, chart: Chart, lang: Lang) -> str:
    """The change since the start-of-year round: the chart, by criterion with the communes behind, by district."""
    names = commune_names(progress)
    by_criterion = _table(
        ["#", _("Criterion"), _("Before"), _("After"), _("Gained"), _("Lost"), _("Net"), _("Gained by"),
         _("Lost by")],
        [[c.number, pick(c.name_vi, c.name_en, lang), c.before, c.after, c.gained, c.lost, signed(c.net),
          behind(c.gained_by, names, len(c.gained_by)), behind(c.lost_by, names, len(c.lost_by))]
         for c in progress.criteria], {0, 2, 3, 4, 5, 6})
    by_district = _table(
        [_("District"), _("Communes"), _("Gained"), _("Lost"), _("Net"), _("At standard"), _("Newly at standard"),
         _("Fallen below standard")],
        [[d.district, d.communes, d.gained, d.lost, signed(d.net), f"{d.standard_before} → {d.standard_after}",
          ", ".join(d.newly_at_standard), ", ".join(d.fallen_below_standard)] for d in progress.districts],
        {1, 2, 3, 4, 5})
    intro = _("From {old} to {new}: {count} communes compared.").format(
        old=", ".join(progress.old_files), new=", ".join(progress.new_files), count=progress.compared)
    lines = "".join(f'<p class="meta">{_e(line)}</p>' for line in [intro, *progress_lines(progress)])
    return lines + _figure(chart) + by_criterion + by_district


def _schedule_group(report: Report, group, tasks, listed: list[str]) -> str:
    """One group of the schedule under its heading: the tasks no earlier group listed, and which ones it did."""
    from ntmplan.output.schedule_view import group_title
    from ntmplan.output.schedule_view import normalised

    lang = report.lang
    rows = [[task.id, pick(task.content_vi, task.content_en, lang), task.directing.text, task.executing.text,
             task.coordinating.text, f"{task.timing_text} → {normalised(task, lang, group.month)}"] for task in tasks]
    body = _table([_("Task"), _("Content"), _("Directing"), _("Executing"), _("Coordinating"), _("Timing")],
                  rows) if rows else ""
    if listed:
        also = _("Also in this group, listed above: {tasks}.").format(tasks=", ".join(listed))
        body += f'<p class="meta">{_e(also)}</p>'
    return f"<h3>{_e(group_title(group, report.schedule, lang))} ({len(tasks) + len(listed)})</h3>{body}"


def html_text(report: Report, charts: list[Chart]) -> str:
    """The whole report as one HTML document."""
    lang, check, budget = report.lang, report.check, report.budget
    by_name = {chart.name: chart for chart in charts}
    counts = check.target_counts()
    standard, average = check.standard_communes, check.average_criteria

    cards = [
        (_("Targets met"), str(counts[MET] + counts[ON_TRACK]) if counts[ON_TRACK] else str(counts[MET]), "met"),
        (_("Targets behind"), str(counts[BEHIND]), "behind" if counts[BEHIND] else "met"),
        (_("Communes at the NTM standard"),
         _("{actual} of {target} by the year-end").format(actual=standard.actual, target=_f(standard.target, lang)),
         STATUS_CLASS.get(standard.status, "")),
        (_("Average criteria per commune"),
         f"{_f(average.actual, lang)} ({range_text(average.target_min, average.target_max, lang)})",
         STATUS_CLASS.get(average.status, "")),
    ]
    if counts[ON_TRACK]:
        cards[0] = (_("Targets met or on track"), cards[0][1], "met")
    cards_html = '<div class="cards">' + "".join(
        f'<div class="card {cls}"><span>{_e(label)}</span><b>{_e(value)}</b></div>' for label, value, cls in cards
    ) + "</div>"

    headline_rows = [[_("Communes at the NTM standard"), _f(standard.target, lang), _f(standard.expected, lang),
                      standard.actual, status_text(standard.status)],
                     [_("Average criteria per commune"), range_text(average.target_min, average.target_max, lang), "",
                      _f(average.actual, lang), status_text(average.status)]]
    statuses = [standard.status, average.status]
    for group in check.groups:
        headline_rows.append([pick(group.name_vi, group.name_en, lang), group_target(group, lang), "",
                              group_now(group, lang), status_text(group.status)])
        statuses.append(group.status)
    summary = cards_html + f'<p class="meta">{_e(_("Targets: ") + counts_text(check))} · {_e(standard_text(check, lang))}</p>' + _table(
        [_("Headline target"), _("Year-end target"), _("Expected"), _("Now"), _("Status")], headline_rows, {1, 2, 3},
        lambda r, c: STATUS_CLASS.get(statuses[r]) if c == 4 else None, table_class="headline", status=4)

    columns = criteria_columns(check)
    headers = criteria_headers(check, lang)
    numeric = {i for i, name in enumerate(columns) if name not in ("criterion", "status")}
    criteria_rows = [[criteria_cells(c, lang)[name] for name in columns] for c in check.criteria]
    status_column = columns.index("status")
    criteria = _figure(by_name["criteria"]) + _table(
        [headers[name] for name in columns], criteria_rows, numeric,
        lambda r, c: STATUS_CLASS.get(check.criteria[r].status) if c == status_column else None,
        status=status_column,
    ) + "".join(f'<p class="meta">{_e(note)}</p>' for note in criteria_notes(check, lang))

    bands = _figure(by_name["bands"]) + _table(
        [_("Criteria met"), _("Now"), _("Planned"), _("Difference")],
        [[band_row_label(b, lang), b.actual, _f(b.target, lang), signed(b.difference)] for b in check.bands],
        {1, 2, 3})

    districts = _table(
        [_("District"), _("Communes"), _("At standard"), _("Fallen below standard"), _("Average criteria"),
         _("Most often missing (criterion: communes)")]
        + ([_("Missing")] if check.coverage.partial else []),
        [[d.district, d.communes, d.standard, ", ".join(d.fallen_below_standard), _f(d.average_criteria, lang),
          most_missing(d)] + ([d.missing] if check.coverage.partial else [])
         for d in sorted(check.districts, key=lambda d: sort_key(d.district))], {1, 2, 4, 6})

    def gaps(communes) -> str:
        return _table([_("Code"), _("Commune"), _("District"), _("Criteria met"), _("Missing criteria")],
                      [[c.code, c.name, c.district, c.criteria_met,
                        ", ".join(str(n) for n in c.missing) if c.missing else _("at standard")] for c in communes],
                      {3})

    communes = sorted(check.communes_detail or [], key=lambda c: (sort_key(c.district), sort_key(c.name)))
    matrix_rows = [[c.code, c.name, c.district, c.criteria_met]
                   + ["✗" if n in c.missing else "✓" for n in range(1, 20)] for c in communes]
    matrix = _table([_("Code"), _("Commune"), _("District"), _("Criteria met")] + [str(n) for n in range(1, 20)],
                    matrix_rows, {3},
                    lambda r, c: None if c < 4 else ("x" if matrix_rows[r][c] == "✗" else "y") + " c",
                    table_class="matrix")

    unit = numbers.unit_label(budget.tree.unit, lang)
    budget_rows = [["\u00a0\u00a0\u00a0" * row.depth + pick(row.name_vi, row.name_en, lang),
                    numbers.number(row.amount, lang, row.amount_places),
                    "" if row.stated_share is None else numbers.percent(row.stated_share, lang, row.share_places),
                    numbers.percent(row.computed_share, lang, 2),
                    "✓" if row.status == "ok" else "✗ " + " ".join(row.codes)] for row in budget.tree.rows()]
    budget_rows.append([_("Total funding need"), numbers.number(budget.tree.total, lang, budget.tree.total_places), "", "",
                        "✓" if budget.total_status == "ok" else "✗ " + " ".join(budget.total_codes)])
    budget_html = _figure(by_name["funding"]) + _table(
        [_("Source"), unit, _("Stated %"), _("Computed %"), _("Status")], budget_rows, {1, 2, 3},
        lambda r, c: ("ok" if budget_rows[r][4] == "✓" else "error") if c == 4 else None, status=4)

    schedule = "".join(_schedule_group(report, group, tasks, listed)
                       for group, tasks, listed in report.schedule_groups())

    # Where a finding is in the files matters to the office that keeps them, not to a district reading the page.
    where = _("Where in the files")
    findings_rows = [[translate(SEVERITY_NAME[f.severity]), f.code,
                      Markup(f'{_e(f.message)}<details class="where"><summary>{_e(where)}</summary>'
                             f"{_e(f.location)}{_e(f' ({f.location.path})' if f.location.path else '')}</details>")]
                     for f in report.findings]
    severities = [f.severity.value for f in report.findings]
    findings = _table([_("Severity"), _("Code"), _("Finding")], findings_rows,
                      classes=lambda r, c: severities[r] if c == 0 and severities[r] != "info" else None)

    sections = [
        ("summary", _("Summary"), summary),
        ("criteria", _("Criteria"), criteria),
        ("bands", _("Communes by number of criteria met"), bands),
        ("districts", _("Districts"), districts),
    ]
    if check.fallen_below_standard:
        sections.append(("fallen", _("Fallen below the standard"), gaps(check.fallen_below_standard)))
    if check.candidates:
        sections.append(("candidates", _("Candidates for recognition"), gaps(check.candidates)))
    sections += [
        ("target-communes", _("Target communes"), gaps(check.target_communes)),
        ("priority", _("Priority"), gaps(check.priority)),
    ]
    if check.progress is not None:
        sections.append(("progress", _("Progress"), _progress(check.progress, by_name["progress"], lang)))
    sections += [
        ("communes", _("Communes"), matrix),
        ("budget", _("Budget"), budget_html),
        ("schedule", _("Schedule"), schedule),
        ("findings", _("Findings"), findings),
    ]
    nav = "<nav>" + "".join(f'<a href="#{anchor}">{_e(title)}</a>' for anchor, title, _b in sections) + "</nav>"
    body = "".join(_section(anchor, title, content) for anchor, title, content in sections)
    title = f"{report.plan_number}: {report.plan_title}"
    meta = report.sources_text()
    made = _("Made for the {office} on {date} at {time} with ntmplan {version}.").format(
        office=report.office, date=numbers.date_text(report.made.date(), lang), time=report.made.strftime("%H:%M"),
        version=__version__)
    footer = _("Made with ntmplan from the files named above.")  # outside the f-string, where Babel finds it
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{_e(title)}</h1>\n<p class=\"meta\">{_e(made)}</p>\n<p class=\"meta\">{_e(meta)}</p>\n"
        f"<p class=\"meta\">{_e(_('Basis: {basis}').format(basis=check.basis.description))}</p>\n"
        + "".join(f'<p class="notice">{_e(note)}</p>\n' for note in result_notes(check))
        + f"{nav}\n{body}\n<footer>{_e(footer)}</footer>\n"
        "</main>\n</body>\n</html>\n"
    )
