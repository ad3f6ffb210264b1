"""``ntmplan check`` end to end on the bundled plan and data: JSON shape, exit codes, the table."""

import json
from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")
BASELINE = str(ROOT / "data" / "communes.csv")
JUNE = str(ROOT / "data" / "communes-2019-06.csv")
runner = CliRunner()


def check_json(*args):
    result = runner.invoke(app, ["check", PLAN, *args, "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output)


def test_json_shape():
    code, data = check_json(BASELINE)
    assert code == 0
    assert set(data) >= {"criteria", "standard_communes", "bands", "average_criteria", "groups", "districts",
                         "target_communes", "priority", "findings", "summary", "basis", "schema_version"}
    assert all({"number", "target", "actual", "gap"} <= set(c) for c in data["criteria"])
    assert {"target", "actual"} <= set(data["standard_communes"])
    assert all({"min", "max", "target", "actual"} <= set(b) for b in data["bands"])
    assert {"target_min", "target_max", "actual"} <= set(data["average_criteria"])


def test_baseline_is_the_plan_minus_what_it_adds():
    _, data = check_json(BASELINE)
    criteria = {c["number"]: c for c in data["criteria"]}
    assert (criteria[2]["actual"], criteria[2]["target"], criteria[2]["gap"]) == (49, 61, 12)
    assert (criteria[15]["actual"], criteria[15]["target"]) == (107, 133)
    assert (data["standard_communes"]["actual"], data["standard_communes"]["target"]) == (48, 60)
    assert len(data["target_communes"]) == 12 and len(data["districts"]) == 11


def test_june_review_as_of_june():
    code, data = check_json(JUNE, "--as-of", "2019-06-30")
    assert code == 0
    assert data["basis"]["as_of"] == "2019-06-30"
    criteria = {c["number"]: c for c in data["criteria"]}
    assert (criteria[3]["actual"], criteria[3]["expected"], criteria[3]["status"]) == (160, 155.5, "met")
    assert [f["code"] for f in data["findings"] if f["code"].startswith("DA")] == ["DA13"]
    assert data["summary"]["errors"] == 0 and data["summary"]["warnings"] > 0


def test_unmet_targets_fail_only_with_fail_on_warning():
    assert check_json(JUNE, "--fail-on", "warning")[0] == 1
    assert check_json(JUNE, "--fail-on", "never")[0] == 0


def test_data_errors_fail_the_run(tmp_path):
    bad = tmp_path / "communes.csv"
    lines = Path(BASELINE).read_text(encoding="utf-8").splitlines()
    cells = lines[4].split(",")
    cells[5] = "maybe"
    lines[4] = ",".join(cells)
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, data = check_json(str(bad))
    assert code == 1
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert (error["code"], error["location"]["line"], error["location"]["column"]) == ("DA04", 5, 6)


def test_unreadable_data_file_exits_2(tmp_path):
    result = runner.invoke(app, ["check", PLAN, str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_table_summary_first_and_findings_last():
    result = runner.invoke(app, ["check", PLAN, JUNE, "--as-of", "2019-06-30"])
    lines = result.output.splitlines()
    assert lines[1].startswith("Basis: targets pro-rated to 2019-06-30")
    assert any(line.startswith("Targets: 8 met, 16 behind") for line in lines[2:5])
    assert "Priority: communes closest to the standard" in result.output
    assert lines[-1].startswith("✓ 0 error(s), 17 warning(s)")
