"""Writing where nothing can be written: exit 2 naming the path and the reason, before any work."""

import os

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

runner = CliRunner()


def unwritable_targets(tmp_path):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    fifo = tmp_path / "fifo.ics"
    os.mkfifo(fifo)
    return {
        "parent is a file": (str(a_file / "out.{suffix}"), "the directory to write into does not exist"),
        "a pipe": (str(fifo), "this is not a regular file"),
        "a directory": (str(tmp_path), "this is a directory"),
        "a kernel directory": ("/sys/out.{suffix}", "the file cannot be written"),
    }


@pytest.mark.parametrize("case", ["parent is a file", "a pipe", "a directory", "a kernel directory"])
def test_calendar_and_report_to_an_unwritable_place(tmp_path, monkeypatch, case):
    target, words = unwritable_targets(tmp_path)[case]

    def no_work(*args, **kwargs):
        raise AssertionError("the work was done before the target was checked")

    monkeypatch.setattr("ntmplan.runs.schedule.run_schedule", no_work)
    result = runner.invoke(app, ["schedule", "--ics", target.format(suffix="ics")])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert target.format(suffix="ics") in text and words in text
    if case not in ("a pipe", "a directory"):
        monkeypatch.setattr("ntmplan.runs.report.build_report", no_work)
        result = runner.invoke(app, ["report", "--out", target.format(suffix="html")])
        assert result.exit_code == 2, result.output
        assert words in " ".join(result.output.split())


def test_a_failing_write_is_an_input_error(tmp_path, monkeypatch):
    from ntmplan.errors import InputError
    from ntmplan.files import write_atomic

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError, match="cannot be written \\(No space left on device\\)"):
        write_atomic(str(tmp_path / "out.ics"), b"data", [])
    assert list(tmp_path.iterdir()) == []
