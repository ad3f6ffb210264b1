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

A baseline file is written by ``ntmplan baseline`` (the JSON output of
``validate``, ``check`` or ``budget`` is read as one too): the findings it lists
are silenced as known, each matched by what was found (file name, rule code,
path in the document, and the figures expected and found), so a finding whose
figures change is new.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ntmplan.errors import InputError, line_and_column, read_text
from ntmplan.findings import Finding, Severity
from ntmplan.i18n import N_, _, translate
from ntmplan.rules.settings import Baseline, Settings, baseline_key
from ntmplan.text import suggest

CONFIG_NAMES = ("ntmplan.yaml", "ntmplan.yml")
MAX_CONFIG_BYTES = 1_000_000
MAX_LOCATED_LINES = 2_000  # a pyproject longer than this is not searched for a key's line
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
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if (directory / ".git").exists():
            return None
    return None


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml configures ntmplan: it has a ``tool.ntmplan`` table in any TOML form, or it
    cannot be parsed but names ntmplan (reading it then says what is wrong)."""
    try:
        text = read_text(str(pyproject), "a pyproject.toml", MAX_CONFIG_BYTES)
    except InputError:
        return False
    try:
        tool = _toml_loads(text).get("tool")
    except (ValueError, RecursionError):
        return "ntmplan" in text
    return isinstance(tool, dict) and "ntmplan" in tool


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
            names = ", ".join(allowed)
            expected = (_("'{hint}' (did you mean it?) or another of: {names}").format(hint=hint, names=names) if hint
                        else _("one of: {names}").format(names=names))
            raise InputError(file, _("unknown option '{name}'").format(name=keys[-1]), line=line, column=column,
                             path=".".join(keys), expected=expected) from None
        expected = (error["msg"][0].lower() + error["msg"][1:]).removeprefix("input should be ")
        raise InputError(file, _("wrong value"), line=line, column=column, path=".".join(keys),
                         expected=expected.removeprefix("value error, "), found=_shown(error.get("input"))) from None
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
    expected = _("a rule code such as SH01 or a rule name ('ntmplan rules' lists them)")
    if nearest:
        expected = _("'{nearest}' (did you mean it?) or another rule code ('ntmplan rules' lists them)").format(
            nearest=nearest)
    raise InputError(file, _("unknown rule '{code}'").format(code=code), line=line, column=column, path=".".join(keys),
                     expected=expected)


def _read_yaml(file: str):
    from ntmplan.loading.yaml_source import load_yaml

    document = load_yaml(file)
    data = document.data
    if data is None or not isinstance(data, dict):
        raise InputError(file, _("the configuration must be a mapping of options"), line=1, column=1,
                         expected=_("fail-on, disable, severity or baseline"))

    def locate(keys: list[str], key: bool) -> tuple[int | None, int | None]:
        path = ".".join(keys)
        mark = (document.key_marks.get(path) if key or keys[0] == "severity" else None) or document.mark(path)
        if keys and keys[0] == "disable" and isinstance(data.get("disable"), list) and keys[-1] in data["disable"]:
            mark = document.mark(f"disable[{data['disable'].index(keys[-1])}]") or mark
        return (mark.line, mark.column) if mark else (None, None)

    return data, locate


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    return tomllib.loads(text)


def _read_toml(file: str):
    text = read_text(file, "a pyproject.toml", MAX_CONFIG_BYTES)
    try:
        data = _toml_loads(text)
    except RecursionError:
        raise InputError(file, _("the TOML is nested too deeply"), expected=_("a [tool.ntmplan] table of options")) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, and a number too long to read
        message = str(exc) if type(exc).__name__ == "TOMLDecodeError" else _("a number is too long to read")
        where = message.rpartition(" (at line ")[2].rstrip(")").split(", column ")
        line, column = (int(where[0]), int(where[1])) if len(where) == 2 and all(map(str.isdigit, where)) \
            else (None, None)
        raise InputError(file, _("TOML syntax error: {problem}").format(problem=message.split(" (at")[0]), line=line, column=column) from None
    tool = data.get("tool")
    if tool is not None and not isinstance(tool, dict):
        line, column = toml_position(text, [], root=("tool",))
        raise InputError(file, _("tool must be a table"), line=line, column=column, path="tool",
                         expected=_("a [tool.ntmplan] table of options"), found=_shown(tool))
    options: Any = (tool or {}).get("ntmplan")
    if options is None:
        raise InputError(file, _("there is no [tool.ntmplan] table"), expected=_("a [tool.ntmplan] table of options"))
    if not isinstance(options, dict):
        line, column = toml_position(text, [])
        raise InputError(file, _("tool.ntmplan must be a table of options"), line=line, column=column,
                         path=TABLE, expected=_("a [tool.ntmplan] table"), found=_shown(options))
    return options, lambda keys, key: toml_position(text, keys)


def toml_position(text: str, keys: list[str], root: tuple[str, ...] = ("tool", "ntmplan")) -> tuple[int | None, int | None]:
    """Line and column of ``keys`` under [tool.ntmplan] in a TOML text, in whatever TOML form it is written.

    TOML parsers keep no positions, so the parser itself is asked: the key's line
    is the first line after which the text read so far holds it (an item of a
    list counts as a key of it); its column, where its name is written on that
    line or the lines just above. A text too long to read line by line is not located.
    """
    lines = text.splitlines(keepends=True)
    if len(lines) > MAX_LOCATED_LINES:
        return None, None
    wanted = [*root, *keys]
    for number in range(1, len(lines) + 1):
        try:
            data = _toml_loads("".join(lines[:number]))
        except (ValueError, RecursionError):
            continue
        if _holds(data, wanted):
            name = wanted[-1]
            for above in range(number - 1, max(-1, number - 51), -1):
                column = lines[above].find(name)
                if column >= 0:
                    return above + 1, column + 1
            return number, 1
    return None, None


def _holds(data: Any, keys: list[str]) -> bool:
    for key in keys:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and key in data:
            return True
        else:
            return False
    return True


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


BASELINE_FORMAT = "ntmplan-baseline"
BASELINE_EXPECTED = N_("the file 'ntmplan baseline' writes (or the JSON output of ntmplan validate)")
MAX_BASELINE_BYTES = 20_000_000


def load_baseline(file: str) -> Baseline:
    """Read a baseline: the file ``ntmplan baseline`` writes, or the JSON that ``--format json`` prints.

    Its findings (and those an earlier baseline silenced, so that regenerating it
    with a baseline in use keeps them) are matched by what was found: file name,
    rule, path, and the figures expected and found.
    """
    text = read_text(file, "a baseline (the JSON output of ntmplan validate --format json)", MAX_BASELINE_BYTES)
    data = _baseline_json(file, text)
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(file, _("the baseline has no list of findings"), line=1, column=1, expected=translate(BASELINE_EXPECTED))
    silenced = data.get("silenced")
    if silenced is not None and not isinstance(silenced, list):
        raise InputError(file, _("'silenced' of the baseline is not a list"), expected=_("a list of findings"),
                         found=type(silenced).__name__)
    listed = data["findings"] + [
        f for f in silenced or [] if isinstance(f, dict) and isinstance(f.get("silenced"), dict)
        and f["silenced"].get("kind") == "baseline"
    ]
    entries = set()
    for number, item in enumerate(listed):
        location = item.get("location") if isinstance(item, dict) else None
        if not isinstance(location, dict) or not isinstance(item.get("code"), str) \
                or not isinstance(location.get("file"), str) or not isinstance(location.get("path") or "", str):
            raise InputError(file, _("finding {number} of the baseline has no code or location").format(number=number + 1),
                             expected=_("findings as ntmplan prints them")) from None
        entries.add(baseline_key(location["file"], item["code"], location.get("path") or "", item.get("expected"),
                                 item.get("actual")))
    return Baseline(file, frozenset(entries))


def _baseline_json(file: str, text: str) -> Any:
    """The JSON of a baseline; NaN, infinities, numbers too long and nesting too deep are refused, located."""

    def refuse(written: str) -> None:
        line, column = line_and_column(text, max(text.find(written), 0))
        raise InputError(file, _("the baseline holds a number that is not a finite figure"), line=line, column=column,
                         expected=_("numbers as ntmplan writes them"), found=written[:40])

    def finite(written: str) -> float:
        value = float(written)
        if not math.isfinite(value):
            refuse(written)
        return value

    try:
        return json.loads(text, parse_constant=refuse, parse_float=finite)
    except json.JSONDecodeError as exc:
        raise InputError(file, _("the baseline is not valid JSON ({reason})").format(reason=exc.msg), line=exc.lineno, column=exc.colno,
                         expected=translate(BASELINE_EXPECTED)) from None
    except RecursionError:
        raise InputError(file, _("the baseline is nested too deeply"), expected=translate(BASELINE_EXPECTED)) from None
    except ValueError:  # an integer of thousands of digits
        raise InputError(file, _("the baseline holds a number too long to read"), expected=translate(BASELINE_EXPECTED)) from None


def baseline_document(findings: list[Finding], plans: list[str]) -> bytes:
    """The baseline file of ``findings``: what ``load_baseline`` reads back, one finding per entry."""
    document = {
        "format": BASELINE_FORMAT,
        "version": 1,
        "plans": plans,
        "findings": [finding.to_dict() for finding in findings],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
