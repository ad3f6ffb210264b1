"""The files other repositories use: the workflow of docs/ci.md, the pre-commit hook, the baseline.

The workflow's steps are run here, as GitHub Actions would run them, on a scratch repository
holding this project's plan, baseline and data, with a revision of the plan committed on top:
so the project's own CI (``.ci/run``) runs the same steps on ``plans/`` as the workflow does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from citools import ROOT, run
from planfactory import Raw, clean_plan, patched, to_yaml

WORKFLOW = ROOT / ".github" / "workflows" / "plans.yml"
BIN = Path(sys.executable).parent


def test_docs_show_the_workflow_this_repository_runs():
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(# Validate the plans.*?)```", doc, re.S)
    ours = WORKFLOW.read_text(encoding="utf-8")
    theirs = re.sub(r"        run: pip install \"ntmplan @ git\+https://github.com/OWNER/ntmplan@COMMIT_SHA\"  # .*\n",
                    "        run: pip install .\n", block)
    assert theirs == ours


def test_docs_pin_a_commit_never_a_tag_that_does_not_exist():
    """Installing ntmplan from '@v0.1.0' fails while the repository has no such tag: the docs pin a commit."""
    tags = set(subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split())
    for relative in ("docs/ci.md", ".pre-commit-hooks.yaml", "README.md"):
        text = (ROOT / relative).read_text(encoding="utf-8")
        pinned = re.findall(r"ntmplan@([\w.-]+)", text) + re.findall(r"rev: *([\w.-]+)", text)
        assert pinned or relative == "README.md", relative
        for ref in pinned:
            assert ref == "COMMIT_SHA" or ref in tags or re.fullmatch(r"[0-9a-f]{40}", ref), (relative, ref)
    assert "git ls-remote" in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def test_the_workflow_runs_on_plans_and_data_only_and_uploads_sarif_only_where_allowed():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert triggers["pull_request"]["paths"] == triggers["push"]["paths"] == ["plans/**", "data/**"]
    assert workflow["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    [upload] = [step for step in steps() if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert "!github.event.pull_request.head.repo.fork" in upload["if"] and upload["continue-on-error"] is True
    [check] = [step for step in steps() if step.get("name", "").startswith("Check the commune data")]
    summary, annotations = check["run"].splitlines()
    assert summary.endswith('--format markdown >> "$GITHUB_STEP_SUMMARY" || true')  # the second run fails the step
    assert annotations.startswith('ntmplan check "$DATA" --plan "$DATA_PLAN"  #')


def test_pre_commit_hook_runs_validate_on_the_plan_files(tmp_path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "ntmplan-validate" and hook["entry"] == "ntmplan validate"
    assert re.search(hook["files"], "plans/2019.yaml") and hook["language"] == "python"
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text(to_yaml(clean_plan()), encoding="utf-8")
    bad.write_text(to_yaml(patched(clean_plan(), {"criteria[0].communes.stated_share": Raw("61.0")})),
                   encoding="utf-8")
    assert run(*hook["entry"].split()[1:], str(good), str(good)).exit_code == 0
    both = run(*hook["entry"].split()[1:], str(good), str(bad), "--format", "json")
    data = json.loads(both.output)
    assert both.exit_code == 1 and data["files"] == [str(good), str(bad)]
    assert [(f["code"], Path(f["location"]["file"]).name) for f in data["findings"]] == [("SH01", "b.yaml")]
    table = run(*hook["entry"].split()[1:], str(good), str(bad)).output
    assert table.count("passes at level") == 1 and table.count("fails at level") == 1


def test_the_baseline_holds_exactly_the_known_findings_of_the_plans(monkeypatch):
    monkeypatch.chdir(ROOT)
    baseline = json.loads((ROOT / "plans" / "baseline.json").read_text(encoding="utf-8"))
    now = json.loads(run("validate", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "plans").glob("*.yaml")),
                         "--format", "json").output)
    key = lambda f: (f["code"], f["location"]["file"], f["location"]["path"])  # noqa: E731
    assert sorted(map(key, baseline["findings"])) == sorted(map(key, now["findings"])), \
        "regenerate: ntmplan baseline plans/*.yaml --out plans/baseline.json --lang en"
    assert run("validate", "plans/2019.yaml", "--baseline", "plans/baseline.json").exit_code == 0


# --- the workflow's steps on a scratch repository ----------------------------------------------


def steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["plans"]["steps"]


@pytest.fixture
def scratch(tmp_path):
    assert shutil.which("git"), "these tests need git: reading 'REV:path' is part of the feature"
    repo = tmp_path / "repo"
    for relative in ("plans/2019.yaml", "plans/baseline.json", "data/communes.csv"):
        (repo / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, repo / relative)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "the 2019 plan")
    return repo


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True)


def revise(repo: Path, replacements: list[tuple[str, str]]) -> None:
    plan = repo / "plans" / "2019.yaml"
    text = plan.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "revise the plan")


def run_workflow(repo: Path) -> dict[str, subprocess.CompletedProcess]:
    """Each ``run:`` step as Actions runs it (bash -eo pipefail), with its outputs and ``if:``."""
    job_env = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["plans"]["env"]
    output, summary = repo.parent / "github_output", repo.parent / "step_summary"
    env = {**os.environ, **{k: v for k, v in job_env.items() if "${{" not in str(v)}}
    env.update(BASE=git_rev(repo, "HEAD~1"), GITHUB_ACTIONS="true", GITHUB_OUTPUT=str(output),
               GITHUB_STEP_SUMMARY=str(summary), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", NO_COLOR="1",
               NTMPLAN_LANG="en", COLUMNS="100")
    outputs: dict[str, str] = {}
    done = {}
    for step in steps():
        if "run" not in step or step["run"].startswith("pip install"):
            continue
        if "steps.changed.outputs.plans != ''" in step.get("if", "") and not outputs.get("plans", "").strip():
            continue
        step_env = {k: str(v).replace("${{ steps.changed.outputs.plans }}", outputs.get("plans", ""))
                    for k, v in (step.get("env") or {}).items()}
        done[step["name"]] = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                            cwd=repo, env={**env, **step_env}, capture_output=True, text=True)
        if output.exists():
            outputs.update(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    done["summary"] = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return done


def git_rev(repo: Path, rev: str) -> str:
    return subprocess.run(["git", "rev-parse", rev], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def test_the_workflow_passes_a_sound_revision_and_summarises_it(scratch):
    revise(scratch, [
        ("communes: {added: 12, total: 61, stated_share: 29.5}", "communes: {added: 14, total: 63, stated_share: 30.4}"),
        ("      amount: 1800\n      stated_share: 59.9", "      amount: 1700\n      stated_share: 56.6"),
        ("      amount: 365\n      stated_share: 12.2", "      amount: 465\n      stated_share: 15.5"),
        ("average_criteria: {min: 11, max: 11.5, comparison: at-least}",
         "average_criteria: {min: 10.5, max: 11.5, comparison: at-least}"),
    ])
    done = run_workflow(scratch)
    results = {name: (step.returncode if not isinstance(step, str) else None) for name, step in done.items()}
    assert results == {
        "Find the changed plans": 0,
        "Validate the changed plans (annotations on their lines)": 0,
        "Check the commune data (its progress in the job summary)": 0,
        "Semantic diff of each changed plan (job summary)": 0,
        "Findings as SARIF": 0,
        "summary": None,
    }, {name: step.stderr for name, step in done.items() if not isinstance(step, str)}
    assert "Changed plans: plans/2019.yaml" in done["Find the changed plans"].stdout
    summary = done["summary"]
    assert "### Plan changes:" in summary and "criterion 2 (Transport): total communes raised from 61 to 63" in summary
    assert "⚠️ | headline: average criteria per commune lowered from at least 11-11.5 to at least 10.5-11.5" in summary
    assert "money moved between the sources: credit −100, integrated-programmes +100" in summary
    assert "✅ The new plan passes" in summary and "Findings the edit resolves (1): FE03" in summary
    # the data's progress, in the summary rather than in annotations
    assert "### ✅ ntmplan check: `plans/2019.yaml`, `data/communes.csv`" in summary and "| TG01 " in summary
    assert not [line for name, step in done.items() if name != "summary"
                for line in step.stdout.splitlines() if line.startswith("::") and "title=TG" in line]
    sarif = json.loads((scratch / "ntmplan.sarif").read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    assert all(r["suppressions"][0]["kind"] == "external" for r in sarif["runs"][0]["results"])


def test_the_workflow_fails_a_revision_that_breaks_the_plan_and_points_at_the_line(scratch):
    revise(scratch, [("communes: {added: 12, total: 61, stated_share: 29.5}",
                      "communes: {added: 12, total: 61, stated_share: 29.4}")])
    done = run_workflow(scratch)
    validate = done["Validate the changed plans (annotations on their lines)"]
    assert validate.returncode == 1
    [annotation] = [line for line in validate.stdout.splitlines() if line.startswith("::")]
    plan = (scratch / "plans" / "2019.yaml").read_text(encoding="utf-8")
    line = plan[:plan.index("stated_share: 29.4}")].count("\n") + 1  # the line of the share that changed
    assert annotation.startswith(f"::error file=plans/2019.yaml,line={line},col=")
    assert "title=SH01 share-mismatch::" in annotation
    assert done["Check the commune data (its progress in the job summary)"].returncode == 0
    assert "❌ The new plan fails" in done["summary"]


def test_the_project_ci_installs_what_the_tests_need_and_runs_them_as_ci():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export CI=true" in script  # a missing browser fails the run instead of skipping its test
    assert "missing+=(chromium)" in script and "missing+=(git)" in script
    assert script.rstrip().endswith(".venv/bin/python -m pytest")
