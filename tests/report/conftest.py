"""Reports written once per module from the bundled plan and the June data (writing takes a second)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")
JUNE = str(ROOT / "data" / "communes-2019-06.csv")
BASELINE = str(ROOT / "data" / "communes.csv")
runner = CliRunner()

# Cells a hostile data file could hold: each would be a formula (or a DDE call) if written as one.
HOSTILE = {
    "05986": "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "05989": "+1+cmd|' /C calc'!A0",
    "05992": "-2+3",
    "06004": "@SUM(1,2)",
}


def report(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, ["report", *args], env=env or {})
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory) -> str:
    """The baseline data with commune names that look like formulas."""
    target = tmp_path_factory.mktemp("hostile") / "communes.csv"
    with open(BASELINE, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    code, name = rows[0].index("code"), rows[0].index("name")
    for row in rows[1:]:
        if row and row[code] in HOSTILE:
            row[name] = HOSTILE[row[code]]
    with open(target, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    return str(target)


@pytest.fixture(scope="session")
def workbooks(tmp_path_factory, hostile_data) -> dict[str, Path]:
    """The June review as workbooks in both languages and with the progress since the start of the year, and the
    hostile data's workbook."""
    folder = tmp_path_factory.mktemp("workbooks")
    made = {}
    for lang in ("en", "vi"):
        made[lang] = folder / f"report-{lang}.xlsx"
        result = report(PLAN, JUNE, "--as-of", "2019-06-30", "--lang", lang, "--out", str(made[lang]))
        assert result.exit_code == 0, result.output
    made["since"] = folder / "report-since.xlsx"
    result = report(JUNE, "--since", BASELINE, "--as-of", "2019-06-30", "--lang", "en", "--out", str(made["since"]))
    assert result.exit_code == 0, result.output
    made["hostile"] = folder / "hostile.xlsx"
    assert report(PLAN, hostile_data, "--lang", "en", "--out", str(made["hostile"])).exit_code == 0
    return made


@pytest.fixture(scope="session")
def html_report(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("html") / "report.html"
    result = report(PLAN, JUNE, "--as-of", "2019-06-30", "--lang", "vi", "--out", str(target))
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="session")
def english_html(tmp_path_factory) -> Path:
    """The June review in English, made at a fixed time (SOURCE_DATE_EPOCH: 2019-07-01 08:30 UTC)."""
    target = tmp_path_factory.mktemp("html-en") / "report.html"
    result = report(JUNE, "--as-of", "2019-06-30", "--lang", "en", "--out", str(target),
                    env={"SOURCE_DATE_EPOCH": "1561969800"})
    assert result.exit_code == 0, result.output
    return target
