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
    groups = {g["key"]: g["tasks"] for g in json.loads(result.stdout)["groups"]}
    assert groups["due-this-month"] == ["III.1", "III.2", "V.4", "VIII.1", "VIII.4", "IX.2", "IX.3"]
    assert groups["due-next-month"] == ["II.2", "II.3", "V.4", "V.5", "VIII.1", "VIII.4", "IX.2"]
    assert groups["past-due"] == ["II.1", "V.1", "V.2", "VIII.2", "VIII.3"]
    assert groups["no-fixed-time"] == ["V.6"]
    assert {"I.1", "IV.1", "XII.1"} <= set(groups["ongoing"])


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
    assert len(data["tasks"]) >= 30


def test_the_department_of_finance_sees_its_own_duties():
    data = json.loads(invoke("--agency", "so-tc", "--format", "json").stdout)
    assert data["agency"]["code"] == "SO-TC"
    assert [(t["id"], t["roles"]) for t in data["tasks"]] == [("II.1", ["executing"]), ("II.3", ["executing"])]


@pytest.mark.parametrize(
    "args, shown",
    [
        (["--as-of", "2019-06-15", "--lang", "vi"], ["Đến hạn trong tháng 6/2019 (7)", "Đến hạn tháng sau, tháng 7/2019",
                                                      "Đã qua hạn", "→ tháng 3–7/2019"]),
        (["--as-of", "15/06/2019", "--lang", "en"], ["Due in June 2019 (7)", "Due next month, July 2019 (7)",
                                                     "Past due (last month has passed) (5)", "→ Mar–Jul 2019"]),
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
