"""Ordinary CLI manners: --version, -h beside --help, shell completion, --lang everywhere, --strict on check."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan import __version__
from ntmplan.cli import app
from ntmplan.i18n.help import build

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"ntmplan {__version__}\n"


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["schema", "-h"]])
def test_h_is_help(args):
    short, long = runner.invoke(app, args), runner.invoke(app, [*args[:-1], "--help"])
    assert short.exit_code == 0 and short.output == long.output and "Usage: " in short.output


def test_shell_completion_is_offered():
    text = runner.invoke(app, ["--help"]).output
    assert "--install-completion" in text and "--show-completion" in text


def test_every_command_takes_lang():
    for name, command in build(app).commands.items():
        options = {option for param in command.params for option in getattr(param, "opts", [])}
        assert "--lang" in options, name


def test_schema_takes_lang(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert runner.invoke(app, ["schema", "--lang", "vi"]).exit_code == 0


def test_strict_on_check_makes_unmet_targets_fail(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert runner.invoke(app, ["check", "--format", "json"]).exit_code == 0
    assert runner.invoke(app, ["check", "--strict", "--format", "json"]).exit_code == 1
