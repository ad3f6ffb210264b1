"""The plan commands on the bundled plan: what a user sees, and what CI parses."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "2019.yaml")

# What `ntmplan validate` reports on the 2019 plan: the source's own inconsistencies, and nothing else (section XIII
# has its task, XIII.1; every registered body is referred to).
EXPECTED_FINDINGS = [
    ("DT02", "error", "legal_documents[3].date"),  # Nghị quyết 12/NQ-HĐND "ngày 10/12/2019"
    ("SH01", "error", "criteria[7].sub_targets[2].stated_share"),  # 90/207 stated as 43,4%
    ("SH01", "error", "criteria[14].communes.stated_share"),  # 133/207 stated as 64,2%
    ("FE03", "warning", "headline.average_criteria"),  # totals allow at most 10.95, target at least 11-11.5
    ("BD04", "info", "headline.bands[3].criteria"),  # 0-4 criteria are in no band
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
    assert data["summary"] == {"errors": 3, "warnings": 1, "infos": 1, "total": 5, "silenced": 0,
                               "fail_level": "error", "failed": True}
    first = data["findings"][0]
    assert set(first) >= {"code", "name", "severity", "message", "expected", "actual", "location"}
    assert first["location"]["file"].endswith("2019.yaml") and first["location"]["line"] > 0


def test_validate_table_ends_with_a_summary_line():
    result = invoke("validate", PLAN)
    assert result.exit_code == 1
    assert "3 errors, 1 warning, 1 info" in result.output.splitlines()[-1]


def test_fail_on_never_passes_and_strict_fails(tmp_path):
    assert invoke("validate", PLAN, "--fail-on", "never").exit_code == 0
    assert invoke("validate", PLAN, "--strict").exit_code == 1


def test_clean_plan_passes(tmp_path):
    from planfactory import clean_plan, to_yaml

    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml(clean_plan()), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert "0 errors, 0 warnings, 0 info" in result.output


def test_targets_json():
    result = invoke("targets", PLAN, "--format", "json")
    assert result.exit_code == 0
    criteria = json.loads(result.output)["criteria"]
    assert len(criteria) == 19
    by_number = {c["number"]: c for c in criteria}
    assert {k: by_number[15][k] for k in ("added", "total", "stated_share", "computed_share")} == {
        "added": 26, "total": 133, "stated_share": 64.2, "computed_share": 64.3}
    assert by_number[1]["total"] is None and by_number[1]["computed_share"] is None


def test_targets_json_says_how_every_sub_target_is_meant_and_in_what_unit():
    data = json.loads(invoke("targets", PLAN, "--format", "json", "--lang", "en").output)
    subs = {sub["key"]: sub for criterion in data["criteria"] for sub in criterion["sub_targets"]}
    assert len(subs) == 16
    assert all(sub["comparison"] in ("exactly", "at-least", "about") and sub["unit_label"] for sub in subs.values())
    assert {key: (subs[key]["comparison"], subs[key]["unit"], subs[key]["unit_label"]) for key in (
        "roads-to-commune-centres-hardened", "irrigation-works", "rural-average-income", "poverty-rate-reduction",
        "commune-officials-trained")} == {
        "roads-to-commune-centres-hardened": ("at-least", "percent", "%"),  # "lên đạt 79%"
        "irrigation-works": ("about", "works", "works"),  # "khoảng 60km kênh mương, 50 công trình"
        "rural-average-income": ("at-least", "million-vnd-per-person-per-year", "million VND per person per year"),
        "poverty-rate-reduction": ("at-least", "percentage-points", "percentage points"),  # "từ 3% trở lên"
        "commune-officials-trained": ("exactly", "attendances", "attendances"),  # "2.079 lượt cán bộ"
    }
    vietnamese = json.loads(invoke("targets", PLAN, "--format", "json", "--lang", "vi").output)
    income = vietnamese["criteria"][9]["sub_targets"][0]
    assert (income["unit"], income["unit_label"]) == ("million-vnd-per-person-per-year", "triệu đồng/người/năm")


def test_targets_json_has_the_group_targets_with_their_open_range():
    data = json.loads(invoke("targets", PLAN, "--format", "json").output)
    assert data["average_criteria"] == {"min": 11, "max": 11.5, "comparison": "at-least"}
    district = next(g for g in data["groups"] if g["members"] == "district-pilot")
    assert (district["target"], district["by_year"], district["communes"]) == (
        {"min": 10, "max": None, "comparison": "at-least"}, 2020, None)


@pytest.mark.parametrize(
    "lang, shown",
    [
        ("en", ["Giao thông", "Quốc phòng và An ninh", "at least 79%", "about 50 works", "2,079 attendances",
                "at least 25 million VND per person per year", "at least 3 percentage points", "≥ 10",
                "at least 14", "average criteria per commune: at least 11-11.5"]),
        ("vi", ["ít nhất 79%", "khoảng 50 công trình", "2.079 lượt người", "ít nhất 25 triệu đồng/người/năm",
                "ít nhất 3 điểm phần trăm", "từ 10 trở lên", "bình quân tiêu chí/xã: ít nhất 11-11,5"]),
    ],
)
def test_targets_table_shows_every_criterion_with_labels_never_keys(lang, shown):
    result = runner.invoke(app, ["targets", PLAN, "--lang", lang], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    for text in shown:
        assert text in result.output
    for key in ("million-vnd-per-person-per-year", "percentage-points", "at-least", "14-14"):
        assert key not in result.output


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
