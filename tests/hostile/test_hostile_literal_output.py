"""Text from the inputs reaches the terminal literally: no markup, no emoji, control characters escaped."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.output.terminal import json_shown, shown

runner = CliRunner()
PLAN = Path(__file__).parents[2] / "plans" / "2019.yaml"
HOSTILE_NAME = "Quy [b]hoạch[/b] [/] [link=http://x]:warning: \\e[31mRED\\e]8;;http://x\\a \\u202eevil"


def hostile_plan(tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    old = 'name: {vi: "Quy hoạch", en: "Planning"}'
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, f'name: {{vi: "{HOSTILE_NAME}", en: "[red]Planning[/red]"}}'), encoding="utf-8")
    return path


def plan_naming_criterion_8(tmp_path, english):
    """The bundled plan with criterion 8 named ``english`` (YAML escapes): SH01's message quotes the name."""
    path = tmp_path / "plan.yaml"
    text = PLAN.read_text(encoding="utf-8").replace('en: "Information and communications"', f'en: "{english}"', 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_escaping_helper():
    assert shown("a\x1b[31mb\tc\nd\x9b\u202e\x00") == "a\\x1b[31mb\tc\nd\\x9b\\u202e\\x00"
    assert json_shown(json.dumps("\x1b\x9b\u2066", ensure_ascii=False)) == '"\\u001b\\u009b\\u2066"'
    assert json.loads(json_shown(json.dumps("\x9b\u202ex", ensure_ascii=False))) == "\x9b\u202ex"


def test_table_prints_markup_and_escapes_literally(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    result = runner.invoke(app, ["targets", str(hostile_plan(tmp_path)), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    assert "Quy [b]hoạch[/b] [/] [link=http://x]:warning: \\x1b[31mRED\\x1b]8;;http://x" in result.output
    assert "\\u202eevil" in result.output and "[red]Planning[/red]" in result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output and "⚠" not in result.output


@pytest.mark.parametrize("format", ["github", "markdown", "junit"])
def test_text_formats_escape_control_characters(tmp_path, format):
    path = plan_naming_criterion_8(tmp_path, "Info\\e[2J\\u202e[b]x")
    result = runner.invoke(app, ["validate", str(path), "--format", format])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "Info\\x1b[2J\\u202e[b]x" in result.output


@pytest.mark.parametrize("format", ["json", "sarif"])
def test_json_formats_escape_by_json_rules(tmp_path, format):
    path = plan_naming_criterion_8(tmp_path, "Info\\e[2J\\u202e\\x9b")
    result = runner.invoke(app, ["validate", str(path), "--format", format])
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x9b" not in result.output
    assert "Info\\u001b[2J\\u202e\\u009b" in result.output
    assert any("Info\x1b[2J\u202e\x9b" in text for text in strings(json.loads(result.output)))


def strings(value):
    """Every text inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_error_messages_print_file_names_literally(tmp_path):
    name = tmp_path / "[b]x[/b]:warning:\x1b[31m.yaml"
    result = runner.invoke(app, ["validate", str(name)])
    assert result.exit_code == 2
    assert "[b]x[/b]:warning:\\x1b[31m.yaml" in result.output and "\x1b" not in result.output
