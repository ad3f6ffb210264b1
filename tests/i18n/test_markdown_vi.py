"""``--format markdown`` in Vietnamese: the format's own words translated, figures with the reader's marks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.i18n import Lang, activate

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

# Every English word the Markdown format writes itself (headings, table headers, verdict, notes).
FORMAT_WORDS = re.compile(
    r"\b(Severity|Rule|Where|Finding|Findings|Expected|Found|error|warning|info|passes|fails|level|silenced|"
    r"No findings|Plan changes|change|changes|Change|Path|Lines|reviewer|introduces|resolves|more|full list|"
    r"lowered|Silenced because|Targets|met|behind|not-due|Total|sources)\b"
)


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    activate(Lang.en)


def run(*args: str):
    result = runner.invoke(app, [*args, "--format", "markdown", "--lang", "vi"], env={"COLUMNS": "80"})
    assert "Traceback" not in result.output
    return result


def own_words(markdown: str) -> list[str]:
    """English words of the format, outside code spans (rule names, paths) and finding messages."""
    text = re.sub(r"``.*?``|`[^`]*`", "", markdown)
    return FORMAT_WORDS.findall(text)


def test_check_in_markdown_is_vietnamese_with_comma_decimals(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("check", "data/communes-2019-06.csv")
    assert result.exit_code == 0
    assert own_words(result.output) == []
    assert "| Mức độ | Quy tắc | Vị trí | Phát hiện |" in result.output
    assert "**Đạt ở mức 'lỗi'**: 0 lỗi, 21 cảnh báo, 4 thông tin." in result.output
    assert "Chỉ tiêu: 4 đạt, 20 chậm, 1 chưa đến hạn (chỉ tiêu cuối năm 2019)" in result.output
    assert "| 11 | 10,32 |" in result.output  # TG03: the average found, as the table writes it
    assert "10.32" not in result.output
    # TG04, the model-area target: the measure said once, in a sentence
    assert "32/48 xã đã có từ 1 trở lên; chỉ tiêu là cả 48 xã, mỗi xã 1-2 khu dân cư kiểu mẫu, vào cuối năm" \
        in result.output
    assert "(khu dân cư kiểu mẫu):" not in result.output


def test_budget_in_markdown_has_its_total_in_vietnamese(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("budget")
    assert result.exit_code == 0
    assert "Tổng 3.002,8 tỷ đồng; cộng các nguồn: 3.002,8" in result.output
    assert own_words(result.output) == []


def test_validate_in_markdown_writes_ranges_and_dates_the_vietnamese_way(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("validate", "plans/2019.yaml")
    assert result.exit_code == 1
    assert own_words(result.output) == []
    assert "| ≤ 22/02/2019 | 10/12/2019 |" in result.output  # DT02
    assert "| 10,24-10,95 | 11-11,5 |" in result.output  # FE03
    assert "**Không đạt ở mức 'lỗi'**" in result.output


def test_silenced_findings_in_markdown_are_counted_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(runner.invoke(app, ["validate", "plans/2019.yaml", "--format", "json"]).output,
                        encoding="utf-8")
    hidden = run("validate", "plans/2019.yaml", "--baseline", str(baseline))
    shown = run("validate", "plans/2019.yaml", "--baseline", str(baseline), "--show-silenced")
    assert "5 phát hiện đã bỏ qua bằng dấu đánh dấu trong tệp hoặc baseline" in hidden.output
    assert "<summary>Phát hiện đã bỏ qua (5)</summary>" in shown.output
    assert "Không có phát hiện nào." in shown.output
    assert own_words(hidden.output.replace(str(baseline), "")) == []
    assert own_words(shown.output.replace(str(baseline), "")) == []


def test_diff_in_markdown_is_vietnamese(tmp_path, monkeypatch):
    shutil.copy(ROOT / "plans" / "2019.yaml", tmp_path / "old.yaml")
    text = (ROOT / "plans" / "2019.yaml").read_text(encoding="utf-8")
    lowered = "communes: {added: 26, total: 133, stated_share: 64.2}"
    assert text.count(lowered) == 1
    (tmp_path / "new.yaml").write_text(text.replace(lowered, "communes: {added: 25, total: 132, stated_share: 63.8}"),
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("diff", "old.yaml", "new.yaml")
    assert result.exit_code == 1
    assert result.output.startswith("### Thay đổi của kế hoạch: `old.yaml` → `new.yaml`")
    assert "| | Thay đổi | Đường dẫn | Dòng (cũ → mới) |" in result.output
    assert "**3 thay đổi**, **2 thay đổi cần người duyệt chú ý** (⚠️: hạ chỉ tiêu, cắt giảm vốn)." in result.output
    assert "Kế hoạch mới không đạt ở mức 'lỗi'" in result.output
    rows_of_changes = re.compile(r"^\| (⚠️)? \| .*$", re.MULTILINE)  # the change messages are diff's, not the format's
    assert own_words(rows_of_changes.sub("", result.output)) == []


def test_github_annotations_close_with_a_vietnamese_summary(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "data/communes-2019-06.csv", "--format", "github", "--lang", "vi"])
    *annotations, progress, summary = result.output.splitlines()
    assert "(tại c02)" in annotations[0]
    assert progress.startswith("24 phát hiện về tiến độ của dữ liệu (TG01, TG02, TG03, TG04, TG05) không được chú thích")
    assert summary == ("ntmplan check: 0 lỗi, 21 cảnh báo, 4 thông tin trong plans/2019.yaml, "
                       "data/communes-2019-06.csv: đạt ở mức 'lỗi'")
