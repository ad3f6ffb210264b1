"""Configuration: a rule's severity, disabled rules, the failing level, a baseline.

Read from ``--config FILE``, else from the nearest ``ntmplan.yaml`` or
``pyproject.toml`` with a ``[tool.ntmplan]`` table, looking in the working
directory and its parents up to the repository's root. The same keys in both::

    [tool.ntmplan]                      # ntmplan.yaml
    fail-on = "warning"                 # fail-on: warning
    disable = ["RF04"]                  # disable: [RF04]
    baseline = "plans/2019.baseline.json"
    [tool.ntmplan.severity]             # severity:
    FE03 = "error"                      #   FE03: error

Strict, as the plan format is: an unknown option, an unknown rule code or a
wrong value is an ``InputError`` naming the file, line and column (exit 2).
Every run hands the ``Settings`` read here to the engine, which applies them to
its findings (``rules.settings.apply_settings``); the command line's
``--fail-on``, ``--strict`` and ``--baseline`` win over the file.

A baseline file is the JSON output of ``validate``, ``check`` or ``budget``: the
findings it lists (by file name, rule code and path in the document) are
silenced as known.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ntmplan.errors import InputError, read_text
from ntmplan.findings import Severity
from ntmplan.rules.settings import Baseline, Settings, baseline_key
from ntmplan.text import suggest

CONFIG_NAMES = ("ntmplan.yaml", "ntmplan.yml")
PYPROJECT = "pyproject.toml"
TABLE = "tool.ntmplan"


class ConfigModel(BaseModel):
    """The options of the configuration file; anything else is an error."""

    # Built when a configuration file is read, not on every start of a command that judges.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    fail_on: Literal["error", "warning", "never"] | None = Field(
        default=None, alias="fail-on", description="lowest severity that fails the run"
    )
    disable: list[str] = Field(default=[], description="rule codes (or names) not to run")
    severity: dict[str, Severity] = Field(default={}, description="a rule's severity instead of its default")
    baseline: str | None = Field(default=None, description="JSON output of an earlier run: its findings are known")


def find_config(start: Path) -> Path | None:
    """The nearest ntmplan.yaml, or pyproject.toml with [tool.ntmplan], from ``start`` upwards.

    The search stops at a repository's root (a directory with ``.git``) so that a
    checkout is never configured by a file outside it.
    """
    for directory in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and re.search(r"^\s*\[\s*tool\.ntmplan\s*[.\]]", _quiet_read(pyproject), re.M):
            return pyproject
        if (directory / ".git").exists():
            return None
    return None


def _quiet_read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def load_settings(config: str | None = None, baseline: str | None = None, start: Path | None = None) -> Settings:
    """Settings from ``config`` (or the one found from ``start``), with ``baseline`` winning over its own."""
    path = Path(config) if config is not None else find_config(start or Path.cwd())
    settings = Settings()
    if path is not None:
        settings = read_config(str(path))
    if baseline is not None:
        settings = Settings(settings.source, settings.severity, settings.disabled, settings.fail_on,
                            load_baseline(baseline))
    return settings


def read_config(file: str) -> Settings:
    """Read and check one configuration file (``*.toml`` as pyproject, anything else as YAML)."""
    if file.endswith(".toml"):
        options, locate = _read_toml(file)
    else:
        options, locate = _read_yaml(file)
    try:
        model = ConfigModel.model_validate(options)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        keys = [str(part) for part in error["loc"]]
        line, column = locate(keys, error["type"] == "extra_forbidden")
        if error["type"] == "extra_forbidden":
            allowed = sorted(f.alias or name for name, f in ConfigModel.model_fields.items())
            hint = suggest(keys[-1], allowed)
            expected = (f"'{hint}' (did you mean it?) or another of: " if hint else "one of: ") + ", ".join(allowed)
            raise InputError(file, f"unknown option '{keys[-1]}'", line=line, column=column,
                             path=".".join(keys), expected=expected) from None
        expected = (error["msg"][0].lower() + error["msg"][1:]).removeprefix("input should be ")
        raise InputError(file, "wrong value", line=line, column=column, path=".".join(keys),
                         expected=expected.removeprefix("value error, "), found=repr(error.get("input"))) from None
    disabled = {_rule_code(file, code, ["disable", code], locate) for code in model.disable}
    severity = {_rule_code(file, code, ["severity", code], locate): level for code, level in model.severity.items()}
    found_baseline = None
    if model.baseline is not None:
        found_baseline = load_baseline(str(Path(file).parent / model.baseline))
    return Settings(file, severity, frozenset(disabled), model.fail_on, found_baseline)


def _rule_code(file: str, code: str, keys: list[str], locate) -> str:
    """The code of the rule named ``code``; an unknown one is an error with the nearest code."""
    from ntmplan.rules.registry import RULES, find_rule
    from ntmplan.rules.scopes import all_rules

    all_rules()
    found = find_rule(code)
    if found is not None:
        return found.code
    line, column = locate(keys, False)
    nearest = suggest(code.upper(), RULES)
    expected = "a rule code such as SH01 or a rule name ('ntmplan rules' lists them)"
    if nearest:
        expected = f"'{nearest}' (did you mean it?) or another rule code ('ntmplan rules' lists them)"
    raise InputError(file, f"unknown rule '{code}'", line=line, column=column, path=".".join(keys),
                     expected=expected)


def _read_yaml(file: str):
    from ntmplan.loading.yaml_source import load_yaml

    document = load_yaml(file)
    data = document.data
    if data is None or not isinstance(data, dict):
        raise InputError(file, "the configuration must be a mapping of options", line=1, column=1,
                         expected="fail-on, disable, severity or baseline")

    def locate(keys: list[str], key: bool) -> tuple[int | None, int | None]:
        path = ".".join(keys)
        mark = (document.key_marks.get(path) if key or keys[0] == "severity" else None) or document.mark(path)
        if keys and keys[0] == "disable" and isinstance(data.get("disable"), list) and keys[-1] in data["disable"]:
            mark = document.mark(f"disable[{data['disable'].index(keys[-1])}]") or mark
        return (mark.line, mark.column) if mark else (None, None)

    return data, locate


def _read_toml(file: str):
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    text = read_text(file, "a pyproject.toml")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        raise InputError(file, f"TOML syntax error: {str(exc).split(' (at')[0]}",
                         line=int(where[1]) if where else None, column=int(where[2]) if where else None) from None
    options: Any = data.get("tool", {}).get("ntmplan")
    if options is None:
        raise InputError(file, "there is no [tool.ntmplan] table", expected="a [tool.ntmplan] table of options")
    if not isinstance(options, dict):
        raise InputError(file, "tool.ntmplan must be a table of options", expected="a [tool.ntmplan] table")
    return options, lambda keys, key: toml_position(text, keys)


def toml_position(text: str, keys: list[str]) -> tuple[int | None, int | None]:
    """Line and column of ``keys`` under [tool.ntmplan] in a TOML text.

    TOML parsers keep no positions, so this looks for the key's line in the
    table or its sub-table, and for an item (a rule code) from that line on.
    """
    lines = text.splitlines()
    section = None
    for number, line in enumerate(lines, start=1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            section = header[1].replace('"', "").replace(" ", "")
            continue
        if section == TABLE and _assigns(line, keys[0]):
            if len(keys) > 1:
                for later in range(number - 1, min(len(lines), number + 50)):
                    column = lines[later].find(keys[1], line.index("=") + 1 if later == number - 1 else 0)
                    if column >= 0:
                        return later + 1, column + 1
            return number, line.index(keys[0]) + 1
        if section == f"{TABLE}.{keys[0]}" and len(keys) > 1 and _assigns(line, keys[1]):
            return number, line.index(keys[1]) + 1
    header_line = next((n for n, line in enumerate(lines, start=1) if re.match(r"^\s*\[\s*tool\.ntmplan", line)), None)
    return (header_line, 1) if header_line else (None, None)


def _assigns(line: str, key: str) -> bool:
    return re.match(rf'^\s*["\']?{re.escape(key)}["\']?\s*=', line) is not None


def load_baseline(file: str) -> Baseline:
    """Read a baseline: the JSON that ``--format json`` prints (its findings, and findings
    silenced by an earlier baseline, so that regenerating it with a baseline in use keeps them)."""
    text = read_text(file, "a baseline (the JSON output of ntmplan validate --format json)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(file, f"the baseline is not valid JSON ({exc.msg})", line=exc.lineno, column=exc.colno,
                         expected="the output of ntmplan validate --format json") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(file, "the baseline has no list of findings", line=1, column=1,
                         expected="the output of ntmplan validate --format json")
    entries = set()
    listed = data["findings"] + [
        f for f in data.get("silenced") or [] if isinstance(f, dict) and (f.get("silenced") or {}).get("kind") == "baseline"
    ]
    for number, item in enumerate(listed):
        try:
            location = item["location"]
            entries.add(baseline_key(str(location["file"]), str(item["code"]), str(location.get("path") or "")))
        except (KeyError, TypeError):
            raise InputError(file, f"finding {number + 1} of the baseline has no code or location",
                             expected="findings as ntmplan prints them") from None
    return Baseline(file, frozenset(entries))
