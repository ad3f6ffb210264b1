"""Every command's output in Vietnamese and in English, against golden files.

Fixed width (COLUMNS=100), no colour, paths relative to the repository. After a
deliberate change of wording or layout, regenerate with

    NTMPLAN_UPDATE_GOLDEN=1 python -m pytest tests/i18n

and read the diff of ``tests/i18n/golden/`` before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NTMPLAN_UPDATE_GOLDEN") == "1"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}

PLAN, BASELINE, JUNE = "plans/2019.yaml", "data/communes.csv", "data/communes-2019-06.csv"
ACTUALS = "data/budget-actuals-2019-06.csv"
CASES = {
    "check": ["check", PLAN, BASELINE, "--top", "5"],
    "check-june": ["check", PLAN, JUNE, "--as-of", "2019-06-30", "--top", "5"],
    "check-commune": ["check", PLAN, BASELINE, "--commune", "hoang dong"],
    "check-since": ["check", JUNE, "--since", BASELINE, "--as-of", "30/06/2019", "--top", "5"],
    "progress": ["progress", BASELINE, JUNE],
    "validate": ["validate", PLAN],
    "validate-json": ["validate", PLAN, "--format", "json"],
    "targets": ["targets", PLAN],
    "budget": ["budget", PLAN, "--actuals", ACTUALS, "--as-of", "2019-06-30"],
    "schedule": ["schedule", PLAN, "--as-of", "2019-06-15"],
    "schedule-agency": ["schedule", PLAN, "--agency", "nong nghiep"],
    "rules": ["rules"],
    "explain": ["explain", "SH01"],
}
HELP = {"help": ["--help"], "help-check": ["check", "--help"], "help-report": ["report", "--help"],
        "help-progress": ["progress", "--help"]}


def compare(name: str, output: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    lines = [line.rstrip() for line in output.splitlines()]
    text = "\n".join(lines).rstrip() + "\n"
    if UPDATE or not golden.exists():
        assert UPDATE, f"no golden file {golden.name}: run with NTMPLAN_UPDATE_GOLDEN=1"
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_command_output(case, lang, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*CASES[case], "--lang", lang], env=ENV)
    assert "Traceback" not in result.output
    compare(f"{case}.{lang}", result.output)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(HELP))
def test_help(case, lang):
    """Help goes through the real entry point, which picks the language before parsing."""
    completed = subprocess.run(
        [sys.executable, "-m", "ntmplan", *HELP[case]], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, **ENV, "NTMPLAN_LANG": lang},
    )
    assert completed.returncode == 0, completed.stderr
    compare(f"{case}.{lang}", completed.stdout)


def test_vietnamese_and_english_differ_and_write_numbers_their_own_way():
    vi = (GOLDEN / "check-june.vi.txt").read_text(encoding="utf-8")
    en = (GOLDEN / "check-june.en.txt").read_text(encoding="utf-8")
    assert "Tiêu chí: số xã đạt từng tiêu chí" in vi and "Criteria: communes meeting each" in en
    assert "30/06/2019" in vi and "2019-06-30" in en
    assert "29,5" in vi and "29.5" in en
    budget = (GOLDEN / "budget.vi.txt").read_text(encoding="utf-8")
    assert "3.002,8" in budget and "3,002.8" in (GOLDEN / "budget.en.txt").read_text(encoding="utf-8")
