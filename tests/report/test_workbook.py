"""The Excel workbook, read back with openpyxl: sheets, values, formats, charts, neutralised cells."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import HOSTILE, JUNE, PLAN
from typer.testing import CliRunner

from ntmplan.cli import app

SHEETS = {
    "en": ["Summary", "Criteria", "Districts", "Communes", "Fallen below standard", "Target communes", "Priority",
           "Budget", "Schedule", "Findings"],
    "vi": ["Tóm tắt", "Tiêu chí", "Huyện, thành phố", "Số xã", "Xã không còn đạt chuẩn", "Xã phấn đấu đạt chuẩn",
           "Ưu tiên", "Kế hoạch vốn", "Tiến độ", "Phát hiện"],
}


@pytest.fixture(scope="module")
def check():
    result = CliRunner().invoke(app, ["check", PLAN, JUNE, "--as-of", "2019-06-30", "--format", "json"])
    return json.loads(result.output)


@pytest.fixture(scope="module")
def en(workbooks):
    return openpyxl.load_workbook(workbooks["en"])


def rows(sheet, first: int = 1, last_column: int | None = None):
    return [list(row) for row in sheet.iter_rows(min_row=first, max_col=last_column, values_only=True)]


def header_row(sheet, first_title: str) -> int:
    return next(cell.row for cell in sheet["A"] if cell.value == first_title)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sheets_in_the_language_of_the_report(workbooks, lang):
    assert openpyxl.load_workbook(workbooks[lang]).sheetnames == SHEETS[lang]


def test_summary_holds_the_headline_targets_of_the_check(en, check):
    sheet = en["Summary"]
    top = header_row(sheet, "Headline target")
    table = {row[0]: row for row in rows(sheet, top + 1) if row[0]}
    standard = check["standard_communes"]
    assert table["Communes at the NTM standard"][2:7] == [standard["target"], None, standard["expected"],
                                                           standard["actual"], "open"]
    assert table["Average criteria per commune"][2:6] == [11, 11.5, None, check["average_criteria"]["actual"]]
    assert table["Targets: ✓ met"][5] == check["targets"]["met"] == 4
    assert table["Targets: ✗ behind"][5] == check["targets"]["behind"] == 9
    assert table["Targets: open"][5] == 7 and table["Targets: ✓ on track"][5] == 4
    assert sheet.freeze_panes == f"A{top + 1}" and sheet.auto_filter.ref.startswith(f"A{top}:G")


def test_summary_figures_are_numbers_each_with_what_it_measures(en, check):
    """The groups' targets and figures were text ('9.5-10', '32/48 reach it'): now numbers Excel can compute with."""
    sheet = en["Summary"]
    top = header_row(sheet, "Headline target")
    table = [row for row in rows(sheet, top + 1, 7)]
    table = table[:next(i for i, row in enumerate(table) if row[0] is None)]
    assert len(table) == 2 + len(check["groups"]) + 5
    for row in table:
        assert all(value is None or isinstance(value, (int, float)) for value in row[2:6]), row
        assert isinstance(row[1], str) and row[5] is not None
    border = next(row for row in table if row[0] == "the 20 border communes")
    assert border[1:6] == ["criteria met, average per commune", 9.5, 10, None, 8.95]
    model = next(row for row in table if row[0].startswith("each commune at the NTM standard"))
    assert model[1] == "each commune's model residential areas; now: the communes that reach it (of 48)"
    assert model[2:6] == [1, 2, None, 32]


def test_criteria_sheet_has_the_figures_and_real_number_formats(en, check):
    sheet = en["Criteria"]
    assert [c.value for c in sheet[1]] == ["#", "Criterion", "Start of year", "Now", "Expected", "Year-end", "Gap",
                                           "At this pace", "Now %", "Target % (stated)", "Target % (computed)",
                                           "Status"]
    second = rows(sheet, 3)[0]
    criterion = check["criteria"][1]
    assert second[:8] == [2, "Transport", criterion["baseline"], criterion["actual"], criterion["expected"],
                          criterion["target"], criterion["gap"], criterion["pace"]["projected"]]
    assert second[8] == pytest.approx(criterion["share_now"] / 100)
    health = rows(sheet, 16)[0]
    assert health[9:11] == [pytest.approx(0.642), pytest.approx(0.643)]  # stated, and computed: 133/207
    assert sheet["I3"].number_format == "0.0%" and sheet["E3"].number_format == "#,##0"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L20"
    assert sheet.column_dimensions["B"].width > 10
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert {rule.formula[0] for rule in rules} == {'"✓ met"', '"✓ on track"', '"✗ behind"', '"open"', '"not judged"',
                                                   '"due later"'}


def test_communes_sheet_is_every_commune_with_a_coloured_matrix_of_19_criteria(en, check):
    sheet = en["Communes"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Code", "Commune", "District", "Criteria met", "At standard"]
    assert header[5:] == [str(n) for n in range(1, 20)]
    body = rows(sheet, 2)
    assert len(body) == 207
    assert all(row[3] == sum(row[5:]) for row in body)  # criteria met = the 1s of the matrix
    assert sum(1 for row in body if row[4] == "yes") == check["standard_communes"]["actual"]
    assert sheet["F2"].number_format == '[=1]"✓";[=0]"✗";General'
    matrix = [ranges for ranges in sheet.conditional_formatting if str(ranges.sqref) == "F2:X208"]
    assert matrix and {rule.formula[0] for rule in matrix[0].rules} == {"1", "0"}
    assert sheet.freeze_panes == "D2"


def test_communes_sort_by_district_then_name_in_vietnamese_order(en):
    body = rows(en["Communes"], 2)
    districts = [row[2] for row in body]
    assert districts.index("Huyện Đình Lập") > districts.index("Huyện Chi Lăng")
    assert districts.index("Huyện Đình Lập") < districts.index("Huyện Hữu Lũng")


def test_budget_sheet_has_amounts_and_shares_with_formats(en):
    sheet = en["Budget"]
    body = {row[1]: row for row in rows(sheet, 2) if row[1]}
    assert body["credit"][2] == 1800 and body["credit"][3] == pytest.approx(0.599)
    last = rows(sheet, 2)[-1]
    assert last[0] == "Total funding need" and last[2] == pytest.approx(3002.8)
    assert sheet["C2"].number_format == "#,##0.0" and sheet["E2"].number_format == "0.00%"


def test_target_priority_schedule_and_findings_sheets(en, check):
    assert len(rows(en["Target communes"], 2)) == len(check["target_communes"])
    assert len(rows(en["Priority"], 2)) == len(check["priority"])
    schedule = rows(en["Schedule"], 2)
    assert schedule[0][1].endswith(".1") and all(row[6] for row in schedule)
    assert schedule[0][0] == "Due in June 2019"
    findings = rows(en["Findings"], 2)
    assert {row[1] for row in findings} >= {"TG01", "DT02"}  # the check's findings and the plan's
    assert any(row[0] == "error" for row in findings)


def test_three_native_charts_on_the_summary(en):
    charts = en["Summary"]._charts
    titles = sorted(chart.title.tx.rich.p[0].r[0].t for chart in charts)
    assert titles == ["Communes by number of criteria met", "Criteria: communes now and the year's target",
                      "Funding by source"]
    assert all(chart.tagname == "barChart" for chart in charts)


def test_cells_that_look_like_formulas_are_text(workbooks):
    workbook = openpyxl.load_workbook(workbooks["hostile"])
    communes = {row[0]: row[1] for row in rows(workbook["Communes"], 2)}
    for code, name in HOSTILE.items():
        assert communes[code] == name
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)


def test_vietnamese_workbook_uses_the_plan_s_names(workbooks):
    workbook = openpyxl.load_workbook(workbooks["vi"])
    assert rows(workbook["Tiêu chí"], 3)[0][1] == "Giao thông"
    assert rows(workbook["Tiêu chí"], 3)[0][11] == "✗ chậm"


def test_the_progress_sheet_has_the_change_by_criterion_and_a_native_chart(workbooks):
    workbook = openpyxl.load_workbook(workbooks["since"])
    sheet = workbook["Progress"]
    top = header_row(sheet, "#")
    transport = rows(sheet, top + 2)[0]
    assert transport[:9] == [2, "Transport", 49, 50, 2, -1, 1, "06130, 06331", "06316"]
    [chart] = sheet._charts
    assert chart.tagname == "barChart" and chart.grouping == "stacked"
    assert chart.title.tx.rich.p[0].r[0].t == "Change by criterion since the start of the year"


def test_the_schedule_lists_each_task_once_under_its_group(en):
    """With --as-of, a task due this month and next (V.4) was listed twice; now once, under the first group."""
    schedule = rows(en["Schedule"], 2)
    ids = [row[1] for row in schedule]
    assert len(ids) == len(set(ids)) == 30  # 35 rows before, 5 of them twice
    assert [row[0] for row in schedule if row[1] == "V.4"] == ["Due in June 2019"]
    assert [row[0] for row in schedule if row[1] == "II.2"] == ["Due next month, July 2019"]
    assert en["Schedule"]["A1"].value == "When"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_sheet_prints_on_a4_landscape_as_wide_as_the_page_with_its_header_on_every_page(workbooks, lang):
    workbook = openpyxl.load_workbook(workbooks[lang])
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        paper = (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight)
        assert paper == ("landscape", int(sheet.PAPERSIZE_A4), 1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    for title in SHEETS[lang][1:]:  # every sheet of one table; the summary holds three small ones
        assert workbook[title].print_title_rows == "$1:$1", title


def _table_cells(sheet):
    """The cells of the sheet's tables: from the first header row on, in rows of more than one value."""
    top = next(cell.row for cell in sheet["A"] if cell.fill.fgColor.rgb == "001F4E79")
    for row in sheet.iter_rows(min_row=top):
        if sum(cell.value is not None for cell in row) > 1:
            yield from (cell for cell in row if isinstance(cell.value, str))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_long_text_wraps_and_its_row_is_tall_enough_for_it(workbooks, lang):
    """No label is cut off by the next column and no wrapped text runs under the next row (Findings, Schedule)."""
    workbook = openpyxl.load_workbook(workbooks[lang])
    tall = 0
    for sheet in workbook.worksheets:
        for cell in _table_cells(sheet):
            width = sheet.column_dimensions[cell.column_letter].width
            longest = max(len(line) for line in cell.value.splitlines() or [""])
            if longest > width or "\n" in cell.value:
                assert cell.alignment.wrap_text, (sheet.title, cell.coordinate, width, cell.value)
                # at least one line of 15 points per 1.3 letters a unit of width holds, whatever the font
                lines = sum(-(-max(len(line), 1) // int(width * 1.3)) for line in cell.value.splitlines())
                height = sheet.row_dimensions[cell.row].height or 15  # a row's default height: one line
                assert height >= 15 * lines, (sheet.title, cell.coordinate, height, lines, cell.value)
                tall += sheet.title in SHEETS[lang][-2:]
    assert tall > 30  # the Findings and Schedule sheets have many rows of wrapped text
