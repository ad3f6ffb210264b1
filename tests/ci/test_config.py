"""Configuration: [tool.ntmplan] in pyproject.toml or ntmplan.yaml changes severities, disables
rules and sets the failing level, for every command; anything it does not know is an error
with file, line and column (exit 2)."""

from __future__ import annotations

import json

import pytest

from citools import ROOT, run
from ntmplan.config import find_config, load_settings
from ntmplan.errors import InputError
from ntmplan.findings import Severity

PLAN = str(ROOT / "plans" / "2019.yaml")
JUNE = str(ROOT / "data" / "communes-2019-06.csv")


def validate_json(tmp_path, *args):
    result = run("validate", PLAN, "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def test_pyproject_changes_severity_disables_rules_and_sets_the_failing_level(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ntmplan]\nfail-on = "never"\ndisable = ["RF04", "share-mismatch"]\n\n'
        '[tool.ntmplan.severity]\nFE03 = "error"\nBD04 = "warning"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, data = validate_json(tmp_path)
    found = [(f["code"], f["severity"]) for f in data["findings"]]
    assert found == [("DT02", "error"), ("FE03", "error"), ("BD04", "warning")]
    assert code == 0 and data["summary"]["fail_level"] == "never"
    # The command line wins over the file.
    assert validate_json(tmp_path, "--fail-on", "error")[0] == 1


def test_ntmplan_yaml_in_a_parent_directory_is_found(tmp_path, monkeypatch):
    (tmp_path / "ntmplan.yaml").write_text("fail-on: warning\nseverity: {BD04: warning}\n", encoding="utf-8")
    inner = tmp_path / "plans"
    inner.mkdir()
    monkeypatch.chdir(inner)
    assert find_config(inner) == tmp_path / "ntmplan.yaml"
    code, data = validate_json(tmp_path)
    assert code == 1 and data["summary"]["fail_level"] == "warning"
    assert ("BD04", "warning") in [(f["code"], f["severity"]) for f in data["findings"]]


def test_the_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "ntmplan.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None


def test_a_pyproject_without_the_table_is_not_a_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    assert find_config(tmp_path) is None and load_settings(start=tmp_path).source is None


def test_the_configuration_applies_to_check_and_budget(tmp_path, monkeypatch):
    (tmp_path / "ntmplan.yaml").write_text("disable: [TG01]\nseverity: {TG02: error}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", PLAN, JUNE, "--format", "json")
    data = json.loads(result.output)
    found = {f["code"]: f["severity"] for f in data["findings"]}
    assert "TG01" not in found and found["TG02"] == "error" and result.exit_code == 1
    (tmp_path / "ntmplan.yaml").write_text("severity: {BU04: error}\nfail-on: warning\n", encoding="utf-8")
    assert run("budget", PLAN, "--format", "json").exit_code == 0  # no BU finding on the bundled plan


def test_explicit_config_file(tmp_path):
    config = tmp_path / "ci.yaml"
    config.write_text("fail-on: never\n", encoding="utf-8")
    assert run("validate", PLAN, "--config", str(config)).exit_code == 0


@pytest.mark.parametrize(
    "name, content, where, words",
    [
        ("ntmplan.yaml", "fail-on: warning\nfail_on: error\n", ":2:1", "unknown option 'fail_on' (at fail_on); expected 'fail-on'"),
        ("ntmplan.yaml", "disable: [RF04, XX99]\n", ":1:17", "unknown rule 'XX99'"),
        ("ntmplan.yaml", "severity:\n  SH1: warning\n", ":2:3", "did you mean it?"),
        ("ntmplan.yaml", "severity: {SH01: fatal}\n", ":1:", "wrong value"),
        ("ntmplan.yaml", "fail-on: sometimes\n", ":1:10", "wrong value"),
        ("pyproject.toml", '[tool.ntmplan]\nfail-on = "error"\nbaselin = "x.json"\n', ":3:1",
         "unknown option 'baselin' (at baselin); expected 'baseline'"),
        ("pyproject.toml", '[tool.ntmplan]\ndisable = [\n  "RF04",\n  "ZZ01",\n]\n', ":4:4", "unknown rule 'ZZ01'"),
        ("pyproject.toml", '[tool.ntmplan.severity]\nSH01 = "error"\nQQ12 = "info"\n', ":3:1", "unknown rule 'QQ12'"),
        ("pyproject.toml", '[tool.ntmplan]\nfail-on = \n', ":2:", "TOML syntax error"),
    ],
)
def test_configuration_errors_name_file_line_and_column(tmp_path, monkeypatch, name, content, where, words):
    (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("validate", PLAN)
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert f"{name}{where}" in message and words in message


def test_a_missing_config_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_settings(str(tmp_path / "nope.yaml"))
    assert run("validate", PLAN, "--config", str(tmp_path / "nope.toml")).exit_code == 2


def test_settings_hold_codes_for_names(tmp_path):
    (tmp_path / "ntmplan.yaml").write_text("disable: [unused-agency]\nseverity: {share-mismatch: warning}\n",
                                           encoding="utf-8")
    settings = load_settings(str(tmp_path / "ntmplan.yaml"))
    assert settings.disabled == {"RF04"} and settings.severity == {"SH01": Severity.WARNING}


@pytest.mark.parametrize(
    "content",
    [
        '[tool.ntmplan]\nfail-on = "never"\ndisable = ["RF04"]\n',
        '[tool]\nntmplan = {fail-on = "never", disable = ["RF04"]}\n',
        '[tool]\nntmplan.fail-on = "never"\nntmplan.disable = ["RF04"]\n',
        'tool.ntmplan.fail-on = "never"\ntool.ntmplan.disable = ["RF04"]\n',
    ],
)
def test_every_toml_form_of_the_table_is_read(tmp_path, content):
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    settings = load_settings(start=tmp_path)
    assert settings.fail_on == "never" and settings.disabled == frozenset({"RF04"})


@pytest.mark.parametrize(
    "content, where, words",
    [
        ("tool = 1\n", ":1:1:", "tool must be a table"),
        ("[tool]\nntmplan = 1\n", ":2:1:", "tool.ntmplan must be a table of options"),
        ('[tool]\nntmplan = {fail-on = "never", bogus = 1}\n', ":2:31:", "unknown option 'bogus'"),
        ('[tool]\nntmplan.fail-on = "never"\nntmplan.bogus = 1\n', ":3:9:", "unknown option 'bogus'"),
        ('[tool.ntmplan]\ndisable = [\n  "RF04",\n  "XX99",\n]\n', ":4:4:", "unknown rule 'XX99'"),
        ('[tool.ntmplan]\nseverity = {FE03 = ["x"]}\n', ":2:13:", "wrong value"),
        ("[tool.ntmplan]\nx = " + "[" * 3000 + "]" * 3000 + "\n", "", "nested too deeply"),
        ("[tool.ntmplan]\nfail-on = " + "9" * 5000 + "\n", "", "a number is too long to read"),
    ],
)
def test_odd_shapes_of_pyproject_are_located_errors(tmp_path, content, where, words):
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_settings(str(path))
    assert f"pyproject.toml{where}" in str(error.value) and words in str(error.value)
