"""A round as the districts send it: workbooks, a folder of files, UTF-16 text, headers below a title.

Each test states what an office would see: the same figures as the canonical CSV
file, or a finding (or an unreadable-input error) naming the file, the sheet, the
row and the column.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communefiles import JUNE, ROOT, baseline_lines, located, plan
from ntmplan.check.coverage import count_round
from ntmplan.check.evaluate import evaluate
from ntmplan.communes import read_round
from ntmplan.communes.template import CRITERION_CHOICES, FLAG_CHOICES
from ntmplan.errors import InputError
from ntmplan.i18n import Lang
from ntmplan.report.template import template_bytes
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import DATA
from ntmplan.rules.settings import Settings
from ntmplan.runs.template import build_template

FOLDER = ROOT / "data" / "2019-06"
XLS = Path(__file__).parent / "fixtures" / "185-bac-son.xls"  # written with xlwt 1.3.0: a title, a merged header


def findings(sources, code: str | None = None, sheet: str | None = None):
    found = run_scope(DATA, read_round([str(s) for s in sources], plan(), sheet), Settings()).findings
    return [f for f in found if code is None or f.code == code]


def figures(data) -> dict:
    """Everything ``check`` computes from a round, without the file names."""
    result = evaluate(plan(), count_round(plan(), data.frame), "plan", with_communes=True)
    return result.to_dict()


@pytest.fixture(scope="module")
def june():
    return read_round([str(JUNE)], plan())


# --- the bundled June round, by district --------------------------------------------------------


def test_folder_of_district_workbooks_gives_the_figures_of_the_csv(june):
    data = read_round([str(FOLDER)], plan())
    assert [Path(s.file).name for s in data.sources] == sorted(p.name for p in FOLDER.glob("*.xlsx"))
    ordered = data.frame.sort_values("code").reset_index(drop=True)
    pd.testing.assert_frame_equal(ordered, june.frame)
    assert figures(data) == figures(june)


def test_every_finding_names_the_file_the_sheet_and_the_cell():
    found = findings([FOLDER])
    fallen = next(f for f in found if f.code == "DA13")
    assert fallen.location.file == str(FOLDER / "184-van-quan.xlsx")
    assert fallen.location.sheet == "Số liệu"
    assert (fallen.location.line, fallen.location.column) == (22, 12)
    assert str(fallen.location) == f"{FOLDER / '184-van-quan.xlsx'}[Số liệu]:22:12"
    assert {f.code for f in found} == {"DA03", "DA13", "DA21"}  # the hand-made sheet's note column and extras


def test_hand_made_sheet_with_title_block_and_merged_two_row_header():
    data = read_round([str(FOLDER / "185-bac-son.xlsx")], plan())
    source = data.sources[0]
    assert (source.sheet, source.header_line, source.header_rows) == ("Biểu 01", 7, 2)
    assert source.headers["c05"] == "Tiêu chí 5" and source.headers["border"] == "Biên giới"
    assert source.headers["district_pilot"] == "Điểm huyện chọn"
    assert source.columns["code"] == 2  # after 'STT', which is passed over in silence
    assert [u.header for u in source.unused_columns] == ["Ghi chú"]
    assert [(s.kind, s.lines) for s in source.skipped] == [("numbers", (9,)), ("total", (29,)),
                                                            ("footer", (31, 32, 33))]
    assert data.line(0) == 10 and len(data) == 19
    assert set(data.frame["district"]) == {"Huyện Bắc Sơn"}  # merged down the rows, read on every row
    assert source.district.how == "name" and source.district.code == "185"


def test_old_xls_workbook(june):
    data = read_round([str(XLS)], plan())
    source = data.sources[0]
    assert (source.sheet, source.header_line, source.header_rows) == ("Bac Son", 5, 2)
    expected = june.frame[june.frame["district_code"] == "185"].reset_index(drop=True)
    pd.testing.assert_frame_equal(data.frame, expected)


# --- the template, written, filled in Excel's way, read back -----------------------------------


def fill(raw: bytes, values: pd.DataFrame) -> bytes:
    """What a district does: type each commune's values into the template's cells."""
    book = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = book["Số liệu"]
    headers = [cell.value for cell in sheet[1]]
    from ntmplan.communes.columns import match_header

    names = [match_header(header) for header in headers]
    rows = values.set_index("code")
    for row in range(2, sheet.max_row + 1):
        record = rows.loc[sheet.cell(row=row, column=1).value]
        for column, name in enumerate(names, start=1):
            if name in ("code", "name", "district_code", "district"):
                continue
            value = record[name]
            if pd.isna(value):
                cell = None
            elif name.startswith("c") and name[1:].isdigit():
                cell = CRITERION_CHOICES[0] if value else CRITERION_CHOICES[1]
            elif isinstance(value, (bool,)) or str(values[name].dtype) == "boolean":
                cell = FLAG_CHOICES[0] if value else FLAG_CHOICES[1]
            else:
                cell = int(value)
            sheet.cell(row=row, column=column, value=cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_template_round_trip_gives_the_figures_of_the_csv(tmp_path, june):
    raw = template_bytes(build_template(str(ROOT / "plans" / "2019.yaml"), Lang.vi), dt.datetime(2019, 6, 1))
    path = tmp_path / "tinh.xlsx"
    path.write_bytes(fill(raw, june.frame))
    data = read_round([str(path)], plan())
    assert data.sources[0].sheet == "Số liệu" and data.sources[0].template.district_code is None
    pd.testing.assert_frame_equal(data.frame, june.frame)
    assert figures(data) == figures(june)
    assert [(f.code, f.location.line) for f in findings([path])] == [(f.code, f.location.line)
                                                                     for f in findings([JUNE])]


def test_template_pre_filled_from_a_round_reads_as_that_round(tmp_path, june):
    spec = build_template(str(ROOT / "plans" / "2019.yaml"), Lang.en, "Tràng Định", [str(JUNE)])
    path = tmp_path / "trang-dinh.xlsx"
    path.write_bytes(template_bytes(spec, dt.datetime(2019, 6, 1)))
    data = read_round([str(path)], plan())
    assert data.sources[0].sheet == "Communes"
    expected = june.frame[june.frame["district_code"] == "180"].reset_index(drop=True)
    pd.testing.assert_frame_equal(data.frame, expected)


# --- a folder: a district missing, a commune twice, a commune of another district ---------------


def district_files(tmp_path: Path, skip: str | None = None) -> dict[str, list[str]]:
    """The start of the year as one CSV file per district, named '180-….csv'."""
    header, *rows = baseline_lines()
    files: dict[str, list[str]] = {}
    for row in rows:
        code = row.split(",")[2]
        if code != skip:
            files.setdefault(code, [header]).append(row)
    return files


def write_files(tmp_path: Path, files: dict[str, list[str]]) -> Path:
    folder = tmp_path / "round"
    folder.mkdir()
    for code, lines in files.items():
        (folder / f"{code}-district.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def row_of(lines: list[str], code: str) -> str:
    return next(line for line in lines if line.startswith(code + ","))


def test_folder_with_a_district_missing_a_commune_twice_and_one_in_another_district(tmp_path):
    files = district_files(tmp_path, skip="189")  # Đình Lập sent nothing
    files["180"].append(row_of(files["187"], "06523"))  # Chi Lăng (187) also in Tràng Định's file
    files["186"].append(row_of(files["187"], "06469"))  # and 06469 moved from Chi Lăng's file to Hữu Lũng's
    files["187"].remove(row_of(files["187"], "06469"))
    folder = write_files(tmp_path, files)
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "~$180-district.csv").write_text("lock", encoding="utf-8")  # Excel's lock file: passed over
    found = findings([folder])
    by_code = {}
    for finding in found:
        by_code.setdefault(finding.code, []).append(finding)
    assert sorted(by_code) == ["DA07", "DA09", "DA10", "DA19", "DA21"]

    (missing,) = by_code["DA09"]
    assert missing.message.startswith("Huyện Đình Lập (189): none of its 10 communes is in the data: 06619 Bắc Xa")
    assert len(missing.expected) == 10

    (twice,) = by_code["DA07"]
    chi_lang = folder / "187-district.csv"
    assert (twice.location.file, twice.location.column) == (str(chi_lang), 1)
    assert twice.message.endswith(
        f"is already on {folder / '180-district.csv'} line 24; the first line is counted, this one is not"
    )

    elsewhere = sorted((f.location.file, f.location.line) for f in by_code["DA19"])
    assert elsewhere == [(str(folder / "180-district.csv"), 24), (str(folder / "186-district.csv"), 27)]
    assert "is for Huyện Hữu Lũng by its name, but holds 1 commune of Huyện Chi Lăng (187): 06469 Vân An" in \
        next(f.message for f in by_code["DA19"] if f.location.file.endswith("186-district.csv"))

    (count,) = by_code["DA10"]
    assert count.actual == 198 and count.location.file == str(folder)
    (pdf,) = by_code["DA21"]
    assert pdf.location.file == str(folder / "notes.pdf")

    data = read_round([str(folder)], plan())
    result = evaluate(plan(), count_round(plan(), data.frame), "plan", with_communes=True).to_dict()
    assert result["criteria"][0]["actual"] == 197  # 06523 once: the first row counts
    assert result["coverage"]["duplicates"] == ["06523"]


def test_files_given_one_by_one_are_read_in_path_order(tmp_path):
    folder = write_files(tmp_path, district_files(tmp_path))
    files = sorted(folder.iterdir(), reverse=True)
    data = read_round([str(file) for file in files] + [str(files[0])], plan())  # given twice: read once
    assert [s.file for s in data.sources] == sorted(str(file) for file in files)
    assert data.file == ", ".join(str(file) for file in files + [files[0]])
    assert not data.frame["code"].duplicated().any() and len(data) == 207


# --- text files as Excel writes them ------------------------------------------------------------


def test_unicode_text_utf16_tab_separated(tmp_path, june):
    path = tmp_path / "unicode.txt"
    text = "\r\n".join(line.replace(",", "\t") for line in JUNE.read_text(encoding="utf-8").splitlines()) + "\r\n"
    path.write_bytes(text.encode("utf-16"))  # Python writes the byte-order mark, as Excel does
    data = read_round([str(path)], plan())
    assert data.sources[0].separator == "\t"
    pd.testing.assert_frame_equal(data.frame, june.frame)


def test_csv_with_title_block_and_two_row_header(tmp_path, june):
    header, *rows = JUNE.read_text(encoding="utf-8").splitlines()
    names = header.split(",")
    upper = ["Tiêu chí" if n.startswith("c") and n[1:].isdigit() and n == "c01" else
             "" if n.startswith("c") and n[1:].isdigit() else n for n in names]
    lower = [str(int(n[1:])) if n.startswith("c") and n[1:].isdigit() else "" for n in names]
    lines = ["BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT" + "," * (len(names) - 1), "", ",".join(upper), ",".join(lower), *rows]
    path = tmp_path / "bieu.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = read_round([str(path)], plan())
    source = data.sources[0]
    assert (source.header_line, source.header_rows, data.line(0)) == (3, 2, 5)
    assert source.headers["c19"] == "Tiêu chí 19"
    pd.testing.assert_frame_equal(data.frame, june.frame)


# --- workbooks that cannot be read, or not as they should be ------------------------------------


def error(path: Path, sheet: str | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        read_round([str(path)], plan(), sheet)
    return caught.value


@pytest.mark.parametrize("content", [b"code,name\n05986,x\n", b"\x00\x01garbage"])
def test_not_a_workbook(tmp_path, content):
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(content)
    found = error(path)
    assert found.file == str(path)
    assert found.problem == "the file is named as an Excel workbook but is not one"


def test_damaged_workbook(tmp_path):
    path = tmp_path / "hong.xlsx"
    path.write_bytes((FOLDER / "180-trang-dinh.xlsx").read_bytes()[:4000])
    assert error(path).problem.startswith("the workbook cannot be opened")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert error(path).problem.startswith("the workbook cannot be opened")


def test_template_whose_sheet_of_communes_was_deleted(tmp_path):
    book = openpyxl.load_workbook(FOLDER / "180-trang-dinh.xlsx")
    del book["Số liệu"]
    path = tmp_path / "180.xlsx"
    book.save(path)
    found = error(path)
    assert found.problem == ("the sheet 'Số liệu' that the template wrote is missing, and no other sheet holds a "
                             "table of communes")
    assert found.found.startswith("'Hướng dẫn' begins row 1: '")


def test_value_outside_the_drop_down_typed_by_hand(tmp_path):
    book = openpyxl.load_workbook(FOLDER / "180-trang-dinh.xlsx")
    sheet = book["Số liệu"]
    sheet["O5"] = "Đạt một phần"  # column O is criterion 5; Excel's check was bypassed by pasting
    path = tmp_path / "180.xlsx"
    book.save(path)
    (found,) = findings([path], "DA04")
    assert (found.code, found.location.file, found.location.sheet) == ("DA04", str(path), "Số liệu")
    assert (found.location.line, found.location.column) == (5, 15)
    assert found.message.startswith("line 5, column O ('TC5. Trường học') has 'Đạt một phần', which is not yes or no")


def test_empty_workbook_and_empty_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Trống"
    path = tmp_path / "empty.xlsx"
    book.save(path)
    found = error(path)
    assert found.problem == "no sheet of the workbook holds a table of communes"
    assert found.found == "'Trống' is empty"
    assert error(path, sheet="trong").problem == "the sheet 'Trống' is empty"  # accents and case aside


def test_sheet_asked_for_and_sheets_found(tmp_path):
    book = openpyxl.load_workbook(FOLDER / "185-bac-son.xlsx")
    summary = book.create_sheet("Tổng hợp", 0)
    summary.append(["Huyện", "Số xã đạt chuẩn"])
    copy = book.copy_worksheet(book["Biểu 01"])
    copy.title = "Biểu 01 (cũ)"
    path = tmp_path / "185.xlsx"
    book.save(path)
    data = read_round([str(path)], plan())
    assert data.sources[0].sheet == "Biểu 01" and data.sources[0].other_sheets == ["Biểu 01 (cũ)"]
    said = [f for f in findings([path], "DA21") if "also looks like" in f.message]
    assert said[0].message == ("the sheet 'Biểu 01 (cũ)' also looks like a table of communes but is not read: "
                               "'Biểu 01' is (--sheet chooses another)")
    assert read_round([str(path)], plan(), sheet="Biểu 01 (cũ)").sources[0].sheet == "Biểu 01 (cũ)"
    unknown = error(path, sheet="Bieu 02")
    assert unknown.problem == "the workbook has no sheet 'Bieu 02'; did you mean 'Biểu 01'?"
    with pytest.raises(InputError) as caught:
        read_round([str(JUNE)], plan(), sheet="Biểu 01")
    assert caught.value.problem == "--sheet names a sheet of a workbook, but no workbook is given"


def test_cells_as_excel_types_them(tmp_path):
    """A code typed as a number loses its zero; a year saved as 2016.0; a date where a criterion goes."""
    book = openpyxl.load_workbook(FOLDER / "180-trang-dinh.xlsx")
    sheet = book["Số liệu"]
    sheet["A2"] = 5998  # 05998 Khánh Long, typed as a number
    sheet["J3"] = 2016.0
    sheet["K4"] = dt.datetime(2016, 5, 1)
    path = tmp_path / "180.xlsx"
    book.save(path)
    data = read_round([str(path)], plan())
    assert data.frame.at[0, "code"] == "05998" and data.frame.at[1, "ntm_year"] == 2016
    found = [f for f in findings([path]) if f.code in ("DA04", "DA05")]
    assert located(found) == [("DA04", 4, 11), ("DA05", 2, 1)]
    assert found[0].actual == "2016-05-01T00:00:00"


# --- hostile text: too wide, too long ------------------------------------------------------------


def test_header_of_two_hundred_thousand_columns(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"x{i}" for i in range(200_000)) + "\n05986\n", encoding="utf-8")
    found = error(path)
    assert found.problem == "line 1 has 200,000 cells; a table of commune data has at most 1,000 columns"
    assert (found.line, found.found) == (1, "200,000 cells")


def test_a_row_of_400_kilobytes(tmp_path):
    header, first = baseline_lines()[:2]
    path = tmp_path / "long.csv"
    path.write_text(header + "\n" + first.replace("Hoàng Đồng", "x" * 400_000) + "\n", encoding="utf-8")
    found = error(path)
    assert found.problem == "line 2, column B holds 400,000 characters; a cell holds at most 32,767"
    assert (found.line, found.column) == (2, 2)


def test_a_data_row_wider_than_any_table(tmp_path):
    lines = baseline_lines()[:4]
    lines[3] += "," * 5000
    path = tmp_path / "wide-row.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = error(path)
    assert found.problem.startswith("line 4 has 5,031 cells")


def test_a_longer_row_and_a_shorter_row_are_each_told_though_their_cells_add_up(tmp_path):
    """Counting all the separators of a file cannot tell one row with a cell more and another with one fewer
    from a file of even rows: the parser's refusal of the longer row does, and then each row is counted."""
    lines = baseline_lines()[:6]
    lines[2] += ",x"
    lines[4] = lines[4].rsplit(",", 1)[0]
    path = tmp_path / "uneven.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = run_scope(DATA, read_round([str(path)], plan()), Settings()).findings
    assert [(f.code, f.location.line) for f in found if f.code in ("DA03", "DA20")] == [("DA20", 5), ("DA03", 3)]
    assert "first on line 3" in next(f.message for f in found if f.code == "DA03")


def test_input_files_are_not_changed(tmp_path):
    copy = tmp_path / "2019-06"
    shutil.copytree(FOLDER, copy)
    before = {p.name: p.read_bytes() for p in copy.iterdir()}
    read_round([str(copy)], plan())
    assert {p.name: p.read_bytes() for p in copy.iterdir()} == before


def test_check_on_a_bad_workbook_exits_2_naming_the_file_and_sheet(tmp_path):
    from typer.testing import CliRunner

    from ntmplan.cli import app

    book = openpyxl.Workbook()
    book.active.title = "Trống"
    empty = tmp_path / "empty.xlsx"
    book.save(empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("code,name\n", encoding="utf-8")
    for path, words in ((empty, "'Trống' is empty"), (fake, "is named as an Excel workbook but is not one")):
        result = CliRunner().invoke(app, ["check", str(ROOT / "plans" / "2019.yaml"), str(path), "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert str(path) in result.output and words in result.output


def test_a_cell_formatted_far_to_the_right_is_no_column(tmp_path):
    book = openpyxl.load_workbook(FOLDER / "180-trang-dinh.xlsx")
    book["Số liệu"].cell(row=3, column=5000).number_format = "0.00"  # a styled, empty cell in column GJH
    path = tmp_path / "180.xlsx"
    book.save(path)
    assert len(read_round([str(path)], plan())) == 22


@pytest.mark.parametrize("name", ["code", "name", "district_code", "district"])
def test_the_distinct_values_the_reader_found_are_those_of_the_rows(tmp_path, name):
    """The rules compare each distinct code and name once, as the reader found them while typing the cells:
    after unknown cells (a short row, a file without the column) and set-aside rows, they are still the rows'."""
    csv_lines = baseline_lines()[:8]
    csv_lines[2] = csv_lines[2].replace("Hoàng Đồng", " Hoàng  Đồng ")  # another spelling of one name
    csv_lines[3] = csv_lines[3].split(",", 1)[0].lstrip("0") + "," + csv_lines[3].split(",", 1)[1]  # a short code
    csv_lines[5] = ",".join(csv_lines[5].split(",")[:2])  # a short row: its district is unknown
    csv_lines.append("Tổng cộng" + "," * (len(csv_lines[0].split(",")) - 1))  # a total row, set aside
    extra = tmp_path / "zz-extra.csv"
    extra.write_text("\n".join(csv_lines) + "\n", encoding="utf-8")
    data = read_round([str(FOLDER), str(extra)], plan())
    assert name in data.distinct_found  # found while reading, not asked for afterwards
    cells, values = data.distinct(name)
    read = [values[cell] if cell >= 0 else None for cell in cells]
    assert read == [None if pd.isna(value) else value for value in data.frame[name]]
    assert len(set(values)) == len(values)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(["code", "name", "c01", "Xã"]), min_size=1, max_size=5),
       rows=st.lists(st.lists(st.sampled_from(["", "1", "0", "x", " a ", "06004"]), min_size=1, max_size=5),
                     max_size=12),
       end=st.sampled_from(["\n", "\r\n"]), last_end=st.booleans(), blank_at=st.none() | st.integers(1, 12))
def test_counting_separators_at_once_reads_as_counting_every_line(header, rows, end, last_end, blank_at):
    """The shortcut for even lines (two counts of bytes, then the parser) gives the cells and widths that
    counting the cells of every line gives, whatever the lines under the header are: longer, shorter,
    blank, CRLF."""
    from ntmplan.communes import text_file

    lines = [",".join(row) for row in [header, *rows]]
    if blank_at is not None and blank_at < len(lines):
        lines[blank_at] = ""
    data = (end.join(lines) + (end if last_end else "")).encode()
    table, widths = text_file._parse_lines("f.csv", data, ",", 1)
    counted = text_file._plain_widths("f.csv", data, ",", 1)
    pd.testing.assert_frame_equal(table, text_file._parse("f.csv", data, ",", 1, int(counted.max())))
    assert widths.tolist() == counted.tolist()


def test_a_column_of_numbers_only_keeps_its_cells_as_written(tmp_path):
    """pandas reads a categorical column whose every cell is a number as numbers ('0207' as 207): when even
    the header of a column is a number, the column is read again as text, and a check of it runs to its end."""
    from ntmplan.communes import text_file

    table = text_file._read_cells(b"0207,code\n05986,06004\n", ",", 2)
    assert [list(map(str, table[column])) for column in table.columns] == [["0207", "05986"], ["code", "06004"]]
    lines = baseline_lines()
    path = tmp_path / "numbered.csv"
    path.write_text("\n".join(["0207" + lines[0][len("code"):], *lines[1:]]) + "\n", encoding="utf-8")
    found = run_scope(DATA, read_round([str(path)], plan()), Settings()).findings
    assert ("DA01", "code") in [(f.code, f.location.path) for f in found]  # no code column: told, not a crash
