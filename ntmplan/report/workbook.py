"""The report as an Excel workbook (openpyxl): one sheet per table, native charts, real formats.

Every sheet has a bold header row frozen in place, filters, number formats
rather than numbers baked into text (Excel then writes '29,5%' or '29.5%' as
the reader's Excel is set up), column widths that fit, and conditional
formatting (targets met or behind; each commune's 19 criteria as a green and
red matrix). The charts are Excel's own, drawn from the sheets' cells.

Text that comes from input files (commune and district names, messages quoting
cells, the plan's own texts) is written as text and never as a formula: a cell
beginning with '=', '+', '-' or '@' (or a tab or carriage return) is stored as
a string with Excel's quote prefix, so a crafted data file cannot make the
workbook run a formula (CSV/formula injection).
"""

from __future__ import annotations

import datetime as dt
import io

from ntmplan.check.result import (
    BEHIND,
    MET,
    NO_TARGET,
    NOT_DUE,
    NOT_JUDGED,
    ON_TRACK,
    OPEN,
    STATUSES,
)
from ntmplan.i18n import Lang, _, pick, translate
from ntmplan.model.labels import measure_text
from ntmplan.model.plan import CRITERIA
from ntmplan.output.check_view import (
    STATUS_TEXT,
    band_row_label,
    most_missing,
    result_notes,
    status_text,
)
from ntmplan.output.console import SEVERITY_NAME
from ntmplan.output.progress_view import progress_lines
from ntmplan.output.round_view import excluded_reason, place_text
from ntmplan.runs.report import Report
from ntmplan.text import sort_key

HEADER_FILL = "1F4E79"
GREEN, RED, AMBER, GREY = "C6EFCE", "FFC7CE", "FFEB9C", "EDEDED"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 60
LINE_HEIGHT = 15  # points: one line of 11-point Calibri
CHARACTERS_PER_WIDTH = 1.1  # letters of ordinary text per unit of column width (the width of a '0')


class Sheet:
    """A worksheet filled row by row, remembering widths for the columns."""

    def __init__(self, workbook, title: str) -> None:
        self.ws = workbook.create_sheet(title=title[:31])
        self.widths: dict[int, int] = {}
        self.row = 0
        self.headers: list[int] = []  # the header row of each table
        self.lines: set[int] = set()  # rows of free text above the tables, spilling to the right

    def put(self, row: int, column: int, value, number_format: str | None = None, bold: bool = False):
        """Write one cell; text beginning like a formula is stored as plain text."""
        from openpyxl.styles import Font

        cell = self.ws.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = value
            if value.startswith(DANGEROUS):
                cell.data_type = "s"  # openpyxl took '=...' for a formula: make it text
                cell.quotePrefix = True
        else:
            cell.value = value
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = Font(bold=True)
        if row not in self.lines:
            length = max((len(line) for line in str(value).splitlines()), default=0) if value is not None else 0
            self.widths[column] = max(self.widths.get(column, 0), min(length + 2, MAX_WIDTH))
        return cell

    def line(self, text: str):
        """A line of text above or between the tables, in column A: it sets no column's width and never wraps."""
        self.row += 1
        self.lines.add(self.row)
        return self.put(self.row, 1, text)

    def append(self, values: list, formats: list[str | None] | None = None) -> int:
        self.row += 1
        for column, value in enumerate(values, start=1):
            self.put(self.row, column, value, formats[column - 1] if formats else None)
        return self.row

    def header(self, names: list[str]) -> int:
        """A bold header row on a dark fill; the table below it gets filters and frozen panes."""
        from openpyxl.styles import Alignment, Font, PatternFill

        row = self.append(names)
        self.headers.append(row)
        for column in range(1, len(names) + 1):
            cell = self.ws.cell(row=row, column=column)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        return row

    def table(self, names: list[str], rows: list[list], formats: list[str | None] | None = None,
              freeze: bool = True) -> tuple[int, int]:
        """Header, rows, a filter over them, and the header frozen; returns (header row, last row)."""
        from openpyxl.utils import get_column_letter

        first = self.header(names)
        for values in rows:
            self.append(values, formats)
        last = max(self.row, first)
        self.ws.auto_filter.ref = f"A{first}:{get_column_letter(len(names))}{last}"
        if freeze:
            self.ws.freeze_panes = f"A{first + 1}"
        return first, last

    def finish(self, widths: dict[int, float] | None = None) -> None:
        """Column widths from the longest text (capped, or as ``widths`` fixes them); text wider than its column
        wraps, and each row is as tall as its wrapped text. Printed on A4 landscape, as wide as the page, the
        table's header on every page."""
        from openpyxl.utils import get_column_letter

        final = {column: max(width, 6) for column, width in self.widths.items()}
        final.update(widths or {})
        for column, width in final.items():
            self.ws.column_dimensions[get_column_letter(column)].width = width
        self._wrap(final)
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        if len(self.headers) == 1:  # a sheet of several tables has no one header to repeat
            self.ws.print_title_rows = f"{self.headers[0]}:{self.headers[0]}"

    def _wrap(self, widths: dict[int, float]) -> None:
        """Wrap the text of the columns it does not fit, and make each row tall enough for its lines."""
        from openpyxl.styles import Alignment

        for row in self.ws.iter_rows(min_row=1, max_row=self.ws.max_row):
            lines = 1
            for cell in row:
                if cell.row in self.lines or not isinstance(cell.value, str) or cell.column not in widths:
                    continue
                count = text_lines(cell.value, widths[cell.column])
                if count > 1 or len(cell.value) >= widths[cell.column] or cell.alignment.wrap_text:
                    old = cell.alignment
                    cell.alignment = Alignment(horizontal=old.horizontal, indent=old.indent, wrap_text=True,
                                               vertical=old.vertical or "top")
                lines = max(lines, count)
            if lines > 1:
                self.ws.row_dimensions[row[0].row].height = LINE_HEIGHT * lines
                for cell in row:  # the row's other cells by the first line of its text, not below it
                    if cell.alignment.vertical is None:
                        old = cell.alignment
                        cell.alignment = Alignment(horizontal=old.horizontal, indent=old.indent,
                                                   wrap_text=old.wrap_text, vertical="top")


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` units wide (a word longer than a line, such as a
    file's path, breaks as Excel breaks it)."""
    import textwrap

    fits = max(int(width * CHARACTERS_PER_WIDTH) - 1, 1)  # the cell's padding takes about one character
    return sum(max(len(textwrap.wrap(line, fits)), 1) for line in text.splitlines() or [""])


def _status_rules(sheet: Sheet, ref: str) -> None:
    """Met or on track in green, behind in red, open in amber, not judged or due later in grey, in any language."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for status, colour in ((MET, GREEN), (ON_TRACK, GREEN), (BEHIND, RED), (OPEN, AMBER), (NOT_JUDGED, GREY),
                           (NOT_DUE, GREY)):
        text = translate(STATUS_TEXT[status]).replace('"', '""')
        sheet.ws.conditional_formatting.add(
            ref, CellIsRule(operator="equal", formula=[f'"{text}"'], fill=PatternFill("solid", bgColor=colour))
        )


def _title(sheet: Sheet, text: str, note: str | None = None) -> None:
    from openpyxl.styles import Font

    sheet.line(text).font = Font(bold=True, size=14)
    sheet.ws.row_dimensions[sheet.row].height = 20
    if note:
        sheet.line(note)


def _notes(sheet: Sheet, notes: list[str]) -> None:
    """What the figures leave out, one line each on an amber fill, above the tables."""
    from openpyxl.styles import PatternFill

    for note in notes:
        sheet.line(note).fill = PatternFill("solid", fgColor=AMBER)


PERCENT = "0.0%"
ONE = "#,##0.0"
TWO = "#,##0.00"
WHOLE = "#,##0"


def _fraction(share: float | None) -> float | None:
    """A share the results hold in percent (29.5) as the fraction Excel formats as a percentage."""
    return None if share is None else round(share / 100, 8)


def headline_rows(report: Report) -> list[list]:
    """The headline targets, each with what it measures and its figures as numbers; then the targets by status."""
    check = report.check
    standard, average = check.standard_communes, check.average_criteria
    rows = [
        [_("Communes at the NTM standard"), _("communes at the standard"), standard.target, None, standard.expected,
         standard.actual, status_text(standard.status)],
        [_("Average criteria per commune"), _("criteria met, average per commune"), average.target_min,
         average.target_max, None, average.actual, status_text(average.status)],
    ]
    for group in check.groups:
        each = group.aggregate == "each"
        measure = (_("each commune's {measure}; now: the communes that reach it (of {communes})") if each
                   else _("{measure}, average per commune")).format(measure=measure_text(group.measure),
                                                                   communes=group.communes_found)
        rows.append([pick(group.name_vi, group.name_en, report.lang), measure, group.target_min, group.target_max,
                     None, group.compliant if each else group.actual, status_text(group.status)])
    counts = check.target_counts()
    for status in STATUSES:
        if status != NO_TARGET and (counts[status] or status in (MET, BEHIND)):
            rows.append([_("Targets: {status}").format(status=status_text(status)), _("targets"), None, None, None,
                         counts[status], None])
    return rows


def summary_sheet(workbook, report: Report) -> Sheet:
    from openpyxl.chart import BarChart, Reference

    check = report.check
    sheet = Sheet(workbook, _("Summary"))
    _title(sheet, f"{report.plan_number}: {report.plan_title}", report.sources_text())
    sheet.line(_("Basis: {basis}").format(basis=check.basis.description))
    _notes(sheet, result_notes(check))
    sheet.row += 1
    first, last = sheet.table([_("Headline target"), _("Measure"), _("Year-end target (from)"),
                               _("Year-end target (to)"), _("Expected"), _("Now"), _("Status")],
                              headline_rows(report), [None, None, "General", "General", WHOLE, "General", None])
    _status_rules(sheet, f"G{first + 1}:G{last}")

    sheet.row += 1
    bands_first, bands_last = sheet.table([_("Criteria met"), _("Now"), _("Planned")],
                                          [[band_row_label(b, report.lang), b.actual, b.target] for b in check.bands],
                                          freeze=False)
    sheet.row += 1
    unit = translate_unit(report)
    funding_first, funding_last = sheet.table(
        [_("Source"), unit], [[pick(s.name_vi, s.name_en, report.lang), s.amount] for s in report.budget.tree.sources],
        [None, ONE], freeze=False)
    # A sheet has one filter: the headline table's, not the small tables' the charts draw from.
    sheet.ws.auto_filter.ref = f"A{first}:G{last}"
    sheet.finish({1: 48, 2: 30, 3: 12, 4: 12})  # the headers over the figures wrap

    criteria = workbook[_("Criteria")[:31]]
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Criteria: communes now and the year's target")
    chart.y_axis.title = _("Communes")
    rows_count = len(check.criteria)
    chart.add_data(Reference(criteria, min_col=4, max_col=4, min_row=1, max_row=rows_count + 1), titles_from_data=True)
    chart.add_data(Reference(criteria, min_col=6, max_col=6, min_row=1, max_row=rows_count + 1), titles_from_data=True)
    chart.set_categories(Reference(criteria, min_col=2, min_row=2, max_row=rows_count + 1))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.height, chart.width = 16, 18
    sheet.ws.add_chart(chart, "I2")

    bands = BarChart()
    bands.title = _("Communes by number of criteria met")
    bands.add_data(Reference(sheet.ws, min_col=2, max_col=3, min_row=bands_first, max_row=bands_last),
                   titles_from_data=True)
    bands.set_categories(Reference(sheet.ws, min_col=1, min_row=bands_first + 1, max_row=bands_last))
    bands.height, bands.width = 7.5, 12
    sheet.ws.add_chart(bands, f"A{sheet.row + 2}")

    funding = BarChart()
    funding.type = "bar"
    funding.title = _("Funding by source")
    funding.add_data(Reference(sheet.ws, min_col=2, max_col=2, min_row=funding_first, max_row=funding_last),
                     titles_from_data=True)
    funding.set_categories(Reference(sheet.ws, min_col=1, min_row=funding_first + 1, max_row=funding_last))
    funding.x_axis.scaling.orientation = "maxMin"
    funding.legend = None
    funding.height, funding.width = 7.5, 18
    sheet.ws.add_chart(funding, "I35")
    return sheet


def translate_unit(report: Report) -> str:
    from ntmplan import numbers

    return numbers.unit_label(report.budget.tree.unit, report.lang)


def criteria_sheet(workbook, report: Report) -> None:
    sheet = Sheet(workbook, _("Criteria"))
    rows = [
        [c.number, pick(c.name_vi, c.name_en, report.lang), c.baseline, c.actual, c.expected, c.target, c.gap,
         c.pace.projected if c.pace else None, _fraction(c.share_now), _fraction(c.share_target_stated),
         _fraction(c.share_target_computed), status_text(c.status)]
        for c in report.check.criteria
    ]
    first, last = sheet.table(
        ["#", _("Criterion"), _("Start of year"), _("Now"), _("Expected"), _("Year-end"), _("Gap"), _("At this pace"),
         _("Now %"), _("Target % (stated)"), _("Target % (computed)"), _("Status")],
        rows, ["0", None, WHOLE, WHOLE, WHOLE, WHOLE, WHOLE, WHOLE, PERCENT, PERCENT, PERCENT, None])
    _status_rules(sheet, f"L{first + 1}:L{last}")
    sheet.finish()


def districts_sheet(workbook, report: Report) -> None:
    sheet = Sheet(workbook, _("Districts"))
    rows = [[d.district_code, d.district, d.communes, d.missing, d.standard, ", ".join(d.fallen_below_standard),
             d.average_criteria, most_missing(d)]
            for d in sorted(report.check.districts, key=lambda d: sort_key(d.district))]
    sheet.table([_("Code"), _("District"), _("Communes"), _("Missing"), _("At standard"), _("Fallen below standard"),
                 _("Average criteria"), _("Most often missing (criterion: communes)")], rows,
                ["@", None, WHOLE, WHOLE, WHOLE, None, TWO, None])
    sheet.finish()


def communes_sheet(workbook, report: Report) -> None:
    """Every commune with its 19 criteria as a matrix: 1 (✓, green) met, 0 (✗, red) not met."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = Sheet(workbook, _("Communes"))
    communes = sorted(report.check.communes_detail or [], key=lambda c: (sort_key(c.district), sort_key(c.name)))
    names = [_("Code"), _("Commune"), _("District"), _("Criteria met"), _("At standard")]
    names += [str(n) for n in range(1, CRITERIA + 1)]
    mark = '[=1]"✓";[=0]"✗";General'
    rows = []
    for commune in communes:
        missing = set(commune.missing)
        rows.append([commune.code, commune.name, commune.district, commune.criteria_met,
                     _("yes") if commune.at_standard else _("no")]
                    + [0 if n in missing else 1 for n in range(1, CRITERIA + 1)])
    first, last = sheet.table(names, rows, ["@", None, None, WHOLE, None] + [mark] * CRITERIA)
    sheet.ws.freeze_panes = f"D{first + 1}"
    if last > first:  # a round without a commune of the plan has no matrix to colour
        matrix = f"F{first + 1}:{get_column_letter(5 + CRITERIA)}{last}"
        sheet.ws.conditional_formatting.add(
            matrix, CellIsRule(operator="equal", formula=["1"], fill=PatternFill("solid", bgColor=GREEN)))
        sheet.ws.conditional_formatting.add(
            matrix, CellIsRule(operator="equal", formula=["0"], fill=PatternFill("solid", bgColor=RED)))
    for row in sheet.ws.iter_rows(min_row=first + 1, max_row=last, min_col=6, max_col=5 + CRITERIA):
        for cell in row:
            cell.alignment = Alignment(horizontal="center")
    sheet.finish()
    for column in range(6, 6 + CRITERIA):
        sheet.ws.column_dimensions[get_column_letter(column)].width = 4.5


def gaps_sheet(workbook, title: str, communes) -> None:
    sheet = Sheet(workbook, title)
    rows = [[c.code, c.name, c.district, c.criteria_met, len(c.missing),
             ", ".join(str(n) for n in c.missing) if c.missing else _("at standard")] for c in communes]
    sheet.table([_("Code"), _("Commune"), _("District"), _("Criteria met"), _("Criteria missing"),
                 _("Missing criteria")], rows, ["@", None, None, WHOLE, WHOLE, None])
    sheet.finish()


def budget_sheet(workbook, report: Report) -> None:
    from openpyxl.styles import Alignment, Font

    budget = report.budget
    sheet = Sheet(workbook, _("Budget"))
    unit = translate_unit(report)
    rows, depths = [], []
    for row in budget.tree.rows():
        rows.append([pick(row.name_vi, row.name_en, report.lang), row.key, row.amount,
                     _fraction(row.stated_share), _fraction(row.computed_share), _fraction(row.parent_share),
                     "✓" if row.status == "ok" else "✗ " + " ".join(row.codes)])
        depths.append(row.depth)
    rows.append([_("Total funding need"), "", budget.tree.total, _fraction(budget.tree.stated_shares_sum),
                 _fraction(budget.tree.sources_sum_share), None,
                 "✓" if budget.total_status == "ok" else "✗ " + " ".join(budget.total_codes)])
    first, last = sheet.table(
        [_("Source"), _("Key"), unit, _("Stated %"), _("Computed %"), _("% of parent"), _("Status")],
        rows, [None, None, ONE, "0.0%", "0.00%", "0.00%", None])
    for offset, depth in enumerate(depths, start=first + 1):
        sheet.ws.cell(row=offset, column=1).alignment = Alignment(indent=2 * depth)
        if depth == 0:
            sheet.ws.cell(row=offset, column=1).font = Font(bold=True)
    for column in range(1, 8):
        sheet.ws.cell(row=last, column=column).font = Font(bold=True)
    sheet.finish({1: 55})


def schedule_sheet(workbook, report: Report) -> None:
    """The tasks by group (the plan's sections, or with --as-of: due now, next month, ...), each task once."""
    from ntmplan.output.schedule_view import group_title
    from ntmplan.output.schedule_view import normalised

    schedule = report.schedule
    sheet = Sheet(workbook, _("Schedule"))
    rows = []
    for group, tasks, _listed in report.schedule_groups():
        for task in tasks:
            rows.append([group_title(group, schedule, report.lang), task.id,
                         pick(task.content_vi, task.content_en, report.lang), task.directing.text,
                         task.executing.text, task.coordinating.text, task.timing_text,
                         normalised(task, report.lang, group.month)])
    sheet.table([_("Section") if schedule.mode == "all" else _("When"), _("Task"), _("Content"), _("Directing"),
                 _("Executing"), _("Coordinating"), _("Timing"), _("Normalised timing")], rows)
    sheet.finish({1: 24, 3: 60, 4: 25, 5: 30, 6: 30})


def findings_sheet(workbook, report: Report) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    sheet = Sheet(workbook, _("Findings"))
    rows = []
    for f in report.findings:
        rows.append([translate(SEVERITY_NAME[f.severity]), f.code, f.name, f.message, f.location.file,
                     f.location.line, f.location.column, f.location.path,
                     _cell_figure(f.expected), _cell_figure(f.actual)])
    first, last = sheet.table([_("Severity"), _("Code"), _("Name"), _("Finding"), _("File"), _("Line"), _("Column"),
                               _("Path"), _("Expected"), _("Found")], rows)
    for severity, colour in (("error", RED), ("warning", AMBER)):
        text = translate(SEVERITY_NAME[next(s for s in SEVERITY_NAME if s.value == severity)]).replace('"', '""')
        sheet.ws.conditional_formatting.add(
            f"A{first + 1}:A{last}",
            CellIsRule(operator="equal", formula=[f'"{text}"'], fill=PatternFill("solid", bgColor=colour)))
    # Narrow enough to print on A4 landscape at about 80 %: the message wraps, the rest stays short.
    sheet.finish({3: 22, 4: 60, 5: 18, 8: 24, 9: 14, 10: 14})


def coverage_sheet(workbook, report: Report) -> None:
    """Every commune the data lacks, by district, and every row left out of the figures: whom to call, what to fix."""
    coverage = report.check.coverage
    sheet = Sheet(workbook, _("Coverage"))
    _notes(sheet, result_notes(report.check))
    sheet.row += 1
    rows = [[district.district_code, district.district, commune.code, commune.name, _("missing from the data")]
            for district in coverage.missing_by_district for commune in district.missing]
    rows += [[None, None, row.code, place_text(row.place), _("excluded: {why}").format(why=excluded_reason(row))]
             for row in coverage.excluded]
    sheet.table([_("District code"), _("District"), _("Code"), _("Commune or row"), _("What")], rows,
                ["@", None, "@", None, None])
    sheet.finish({5: 60})


def progress_sheet(workbook, report: Report) -> None:
    """The change since the start-of-year round by criterion (with a native chart), by district and by commune."""
    from openpyxl.chart import BarChart, Reference

    progress = report.check.progress
    sheet = Sheet(workbook, _("Progress"))
    _title(sheet, _("Progress since the start of the year"), _("From {old} to {new}: {count} communes compared.").format(
        old=", ".join(progress.old_files), new=", ".join(progress.new_files), count=progress.compared))
    sheet.row += 1
    rows = [[c.number, pick(c.name_vi, c.name_en, report.lang), c.before, c.after, c.gained, -c.lost, c.net,
             ", ".join(c.gained_by), ", ".join(c.lost_by)] for c in progress.criteria]
    first, last = sheet.table(["#", _("Criterion"), _("Before"), _("After"), _("Gained"), _("Lost"), _("Net"),
                               _("Gained by"), _("Lost by")], rows,
                              ["0", None, WHOLE, WHOLE, WHOLE, "#,##0;-#,##0;0", "+#,##0;-#,##0;0", "@", "@"])
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _("Change by criterion since the start of the year")
    chart.y_axis.title = _("Communes")
    chart.add_data(Reference(sheet.ws, min_col=5, max_col=6, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=2, min_row=first + 1, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.height, chart.width = 14, 18
    sheet.ws.add_chart(chart, "K2")
    sheet.row += 1
    for line in progress_lines(progress):
        sheet.line(line)
    sheet.row += 1
    sheet.table([_("District"), _("Communes"), _("Gained"), _("Lost"), _("Net"), _("At standard before"),
                 _("At standard after"), _("Newly at standard"), _("Fallen below standard")],
                [[d.district, d.communes, d.gained, d.lost, d.net, d.standard_before, d.standard_after,
                  ", ".join(d.newly_at_standard), ", ".join(d.fallen_below_standard)] for d in progress.districts],
                [None, WHOLE, WHOLE, WHOLE, "+#,##0;-#,##0;0", WHOLE, WHOLE, "@", "@"], freeze=False)
    sheet.row += 1
    sheet.table([_("Code"), _("Commune"), _("District"), _("Before"), _("After"), _("Gained"), _("Lost")],
                [[c.code, c.name, c.district, c.before, c.after, ", ".join(map(str, c.gained)),
                  ", ".join(map(str, c.lost))] for c in progress.communes],
                ["@", None, None, WHOLE, WHOLE, "@", "@"], freeze=False)
    sheet.ws.auto_filter.ref = f"A{first}:I{last}"  # one filter per sheet: the criteria's
    sheet.ws.freeze_panes = f"A{first + 1}"
    sheet.finish()


def _cell_figure(value):
    if value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)


def workbook_bytes(report: Report) -> bytes:
    """The whole report as an .xlsx file."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    criteria_sheet(workbook, report)  # first: the summary's chart draws from it
    summary = summary_sheet(workbook, report)
    workbook.move_sheet(summary.ws, offset=-workbook.index(summary.ws))  # the summary opens the workbook
    districts_sheet(workbook, report)
    communes_sheet(workbook, report)
    check = report.check
    if check.coverage.missing or check.coverage.excluded:
        coverage_sheet(workbook, report)
    if check.fallen_below_standard:
        gaps_sheet(workbook, _("Fallen below standard"), check.fallen_below_standard)
    if check.candidates:
        gaps_sheet(workbook, _("Candidates"), check.candidates)
    gaps_sheet(workbook, _("Target communes"), check.target_communes)
    gaps_sheet(workbook, _("Priority"), check.priority)
    if check.progress is not None:
        progress_sheet(workbook, report)
    budget_sheet(workbook, report)
    schedule_sheet(workbook, report)
    findings_sheet(workbook, report)
    workbook.active = 0
    stamp = dt.datetime(report.year, 1, 1)
    workbook.properties.creator = "ntmplan"
    workbook.properties.title = f"{report.plan_number}: {report.plan_title}"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.properties.language = "vi-VN" if report.lang is Lang.vi else "en-US"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
