"""Files as district offices send them, which must read exactly like the canonical file.

Each test changes one thing about the committed baseline (or a few of its lines)
and checks that the parsed frame is the same and that no finding appears.
"""

from __future__ import annotations

import pandas as pd
import pytest

from communefiles import BASELINE, ROOT, VIETNAMESE, baseline_lines, cells, findings, read, with_cell, write
from ntmplan.communes import columns as spec
from ntmplan.communes.columns import COLUMNS, NAMES, match_header


@pytest.fixture(scope="module")
def canonical():
    return read(str(BASELINE))


def same_frame(data, canonical):
    pd.testing.assert_frame_equal(data.frame, canonical.frame)


def test_frame_types(canonical):
    frame = canonical.frame
    assert list(frame.columns) == list(NAMES)
    assert str(frame["code"].dtype) == "string"
    assert frame["code"].iat[0] == "05986"
    for column in ["border", "special_difficulty", "special_difficulty_pilot", "district_pilot", "target_2019", "c01",
                   "c19"]:
        assert str(frame[column].dtype) == "boolean"
    for column in ["ntm_year", "advanced_criteria", "model_areas"]:
        assert str(frame[column].dtype) == "Int64"
    source = canonical.sources[0]
    assert source.columns == {name: i + 1 for i, name in enumerate(NAMES)}
    assert list(canonical.lines[:3]) == [2, 3, 4]
    assert canonical.line(206) == 208
    assert source.separator == "," and source.header_line == 1 and source.sheet is None


def test_byte_order_mark(tmp_path, canonical):
    path = write(tmp_path, baseline_lines(), bom=True)
    data = read(path)
    same_frame(data, canonical)
    assert data.sources[0].headers["code"] == "code"
    assert findings(path) == []


def test_semicolon_separator(tmp_path, canonical):
    path = write(tmp_path, [line.replace(",", ";") for line in baseline_lines()])
    data = read(path)
    assert data.sources[0].separator == ";"
    same_frame(data, canonical)
    assert findings(path) == []


def test_excel_sep_line(tmp_path, canonical):
    path = write(tmp_path, ["sep=;"] + [line.replace(",", ";") for line in baseline_lines()])
    data = read(path)
    same_frame(data, canonical)
    assert data.sources[0].header_line == 2 and data.line(0) == 3


def test_tab_separator(tmp_path, canonical):
    path = write(tmp_path, [line.replace(",", "\t") for line in baseline_lines()])
    same_frame(read(path), canonical)


def test_vietnamese_headers(tmp_path, canonical):
    lines = baseline_lines()
    path = write(tmp_path, [";".join(VIETNAMESE)] + [line.replace(",", ";") for line in lines[1:]], bom=True)
    data = read(path)
    same_frame(data, canonical)
    assert data.sources[0].headers["special_difficulty_pilot"] == "Xã điểm ĐBKK"
    assert findings(path) == []


@pytest.mark.parametrize(
    "header, column",
    [
        ("Mã xã", "code"), ("MÃ XÃ", "code"), ("ma_xa", "code"), ("Tên xã", "name"), ("Mã huyện", "district_code"),
        ("Huyện", "district"), ("Xã biên giới", "border"), ("Xa bien gioi", "border"),
        ("Xã ĐBKK", "special_difficulty"), ("Xã điểm ĐBKK", "special_difficulty_pilot"),
        ("Xã phấn đấu 2019", "target_2019"), ("Xã phần đầu 2019", "target_2019"), ("Năm đạt chuẩn", "ntm_year"),
        ("TC1", "c01"), ("TC 01", "c01"), ("Tiêu chí 1", "c01"), ("Tiêu chí số 1", "c01"), ("tieu_chi_so_19", "c19"),
        ("Tiêu chí 10 - Thu nhập", "c10"), ("c7", "c07"), ("Số tiêu chí nâng cao", "advanced_criteria"),
        ("Số KDC kiểu mẫu", "model_areas"), ("  special  difficulty ", "special_difficulty"),
        ("TC20", None), ("Tiêu chí 0", None), ("Ghi chú", None), ("", None),
    ],
)
def test_header_matching(header, column):
    assert match_header(header) == column


def test_columns_in_another_order(tmp_path, canonical):
    order = list(reversed(range(len(NAMES))))
    lines = [",".join(cells(line)[i] for i in order) for line in baseline_lines()]
    data = read(write(tmp_path, lines))
    same_frame(data, canonical)
    assert data.sources[0].columns["code"] == len(NAMES)


YES = ["1", "x", "X", "Đạt", "đạt", "ĐẠT", "Dat", "Có", "co", "true", "TRUE", "yes", "Yes", " x ", "có "]
NO = ["0", "", "Không đạt", "không đạt", "KHONG DAT", "Chưa đạt", "Không", "khong", "false", "False", "no", "NO", "  "]


@pytest.mark.parametrize("spelling", YES)
def test_yes_spellings(tmp_path, spelling):
    lines = baseline_lines()[:2]
    lines[1] = with_cell(with_cell(lines[1], "c05", f'"{spelling}"'), "border", f'"{spelling}"')
    frame = read(write(tmp_path, lines)).frame
    assert frame.at[0, "c05"] is True or bool(frame.at[0, "c05"]) is True
    assert bool(frame.at[0, "border"]) is True
    assert findings(write(tmp_path, lines), "DA04") == []


@pytest.mark.parametrize("spelling", NO)
def test_no_spellings(tmp_path, spelling):
    lines = baseline_lines()[:2]
    lines[1] = with_cell(with_cell(lines[1], "c05", f'"{spelling}"'), "border", f'"{spelling}"')
    frame = read(write(tmp_path, lines)).frame
    assert not pd.isna(frame.at[0, "c05"]) and bool(frame.at[0, "c05"]) is False
    assert bool(frame.at[0, "border"]) is False
    assert findings(write(tmp_path, lines), "DA04") == []


def test_blank_trailing_rows(tmp_path, canonical):
    blank = "," * (len(NAMES) - 1)
    path = write(tmp_path, baseline_lines() + ["", blank, "   ", blank, ""])
    data = read(path)
    same_frame(data, canonical)
    assert findings(path) == []


def test_blank_line_in_the_middle_keeps_line_numbers(tmp_path):
    lines = baseline_lines()
    path = write(tmp_path, lines[:3] + [""] + lines[3:])
    data = read(path)
    assert len(data) == 207
    assert list(data.lines[:4]) == [2, 3, 5, 6]


def test_stray_spaces(tmp_path, canonical):
    spaced = [",".join(f"  {cell}\u00a0 " for cell in cells(line)) for line in baseline_lines()]
    spaced = [line.replace("Hoàng Đồng", "Hoàng   Đồng") for line in spaced]
    path = write(tmp_path, spaced)
    data = read(path)
    same_frame(data, canonical)
    assert findings(path) == []


def test_quoted_cell_over_two_lines_keeps_line_numbers(tmp_path):
    lines = baseline_lines()[:4]
    lines[0] += ",Ghi chú"
    lines[1] += ',"first line\nsecond line"'
    lines[2] += ",ok"
    lines[3] += ",ok"
    data = read(write(tmp_path, lines))
    assert list(data.lines) == [2, 4, 5]
    assert [u.header for u in data.sources[0].unused_columns] == ["Ghi chú"]


def test_header_and_cells_with_quotes(tmp_path, canonical):
    quoted = ['"' + '","'.join(cells(line)) + '"' for line in baseline_lines()]
    same_frame(read(write(tmp_path, quoted)), canonical)


def test_decomposed_unicode_names_are_composed(tmp_path):
    import unicodedata

    lines = baseline_lines()[:2]
    lines[1] = unicodedata.normalize("NFD", lines[1])
    frame = read(write(tmp_path, lines)).frame
    assert frame.at[0, "name"] == "Hoàng Đồng"


def test_data_readme_lists_every_accepted_header_and_spelling():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.name}` |" in readme or column.name.startswith("c"), column.name
        for alias in column.aliases:
            assert f"`{alias}`" in readme, alias
    for word in spec.YES + spec.NO:
        assert f"`{word}`" in readme or word == "", word
