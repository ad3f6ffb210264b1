"""The CI formats, parsed by real parsers and compared with golden files.

- SARIF is validated against the official SARIF 2.1.0 JSON schema (OASIS,
  ``sarif-schema-2.1.0.json``, vendored in this folder from the source
  distribution of the PyPI package ``sarif-pydantic`` 0.6.2; its ``$id`` is the
  OASIS Schemata URL, and the test checks the file's SHA-256 so it cannot drift).
- JUnit XML is read with ``junitparser`` (and the standard library's parser).
- GitHub annotations, Markdown and tables are compared with golden files
  (``NTMPLAN_UPDATE_GOLDEN=1 python -m pytest tests/ci`` regenerates them).
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml, Skipped

from citools import PLAN, ROOT, compare_golden, run
from ntmplan.output.github import annotation, escape_data, escape_property
from ntmplan.findings import Finding, Location, Severity

SCHEMA_FILE = Path(__file__).parent / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "6352a05f9d03f181b8d9c71a46bdacc4fcff9d8ade5364858b425ba0c0994ed7"
JUNE = "data/communes-2019-06.csv"
ACTUALS = "data/budget-actuals-2019-06.csv"
COMMANDS = {
    "validate": ["validate", PLAN],
    "check": ["check", PLAN, JUNE, "--as-of", "2019-06-30"],
    "budget": ["budget", PLAN, "--actuals", ACTUALS, "--as-of", "2019-06-30"],
}


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def sarif_validator():
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SCHEMA_SHA256
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("/sarif-spec/master/Schemata/sarif-schema-2.1.0.json")
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


# --- golden files ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("format", ["github", "markdown"])
def test_ci_formats_match_golden_files(command, format):
    result = run(*COMMANDS[command], "--format", format)
    assert result.exit_code == (1 if command == "validate" else 0)
    compare_golden(f"{command}.{format}.{'md' if format == 'markdown' else 'txt'}", result.output)


def test_validate_table_matches_golden_file():
    result = run("validate", PLAN)
    compare_golden("validate.table.txt", result.output)


def test_silenced_findings_in_markdown_and_table(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("validate", PLAN, "--format", "json").output, encoding="utf-8")
    shown = run("validate", PLAN, "--baseline", str(baseline), "--show-silenced", "--format", "markdown")
    assert shown.exit_code == 0
    compare_golden("validate-baseline.markdown.md", shown.output.replace(str(baseline), "BASELINE"))
    hidden = run("validate", PLAN, "--baseline", str(baseline), "--format", "markdown")
    assert "5 findings silenced" in hidden.output and "| ❌ error |" not in hidden.output


# --- GitHub annotations ---------------------------------------------------------------------------


def test_github_is_the_default_inside_github_actions():
    auto = run("validate", PLAN, env={"GITHUB_ACTIONS": "true"})
    assert auto.output.startswith("::error file=plans/2019.yaml,line=")
    assert run("validate", PLAN, "--format", "table", env={"GITHUB_ACTIONS": "true"}).output.startswith(("Errors", " "))
    assert not run("validate", PLAN, env={"GITHUB_ACTIONS": "false"}).output.startswith("::")


def test_github_annotations_escape_what_the_toolkit_escapes():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    finding = Finding("SH01", "share-mismatch", Severity.INFO, "1/3 is 33.3%\nsee", Location("x, y.yaml", 3, 5, "a"))
    assert annotation(finding) == "::notice file=x%2C y.yaml,line=3,col=5,title=SH01 share-mismatch::1/3 is 33.3%25%0Asee (at a)"
    no_line = Finding("DA10", "row-count-mismatch", Severity.ERROR, "short", Location("d.csv"))
    assert annotation(no_line) == "::error file=d.csv,title=DA10 row-count-mismatch::short"


def test_github_paths_are_relative_to_the_working_directory():
    result = run("validate", str(ROOT / PLAN), "--format", "github")
    assert all(line.startswith("::") and "file=plans/2019.yaml," in line for line in result.output.splitlines()[:-1])


# --- SARIF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_sarif_validates_against_the_sarif_2_1_0_schema(command, sarif_validator):
    result = run(*COMMANDS[command], "--format", "sarif")
    log = json.loads(result.output)
    errors = sorted(sarif_validator.iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(set(ids)), "one rule entry per rule code"
    assert all(rule["fullDescription"]["text"] and rule["help"]["markdown"] for rule in rules)
    json_findings = json.loads(run(*COMMANDS[command], "--format", "json").output)["findings"]
    assert len(sarif_run["results"]) == len(json_findings)
    for result_, finding in zip(sarif_run["results"], json_findings):
        assert rules[result_["ruleIndex"]]["id"] == result_["ruleId"] == finding["code"]
        region = result_["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region.get("startColumn")) == (finding["location"]["line"],
                                                                    finding["location"]["column"])
        uri = result_["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri in ("plans/2019.yaml", JUNE, ACTUALS)
    assert sarif_run["invocations"][0]["exitCode"] == (1 if command == "validate" else 0)


def test_sarif_of_the_bundled_plan(sarif_validator):
    log = json.loads(run("validate", PLAN, "--format", "sarif").output)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("DT02", "error"), ("SH01", "error"), ("SH01", "error"), ("FE03", "warning"), ("BD04", "note")]
    assert results[1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == \
        "criteria[7].sub_targets[2].stated_share"
    assert results[1]["properties"] == {"expected": 43.5, "actual": 43.4, "tolerance": 0.05}


def test_sarif_keeps_silenced_findings_as_suppressed_results(tmp_path, sarif_validator):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("validate", PLAN, "--format", "json").output, encoding="utf-8")
    (tmp_path / "ntmplan.yaml").write_text("disable: [RF04]\nseverity: {BD04: warning}\n", encoding="utf-8")
    log = json.loads(run("validate", PLAN, "--format", "sarif", "--baseline", str(baseline), "--config",
                         str(tmp_path / "ntmplan.yaml")).output)
    sarif_validator.validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 5 and all(r["suppressions"][0]["kind"] == "external" for r in results)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RF04"]["defaultConfiguration"] == {"level": "note", "enabled": False}
    assert rules["BD04"]["defaultConfiguration"]["level"] == "warning"
    assert log["runs"][0]["invocations"][0]["exitCode"] == 0


# --- JUnit ---------------------------------------------------------------------------------------


def junit(args: list[str], tmp_path) -> JUnitXml:
    result = run(*args, "--format", "junit")
    ET.fromstring(result.output.encode("utf-8"))  # well-formed XML
    path = tmp_path / "junit.xml"
    path.write_text(result.output, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def cases(xml: JUnitXml) -> dict[str, list]:
    return {case.name: case.result for suite in xml for case in suite}


def test_junit_has_a_case_per_rule_and_fails_those_that_fail_the_run(tmp_path):
    xml = junit(["validate", PLAN], tmp_path)
    by_name = cases(xml)
    assert "SH01 share-mismatch" in by_name and "CF03 unused-ignore" in by_name
    failed = sorted(name for name, results in by_name.items() if any(isinstance(r, Failure) for r in results))
    assert failed == ["DT02 document-after-plan", "SH01 share-mismatch"]
    assert sum(suite.tests for suite in xml) == len(by_name) == 31
    assert sum(suite.failures for suite in xml) == 2
    [failure] = by_name["SH01 share-mismatch"]
    assert failure.type == "SH01" and failure.text.count("\n") == 1  # both SH01 findings


def test_junit_with_warnings_failing_and_a_disabled_rule(tmp_path):
    (tmp_path / "ntmplan.yaml").write_text("disable: [BD04]\n", encoding="utf-8")
    xml = junit(["validate", PLAN, "--strict", "--config", str(tmp_path / "ntmplan.yaml")], tmp_path)
    by_name = cases(xml)
    assert isinstance(by_name["BD04 criteria-outside-bands"][0], Skipped)
    assert sum(suite.failures for suite in xml) == 3 and sum(suite.skipped for suite in xml) == 1


def test_junit_of_check_has_a_case_per_target(tmp_path):
    xml = junit(["check", PLAN, JUNE, "--fail-on", "warning"], tmp_path)
    by_name = cases(xml)
    assert {"TG01 criterion 2 Transport", "TG02 communes at standard", "TG03 average criteria per commune",
            "TG04 group border-communes", "DA13 fallen-below-standard"} <= set(by_name)
    assert any(isinstance(r, Failure) for r in by_name["TG01 criterion 2 Transport"])
    assert not by_name["TG01 criterion 3 Irrigation"]
    suites = [suite.name for suite in xml]
    assert suites == ["commune data rules: data/communes-2019-06.csv", "targets: plans/2019.yaml"]


# --- shared conventions ------------------------------------------------------------------------


def test_json_has_a_schema_version_everywhere():
    for args in COMMANDS.values():
        assert json.loads(run(*args, "--format", "json").output)["schema_version"] == 1


def test_machine_formats_are_refused_where_nothing_is_reported():
    result = run("targets", PLAN, "--format", "sarif")
    assert result.exit_code == 2 and "it prints table, json" in " ".join(result.output.split())
    assert run("schedule", PLAN, "--format", "json").exit_code == 0


def colours(text: str) -> set[str]:
    """The colour parameters (30-38, 90-97) of the ANSI escape sequences in ``text``."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        parts = params.split(";")
        found |= {p for p in parts if p and (30 <= int(p) <= 38 or 90 <= int(p) <= 97)}
    return found


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_colour_follows_no_color_the_option_and_the_terminal(command):
    terminal = {"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    assert colours(run(*COMMANDS[command], env=terminal).output)
    assert not colours(run(*COMMANDS[command], "--no-color", env=terminal).output)
    assert not colours(run(*COMMANDS[command], env={**terminal, "NO_COLOR": "1"}).output)
    assert "\x1b[" not in run(*COMMANDS[command], env={"NO_COLOR": None}).output  # not a terminal


def _values_of(data, key: str) -> list:
    """Every value of ``key`` anywhere in a JSON document."""
    if isinstance(data, dict):
        return [v for k, value in data.items() for v in ([value] if k == key else []) + _values_of(value, key)]
    if isinstance(data, list):
        return [v for item in data for v in _values_of(item, key)]
    return []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_sarif_levels_and_severities_are_those_github_accepts(command):
    log = json.loads(run(*COMMANDS[command], "--format", "sarif").output)
    levels = _values_of(log, "level")
    assert levels and set(levels) <= {"error", "warning", "note", "none"}
    severities = _values_of(log, "problem.severity")
    assert severities and set(severities) <= {"error", "warning", "recommendation"}


def test_the_data_s_progress_is_counted_in_the_log_not_annotated_on_the_plan_s_lines():
    output = run(*COMMANDS["check"], "--format", "github").output
    annotations = [line for line in output.splitlines() if line.startswith("::")]
    assert annotations and not [line for line in annotations if "title=TG" in line]
    assert "20 findings on the data's progress (TG01, TG02, TG03, TG04, TG05) are not annotated" in output
