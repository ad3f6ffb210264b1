"""Each data rule, on the committed baseline changed in one place, with the exact line and column.

The baseline itself gives no finding (test_communes_calibration), so every finding
here comes from the change. Columns are 1-based, as in a spreadsheet: A=1 is
``code``, I=9 ``ntm_year``, J=10 ``c01`` … AB=28 ``c19``, AC=29
``advanced_criteria``, AD=30 ``model_areas``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from communefiles import ROOT, baseline_lines, cells, findings, header, located, read, with_cell, write
from ntmplan.communes.columns import NAMES
from ntmplan.findings import Severity
from ntmplan.rules.scopes import DATA

COLUMN = {name: i + 1 for i, name in enumerate(NAMES)}
EXTRA = len(NAMES) + 1  # a column added after the last


def line_of(code: str) -> int:
    return next(i + 1 for i, line in enumerate(baseline_lines()) if line.startswith(code + ","))


def where(lines: list[str], predicate) -> int:
    """1-based line of the first data line whose cells satisfy ``predicate`` (a dict by column)."""
    names = header()
    return next(i + 1 for i, line in enumerate(lines) if i and predicate(dict(zip(names, cells(line)))))


def changed(tmp_path, edit) -> str:
    lines = baseline_lines()
    edit(lines)
    return write(tmp_path, lines)


def drop_column(lines: list[str], name: str) -> None:
    index = header().index(name)
    for i, line in enumerate(lines):
        row = cells(line)
        del row[index]
        lines[i] = ",".join(row)


def add_column(lines: list[str], title: str, values) -> None:
    lines[0] += "," + title
    for i in range(1, len(lines)):
        lines[i] += "," + values(i)


def set_cell(lines: list[str], line: int, column: str, value: str) -> None:
    lines[line - 1] = with_cell(lines[line - 1], column, value)


def setting(*changes: tuple[int, str, str]):
    """An edit that sets each (line, column, value)."""
    def edit(lines: list[str]) -> None:
        for line, column, value in changes:
            set_cell(lines, line, column, value)
    return edit


# --- DA01 missing-column ---------------------------------------------------------------------


def test_missing_criterion_column_is_an_error(tmp_path):
    path = changed(tmp_path, lambda lines: drop_column(lines, "c05"))
    found = findings(path, "DA01")
    assert located(found) == [("DA01", 1, None)]
    assert found[0].severity is Severity.ERROR
    assert found[0].location.path == "c05"
    assert found[0].message.startswith("the file has no column c05 (criterion 5 met); expected a header such as 'c05'")
    assert read(path).frame["c05"].isna().all()


def test_missing_count_column_is_a_warning(tmp_path):
    found = findings(changed(tmp_path, lambda lines: drop_column(lines, "model_areas")), "DA01")
    assert located(found) == [("DA01", 1, None)]
    assert found[0].severity is Severity.WARNING


# --- DA02 duplicate-column, DA03 unused-column ----------------------------------------------


def test_duplicate_column(tmp_path):
    path = changed(tmp_path, lambda lines: add_column(lines, "Tiêu chí số 5", lambda i: "1"))
    found = findings(path, "DA02")
    assert located(found) == [("DA02", 1, EXTRA)]
    assert "column AF ('Tiêu chí số 5') is criterion 5 met (c05) again: column O ('c05') already is" in found[0].message
    assert findings(path) == found  # the first c05 is read, so nothing else changes


def test_unused_column_with_a_suggestion(tmp_path):
    path = changed(tmp_path, lambda lines: add_column(lines, "Xa bien gioii", lambda i: ""))
    found = findings(path, "DA03")
    assert located(found) == [("DA03", 1, EXTRA)]
    assert found[0].severity is Severity.INFO
    assert found[0].message.endswith("did you mean border?")


def test_cells_without_a_header(tmp_path):
    path = changed(tmp_path, lambda lines: add_column(lines, "", lambda i: "note" if i == 6 else ""))
    assert located(findings(path, "DA03")) == [("DA03", 7, EXTRA)]


def test_cells_beyond_the_header(tmp_path):
    def edit(lines):
        lines[9] += ",stray"

    path = changed(tmp_path, edit)
    assert located(findings(path)) == [("DA03", 10, EXTRA)]
    assert len(read(path)) == 207


# --- DA04 unreadable-value -------------------------------------------------------------------


def test_value_not_understood_exact_row_and_column(tmp_path):
    path = changed(tmp_path, lambda lines: set_cell(lines, 12, "c05", "Đạt một phần"))
    found = findings(path)
    assert located(found) == [("DA04", 12, COLUMN["c05"])]
    assert found[0].location.path == "c05"
    assert found[0].actual == "Đạt một phần"
    assert found[0].message.startswith(
        "line 12, column O (c05) has 'Đạt một phần', which is not yes or no: 1/0, x/empty"
    )
    assert read(path).frame.at[10, "c05"] is not True


@pytest.mark.parametrize(
    "column, written, number",
    [("ntm_year", "2016?", 10), ("ntm_year", "2.016", 10), ("advanced_criteria", '"3,0"', 30), ("border", "2", 5),
     ("model_areas", "-1", 31), ("code", "0598a", 1), ("code", "059860", 1)],
)
def test_unreadable_values(tmp_path, column, written, number):
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, 20, column, written)), "DA04")
    assert located(found) == [("DA04", 20, number)]
    assert found[0].actual == written.strip('"')


def test_row_without_code(tmp_path):
    path = changed(tmp_path, lambda lines: set_cell(lines, 8, "code", ""))
    found = findings(path, "DA04")
    assert located(found) == [("DA04", 8, 1)]
    assert "has no commune code" in found[0].message


def test_many_unreadable_values_are_capped(tmp_path):
    def edit(lines):
        for line in range(2, 209):
            set_cell(lines, line, "c01", "?")
            set_cell(lines, line, "c02", "?")

    found = findings(changed(tmp_path, edit), "DA04")
    assert len(found) == 101
    assert "314 more findings of DA04 unreadable-value not shown (414 in all)" in [f.message for f in found]


@pytest.mark.parametrize("lang, shown", [
    ("en", "1,142 more findings of DA07 duplicate-commune not shown (1,242 in all)"),
    ("vi", "còn 1.142 phát hiện khác của DA07 duplicate-commune không hiển thị (tổng cộng 1.242)"),
])
def test_the_count_of_findings_not_shown_is_written_as_other_figures_are(tmp_path, lang, shown):
    """A national file leaves hundreds of thousands of findings unshown: their count is grouped by thousands
    in the reader's language, as every other figure of the output."""
    from ntmplan.i18n import Lang, activate

    lines = baseline_lines()
    path = write(tmp_path, [lines[0], *lines[1:] * 7])  # every commune 7 times: 1,242 repeats
    activate(Lang(lang))
    try:
        found = findings(path, "DA07")
    finally:
        activate(Lang.en)
    assert [f.message for f in found if f.location.line is None] == [shown]


# --- DA05 code-missing-zero, DA06 value-out-of-range -----------------------------------------


def test_codes_without_leading_zero(tmp_path):
    def edit(lines):
        for i in range(1, len(lines)):
            lines[i] = lines[i].lstrip("0")

    path = changed(tmp_path, edit)
    found = findings(path)
    assert located(found) == [("DA05", 2, 1)]
    assert "207 commune codes have fewer than 5 digits, the first on line 2: '5986', read as 05986" in found[0].message
    assert list(read(path).frame["code"])[:2] == ["05986", "05989"]


def test_year_after_the_plan(tmp_path):
    line = line_of("05986")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "ntm_year", "2021")), "DA06")
    assert located(found) == [("DA06", line, COLUMN["ntm_year"])]
    assert found[0].expected == "a year from 2010 to 2019"


def test_year_before_the_programme_and_too_many_advanced_criteria(tmp_path):
    line = line_of("05986")

    edit = setting((line, "ntm_year", "2001"), (line, "advanced_criteria", "25"))

    assert located(findings(changed(tmp_path, edit), "DA06")) == [
        ("DA06", line, COLUMN["ntm_year"]), ("DA06", line, COLUMN["advanced_criteria"])
    ]


# --- DA07 … DA10: which communes ---------------------------------------------------------------


def test_duplicate_code(tmp_path):
    path = changed(tmp_path, lambda lines: lines.append(lines[4]))
    found = findings(path)
    assert located(found) == [("DA10", 1, None), ("DA07", 209, 1)]
    assert found[1].message.startswith(f"line 209: commune {cells(baseline_lines()[4])[0]} (")
    assert found[1].message.endswith("is already on line 5; the first line is counted, this one is not")
    assert found[1].actual.endswith("again (first on line 5)")


def test_unknown_code_and_township(tmp_path):
    edit = setting((30, "code", "09999"), (31, "code", "05995"))

    found = findings(changed(tmp_path, edit), "DA08")
    assert located(found) == [("DA08", 30, 1), ("DA08", 31, 1)]
    assert "09999 is not the code of any of the 207 communes" in found[0].message
    assert "05995 is Thị trấn Thất Khê (Huyện Tràng Định), a township, not one of the 207 communes" in found[1].message


def test_missing_commune_and_row_count(tmp_path):
    line = line_of("06001")
    path = changed(tmp_path, lambda lines: lines.pop(line - 1))
    found = findings(path)
    assert located(found) == [("DA09", None, None), ("DA10", 1, None)]
    missing, count = found
    assert missing.message == "Huyện Tràng Định (180): 1 commune of the official list is not in the data: 06001 Đoàn Kết"
    assert missing.expected == ["06001"]
    assert (count.expected, count.actual) == (207, 206)
    assert count.message == "the data has 206 commune lines; the plan counts 207 communes in Lạng Sơn"


def test_a_district_sheet_alone(tmp_path):
    lines = [baseline_lines()[0]] + [line for line in baseline_lines()[1:] if ",189,Huyện Đình Lập," in line]
    found = findings(write(tmp_path, lines))
    assert {f.code for f in found} == {"DA09", "DA10"}  # group sizes are the province's: not judged on a part
    missing = [f for f in found if f.code == "DA09"]
    assert len(missing) == 10  # the 197 communes missing, listed by district: whom to call
    assert missing[0].message.startswith("Thành phố Lạng Sơn (178): none of its 3 communes is in the data: 05986 Hoàng")


# --- DA11, DA12: names and districts -------------------------------------------------------------


def test_name_differs_from_official_list(tmp_path):
    line = line_of("06004")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "name", "Tân Minh")))
    assert located(found) == [("DA11", line, 2)]
    assert found[0].message == (
        f"line {line}: commune 06004 is called 'Tân Minh' here, but its official name is 'Quốc Khánh'"
    )


@pytest.mark.parametrize("spelling", ["Xã Hòa Bình", "hoà bình", "HÒA  BÌNH"])
def test_name_spellings_that_agree(tmp_path, spelling):
    line = line_of("06103")  # Hòa Bình, Bình Gia
    assert findings(changed(tmp_path, lambda lines: set_cell(lines, line, "name", spelling))) == []


def test_district_differs_from_official_list(tmp_path):
    line = line_of("06523")

    edit = setting((line, "district_code", "180"), (line, "district", "Huyện Tràng Định"))

    found = findings(changed(tmp_path, edit))
    assert located(found) == [("DA12", line, 3), ("DA12", line, 4)]
    assert "Chi Lăng (06523) is in Huyện Chi Lăng (187) according to the official list" in found[0].message


@pytest.mark.parametrize("spelling", ["Chi Lăng", "huyện chi lăng", "H. Chi Lăng"])
def test_district_spellings_that_agree(tmp_path, spelling):
    line = line_of("06523")
    assert findings(changed(tmp_path, lambda lines: set_cell(lines, line, "district", spelling))) == []


def test_city_spelling(tmp_path):
    line = line_of("05986")
    assert findings(changed(tmp_path, lambda lines: set_cell(lines, line, "district", "TP. Lạng Sơn"))) == []


# --- DA13 … DA18: statuses -------------------------------------------------------------------


def test_fallen_below_standard(tmp_path):
    line = line_of("05986")

    edit = setting((line, "c17", "0"), (line, "c02", "Không đạt"))

    found = findings(changed(tmp_path, edit))
    assert located(found) == [("DA13", line, COLUMN["c02"])]
    assert found[0].severity is Severity.WARNING
    assert found[0].message == (
        f"line {line}: Hoàng Đồng (05986) was recognised as NTM in 2014 but does not meet criteria 2 and 17"
    )
    assert found[0].actual == "17 met; not met: 2, 17"


def test_unreadable_criterion_is_not_a_fall(tmp_path):
    line = line_of("05986")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "c17", "?")))
    assert located(found) == [("DA04", line, COLUMN["c17"])]


def test_standard_without_year(tmp_path):
    line = line_of("05986")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "ntm_year", "")))
    assert located(found) == [("DA14", line, COLUMN["ntm_year"])]
    assert found[0].severity is Severity.INFO


def test_advanced_criteria_below_standard(tmp_path):
    line = where(baseline_lines(), lambda row: row["ntm_year"] == "")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "advanced_criteria", "9")))
    assert located(found) == [("DA15", line, COLUMN["advanced_criteria"])]


def test_pilot_outside_special_difficulty(tmp_path):
    line = where(baseline_lines(), lambda row: row["special_difficulty_pilot"] == "1")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "special_difficulty", "0")), "DA16")
    assert located(found) == [("DA16", line, 6)]


def test_target_already_recognised(tmp_path):
    line = where(baseline_lines(), lambda row: row["target_2019"] == "1")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "ntm_year", "2017")), "DA17")
    assert located(found) == [("DA17", line, COLUMN["target_2019"])]
    assert found[0].actual == 2017


def test_group_size(tmp_path):
    line = where(baseline_lines(), lambda row: row["border"] == "1")
    found = findings(changed(tmp_path, lambda lines: set_cell(lines, line, "border", "")))
    assert located(found) == [("DA18", 1, 5)]
    assert found[0].message == "column E (border) marks 19 communes; the plan counts 20 ('20 xã biên giới')"


# --- DA19 … DA21: files of a round ------------------------------------------------------------


def test_commune_of_another_district_in_a_district_file(tmp_path):
    """A file named after Bắc Sơn (185) holding a commune of Chi Lăng (187)."""
    lines = [baseline_lines()[0]] + [line for line in baseline_lines()[1:] if ",185,Huyện Bắc Sơn," in line]
    lines.append(baseline_lines()[line_of("06523") - 1])
    found = findings(write(tmp_path, lines, name="185-bac-son.csv"), "DA19")
    assert located(found) == [("DA19", len(lines), COLUMN["code"])]
    assert found[0].message == (
        f"{tmp_path / '185-bac-son.csv'} is for Huyện Bắc Sơn by its name, but holds 1 commune of Huyện Chi Lăng (187): "
        f"06523 Chi Lăng (line {len(lines)})"
    )
    assert (found[0].expected, found[0].actual) == ("185", "187")


def test_a_file_whose_name_names_no_district_is_not_judged(tmp_path):
    lines = [baseline_lines()[0]] + [line for line in baseline_lines()[1:] if ",185,Huyện Bắc Sơn," in line]
    lines.append(baseline_lines()[line_of("06523") - 1])
    assert findings(write(tmp_path, lines, name="round-06.csv"), "DA19") == []


def test_short_row_is_unknown_not_no(tmp_path):
    path = changed(tmp_path, lambda lines: lines.__setitem__(5, ",".join(cells(lines[5])[:20])))
    found = findings(path)
    assert located(found) == [("DA20", 6, 21)]
    assert found[0].message == (
        "line 6 is shorter than the header: columns U to AE (c11 … model_areas) have no cell; read as unknown, "
        "not as 'no'"
    )
    frame = read(path).frame
    assert frame.loc[4, ["c11", "c19", "model_areas"]].isna().all()
    assert frame.at[4, "c10"] is not pd.NA


def test_rows_that_are_not_communes_are_set_aside_and_said(tmp_path):
    width = len(NAMES)
    lines = baseline_lines()
    lines.insert(1, ",".join(f"({n})" for n in range(1, width + 1)))  # column numbers under the header
    lines.append(",Tổng cộng" + "," * (width - 2))
    lines.append("")
    lines.append(",Người lập biểu" + "," * 20 + "TM. BAN CHỈ ĐẠO")
    path = write(tmp_path, lines)
    found = findings(path)
    assert located(found) == [("DA21", 2, None), ("DA21", 210, None), ("DA21", 212, None)]
    assert found[0].message == "line 2: the column numbers under the header ('(1)' …) are not a commune and are not read"
    assert found[1].message == "line 210: a total row ('Tổng cộng') is not a commune and is not read"
    assert found[2].message == "line 212: below the table ('Người lập biểu' …), not communes; not read"
    assert found[0].severity is Severity.INFO
    assert len(read(path)) == 207


def test_workbook_from_another_plans_template(tmp_path):
    """DA22: the bundled Bình Gia workbook, its hidden sheet saying it was made for last year's plan."""
    import openpyxl

    book = openpyxl.load_workbook(ROOT / "data" / "2019-06" / "181-binh-gia.xlsx")
    book["_ntmplan"]["B3"], book["_ntmplan"]["B4"] = "48/KH-UBND", 2018
    path = tmp_path / "181-binh-gia.xlsx"
    book.save(path)
    (found,) = findings(str(path), "DA22")
    assert (found.location.file, found.location.sheet, found.location.line) == (str(path), "Số liệu", 1)
    assert found.message == (f"{path} [Số liệu] was made from the template of plan 48/KH-UBND (2018, Lạng Sơn); "
                             "the check uses plan 46/KH-UBND (2019, Lạng Sơn)")


# --- the catalogue ----------------------------------------------------------------------------


def data_rules():
    return DATA.registered()


def test_every_data_rule_is_tested_here():
    source = open(__file__, encoding="utf-8").read()
    for rule in data_rules():
        assert f'"{rule.code}"' in source, f"{rule.code} {rule.name} has no test case"


def test_every_data_rule_is_documented_with_an_example():
    for rule in data_rules():
        assert rule.scope is DATA
        assert "Example" in rule.doc, rule.code
        assert len(rule.doc) > 200, rule.code

