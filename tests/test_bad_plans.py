"""Bad plan files: a one-paragraph message naming file, line and column, and exit code 2.

Each case writes a file, runs ``ntmplan validate`` on it and states the exact
start of the message a user sees. Never a traceback.
"""

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from planfactory import clean_plan, to_yaml

runner = CliRunner()


def validate(path):
    result = runner.invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output
    return result


def write(tmp_path, content, name="plan.yaml"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def replace_line(text, old, new):
    assert old in text
    return text.replace(old, new, 1)


def test_missing_file(tmp_path):
    result = validate(tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml: the file does not exist" in result.output


def test_empty_file(tmp_path):
    result = validate(write(tmp_path, "   \n\n"))
    assert result.exit_code == 2
    assert "plan.yaml:1:1: the file is empty" in result.output


def test_comment_only_file(tmp_path):
    result = validate(write(tmp_path, "# nothing here\n"))
    assert result.exit_code == 2
    assert "plan.yaml:1:1: the file holds no YAML document" in result.output


def test_not_utf8(tmp_path):
    text = to_yaml(clean_plan()).replace("Tỉnh Thử", "Tinh Thu", 1).encode("utf-8")
    latin = text.replace(b"place: Tinh Thu", "place: Tình Thu".encode("latin-1"))
    result = validate(write(tmp_path, latin))
    assert result.exit_code == 2
    assert "the file is not valid UTF-8 text" in result.output
    line = text.decode().splitlines().index("  place: Tinh Thu") + 1
    assert f"plan.yaml:{line}:11:" in result.output
    assert "found byte 0xec" in result.output


def test_utf8_with_byte_order_mark_is_fine(tmp_path):
    result = validate(write(tmp_path, b"\xef\xbb\xbf" + to_yaml(clean_plan()).encode()))
    assert result.exit_code == 0, result.output


def test_yaml_syntax_error(tmp_path):
    text = replace_line(to_yaml(clean_plan()), "  place: Tỉnh Thử\n", "  place: [Tỉnh Thử\n")
    result = validate(write(tmp_path, text))
    assert result.exit_code == 2
    assert "YAML syntax error" in result.output
    assert "plan.yaml:" in result.output


def test_duplicate_key(tmp_path):
    text = replace_line(to_yaml(clean_plan()), "  year: 2019\n", "  year: 2019\n  year: 2020\n")
    lines = text.splitlines()
    first, second = lines.index("  year: 2019") + 1, lines.index("  year: 2020") + 1
    result = validate(write(tmp_path, text))
    assert result.exit_code == 2
    assert f"plan.yaml:{second}:3: duplicate key 'year' (first defined at line {first}, column 3)" in result.output


def test_unknown_key_suggests_the_nearest(tmp_path):
    text = replace_line(to_yaml(clean_plan()), "  year: 2019\n", "  year: 2019\n  yaer: 2019\n")
    line = text.splitlines().index("  yaer: 2019") + 1
    result = validate(write(tmp_path, text))
    assert result.exit_code == 2
    assert f"plan.yaml:{line}:3: unknown key 'yaer' (at metadata.yaer); expected 'year' (did you mean it?)" in (
        " ".join(result.output.split())
    )


def test_wrong_type_a_quoted_number(tmp_path):
    plan = clean_plan()
    plan["criteria"][1]["communes"]["total"] = "6"
    text = to_yaml(plan)
    result = validate(write(tmp_path, text))
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "wrong value (at criteria[1].communes.total); expected a valid integer, found the text '6'" in out


def test_missing_block(tmp_path):
    plan = clean_plan()
    del plan["budget"]
    result = validate(write(tmp_path, to_yaml(plan)))
    assert result.exit_code == 2
    assert "missing key 'budget'" in result.output


def test_several_schema_errors_are_all_listed(tmp_path):
    plan = clean_plan()
    plan["criteria"][0]["communes"]["total"] = "six"
    plan["criteria"][5]["communes"]["added"] = -1
    result = validate(write(tmp_path, to_yaml(plan)))
    assert result.exit_code == 2
    assert "criteria[0].communes.total" in result.output and "criteria[5].communes.added" in result.output


def test_top_level_is_not_a_mapping(tmp_path):
    result = validate(write(tmp_path, "- just\n- a list\n"))
    assert result.exit_code == 2
    assert "plan.yaml:1:1: the plan must be a mapping" in result.output


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("a: !!python/object/apply:os.system ['echo hacked']\n", "explicit YAML tags are not allowed"),
        ("a: !custom 1\n", "explicit YAML tags are not allowed"),
        ("a: !!binary aGVsbG8=\n", "explicit YAML tags are not allowed"),
    ],
)
def test_tags_are_never_executed(tmp_path, yaml_text, message):
    result = validate(write(tmp_path, yaml_text))
    assert result.exit_code == 2
    assert f"plan.yaml:1:4: {message}" in result.output


def test_alias_bomb(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 9):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    result = validate(write(tmp_path, "\n".join(lines) + "\n"))
    assert result.exit_code == 2
    assert "expands to too many values" in result.output


def test_deep_nesting(tmp_path):
    result = validate(write(tmp_path, "a: " + "[" * 60 + "]" * 60 + "\n"))
    assert result.exit_code == 2
    assert "nested too deeply" in result.output and "expected at most 50 levels" in result.output


def test_extreme_nesting_stops_the_parser(tmp_path):
    result = validate(write(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert result.exit_code == 2
    assert "plan.yaml:1:" in result.output and "nesting depth" in result.output


def test_huge_file(tmp_path):
    path = tmp_path / "plan.yaml"
    with path.open("w") as handle:
        handle.write("a: '" + "x" * 6_000_000 + "'\n")
    result = validate(path)
    assert result.exit_code == 2
    assert "too large to be a plan" in result.output


def test_input_file_is_not_modified(tmp_path):
    path = write(tmp_path, to_yaml(clean_plan()))
    before = path.read_bytes()
    validate(path)
    assert path.read_bytes() == before


def test_debug_shows_the_traceback(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml"), "--debug"])
    assert result.exit_code != 0 and result.exception is not None


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("a: !!int abc\n", "plan.yaml:1:4: the value does not match its tag '!!int' (at a); expected an integer, found 'abc'"),
        ("a: !!float lots\n", "expected a number, found 'lots'"),
        ("a: !!bool maybe\n", "expected true or false, found 'maybe'"),
        ("a: !!timestamp yesterday\n", "expected a date YYYY-MM-DD, found 'yesterday'"),
        ("a: 2019-02-30\n", "plan.yaml:1:4: no such date"),
        ("a: 2019-13-01\n", "no such date"),
        ("a: " + "9" * 5000 + "\n", "the number has too many digits"),
        ("a: 1e400\n", "the number is too large"),
        ("a: .nan\n", "infinity and NaN are not figures"),
    ],
)
def test_scalars_that_cannot_be_built_are_located(tmp_path, yaml_text, message):
    result = validate(write(tmp_path, yaml_text))
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert message in " ".join(result.output.split())


def test_scalars_are_read_by_the_yaml_1_2_core_schema():
    from ntmplan.loading.yaml_source import parse_yaml

    text = "a: [0207, on, off, yes, no, 1_000, '1:30', 1:30, 0o17, 0x1F, 1.50, ~, TRUE, !!str 12, !!int 12]\n"
    assert parse_yaml("p.yaml", text).data["a"] == [
        207, "on", "off", "yes", "no", "1_000", "1:30", "1:30", 15, 31, 1.5, None, True, "12", 12
    ]


def test_communes_0207_is_not_octal():
    from ntmplan.loading.yaml_source import parse_yaml

    text = open("plans/2019.yaml", encoding="utf-8").read().replace("communes: 207", "communes: 0207", 1)
    assert parse_yaml("p.yaml", text).data["metadata"]["province"]["communes"] == 207


def test_two_criteria_with_one_number(tmp_path):
    plan = clean_plan()
    plan["criteria"][1]["number"] = plan["criteria"][0]["number"]
    result = validate(write(tmp_path, to_yaml(plan)))
    assert result.exit_code == 2
    assert "criterion 1 is given twice" in result.output and "criteria[1].number" in result.output


def test_many_small_values_are_refused_before_building(tmp_path):
    path = write(tmp_path, "- 1\n" * 1_000_000)  # 4 MB of small values
    result = validate(path)
    assert result.exit_code == 2
    assert "holds too many values" in result.output


def test_too_long_a_line(tmp_path):
    result = validate(write(tmp_path, "a: " + "x" * 30_000 + "\n"))
    assert result.exit_code == 2
    assert "plan.yaml:1:20001: a line is too long" in " ".join(result.output.split())
