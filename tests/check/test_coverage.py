"""Coverage decides what can be judged: a district's file, a file missing communes, a code twice, a township.

Each file is the June round (``data/communes-2019-06.csv``) cut down or with a line added.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from rounds import JUNE, PLAN, check_json, district, lines, row_of, run, write

TARGETS = ("TG01", "TG02", "TG03", "TG04", "TG05")


@pytest.fixture(scope="module")
def chi_lang(tmp_path_factory) -> str:
    """The 19 communes of Huyện Chi Lăng (187) only."""
    return write(tmp_path_factory.mktemp("district"), district(lines(JUNE), "187"), "chi-lang.csv")


def test_a_district_s_file_is_partial_and_lists_the_missing_communes_by_district(chi_lang):
    code, data = check_json(chi_lang, "--as-of", "2019-06-30")
    coverage = data["coverage"]
    assert (coverage["communes_in_plan"], coverage["communes_in_file"], coverage["partial"]) == (207, 19, True)
    assert len(coverage["missing"]) == 188 and coverage["duplicates"] == []
    by_district = {d["district"]: (d["communes"], len(d["missing"])) for d in coverage["missing_by_district"]}
    assert by_district["Huyện Tràng Định"] == (22, 22) and "Huyện Chi Lăng" not in by_district
    assert len(by_district) == 10


def test_a_district_s_file_is_not_judged_against_the_province_s_targets(chi_lang):
    _, data = check_json(chi_lang, "--as-of", "2019-06-30")
    assert {c["status"] for c in data["criteria"]} == {"not-judged", "no-target"}
    assert all(c["reason"] == "partial" for c in data["criteria"] if c["status"] == "not-judged")
    # what remains and the start of the year the plan states are the province's: not shown against a district
    assert all(c["gap"] is None and c["baseline"] is None for c in data["criteria"])
    assert (data["standard_communes"]["to_recognise"], data["standard_communes"]["baseline"]) == (None, None)
    assert data["standard_communes"]["status"] == "not-judged"
    assert data["average_criteria"]["status"] == "not-judged"
    assert {g["status"] for g in data["groups"]} <= {"not-judged", "no-data", "not-due"}
    assert all(b["difference"] is None for b in data["bands"])
    assert not [f for f in data["findings"] if f["code"] in TARGETS]


def test_a_district_s_figures_are_those_of_its_communes(chi_lang):
    _, data = check_json(chi_lang)
    assert data["communes"] == 19 and sum(b["actual"] for b in data["bands"]) == 19
    criteria = {c["number"]: c for c in data["criteria"]}
    assert criteria[1]["actual"] == 19 and criteria[1]["share_now"] == 100.0
    assert all(c["share_now"] <= 100 for c in data["criteria"])
    assert [d["district"] for d in data["districts"]] == ["Huyện Chi Lăng"]


def test_the_table_says_what_is_missing_before_any_figure(chi_lang):
    output = run("check", chi_lang, "--lang", "en").output
    notice = output.index("Partial: the data covers 19 of the 207 communes of the plan.")
    assert notice < output.index("Criteria: communes meeting each")
    assert "Missing in Huyện Tràng Định: all its 22 communes" in output
    assert "not judged" in output


def test_a_target_already_reached_is_met_even_on_a_partial_file(tmp_path):
    # three communes that do not meet criterion 3 are left out: 160 communes still meet it, its year-end total
    rows = lines(JUNE)
    column = rows[0].split(",").index("c03")
    left_out = [line.split(",")[0] for line in rows[1:] if line.split(",")[column] == "0"][:3]
    for code in left_out:
        del rows[row_of(rows, code)]
    _, data = check_json(write(tmp_path, rows))
    criteria = {c["number"]: c for c in data["criteria"]}
    assert (criteria[3]["actual"], criteria[3]["status"]) == (160, "met")
    assert criteria[2]["status"] == "not-judged"
    assert data["coverage"]["missing"] == sorted(left_out)
    output = run("check", write(tmp_path, rows), "--lang", "en").output
    first = next(d for d in data["coverage"]["missing_by_district"])
    assert f"Missing in {first['district']}: " in output


def test_a_code_twice_is_counted_once_with_the_first_row_kept(tmp_path):
    rows = lines(JUNE)
    repeat = rows[8].split(",")
    repeat[9:28] = ["0"] * 19  # the repeat says no criterion is met: it must change no figure
    rows.append(",".join(repeat))
    path = write(tmp_path, rows)
    _, data = check_json(path, "--as-of", "2019-06-30")
    _, clean = check_json(str(JUNE), "--as-of", "2019-06-30")
    assert data["coverage"]["duplicates"] == [repeat[0]]
    assert data["coverage"]["communes_in_file"] == 207 and data["coverage"]["partial"] is False
    [excluded] = data["coverage"]["excluded"]
    assert (excluded["code"], excluded["reason"], excluded["place"]["line"], excluded["kept"]["line"]) == (
        repeat[0], "repeat", 209, 9)
    assert [c["actual"] for c in data["criteria"]] == [c["actual"] for c in clean["criteria"]]
    assert data["bands"] == clean["bands"] and data["communes"] == 207
    assert [f["location"]["line"] for f in data["findings"] if f["code"] == "DA07"] == [209]
    output = " ".join(run("check", path, "--lang", "en").output.split())  # the terminal wraps long lines
    assert f"Excluded from every figure, 1 row: {path}:209: {repeat[0]} again (the row counted is {path}:9)" in output


def test_a_township_is_not_one_of_the_plan_s_communes(tmp_path):
    rows = lines(JUNE)
    township = rows[5].split(",")
    township[:2] = ["05995", "Thất Khê"]
    rows.append(",".join(township))
    _, data = check_json(write(tmp_path, rows))
    assert [(e["code"], e["reason"]) for e in data["coverage"]["excluded"]] == [("05995", "not-a-commune")]
    assert data["communes"] == 207 and all(c["share_now"] <= 100 for c in data["criteria"])


def test_the_report_carries_the_notice_and_the_missing_communes(chi_lang, tmp_path):
    page = tmp_path / "report.html"
    assert run("report", chi_lang, "--plan", PLAN, "--lang", "en", "--out", str(page)).exit_code == 0
    assert '<p class="notice">Partial: the data covers 19 of the 207 communes' in page.read_text(encoding="utf-8")
    book = tmp_path / "report.xlsx"
    assert run("report", chi_lang, "--lang", "en", "--out", str(book)).exit_code == 0
    workbook = openpyxl.load_workbook(book)
    summary = [row[0] for row in workbook["Summary"].iter_rows(values_only=True) if row[0]]
    assert any(str(cell).startswith("Partial: the data covers 19 of the 207") for cell in summary)
    missing = [row for row in workbook["Coverage"].iter_rows(min_row=1, values_only=True) if row[4] == "missing from the data"]
    assert len(missing) == 188 and Path(chi_lang).exists()


def test_a_round_without_any_commune_of_the_plan_is_reported_not_a_crash(tmp_path):
    rows = lines(JUNE)
    township = rows[5].split(",")
    township[:2] = ["05995", "Thất Khê"]
    path = write(tmp_path, [rows[0], ",".join(township)])
    code, data = check_json(path, "--since", path, "--as-of", "2019-06-30")
    assert code == 1 and data["communes"] == 0 and data["average_criteria"]["status"] == "no-data"
    assert data["coverage"]["communes_in_file"] == 0 and len(data["coverage"]["missing"]) == 207
    assert run("report", path, "--out", str(tmp_path / "report.xlsx")).exit_code == 0
    assert run("progress", path, str(JUNE)).exit_code == 0


def test_rows_left_out_are_listed_up_to_a_hundred_and_counted_all(tmp_path):
    rows = lines(JUNE)
    repeats = rows[1:151]  # 150 communes given twice
    _, data = check_json(write(tmp_path, rows + repeats))
    coverage = data["coverage"]
    assert (coverage["excluded_rows"], len(coverage["excluded"]), len(coverage["duplicates"])) == (150, 100, 150)
    assert data["communes"] == 207
