"""Silencing: '# ntmplan: ignore[CODE] reason: ...' markers in a plan, and baseline files.

A marker silences the findings of the rules it names on its own line, or, on a
comment line of its own, on the line after its comment block. It needs a
reason (CF01), must be readable and name rules (CF02), and must silence
something (CF03). Silenced findings are counted, listed with --show-silenced,
and never fail the run.
"""

from __future__ import annotations

import json

import pytest

from citools import ROOT, run
from ntmplan.findings import Severity
from ntmplan.loading.plan_loader import plan_from_document
from ntmplan.loading.yaml_source import parse_yaml
from ntmplan.loading.markers import comment_start, scan_markers
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import judge_plan, plan_facts
from planfactory import Raw, clean_plan, patched, to_yaml

SHARE_LINE = "    communes: {added: 1, total: 6, stated_share: 61.0}"


def plan_text(marker_after: str = "", marker_above: str = "") -> str:
    """The clean plan with criterion 4's share wrong (SH01), and optional markers on or above its line."""
    text = to_yaml(patched(clean_plan(), {"criteria[3].communes": {"added": 1, "total": 6, "stated_share": Raw("61.0")}}))
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if "stated_share: 61.0" in line)
    if marker_after:
        lines[index] += f"  {marker_after}"
    if marker_above:
        indent = len(lines[index]) - len(lines[index].lstrip())
        lines.insert(index, " " * indent + marker_above)
    return "\n".join(lines) + "\n"


def validate_text(text: str):
    loaded = plan_from_document(parse_yaml("plan.yaml", text))
    return judge_plan(plan_facts(loaded), Settings()).findings


def codes(findings, silenced=None):
    return sorted((f.code, f.suppression is not None) for f in findings
                  if silenced is None or (f.suppression is not None) == silenced)


def test_the_unsilenced_share_is_an_error():
    assert codes(validate_text(plan_text())) == [("SH01", False)]


@pytest.mark.parametrize(
    "after, above",
    [
        ("# ntmplan: ignore[SH01] reason: the source truncates", ""),
        ("", "# ntmplan: ignore[SH01] reason: the source truncates"),
        ("# ntmplan: ignore[share-mismatch] reason: by name", ""),
        ("# NTMPLAN: Ignore[sh01, BU03] Reason: case and spaces do not matter", ""),
    ],
    ids=["same-line", "line-above", "by-name", "loose-spelling"],
)
def test_a_marker_with_a_reason_silences_its_rule(after, above):
    found = validate_text(plan_text(after, above))
    [silenced] = [f for f in found if f.code == "SH01"]
    assert silenced.suppression is not None and silenced.suppression.kind == "in-source"
    assert silenced.suppression.reason.lower().startswith(("the source", "by name", "case"))
    assert [f.code for f in found if f.suppression is None and f.code != "CF03"] == []


def test_a_marker_above_a_comment_block_reaches_the_line_after_the_block():
    text = plan_text(marker_above="# ntmplan: ignore[SH01] reason: see below")
    text = text.replace("# ntmplan: ignore[SH01] reason: see below", "# ntmplan: ignore[SH01] reason: see below\n"
                        "    # the source: 'chiếm tỷ lệ 61,0%'")
    assert codes(validate_text(text)) == [("SH01", True)]


def test_a_marker_for_another_rule_silences_nothing_and_is_unused():
    found = validate_text(plan_text("# ntmplan: ignore[BU03] reason: wrong rule"))
    assert codes(found) == [("CF03", False), ("SH01", False)]


def test_cf01_a_marker_without_reason_is_an_error_and_silences_nothing():
    found = validate_text(plan_text("# ntmplan: ignore[SH01]"))
    assert codes(found) == [("CF01", False), ("SH01", False)]
    [cf01] = [f for f in found if f.code == "CF01"]
    assert cf01.severity is Severity.ERROR and cf01.location.column > 20
    assert "reason" in cf01.message


@pytest.mark.parametrize(
    "marker, words",
    [
        ("# ntmplan: ignroe[SH01] reason: typo", "not a marker"),
        ("# ntmplan: ignore[SH1] reason: typo", "did you mean SH01"),
        ("# ntmplan: ignore[] reason: nothing", "names no rule"),
        ("# ntmplan: ignore[SH01] because it is so", "reason: ..."),
    ],
)
def test_cf02_a_marker_that_cannot_be_read(marker, words):
    found = validate_text(plan_text(marker))
    cf02 = [f for f in found if f.code == "CF02"]
    assert cf02 and words in cf02[0].message
    assert ("SH01", False) in codes(found)


def test_cf02_a_marker_followed_by_a_blank_line_points_at_nothing():
    text = to_yaml(clean_plan()) + "\n# ntmplan: ignore[SH01] reason: at the end\n"
    assert [f.code for f in validate_text(text)] == ["CF02"]


def test_cf03_a_marker_on_a_clean_line_is_unused():
    text = to_yaml(clean_plan()).replace("year: 2019", "year: 2019  # ntmplan: ignore[DT01] reason: old", 1)
    [finding] = validate_text(text)
    assert (finding.code, finding.severity, finding.location.line) == ("CF03", Severity.WARNING, 5)


def test_cf03_does_not_judge_markers_for_rules_of_other_commands():
    text = to_yaml(clean_plan()).replace("year: 2019", "year: 2019  # ntmplan: ignore[TG01] reason: check only", 1)
    assert validate_text(text) == []


def test_comment_detection_ignores_hashes_inside_quotes():
    assert comment_start('title: "a # b"  # real') == 16
    assert comment_start("name: 'it''s # not'") is None
    assert comment_start("url: http://x#y") is None
    assert comment_start("# whole line") == 0
    assert scan_markers('note: "# ntmplan: ignore[SH01]"\n') == []


# --- through the command line --------------------------------------------------------------


@pytest.fixture
def silenced_plan(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text("# ntmplan: ignore[SH01] reason: the source truncates 61,03 to 61,0"), encoding="utf-8")
    return path


def test_silenced_findings_are_counted_do_not_fail_and_are_listed_on_request(silenced_plan):
    result = run("validate", str(silenced_plan), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["findings"] == [] and data["summary"]["silenced"] == 1 and data["summary"]["errors"] == 0
    [silenced] = data["silenced"]
    assert silenced["code"] == "SH01"
    assert silenced["silenced"] == {"kind": "in-source", "reason": "the source truncates 61,03 to 61,0",
                                    "line": silenced["location"]["line"]}
    table = run("validate", str(silenced_plan))
    assert "1 finding silenced" in table.output and "the source truncates" not in table.output
    shown = run("validate", str(silenced_plan), "--show-silenced")
    assert "Silenced findings (1)" in shown.output and "SH01" in shown.output
    assert "silenced: the source truncates" in " ".join(shown.output.split())


def test_markers_apply_to_budget_findings_too(tmp_path):
    text = to_yaml(patched(clean_plan(), {"budget.sources[1].stated_share": Raw("41.0")}))
    text = text.replace("stated_share: 41.0", "stated_share: 41.0  # ntmplan: ignore[BU03] reason: as stated", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    data = json.loads(run("budget", str(path), "--format", "json").output)
    assert [f["code"] for f in data["silenced"]] == ["BU03"]
    assert "BU03" not in [f["code"] for f in data["findings"]]


# --- baselines ---------------------------------------------------------------------------------


def test_a_baseline_silences_the_known_findings_of_the_bundled_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("validate", "plans/2019.yaml", "--format", "json").output, encoding="utf-8")
    result = run("validate", "plans/2019.yaml", "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["findings"] == [] and data["summary"]["silenced"] == 5
    assert {f["silenced"]["kind"] for f in data["silenced"]} == {"baseline"}
    # Regenerating the baseline while one is in use keeps what it knew.
    again = tmp_path / "again.json"
    again.write_text(result.output, encoding="utf-8")
    assert run("validate", "plans/2019.yaml", "--baseline", str(again)).exit_code == 0


def test_a_baseline_lets_new_findings_fail(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("validate", "plans/2019.yaml", "--format", "json").output, encoding="utf-8")
    edited = tmp_path / "2019.yaml"
    text = (ROOT / "plans/2019.yaml").read_text(encoding="utf-8")
    edited.write_text(text.replace("{added: 12, total: 61, stated_share: 29.5}",
                                   "{added: 12, total: 61, stated_share: 29.4}"), encoding="utf-8")
    result = run("validate", str(edited), "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(f["code"], f["location"]["path"]) for f in data["findings"]] == [
        ("SH01", "criteria[1].communes.stated_share")]
    assert data["summary"]["silenced"] == 5


@pytest.mark.parametrize("content, words", [("not json", "not valid JSON"), ("[1, 2]", "no list of findings"),
                                             ('{"findings": [{"code": "SH01"}]}', "no code or location")])
def test_a_broken_baseline_is_an_input_error(tmp_path, content, words):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = run("validate", str(ROOT / "plans/2019.yaml"), "--baseline", str(baseline))
    assert result.exit_code == 2 and words in result.output


def test_a_baseline_entry_matches_what_was_found_not_only_where(tmp_path, monkeypatch):
    """FE03 known with the target 11-11.5: the same rule at the same path with other figures is new."""
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    assert run("baseline", "plans/2019.yaml", "--out", str(baseline)).exit_code == 0
    edited = tmp_path / "2019.yaml"
    text = (ROOT / "plans/2019.yaml").read_text(encoding="utf-8")
    edited.write_text(text.replace("average_criteria: {min: 11, max: 11.5,", "average_criteria: {min: 11, max: 11.4,"),
                      encoding="utf-8")
    result = run("validate", str(edited), "--baseline", str(baseline), "--format", "json", "--strict")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(f["code"], f["actual"]) for f in data["findings"]] == [("FE03", "11-11.4")]
    assert data["summary"]["silenced"] == 4


def test_the_baseline_command_writes_what_validate_reads_and_exits_0(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "known.json"
    result = run("baseline", "plans/2019.yaml", "--out", str(out))
    assert result.exit_code == 0 and "Wrote" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "ntmplan-baseline" and len(data["findings"]) == 5
    assert run("validate", "plans/2019.yaml", "--baseline", str(out)).exit_code == 0
    # the plan itself is never the target, and an unwritable target is said before the work
    assert run("baseline", "plans/2019.yaml", "--out", "plans/2019.yaml").exit_code == 2
    assert run("baseline", "plans/2019.yaml", "--out", str(tmp_path / "no" / "b.json")).exit_code == 2


@pytest.mark.parametrize(
    "content, words",
    [
        ('{"findings": [], "silenced": 5}', "'silenced' of the baseline is not a list"),
        ('{"findings": [1, "x"]}', "finding 1 of the baseline has no code or location"),
        ('{"findings": [{"code": "FE03", "location": 5}]}', "finding 1 of the baseline has no code or location"),
        ('{"findings": [], "x": NaN}', "baseline.json:1:23: the baseline holds a number that is not a finite figure"),
        ('{"findings": [], "x": 1e400}', "baseline.json:1:23: the baseline holds a number that is not a finite"),
        ('{"findings": [], "x": ' + "9" * 5000 + "}", "a number too long to read"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"findings": ', "the baseline is not valid JSON"),
    ],
)
def test_a_broken_baseline_is_exit_2_with_a_message(tmp_path, monkeypatch, content, words):
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = run("validate", "plans/2019.yaml", "--baseline", str(baseline))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert words in " ".join(result.output.split())
