"""At 80, 100 and 120 columns the verdict stays whole: status, gap and the full ``file:line:col`` of every finding.

Lesser columns (names, measures, shares) fold or move under the row; the
columns that carry the verdict never get cut, and piped output has no
trailing spaces.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (80, 100, 120)
JUNE = ["data/communes-2019-06.csv", "--as-of", "2019-06-30"]
STATUS_EN = {"met": "✓ met", "on-track": "✓ on track", "behind": "✗ behind", "open": "open",
             "not-judged": "not judged", "not-due": "due later", "no-target": "no target", "no-data": "no data"}


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch):
    monkeypatch.chdir(ROOT)


def shown(width: int, *args: str) -> tuple[str, dict]:
    """The table at ``width`` columns, and the same run's JSON."""
    runner = CliRunner()
    table = runner.invoke(app, [*args, "--lang", "en"], env={"COLUMNS": str(width)})
    data = runner.invoke(app, [*args, "--lang", "en", "--format", "json"])
    assert "Traceback" not in table.output
    return table.output, json.loads(data.output)


def assert_fits(output: str, width: int) -> None:
    for line in output.splitlines():
        assert len(line) <= width, line
        assert line == line.rstrip(), f"trailing spaces: {line!r}"
    assert not re.search(r"\S…", output), "a cell cut short"  # rich's cut; the data's own '…' follows a space


def assert_locations_whole(output: str, findings: list[dict]) -> None:
    assert findings
    for finding in findings:
        where = finding["location"]
        sheet = f"[{where['sheet']}]" if where.get("sheet") else ""
        located = f"{where['file']}{sheet}:{where['line']}" + (f":{where['column']}" if where.get("column") else "")
        assert located in output, located
        assert finding["name"] in output  # the rule's name, whole


@pytest.mark.parametrize("width", WIDTHS)
def test_validate_keeps_codes_and_whole_locations(width):
    output, data = shown(width, "validate")
    assert_fits(output, width)
    assert_locations_whole(output, data["findings"])
    for finding in data["findings"]:
        assert f"  {finding['code']}  " in output


@pytest.mark.parametrize("round_", [JUNE, []], ids=["june-as-of", "bundled-year-end"])
@pytest.mark.parametrize("width", WIDTHS)
def test_check_keeps_every_status_gap_and_location(width, round_):
    output, data = shown(width, "check", *round_)
    assert_fits(output, width)
    assert_locations_whole(output, data["findings"])
    rows = {line.split(".", 1)[0].strip(): line for line in output.splitlines()
            if line[:5].strip().rstrip(".").isdigit() and ". " in line[:6]}
    for criterion in data["criteria"]:
        row = rows[str(criterion["number"])]
        assert row.rstrip().endswith(STATUS_EN[criterion["status"]]), row
        if criterion["gap"]:
            assert f" {criterion['gap']} " in row, row
    for group in data["groups"]:
        assert STATUS_EN[group["status"]] in output


def sources(items):
    """Every source of a funding tree, children after their parent."""
    for item in items:
        yield item
        yield from sources(item.get("children", []))


@pytest.mark.parametrize("width", WIDTHS)
def test_budget_keeps_status_and_line_of_every_source(width):
    output, data = shown(width, "budget")
    assert_fits(output, width)
    lines = output.splitlines()

    for source in sources(data["sources"]):
        assert any(line.rstrip().endswith(f" {source['location']['line']}") for line in lines), source["key"]
    assert "Status" in output and output.count("✓") >= 1 + len(list(sources(data["sources"])))


def test_a_sheet_name_with_a_space_does_not_break_the_location():
    output, data = shown(80, "check", "data/2019-06", "--as-of", "2019-06-30")
    assert_fits(output, 80)
    assert "data/2019-06/185-bac-son.xlsx[Biểu 01]:7:33" in output
    assert_locations_whole(output, data["findings"])


SCHEDULE_HEADERS = {"en": ("Task", "Content", "Directing", "Executing", "Coordinating", "Timing", "normalised"),
                    "vi": ("TT", "Nội", "dung", "Chỉ", "đạo", "Thực", "hiện", "Phối", "hợp", "Thời", "chuẩn", "hóa")}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("extra", [[], ["--as-of", "2019-06-30"], ["--agency", "SO-TC"]], ids=["all", "as-of", "agency"])
def test_schedule_keeps_every_header_task_and_month_whole(width, lang, extra):
    runner = CliRunner()
    table = runner.invoke(app, ["schedule", *extra, "--lang", lang], env={"COLUMNS": str(width)})
    data = json.loads(runner.invoke(app, ["schedule", *extra, "--lang", lang, "--format", "json"]).output)
    assert table.exit_code == 0 and "Traceback" not in table.output
    assert_fits(table.output, width)  # no cell, header included, ends in rich's '…'
    words = set(table.output.split())
    assert set(SCHEDULE_HEADERS[lang]) <= words
    assert {task["id"] for task in data["tasks"]} <= words


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_budget_execution_keeps_every_status_whole(width, lang):
    from ntmplan.i18n import Lang, translate
    from ntmplan.output.budget_view import EXECUTION_STATUS

    args = ["budget", "--actuals", "data/budget-actuals-2019-06.csv", "--lang", lang]
    runner = CliRunner()
    table = runner.invoke(app, args, env={"COLUMNS": str(width)}).output
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).output)["execution"]
    assert_fits(table, width)

    for source in [*sources(data["sources"]), data]:
        label = translate(EXECUTION_STATUS[source["status"]][1], Lang(lang))
        assert any(line.rstrip().endswith(f" {label}") for line in table.splitlines()), label
