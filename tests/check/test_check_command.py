"""``ntmplan check`` end to end on the bundled plan and data: JSON shape, exit codes, the table."""

import pytest
from rounds import JUNE, PLAN, START, check_json, run, runner

from ntmplan.cli import app


def test_json_shape():
    code, data = check_json(str(START))
    assert code == 0
    assert set(data) >= {"criteria", "standard_communes", "bands", "average_criteria", "groups", "districts",
                         "target_communes", "priority", "candidates", "fallen_below_standard", "findings", "summary",
                         "basis", "coverage", "targets", "schema_version"}
    assert all({"number", "target", "expected", "actual", "gap", "share_target_stated", "share_target_computed",
                "status"} <= set(c) for c in data["criteria"])
    assert {"target", "actual", "to_recognise", "recognition"} <= set(data["standard_communes"])
    assert all({"min", "max", "target", "actual", "outside"} <= set(b) for b in data["bands"])
    assert {"target_min", "target_max", "actual"} <= set(data["average_criteria"])
    assert set(data["coverage"]) >= {"communes_in_plan", "communes_in_file", "missing", "duplicates", "partial"}
    assert set(data["basis"]) >= {"name", "as_of", "months_left", "start", "description"}


def test_the_start_of_the_year_is_the_plan_s_total_minus_added():
    _, data = check_json(str(START))
    criteria = {c["number"]: c for c in data["criteria"]}
    assert (criteria[2]["baseline"], criteria[2]["actual"], criteria[2]["target"], criteria[2]["gap"]) == (49, 49, 61, 12)
    assert (criteria[15]["actual"], criteria[15]["target"]) == (107, 133)
    assert (data["standard_communes"]["actual"], data["standard_communes"]["target"]) == (48, 60)
    assert len(data["target_communes"]) == 12 and len(data["districts"]) == 11


def test_every_expected_count_is_a_whole_number():
    for basis in ("year-end", "pro-rata"):
        _, data = check_json(str(JUNE), "--as-of", "2019-06-30", "--basis", basis)
        assert data["basis"]["name"] == basis
        expected = [c["expected"] for c in data["criteria"]] + [data["standard_communes"]["expected"]]
        assert all(value is None or isinstance(value, int) for value in expected)
    criteria = {c["number"]: c for c in data["criteria"]}
    assert criteria[4]["expected"] == 120  # 114 + 11 × 181/365 = 119.5: 120 communes must be reached


def test_unmet_targets_fail_only_with_fail_on_warning():
    assert run("check", str(JUNE), "--as-of", "2019-06-30", "--fail-on", "warning").exit_code == 1
    assert run("check", str(JUNE), "--as-of", "2019-06-30", "--fail-on", "never").exit_code == 0


def test_data_errors_fail_the_run(tmp_path):
    bad = tmp_path / "communes.csv"
    lines = START.read_text(encoding="utf-8").splitlines()
    cells = lines[4].split(",")
    cells[5] = "maybe"
    lines[4] = ",".join(cells)
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, data = check_json(str(bad))
    assert code == 1
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert (error["code"], error["location"]["line"], error["location"]["column"]) == ("DA04", 5, 6)


def test_unreadable_data_file_exits_2(tmp_path):
    result = run("check", str(tmp_path / "none.csv"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_table_summary_first_and_findings_last():
    result = run("check", str(JUNE), "--plan", PLAN, "--as-of", "2019-06-30", "--lang", "en")
    lines = result.output.splitlines()
    assert lines[1].startswith("Basis: year-end targets of 2019, at 2019-06-30: 6 months left")
    assert any(line.startswith("Targets: 4 met, 4 on track, 9 behind, 7 open, 1 due later") for line in lines[2:5])
    assert "Priority: communes closest to the standard" in result.output
    assert lines[-1].startswith("✓ 0 errors, 10 warnings, 11 info")


@pytest.mark.parametrize("width", ["80", "100", "120"])
@pytest.mark.parametrize("lang, title, behind, bands", [
    ("en", "Criteria: communes", "✗ behind", "Communes by number"),
    ("vi", "Tiêu chí: số xã", "✗ chậm", "Số xã theo số tiêu chí"),
])
def test_the_status_of_every_criterion_shows_at_any_width(width, lang, title, behind, bands):
    result = runner.invoke(app, ["check", str(JUNE), "--as-of", "2019-06-30", "--lang", lang],
                           env={"COLUMNS": width, "NO_COLOR": "1"})
    table = result.output[result.output.index(title):result.output.index(bands)]
    assert table.count(behind) == 9 and all(len(line) <= int(width) for line in table.splitlines())
