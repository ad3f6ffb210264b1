"""Dates as the user writes them, and Vietnamese output with nothing left in English or in English numbers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.i18n import Lang, activate
from ntmplan.numbers import figure_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from planfactory import clean_plan, to_yaml  # noqa: E402

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A run in-process activates its language for the tests that follow: give them back English."""
    yield
    activate(Lang.en)


def run(*args: str, **env: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200", **env})
    assert "Traceback" not in result.output
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("command", [["check", "data/communes-2019-06.csv"], ["schedule"], ["budget"]])
def test_as_of_takes_the_day_first_as_well_as_iso(command):
    extra = ["--actuals", "data/budget-actuals-2019-06.csv"] if command == ["budget"] else []
    day_first = run(*command, *extra, "--as-of", "30/06/2019", "--format", "json", "--lang", "en")
    iso = run(*command, *extra, "--as-of", "2019-06-30", "--format", "json", "--lang", "en")
    assert day_first.exit_code == iso.exit_code and day_first.exit_code in (0, 1)
    assert json.loads(day_first.output) == json.loads(iso.output)


def test_a_wrong_date_says_which_forms_are_accepted():
    result = run("check", "--as-of", "31/02/2019", "--lang", "en")
    assert result.exit_code == 2
    assert "'31/02/2019' is not a date: write 2019-06-30 or 30/06/2019" in flat(result.output)


def test_help_shows_the_forms_a_person_types():
    text = flat(run("check", "--help", "--lang", "en").output)
    assert "%Y" not in text and "--as-of DATE" in text and "2019-06-30 or 30/06/2019" in text


def test_figures_inside_text_are_written_the_readers_way():
    assert figure_text("10.24-10.95", Lang.vi) == "10,24-10,95"
    assert figure_text("<= 2019-02-22", Lang.vi) == "≤ 22/02/2019"
    assert figure_text("<= 2019-02-22", Lang.en) == "≤ 2019-02-22"
    assert figure_text(3002.8, Lang.vi) == "3.002,8"
    assert figure_text("min = 0", Lang.vi) == "min = 0" and figure_text("06316", Lang.vi) == "06316"


def test_text_that_only_looks_like_a_date_is_shown_as_written():
    """A found value is what an input holds: '2019-02-30' typed where a source belongs is no day to rewrite."""
    assert figure_text("2019-02-30", Lang.vi) == "2019-02-30"
    assert figure_text("2019-02-28 or 2019-02-30", Lang.vi) == "28/02/2019 or 2019-02-30"


def test_validate_in_vietnamese_has_vietnamese_figures_dates_and_level():
    text = flat(run("validate", "--lang", "vi").output)
    assert "10,24-10,95" in text and "10.24-10.95" not in text  # FE03
    assert "≤ 22/02/2019" in text and "<= 2019-02-22" not in text  # DT02
    assert "mức 'lỗi'" in text and "'error'" not in text


def test_the_bundled_plan_note_is_vietnamese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no plans/2019.yaml here: the bundled copy is used
    text = flat(run("validate", "--lang", "vi").output)
    assert "Dùng kế hoạch đi kèm ntmplan:" in text and "Using the plan" not in text


@pytest.fixture
def marked_plan(tmp_path):
    """The clean plan with one marker of each kind CF01-CF03 can report."""
    text = to_yaml(clean_plan()).replace("year: 2019", "year: 2019  # ntmplan: ignore[DT01] reason: old", 1)
    text += "\n# ntmplan: ignore[SH1] reason: typo\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_marker_findings_are_vietnamese(marked_plan):
    text = flat(run("validate", str(marked_plan), "--lang", "vi").output)
    assert "không phải là quy tắc của ntmplan; có phải ý bạn là SH01?" in text  # CF02
    assert "dấu đánh dấu không bỏ qua phát hiện DT01 nào ở dòng" in text  # CF03
    assert "is not a rule" not in text and "silences no" not in text


def test_silenced_findings_are_summarised_in_vietnamese(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("validate", "--format", "json").output, encoding="utf-8")
    hidden = flat(run("validate", "--baseline", str(baseline), "--lang", "vi").output)
    assert "5 phát hiện đã bỏ qua bằng dấu đánh dấu trong tệp hoặc baseline" in hidden
    shown = flat(run("validate", "--baseline", str(baseline), "--show-silenced", "--lang", "vi").output)
    assert "Phát hiện đã bỏ qua (5): không được tính" in shown and "— đã bỏ qua:" in shown
    assert "findings silenced" not in hidden and "Silenced findings" not in shown


def test_budget_with_actuals_names_both_files_in_vietnamese():
    text = flat(run("budget", "--actuals", "data/budget-actuals-2019-06.csv", "--as-of", "30/06/2019",
                    "--lang", "vi").output)
    assert "plans/2019.yaml và data/budget-actuals-2019-06.csv" in text


def test_dates_in_vietnamese_are_day_first():
    text = flat(run("check", "data/communes-2019-06.csv", "--as-of", "2019-06-30", "--lang", "vi").output)
    assert "30/06/2019" in text and "2019-06-30" not in text


def test_the_html_footer_is_vietnamese(tmp_path):
    page = tmp_path / "bao-cao.html"
    assert run("report", "--out", str(page), "--lang", "vi").exit_code == 0
    footer = page.read_text(encoding="utf-8").split("<footer>")[1].split("</footer>")[0]
    assert footer == "Lập bằng ntmplan từ các tệp nêu ở trên."


@pytest.mark.parametrize(("text", "words"), [
    ("metadata:\n  year: 2019-02-30\n", "không có ngày này"),
    ("a: 1\na: 2\n", "khóa 'a' bị trùng (đã khai báo lần đầu ở dòng 1, cột 1)"),
    ("a: !!int abc\n", "giá trị không khớp với thẻ '!!int' của nó"),
    ("a: {b: 1\n", "lỗi cú pháp YAML"),
])
def test_a_broken_plan_is_explained_in_vietnamese(tmp_path, text, words):
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--lang", "vi"])
    assert result.exit_code == 2
    assert words in " ".join(result.output.split())


@pytest.mark.parametrize(("option", "text", "words"), [
    ("--config", "[tool.ntmplan]\nbogus = 1\n", "không có tùy chọn 'bogus'"),
    ("--baseline", '{"findings": 5}', "tệp mốc (baseline) không có danh sách phát hiện"),
])
def test_a_broken_configuration_or_baseline_is_explained_in_vietnamese(tmp_path, option, text, words):
    given = tmp_path / ("pyproject.toml" if option == "--config" else "baseline.json")
    given.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "plans/2019.yaml", option, str(given), "--lang", "vi"])
    assert result.exit_code == 2
    assert words in " ".join(result.output.split())
