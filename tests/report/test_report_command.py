"""``ntmplan report`` as a command: targets, refusals, charts as PNG, quiet in CI."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import JUNE, PLAN, report
from PIL import Image


def test_an_unknown_extension_is_a_usage_error(tmp_path):
    result = report(PLAN, JUNE, "--out", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2 and ".xlsx" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_report_never_overwrites_an_input(tmp_path):
    data = tmp_path / "communes.html"
    data.write_bytes(Path(JUNE).read_bytes())
    result = report(PLAN, str(data), "--out", str(data))
    assert result.exit_code == 2 and "refusing to overwrite the input file" in result.output
    assert data.read_bytes() == Path(JUNE).read_bytes()


def test_charts_are_written_as_png_and_nothing_else_is_left_behind(tmp_path):
    charts = tmp_path / "charts"
    result = report(PLAN, JUNE, "--lang", "en", "--out", str(tmp_path / "report.html"), "--charts", str(charts))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in charts.iterdir()) == ["bands.png", "criteria.png", "funding.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charts", "report.html"]  # no temporary file left
    with Image.open(charts / "criteria.png") as image:
        assert image.width > 800
    assert "Wrote" in result.output and "━" not in result.output  # no progress bar when not on a terminal


def test_the_charts_folder_is_created_and_one_that_cannot_be_is_an_input_error(tmp_path):
    nested = tmp_path / "slides" / "charts"
    assert report(PLAN, JUNE, "--out", str(tmp_path / "r.xlsx"), "--charts", str(nested)).exit_code == 0
    assert sorted(p.name for p in nested.iterdir()) == ["bands.png", "criteria.png", "funding.png"]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = report(PLAN, JUNE, "--lang", "en", "--out", str(tmp_path / "s.xlsx"), "--charts", str(blocker / "charts"))
    assert result.exit_code == 2 and "the folder for the charts cannot be created" in result.output
    assert str(blocker / "charts") in result.output.replace("\n", "")
    assert not (tmp_path / "s.xlsx").exists()


def test_an_existing_report_is_replaced_whole(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    assert report(PLAN, JUNE, "--out", str(target)).exit_code == 0
    assert target.read_bytes()[:2] == b"PK"  # a zip: the new workbook, not the old bytes


def test_a_progress_bar_only_on_an_interactive_terminal_outside_ci(monkeypatch):
    import sys
    from contextlib import nullcontext

    from rich.progress import Progress

    from ntmplan.commands.report import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert isinstance(_progress(), Progress)
    monkeypatch.setenv("CI", "true")
    assert isinstance(_progress(), nullcontext)
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert isinstance(_progress(), nullcontext)


def test_png_charts_without_the_charts_extra_name_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as in a plain install: import matplotlib fails
    result = report(PLAN, JUNE, "--lang", "en", "--out", str(tmp_path / "report.html"), "--charts", str(tmp_path))
    assert result.exit_code == 2 and "pip install 'ntmplan[charts]'" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_page_draws_its_charts_without_matplotlib(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = report(PLAN, JUNE, "--lang", "en", "--out", str(tmp_path / "report.html"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "Communes meeting the criterion" in page
