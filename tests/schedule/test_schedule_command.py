"""``ntmplan schedule`` on the bundled 2019 plan: the views the README shows, JSON, usage errors."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")


def invoke(*args):
    return CliRunner().invoke(app, ["schedule", PLAN, *args], env={"COLUMNS": "160"})


def test_mid_june_2019():
    result = invoke("--as-of", "2019-06-15", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    groups = {g["key"]: g["tasks"] for g in data["groups"]}
    # XII.1 "Họp Ban Chỉ đạo tỉnh", "Hàng quý": due in the second quarter, by 30 June, and again in the third
    assert groups["due-this-month"] == ["III.1", "III.2", "V.4", "VIII.1", "VIII.4", "IX.2", "IX.3", "XII.1"]
    assert groups["due-next-month"] == ["II.2", "II.3", "V.4", "V.5", "VIII.1", "VIII.4", "IX.2", "XII.1"]
    assert groups["past-due"] == ["II.1", "V.1", "V.2", "VIII.2", "VIII.3"]
    assert groups["no-fixed-time"] == ["V.6"]
    assert {"I.1", "IV.1", "XIII.1"} <= set(groups["ongoing"]) and "XII.1" not in groups["ongoing"]
    meeting = next(t for t in data["tasks"] if t["id"] == "XII.1")
    assert (meeting["status"], meeting["due_by"]) == ("due-this-month", "2019-06-30")


def test_every_task_in_json_has_the_fields_of_the_issue():
    data = json.loads(invoke("--format", "json").stdout)
    v4 = next(t for t in data["tasks"] if t["id"] == "V.4")
    assert {key: v4[key] for key in ("section", "number", "timing_text", "months", "kind")} == {
        "section": "V", "number": 4, "timing_text": "Tháng 3-7", "months": [3, 4, 5, 6, 7], "kind": "months"
    }
    assert v4["directing"] == {"text": "BCĐ tỉnh", "agencies": ["BCD-TINH"]}
    assert v4["executing"]["agencies"] == ["VPDP-TINH"]
    assert v4["coordinating"]["agencies"] == ["BCD-HUYEN", "BCD-XA", "BQL-XA"]
    assert v4["content"]["vi"].startswith("Tổ chức các lớp đào tạo")
    assert len(data["tasks"]) == 31 and len({t["section"] for t in data["tasks"]}) == 13
    last = data["tasks"][-1]  # the source's last line, which has no final newline
    assert (last["id"], last["kind"], last["timing_text"]) == ("XIII.1", "periodic-and-ad-hoc", "Định kỳ và đột xuất")
    assert last["executing"]["agencies"] == ["SO-NGANH", "VPDP-TINH", "BCD-HUYEN", "BCD-XA"]


def test_the_commitments_without_a_figure_are_listed_in_json():
    commitments = json.loads(invoke("--format", "json").stdout)["commitments"]
    assert [(c["key"], c["source"], c["who"]["agencies"], c["year"]) for c in commitments] == [
        ("district-pilot-communes-plans", "I.1", ["BCD-HUYEN"], 2019),
        ("village-criteria-set", "II.6", ["UBND-TINH"], 2019),
        ("detailed-plans", "IV", ["SO-NGANH", "CQ-LIEN-QUAN", "UBND-HUYEN"], None),
    ]
    assert commitments[0]["communes"] == "district-pilot"
    assert commitments[1]["what"]["vi"].startswith("ban hành Bộ tiêu chí thôn đạt chuẩn nông thôn mới")


@pytest.mark.parametrize(
    "lang, shown",
    [
        ("en", ["Commitments without a figure (3)", "issue the criteria set for villages", "not stated"]),
        ("vi", ["Cam kết không có số liệu (3)", "ban hành Bộ tiêu chí thôn đạt chuẩn nông thôn mới", "không nêu"]),
    ],
)
def test_the_commitments_are_shown_in_both_languages(lang, shown):
    result = CliRunner().invoke(app, ["schedule", PLAN, "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for text in shown:
        assert text in result.stdout


def test_tasks_given_to_a_collective_body_are_found_for_its_members():
    # I.1 "Kiện toàn, phân công các thành viên BCD, BQL xây dựng NTM các cấp": executed by "BCĐ, BQL các cấp"
    data = json.loads(invoke("--agency", "BCD-HUYEN", "--format", "json").stdout)
    first = data["tasks"][0]
    assert (first["id"], first["roles"], first["via"]) == ("I.1", ["executing"], {"executing": ["BCD-CAC-CAP"]})
    assert [c["code"] for c in data["agency"]["collectives"]] == ["BCD-CAC-CAP"]
    assert [c["key"] for c in data["commitments"]] == ["district-pilot-communes-plans"]
    table = CliRunner().invoke(app, ["schedule", PLAN, "--agency", "BCD-HUYEN", "--lang", "en"],
                               env={"COLUMNS": "200"}).stdout
    assert "(✓) through NTM steering committees at all levels" in table


def test_a_district_committee_finds_the_tasks_of_all_district_committees():
    data = json.loads(invoke("--agency", "UBND-CAO-LOC", "--format", "json").stdout)
    by_id = {t["id"]: t for t in data["tasks"]}
    assert by_id["VIII.3"]["via"] == {}  # named in its own cell
    assert by_id["VIII.1"]["via"] == {"executing": ["UBND-HUYEN"], "coordinating": ["UBND-HUYEN"]}
    assert by_id["V.3"]["via"] == {"executing": ["CAC-CAP-CAC-NGANH"], "coordinating": ["CAP-UY-CHINH-QUYEN"]}


def test_the_department_of_finance_sees_its_own_duties():
    data = json.loads(invoke("--agency", "so-tc", "--format", "json").stdout)
    assert data["agency"]["code"] == "SO-TC"
    named = [(t["id"], t["roles"]) for t in data["tasks"] if not t["via"]]
    assert named == [("II.1", ["executing"]), ("II.3", ["executing"])]
    # and, as one of "các Sở, ban, ngành", the tasks given to the departments together
    through = {t["id"]: t["via"] for t in data["tasks"] if t["via"]}
    assert through["XIII.1"] == {"executing": ["SO-NGANH"], "coordinating": ["SO-NGANH"]}
    assert through["V.3"] == {"executing": ["CAC-CAP-CAC-NGANH"]}


@pytest.mark.parametrize(
    "args, shown",
    [
        (["--as-of", "2019-06-15", "--lang", "vi"], ["Đến hạn trong tháng 6/2019 (8)", "Đến hạn tháng sau, tháng 7/2019",
                                                      "Đã qua hạn", "→ tháng 3–7/2019", "hạn chót 30/06/2019"]),
        (["--as-of", "15/06/2019", "--lang", "en"], ["Due in June 2019 (8)", "Due next month, July 2019 (8)",
                                                     "Past due (last month has passed) (5)", "→ Mar–Jul 2019",
                                                     "due by 2019-06-30", "due by 2019-09-30"]),
        (["--quarter", "2019-Q4", "--lang", "en"], ["Due in Oct–Dec 2019"]),
        (["--agency", "SO-TC", "--lang", "en"], ["Tasks of SO-TC: Department of Finance", "✓"]),
    ],
)
def test_the_table_in_both_languages(args, shown):
    result = invoke(*args)
    assert result.exit_code == 0
    for text in shown:
        assert text in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--agency", "SO-TAICHINH"], "no agency 'SO-TAICHINH' in the plan's registry; did you mean SO-TC?"),
        (["--month", "2019-13"], "expected YYYY-MM"),
        (["--quarter", "2019-Q5"], "expected YYYY-QN"),
        (["--as-of", "2019-06-15", "--month", "2019-06"], "choose one of --as-of, --month"),
        (["--as-of", "June"], "--as-of"),
    ],
)
def test_usage_errors_exit_2_with_a_hint(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_an_unreadable_plan_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("schedule: [\n")
    result = CliRunner().invoke(app, ["schedule", str(broken)])
    assert result.exit_code == 2 and "YAML syntax error" in result.output
