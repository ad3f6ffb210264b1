"""A bug escaping a command is one paragraph naming the input being read, exit 3; --debug shows the traceback."""

import sys

import pytest
from typer.testing import CliRunner

from ntmplan import cli
from ntmplan.cli import app
from ntmplan.paths import DEFAULT_PLAN

runner = CliRunner()


def broken_renderer(*args, **kwargs):
    raise ZeroDivisionError("rendering went wrong")


def test_a_bug_while_rendering_exits_3_naming_the_input(monkeypatch):
    import ntmplan.output.console as console

    monkeypatch.setattr(console, "render_targets", broken_renderer)
    result = runner.invoke(app, ["targets"])
    assert result.exit_code == 3
    text = " ".join(result.output.split())
    assert "internal error while working on" in text and "2019.yaml" in text
    assert "ZeroDivisionError: rendering went wrong" in text and "Traceback" not in result.output


def test_debug_shows_the_bug(monkeypatch):
    import ntmplan.output.console as console

    monkeypatch.setattr(console, "render_targets", broken_renderer)
    result = runner.invoke(app, ["targets", "--debug"])
    assert isinstance(result.exception, ZeroDivisionError)


def test_main_catches_what_escapes_the_commands(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("outside any command")

    monkeypatch.setattr("ntmplan.i18n.help.translated", broken)
    monkeypatch.setattr(sys, "argv", ["ntmplan", "validate", DEFAULT_PLAN])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 3
    err = " ".join(capsys.readouterr().err.split())
    assert "internal error" in err and "KeyError" in err and "--debug shows the traceback" in err


def test_main_with_debug_lets_the_traceback_through(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("outside any command")

    monkeypatch.setattr("ntmplan.i18n.help.translated", broken)
    monkeypatch.setattr(sys, "argv", ["ntmplan", "validate", "--debug"])
    with pytest.raises(KeyError):
        cli.main()
