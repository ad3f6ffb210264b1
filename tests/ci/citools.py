"""Running the command line as CI does: fixed width, no colour, English, outside GitHub Actions.

Golden files live in ``tests/ci/golden/``. After a deliberate change of wording
or layout, regenerate them with

    NTMPLAN_UPDATE_GOLDEN=1 python -m pytest tests/ci

and read the diff of ``tests/ci/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NTMPLAN_UPDATE_GOLDEN") == "1"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "NTMPLAN_LANG": "en", "GITHUB_ACTIONS": None}
PLAN = "plans/2019.yaml"


def run(*args: str, env: dict | None = None):
    """``ntmplan args`` in-process; never a traceback."""
    result = CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})
    assert "Traceback" not in result.output, result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def compare_golden(name: str, output: str) -> None:
    golden = GOLDEN / name
    text = "\n".join(line.rstrip() for line in output.splitlines()).rstrip() + "\n"
    if UPDATE or not golden.exists():
        assert UPDATE, f"no golden file {golden.name}: run with NTMPLAN_UPDATE_GOLDEN=1"
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
