"""The plan commands on the bundled plan: what a user sees, and what CI parses."""

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "2019.yaml")

# What `ntmplan validate` reports on the 2019 plan: the source's own inconsistencies.
EXPECTED_FINDINGS = [
    ("DT02", "error", "legal_documents[3].date"),  # Nghị quyết 12/NQ-HĐND "ngày 10/12/2019"
    ("SH01", "error", "criteria[7].sub_targets[2].stated_share"),  # 90/207 stated as 43,4%
    ("SH01", "error", "criteria[14].communes.stated_share"),  # 133/207 stated as 64,2%
    ("FE03", "warning", "headline.average_criteria"),  # totals allow at most 10.95, target 11-11.5
    ("SC03", "warning", "schedule.sections[12].tasks"),  # section XIII has no task
    ("BD04", "info", "headline.bands[3].criteria"),  # 0-4 criteria are in no band
    ("RF04", "info", "agencies[43]"),  # Ban Phát triển thôn is named in IV.8 only
]


def invoke(*args):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def test_validate_json_lists_the_source_inconsistencies():
    result = invoke("validate", PLAN, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(f["code"], f["severity"], f["location"]["path"]) for f in data["findings"]] == EXPECTED_FINDINGS
    assert data["summary"] == {"errors": 3, "warnings": 2, "infos": 2, "total": 7, "silenced": 0,
                               "fail_level": "error", "failed": True}
    first = data["findings"][0]
    assert set(first) >= {"code", "name", "severity", "message", "expected", "actual", "location"}
    assert first["location"]["file"].endswith("2019.yaml") and first["location"]["line"] > 0


def test_validate_table_ends_with_a_summary_line():
    result = invoke("validate", PLAN)
    assert result.exit_code == 1
    assert "3 error(s), 2 warning(s), 2 info" in result.output.splitlines()[-1]


def test_fail_on_never_passes_and_strict_fails(tmp_path):
    assert invoke("validate", PLAN, "--fail-on", "never").exit_code == 0
    assert invoke("validate", PLAN, "--strict").exit_code == 1


def test_clean_plan_passes(tmp_path):
    from planfactory import clean_plan, to_yaml

    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml(clean_plan()), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert "0 error(s), 0 warning(s), 0 info" in result.output


def test_targets_json():
    result = invoke("targets", PLAN, "--format", "json")
    assert result.exit_code == 0
    criteria = json.loads(result.output)["criteria"]
    assert len(criteria) == 19
    by_number = {c["number"]: c for c in criteria}
    assert {k: by_number[15][k] for k in ("added", "total", "stated_share", "computed_share")} == {
        "added": 26, "total": 133, "stated_share": 64.2, "computed_share": 64.3}
    assert by_number[1]["total"] is None and by_number[1]["computed_share"] is None


def test_targets_table_shows_every_criterion():
    result = invoke("targets", PLAN)
    assert result.exit_code == 0
    assert "Giao thông" in result.output and "Quốc phòng và An ninh" in result.output


def test_schema_is_json_schema_of_the_plan():
    result = invoke("schema")
    schema = json.loads(result.output)
    assert schema["title"] == "Plan" and "criteria" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_rules_and_explain():
    listing = invoke("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(listing.output)]
    assert "SH01" in codes and codes == sorted(codes)
    explained = invoke("explain", "sh01")
    assert explained.exit_code == 0 and "share-mismatch" in explained.output
    by_name = invoke("explain", "share-mismatch")
    assert by_name.exit_code == 0 and "SH01" in by_name.output
    unknown = invoke("explain", "SH99")
    assert unknown.exit_code == 2


def test_readme_rule_catalogue_is_generated_from_the_registry():
    catalogue = invoke("rules", "--format", "markdown").output
    assert catalogue.strip() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "ntmplan", "rules"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "SH01" in done.stdout


def test_default_plan_falls_back_to_the_shipped_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("targets")
    assert result.exit_code == 0
    assert "Using the plan shipped with ntmplan" in result.output and "Giao thông" in result.output


def test_default_data_falls_back_to_the_shipped_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--top", "3")
    assert result.exit_code == 0
    assert "Using the data shipped with ntmplan" in result.output
