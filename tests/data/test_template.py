"""``ntmplan template``: the workbook an officer opens in Excel, fills in and sends back."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from communefiles import BASELINE, JUNE, PLAN_FILE, plan
from ntmplan.cli import app
from ntmplan.communes import read_round
from ntmplan.communes.columns import COLUMNS, match_header
from ntmplan.communes.template import META_SHEET, TemplateInfo, template_header
from ntmplan.i18n import Lang

runner = CliRunner()


def template(*args: str):
    result = runner.invoke(app, ["template", "--plan", str(PLAN_FILE), *args])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    """Tràng Định's template, filled with the start of the year, in Vietnamese."""
    out = tmp_path_factory.mktemp("template") / "trang-dinh.xlsx"
    result = template("--out", str(out), "--district", "trang dinh", "--from", str(BASELINE), "--lang", "vi")
    assert result.exit_code == 0, result.output
    return out


def test_writes_the_communes_of_one_district(district):
    book = openpyxl.load_workbook(district)
    assert book.sheetnames == ["Hướng dẫn", "Số liệu", META_SHEET]
    sheet = book["Số liệu"]
    assert sheet.max_row == 23  # a header and Tràng Định's 22 communes
    assert [c.value for c in sheet[2][:4]] == ["05998", "Khánh Long", "180", "Huyện Tràng Định"]
    assert {sheet.cell(row=row, column=3).value for row in range(2, 24)} == {"180"}


def test_every_header_is_one_the_reader_understands(district):
    header = [cell.value for cell in openpyxl.load_workbook(district)["Số liệu"][1]]
    assert [match_header(text) for text in header] == [column.name for column in COLUMNS]
    assert header[10] == "TC1. Quy hoạch"
    for lang in Lang:
        for column in COLUMNS:
            assert match_header(template_header(column, lang, "Tên")) == column.name


def test_code_name_and_district_are_locked_the_rest_is_open(district):
    sheet = openpyxl.load_workbook(district)["Số liệu"]
    assert sheet.protection.sheet and not sheet.protection.autoFilter
    assert sheet["A2"].protection.locked and sheet["D2"].protection.locked
    assert sheet["A2"].number_format == "@"  # the code keeps its zero
    assert not sheet["E2"].protection.locked and not sheet["AE23"].protection.locked


def test_drop_downs_number_checks_and_input_messages(district):
    checks = {str(check.sqref): check for check in openpyxl.load_workbook(district)["Số liệu"].data_validations.dataValidation}
    criterion = checks["O2:O23"]
    assert (criterion.type, criterion.formula1) == ("list", '"Đạt,Không đạt"')
    assert criterion.prompt.startswith("Tiêu chí 5 (Trường học): chọn Đạt nếu xã đạt tiêu chí")
    assert criterion.showErrorMessage and criterion.errorStyle == "stop"
    border = checks["E2:E23"]
    assert (border.type, border.formula1) == ("list", '"Có,Không"')
    year = checks["J2:J23"]
    assert (year.type, year.operator, year.formula1, year.formula2) == ("whole", "between", "2010", "2019")
    advanced = checks["AD2:AD23"]
    assert (advanced.formula1, advanced.formula2) == ("0", "19")
    areas = checks["AE2:AE23"]
    assert (areas.type, areas.operator, areas.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert all(check.prompt and check.showInputMessage for check in checks.values())
    assert len(checks) == len(COLUMNS)


def test_an_officer_can_read_and_print_it(district):
    sheet = openpyxl.load_workbook(district)["Số liệu"]
    assert sheet.freeze_panes == "C2"  # the header and the commune's code and name stay in view
    assert sheet.auto_filter.ref == "A1:AE23"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$A:$B"  # on every page
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert all(sheet.column_dimensions[letter].width >= 7 for letter in ("A", "K", "AE"))


def test_pre_filled_from_the_round_and_read_back_as_it(district):
    sheet = openpyxl.load_workbook(district)["Số liệu"]
    assert sheet["K2"].value in ("Đạt", "Không đạt") and sheet["E2"].value in ("Có", "Không")
    data = read_round([str(district)], plan())
    start = read_round([str(BASELINE)], plan()).frame
    expected = start[start["district_code"] == "180"].reset_index(drop=True)
    assert data.frame.equals(expected)


def test_the_hidden_sheet_says_which_template_it_is(district):
    book = openpyxl.load_workbook(district)
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden"
    info = TemplateInfo.from_rows([(row[0], row[1]) for row in meta.iter_rows(values_only=True)])
    assert (info.version, info.plan, info.year, info.province) == (1, "46/KH-UBND", 2019, "Lạng Sơn")
    assert (info.district_code, info.district, info.data_sheet) == ("180", "Huyện Tràng Định", "Số liệu")
    assert info.round == str(BASELINE)


def test_instructions_say_what_by_when_and_to_whom(district):
    lines = [row[0] for row in openpyxl.load_workbook(district)["Hướng dẫn"].iter_rows(values_only=True) if row[0]]
    text = "\n".join(lines)
    assert "Cần điền gì" in text and "Thời hạn" in text and "Gửi cho ai" in text
    assert "Tháng 6 và tháng 12 năm 2019 (Phụ lục III.1, III.2)" in text
    assert "30/06/2019, 31/12/2019" in text
    assert "Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh" in text
    assert "Huyện Tràng Định (22 xã)" in text


def test_english_and_the_whole_province(tmp_path):
    out = tmp_path / "province.xlsx"
    result = template("--out", str(out), "--lang", "en", "--format", "json")
    assert result.exit_code == 0, result.output
    written = json.loads(result.stdout)
    assert written == {"written": [str(out)], "scope": "the province of Lạng Sơn", "communes": 207, "columns": 27,
                       "reviews": ["2019-06-30", "2019-12-31"],
                       "send_to": "Provincial NTM Program Coordination Office", "round": None, "prefilled": 0}
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Instructions", "Communes", META_SHEET]
    assert book["Communes"]["K1"].value == "c01 Planning"
    assert book["Instructions"]["A1"].value == "Data-entry template: the communes against the NTM criteria"
    empty = read_round([str(out)], plan())  # an empty template reads: 207 communes, nothing met yet
    assert len(empty) == 207 and not empty.frame["c01"].any()


def test_the_table_output_names_the_file_and_the_dates(tmp_path):
    out = tmp_path / "binh-gia.xlsx"
    result = template("--out", str(out), "--district", "181", "--from", str(JUNE), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"Wrote {out}: 19 communes of Huyện Bình Gia, 27 columns to fill in.",
        f"Filled in with the values of {JUNE}: 19 of 19 communes.",
        "Reviews due: 2019-06-30, 2019-12-31; send to: Provincial NTM Program Coordination Office.",
    ]


def test_refusals(tmp_path):
    unknown = template("--out", str(tmp_path / "x.xlsx"), "--district", "Trang Dinhh")
    assert unknown.exit_code == 2 and "did you mean Huyện Tràng Định?" in unknown.output
    wrong = template("--out", str(tmp_path / "x.csv"))
    assert wrong.exit_code == 2 and ".xlsx" in wrong.output
    copy = tmp_path / "round.xlsx"
    copy.write_bytes((Path(JUNE).parent / "2019-06" / "181-binh-gia.xlsx").read_bytes())
    over = template("--out", str(copy), "--from", str(copy))
    assert over.exit_code == 2 and "refusing to overwrite the input file" in over.output
    missing = template("--out", str(tmp_path / "y.xlsx"), "--from", str(tmp_path / "nowhere.csv"))
    assert missing.exit_code == 2 and "the file does not exist" in missing.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round.xlsx"]
