"""ntmplan diff OLD NEW: each kind of change on a pair of plans, read from files or from git.

Each case edits the clean test plan one way and states the change ntmplan
reports: its subject and kind, whether it needs a reviewer's attention, its path
and both lines.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess

import pytest

from citools import ROOT, compare_golden, run
from planfactory import Raw, clean_plan, patched, to_yaml


def diff(tmp_path, old: dict, new: dict, *args: str):
    (tmp_path / "old.yaml").write_text(to_yaml(old), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(to_yaml(new), encoding="utf-8")
    result = run("diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def changes(data) -> list[tuple[str, str, str, str]]:
    return [(c["subject"], c["kind"], c["classification"], c["path"]) for c in data["changes"]]


def test_identical_plans_have_no_change(tmp_path):
    code, data = diff(tmp_path, clean_plan(), clean_plan())
    assert (code, data["changes"], data["summary"]["changes"]) == (0, [], 0)
    assert data["schema_version"] == 1 and data["validation"]["summary"]["failed"] is False


@pytest.mark.parametrize(
    "edit, expected",
    [
        ({"criteria[1].communes.total": 5, "criteria[1].communes.added": 0, "criteria[1].communes.stated_share": Raw("50.0")},
         [("criterion", "lowered", "attention", "criteria[1].communes.added"),
          ("criterion", "lowered", "attention", "criteria[1].communes.total"),
          ("criterion", "changed", "info", "criteria[1].communes.stated_share")]),
        ({"criteria[1].communes.total": 7, "criteria[1].communes.added": 2, "criteria[1].communes.stated_share": Raw("70.0")},
         [("criterion", "raised", "info", "criteria[1].communes.added"),
          ("criterion", "raised", "info", "criteria[1].communes.total"),
          ("criterion", "changed", "info", "criteria[1].communes.stated_share")]),
        ({"headline.average_criteria": {"min": 9, "max": 12, "comparison": "at-least"}},
         [("headline", "lowered", "attention", "headline.average_criteria")]),
        ({"headline.average_criteria": {"min": 10, "max": 13, "comparison": "at-least"}},
         [("headline", "raised", "info", "headline.average_criteria")]),
        ({"criteria[4].communes": {"added": 1}},
         [("criterion", "removed", "attention", "criteria[4].communes.total"),
          ("criterion", "changed", "info", "criteria[4].communes.stated_share")]),
    ],
    ids=["criterion-lowered", "criterion-raised", "average-lowered", "average-raised", "total-no-longer-stated"],
)
def test_criterion_and_headline_targets(tmp_path, edit, expected):
    _, data = diff(tmp_path, clean_plan(), patched(clean_plan(), edit))
    assert changes(data) == expected
    first = data["changes"][0]
    assert first["old"]["line"] and first["new"]["line"]


def test_a_lowered_target_is_said_in_plain_words(tmp_path):
    _, data = diff(tmp_path, clean_plan(), patched(clean_plan(), {"criteria[1].communes.added": 0}))
    [change] = data["changes"]
    assert change["message"] == "criterion 2 (Criterion 2): communes added lowered from 1 to 0 (−1)"
    assert (change["old"]["value"], change["new"]["value"], change["delta"]) == (1, 0, -1)


def with_group(**changes):
    group = {"key": "border", "name": {"vi": "xã biên giới", "en": "border communes"}, "members": "border",
             "communes": 2, "measure": "criteria-met", "aggregate": "average",
             "target": {"min": 12, "max": 12, "comparison": "at-least"}, "by_year": 2019, **changes}
    return patched(clean_plan(), {"headline.groups": [group]})


def test_group_targets_and_deadlines(tmp_path):
    _, data = diff(tmp_path, with_group(), with_group(target={"min": 11, "max": 12, "comparison": "at-least"},
                                                     by_year=2020))
    assert changes(data) == [("group", "lowered", "attention", "headline.groups[0].target"),
                             ("group", "postponed", "attention", "headline.groups[0].by_year")]
    _, data = diff(tmp_path, with_group(), patched(clean_plan(), {"headline.groups": []}))
    assert changes(data) == [("group", "removed", "attention", "headline.groups[0]")]
    removed = data["changes"][0]
    assert removed["new"]["path"] is None and removed["old"]["line"] and removed["new"]["line"]


@pytest.mark.parametrize(
    "new_target, kind, message",
    [
        ({"min": 12, "comparison": "at-least"}, "raised", "group border: target raised from at least 12 to 12 or more"),
        ({"min": 12, "max": 12, "comparison": "exactly"}, "changed",
         "group border: target changed from at least 12 to 12"),
    ],
)
def test_a_group_target_opened_or_read_another_way(tmp_path, new_target, kind, message):
    _, data = diff(tmp_path, with_group(), with_group(target=new_target))
    [change] = data["changes"]
    assert (change["kind"], change["message"]) == (kind, message)


def test_commitments_are_matched_by_key_and_their_removal_needs_attention(tmp_path):
    commitment = {"key": "village-criteria", "source": "II.6", "who": {"text": "UBND tỉnh", "agencies": ["UBND-TINH"]},
                  "what": {"vi": "ban hành Bộ tiêu chí thôn", "en": "issue the village criteria set"}, "year": 2019}
    with_commitment = patched(clean_plan(), {"commitments": [commitment]})
    _, data = diff(tmp_path, clean_plan(), with_commitment)
    assert changes(data) == [("commitment", "added", "info", "commitments[0]")]
    _, data = diff(tmp_path, with_commitment, clean_plan())
    assert changes(data) == [("commitment", "removed", "attention", "commitments[0]")]
    assert data["changes"][0]["message"] == "commitment village-criteria removed"


def test_bands_moved_down_lower_the_average_they_imply(tmp_path):
    edit = {"headline.bands[1].count": 4, "headline.bands[1].stated_share": Raw("40.0"),
            "headline.bands[2].count": 3, "headline.bands[2].stated_share": Raw("30.0")}
    _, data = diff(tmp_path, clean_plan(), patched(clean_plan(), edit))
    assert ("bands", "lowered", "attention", "headline.bands") in changes(data)
    assert ("band", "changed", "info", "headline.bands[1].count") in changes(data)
    [floor] = [c for c in data["changes"] if c["subject"] == "bands"]
    assert "at least 9.7 criteria per commune (was 10.7)" in floor["message"]


def with_sub_target(value, comparison="exactly", unit="km"):
    sub = {"key": "roads", "description": {"vi": "đường", "en": "roads"}, "value": value, "unit": unit,
           "comparison": comparison}
    return patched(clean_plan(), {"criteria[1].sub_targets": [sub]})


@pytest.mark.parametrize(
    "old, new, comparison, kind",
    [(350, 300, "exactly", "lowered"), (350, 400, "at-least", "raised"), (8, 6, "at-most", "raised"),
     (8, 9, "at-most", "lowered")],
)
def test_sub_targets_follow_their_comparison(tmp_path, old, new, comparison, kind):
    _, data = diff(tmp_path, with_sub_target(old, comparison), with_sub_target(new, comparison))
    assert changes(data) == [("sub-target", kind, "attention" if kind == "lowered" else "info",
                              "criteria[1].sub_targets[0].value")]
    assert data["changes"][0]["label"] == "criterion 2 (Criterion 2), sub-target roads"


def test_sub_targets_added_and_removed(tmp_path):
    _, data = diff(tmp_path, clean_plan(), with_sub_target(10))
    assert changes(data) == [("sub-target", "added", "info", "criteria[1].sub_targets[0]")]
    _, data = diff(tmp_path, with_sub_target(10), clean_plan())
    assert changes(data) == [("sub-target", "removed", "attention", "criteria[1].sub_targets[0]")]


def test_money_moved_between_sources_with_the_net_effect(tmp_path):
    edit = {"budget.sources[0].amount": Raw("55.0"), "budget.sources[0].children[0].amount": Raw("40.0"),
            "budget.sources[1].amount": Raw("45.0")}
    _, data = diff(tmp_path, clean_plan(), patched(clean_plan(), edit))
    moved = [c for c in data["changes"] if c["kind"] == "money-moved"]
    assert [c["message"] for c in moved] == [
        "money moved between the sources: direct −5, credit +5 billion VND; net effect on the total: +0"]
    assert ("source", "cut", "attention", "budget.sources[0].children[0].amount") in changes(data)
    assert ("source", "increased", "info", "budget.sources[1].amount") in changes(data)


def test_a_cut_in_the_total_and_a_removed_source(tmp_path):
    new = patched(clean_plan(), {"budget.total": Raw("60.0")})
    new["budget"]["sources"].pop(1)
    code, data = diff(tmp_path, clean_plan(), new)
    assert ("budget", "cut", "attention", "budget.total") in changes(data)
    assert ("source", "removed", "attention", "budget.sources[1]") in changes(data)
    removed = next(c for c in data["changes"] if c["kind"] == "removed")
    assert removed["message"] == "source credit removed (its 40 billion VND are cut)"
    assert code == 1  # the shares no longer add up: the new plan does not validate


def test_tasks_retimed_reassigned_added_removed_and_renumbered(tmp_path):
    new = patched(clean_plan(), {
        "schedule.sections[0].tasks[1].timing": {"text": "Tháng 6-8", "kind": "months", "months": [6, 7, 8]},
        "schedule.sections[1].tasks[0].executing": {"text": "UBND tỉnh", "agencies": ["UBND-TINH"]},
    })
    tasks = new["schedule"]["sections"][0]["tasks"]
    inserted = copy.deepcopy(tasks[0])
    inserted["content"] = {"vi": "Việc mới", "en": "New task"}
    tasks.insert(0, inserted)
    for number, task in enumerate(tasks, start=1):
        task["id"], task["number"] = f"I.{number}", number
    _, data = diff(tmp_path, clean_plan(), new)
    kinds = [(c["subject"], c["kind"], c["message"]) for c in data["changes"]]
    assert kinds == [
        ("task", "added", "task I.1 added"),
        ("task", "moved", "task I.1 is now I.2 (same content)"),
        ("task", "moved", "task I.2 is now I.3 (same content)"),
        ("task", "retimed", "task I.3: re-timed from 'Tháng 3-5' to 'Tháng 6-8'"),
        ("task", "reassigned", "task II.1: executing bodies changed from 'VPĐP tỉnh' (VPDP-TINH) to "
                               "'UBND tỉnh' (UBND-TINH)"),
    ]
    new["schedule"]["sections"][1]["tasks"] = []
    _, data = diff(tmp_path, clean_plan(), new)
    assert ("task", "removed", "info", "schedule.sections[1].tasks[0]") in changes(data)


def test_agencies_added_renamed_and_recoded(tmp_path):
    new = patched(clean_plan(), {"agencies[1].name": {"vi": "Ban Chỉ đạo tỉnh", "en": "Provincial Steering Committee"}})
    new["agencies"].append({"code": "SO-TC", "name": {"vi": "Sở Tài chính", "en": "Finance"}, "level": "province"})
    new["agencies"][2]["code"] = "VPDP"
    text = to_yaml(new).replace("VPDP-TINH", "VPDP")
    (tmp_path / "old.yaml").write_text(to_yaml(clean_plan()), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(text, encoding="utf-8")
    data = json.loads(run("diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "-f", "json").output)
    found = [(c["subject"], c["kind"], c["message"]) for c in data["changes"] if c["subject"] == "agency"]
    assert found == [
        ("agency", "renamed", "agency BCD-TINH: renamed from 'BCĐ tỉnh' (Provincial Steering Committee) to "
                              "'Ban Chỉ đạo tỉnh' (Provincial Steering Committee)"),
        ("agency", "recoded", "agency 'VPDP-TINH' is now coded 'VPDP'"),
        ("agency", "added", "agency SO-TC added"),
    ]
    reassigned = [c for c in data["changes"] if c["kind"] == "reassigned"]
    assert len(reassigned) == 3  # each task's executing body follows the new code


def test_metadata_and_documents(tmp_path):
    new = patched(clean_plan(), {"metadata.number": "2/KH-UBND", "metadata.date": __import__("datetime").date(2019, 3, 1)})
    new["legal_documents"].append({"key": "nq-1", "kind": "resolution", "number": "1/NQ-HĐND",
                                   "issuer": {"vi": "HĐND", "en": "Council"}, "title": {"vi": "t", "en": "t"},
                                   "basis": False, "year": 2018})
    _, data = diff(tmp_path, clean_plan(), new)
    assert changes(data) == [("metadata", "changed", "info", "metadata.number"),
                             ("metadata", "changed", "info", "metadata.date"),
                             ("document", "added", "info", "legal_documents[1]")]
    assert data["changes"][0]["message"] == "metadata: number changed from '1/KH-UBND' to '2/KH-UBND'"


# --- exit codes, findings, formats ----------------------------------------------------------------


def test_exit_codes(tmp_path):
    lowered = patched(clean_plan(), {"headline.average_criteria": {"min": 9, "max": 12, "comparison": "at-least"}})
    assert diff(tmp_path, clean_plan(), lowered)[0] == 0
    code, data = diff(tmp_path, clean_plan(), lowered, "--fail-on-lowered-targets")
    assert code == 1 and data["summary"]["lowered_targets"] == 1 and data["summary"]["failed"] is True
    raised = patched(clean_plan(), {"headline.average_criteria": {"min": 10, "max": 13, "comparison": "at-least"}})
    assert diff(tmp_path, clean_plan(), raised, "--fail-on-lowered-targets")[0] == 0
    broken = patched(clean_plan(), {"criteria[2].communes.stated_share": Raw("61.0")})
    code, data = diff(tmp_path, clean_plan(), broken)
    assert code == 1
    assert [(f["code"], f["location"]["path"]) for f in data["validation"]["introduced"]] == [
        ("SH01", "criteria[2].communes.stated_share")]
    code, data = diff(tmp_path, broken, clean_plan())
    assert code == 0 and [f["code"] for f in data["validation"]["resolved"]] == ["SH01"]
    assert diff(tmp_path, clean_plan(), broken, "--fail-on", "never")[0] == 0


def test_findings_of_moved_items_are_neither_introduced_nor_resolved(tmp_path):
    broken = patched(clean_plan(), {"criteria[2].communes.stated_share": Raw("61.0")})
    reordered = copy.deepcopy(broken)
    reordered["criteria"].insert(0, reordered["criteria"].pop(2))
    _, data = diff(tmp_path, broken, reordered)
    assert data["validation"]["introduced"] == [] and data["validation"]["resolved"] == []


def test_unreadable_versions_exit_2(tmp_path):
    (tmp_path / "plan.yaml").write_text(to_yaml(clean_plan()), encoding="utf-8")
    result = run("diff", str(tmp_path / "missing.yaml"), str(tmp_path / "plan.yaml"))
    assert result.exit_code == 2 and "does not exist" in result.output


def edited_bundled_plan() -> str:
    """The 2019 plan after a realistic mid-year revision."""
    text = (ROOT / "plans" / "2019.yaml").read_text(encoding="utf-8")
    replacements = [
        ("communes: {added: 12, total: 61, stated_share: 29.5}", "communes: {added: 10, total: 59, stated_share: 28.5}"),
        ("        value: 350\n", "        value: 400\n"),
        ("      amount: 1800\n      stated_share: 59.9", "      amount: 1700\n      stated_share: 56.6"),
        ("      amount: 365\n      stated_share: 12.2", "      amount: 465\n      stated_share: 15.5"),
        ('timing: {text: "Tháng 3, 7", kind: months, months: [3, 7]}',
         'timing: {text: "Tháng 4, 8", kind: months, months: [4, 8]}'),
        ('name: {vi: "Sở Tài chính", en: "Department of Finance"}',
         'name: {vi: "Sở Tài chính", en: "Provincial Department of Finance"}'),
        ("      target: {min: 9.5, max: 10, comparison: at-least}\n      by_year: 2019",
         "      target: {min: 9.5, max: 10, comparison: at-least}\n      by_year: 2020"),
        ("communes: {added: 26, total: 133, stated_share: 64.2}", "communes: {added: 26, total: 133, stated_share: 64.3}"),
    ]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("format, suffix", [("table", "txt"), ("markdown", "md")])
def test_diff_of_a_revision_of_the_bundled_plan_matches_golden_files(tmp_path, monkeypatch, format, suffix):
    shutil.copy(ROOT / "plans" / "2019.yaml", tmp_path / "old.yaml")
    (tmp_path / "new.yaml").write_text(edited_bundled_plan(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("diff", "old.yaml", "new.yaml", "--format", format)
    assert result.exit_code == 1  # the revision keeps two of the source's errors (DT02, SH01)
    compare_golden(f"diff.{format}.{suffix}", result.output)


# --- git revisions ------------------------------------------------------------------------------


@pytest.fixture
def repository(tmp_path, monkeypatch):
    assert shutil.which("git"), "these tests need git: reading 'REV:path' is part of the feature"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.yaml").write_text(to_yaml(clean_plan()), encoding="utf-8")
    subprocess.run(git + ["add", "plans/plan.yaml"], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "plan"], cwd=tmp_path, check=True)
    lowered = patched(clean_plan(), {"criteria[0].communes.total": 5, "criteria[0].communes.added": 0,
                                     "criteria[0].communes.stated_share": Raw("50.0")})
    (tmp_path / "plans" / "plan.yaml").write_text(to_yaml(lowered), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_plan_read_from_a_git_revision(repository):
    result = run("diff", "HEAD:plans/plan.yaml", "plans/plan.yaml", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["old"] == "HEAD:plans/plan.yaml"
    assert ("criterion", "lowered", "attention", "criteria[0].communes.total") in changes(data)
    total = next(c for c in data["changes"] if c["path"] == "criteria[0].communes.total")
    assert total["old"]["line"] == total["new"]["line"] > 0
    assert run("diff", "HEAD:./plans/plan.yaml", "plans/plan.yaml").exit_code == 0


@pytest.mark.parametrize(
    "spec, words",
    [("nosuchrev:plans/plan.yaml", "git cannot read it"), ("HEAD:plans/other.yaml", "does not exist in 'HEAD'"),
     ("HEAD:", "needs both parts")],
)
def test_git_errors_exit_2(repository, spec, words):
    result = run("diff", spec, "plans/plan.yaml")
    assert result.exit_code == 2 and words in " ".join(result.output.split())


def test_outside_a_repository_and_without_git(tmp_path, monkeypatch):
    (tmp_path / "plan.yaml").write_text(to_yaml(clean_plan()), encoding="utf-8")
    (tmp_path / ".git").write_text("", encoding="utf-8")  # keep git from finding a repository above
    monkeypatch.chdir(tmp_path)
    result = run("diff", "HEAD:plan.yaml", "plan.yaml", env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert result.exit_code == 2 and "git cannot read it" in result.output
    result = run("diff", "HEAD:plan.yaml", "plan.yaml", env={"PATH": str(tmp_path)})
    assert result.exit_code == 2 and "git is not installed" in " ".join(result.output.split())


def test_diff_in_vietnamese_leaves_no_english_words_in_its_messages(tmp_path, monkeypatch):
    """Issue 13: every change message and label of `diff --lang vi` is Vietnamese, figures with Vietnamese marks."""
    shutil.copy(ROOT / "plans" / "2019.yaml", tmp_path / "old.yaml")
    (tmp_path / "new.yaml").write_text(edited_bundled_plan(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("diff", "old.yaml", "new.yaml", "--format", "json", "--lang", "vi").output)
    texts = [change[part] for change in data["changes"] for part in ("label", "message")]
    english = re.compile(r"\b(criterion|communes|added|lowered|raised|changed|from|to|stated|share|total|"
                         r"target|year|postponed|money|moved|between|sources?|billion|VND|net|effect|amount|"
                         r"increased|cut|renamed|task|agency|group|value)\b")
    plan_words = re.compile(r"'[^']*'( \([^)]*\))?|[a-z]+(-[a-z]+)+")  # quoted plan values and plan keys stay as written
    leftovers = [text for text in texts if english.search(plan_words.sub("", text))]
    assert leftovers == []
    messages = " | ".join(texts)
    assert "tiêu chí 2 (Giao thông): số xã đạt thêm hạ từ 12 xuống 10 (−2)" in messages
    assert "từ 1.800 xuống 1.700 tỷ đồng (−100)" in messages and "từ 29,5 thành 28,5" in messages
    assert "năm phấn đấu đạt lùi từ 2019 sang 2020" in messages


def test_bands_and_removed_sources_in_vietnamese(tmp_path):
    edit = {"headline.bands[1].count": 4, "headline.bands[1].stated_share": Raw("40.0"),
            "headline.bands[2].count": 3, "headline.bands[2].stated_share": Raw("30.0"), "budget.total": Raw("60.0")}
    new = patched(clean_plan(), edit)
    new["budget"]["sources"].pop(1)
    _, data = diff(tmp_path, clean_plan(), new, "--lang", "vi")
    messages = [c["message"] for c in data["changes"]]
    assert ("theo các nhóm xã, bình quân nay ít nhất 9,7 tiêu chí/xã (trước đây 10,7): "
            "cách phân nhóm đòi hỏi các xã ít hơn") in messages
    assert "bỏ nguồn vốn credit (cắt 40 tỷ đồng của nguồn này)" in messages
