"""Rule cases as data: the case files of ``tests/rules/cases/`` and the inputs they change.

One case file per family of rules, named after the family's module under
``ntmplan/rules/``: ``shares.yaml`` for ``rules/plan/shares.py``,
``data_columns.yaml`` for ``rules/data/columns.py``, ``targets.yaml`` for
``rules/targets.py``. A case is a few lines::

    - name: a criterion's share one point off            # what it shows; the test's id
      rule: SH01                                         # the rule it is about
      plan: {"criteria[3].communes.stated_share": 61.0}  # the change to the clean input
      findings:                                          # what the rule reports, in the order reported
        - [SH01, "criteria[3].communes.stated_share", {expected: 60.0, actual: 61.0}]

(Paths with brackets are quoted: YAML reads ``[`` as the start of a list.)

A case with no finding of its rule (``findings: []``) is a passing case. The
clean inputs give no finding of the rules that judge them (``test_clean_inputs``),
so every finding comes from the change.

The clean input is that of the rule's scope, and the case runs the job that
runs the rule (``validate``, ``check`` or ``budget``) on files written for it:

- plan, budget and marker rules: the clean plan of ``tests/planfactory.py``;
- data rules: the committed commune file ``data/communes.csv`` with the bundled plan;
- target rules: the clean plan and ``clean/communes.csv`` (ten communes that meet it);
- actuals rules: the clean plan and ``clean/actuals.csv``.

Changes:

- ``plan: {dotted.path: value}`` sets values in the clean plan (``criteria[3].communes.total``);
  a path one past the end of a list appends to it. A figure is written into the plan
  as the case writes it: ``29.50`` keeps its two decimals, ``61`` is a whole number.
- ``markers``: comments put into the plan file, ``{after: path, text: ...}`` at the end
  of the line of the value at ``path``, ``{above: path, text: ...}`` on lines of their
  own above it (one line for each line of ``text``), ``{end: ...}`` after a blank line
  at the end of the file.
- commune files (data and target rules), with lines and columns of the clean file and
  columns by their canonical name: ``cell: {line: 5, column: c03, value: maybe}`` (or a
  list of them), ``extra_cell: {line, value}`` (a cell past the last column),
  ``add_column: {header, value, lines: {line: value}}`` (a last column; ``value`` fills
  every line, ``lines`` some), ``drop_column: name``, ``copy_line: n`` (a copy at the
  end), ``drop_line: n``, ``cut_line: {line: n, cells: k}`` (the line ends after k cells),
  ``append_lines: [text, ...]`` (lines written as they are, at the end), ``file: name`` (the
  name of the file written, which may name a district: ``180-trang-dinh.csv``),
  ``workbook: {plan: 48/KH-UBND, year: 2018, version: 1}`` (the file written as a workbook
  made by ``ntmplan template``, its hidden sheet recording these, the bundled plan's otherwise).
- actuals files: ``rows: [...]`` appended to the clean rows, or ``text:`` the whole file.
- ``as_of: 2019-06-30`` for target and actuals rules; ``basis: pro-rata`` for target rules.

Findings, flattened:

- ``[code, path]`` where the finding points into the plan; a finding about a marker
  (which has no path) is named by where the case put the marker: its path, or ``end``;
- ``[code, line, column]`` in a commune file, the column by its canonical name (``+1``
  for the first column past the clean file's last), or, without a column, the name the
  finding gives (``code`` for DA09); in an actuals file the column is the header;
- a last item may hold what else matters: ``{message: text the message contains,
  expected: ..., actual: ..., tolerance: ..., severity: ...}``.

``findings`` lists the findings of the case's rule; with ``all_rules: true`` it lists
every finding of the rules that judge the same input (the plan, budget and marker
rules together). ``silenced`` lists the findings that markers silenced.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable

import yaml

from ntmplan.communes.columns import NAMES
from ntmplan.findings import Finding
from ntmplan.loading.plan_loader import LoadedPlan, load_plan
from ntmplan.loading.yaml_source import parse_yaml
from ntmplan.rules.registry import RULES, Rule, Scope
from ntmplan.rules.scopes import ACTUALS, BUDGET, DATA, MARKERS, PLAN, TARGETS, all_rules
from ntmplan.rules.settings import Settings
from ntmplan.runs.budget import run_budget
from ntmplan.runs.check import run_check
from ntmplan.runs.validate import run_validate
from planfactory import Raw, clean_plan, patched, to_yaml

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
CLEAN = HERE / "clean"
ROOT = HERE.parents[1]
BASELINE = ROOT / "data" / "communes.csv"
BUNDLED_PLAN = ROOT / "plans" / "2019.yaml"

COMMUNE_EDITS = ("cell", "extra_cell", "add_column", "drop_column", "copy_line", "drop_line", "cut_line",
                 "append_lines", "file", "workbook")
ALWAYS = {"name", "rule", "findings", "all_rules", "silenced"}


class _Loader(yaml.SafeLoader):
    """YAML as the case writes it: a float keeps its written form ('29.50'), to be written into a plan."""


_Loader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Raw(loader.construct_scalar(node)))


@dataclass(frozen=True)
class Case:
    """One case of a case file."""

    family: str
    name: str
    rule: str
    spec: dict[str, Any] = field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.family}/{self.rule}/{'-'.join(self.name.split())}"

    @property
    def expected(self) -> list[list[Any]]:
        return self.spec.get("findings") or []

    @property
    def fails(self) -> bool:
        """Whether the case expects its rule to report something."""
        return any(finding[0] == self.rule for finding in self.expected)


def family(rule: Rule) -> str:
    """The case file of a rule: its module's name ('data_columns' for ``ntmplan.rules.data.columns``)."""
    module = rule.check.__module__.removeprefix("ntmplan.rules.").removeprefix("plan.")
    return module.replace(".", "_")


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def load_cases(path: Path) -> list[Case]:
    """The cases of one file; a case that names an unknown rule or key is an error, not a skipped test."""
    all_rules()
    cases = []
    with path.open(encoding="utf-8") as stream:
        specs = yaml.load(stream, Loader=_Loader) or []
    for spec in specs:
        name, code = spec.get("name"), spec.get("rule")
        where = f"{path.name}: case {name!r}"
        if not name or code not in RULES:
            raise ValueError(f"{where}: each case needs a name and the code of a registered rule, not {code!r}")
        unknown = set(spec) - ALWAYS - set(INPUTS[RULES[code].scope.name].changes)
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)} for a rule of scope {RULES[code].scope.name}")
        cases.append(Case(path.stem, name, code, spec))
    return cases


def all_cases() -> list[Case]:
    return [case for path in case_files() for case in load_cases(path)]


# --- running a case ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """The findings of the job a case ran (silenced ones included) and how to flatten them."""

    findings: list[Finding]
    flat: Callable[[Finding], list[Any]]


def run(case: Case, folder: Path) -> Outcome:
    return INPUTS[RULES[case.rule].scope.name].run(case.spec, folder)


def judged(case: Case, outcome: Outcome, silenced: bool) -> list[Finding]:
    """The findings the case states (silenced ones, or the others): of its rule, or of every rule judging its input."""
    scopes = INPUTS[RULES[case.rule].scope.name].scopes

    def stated(finding: Finding) -> bool:
        return RULES[finding.code].scope in scopes if case.spec.get("all_rules") else finding.code == case.rule

    return [f for f in outcome.findings if stated(f) and (f.suppression is not None) == silenced]


def _plan_findings(spec: dict[str, Any], folder: Path) -> Outcome:
    text, placed = with_markers(to_yaml(plan_of(spec)), spec.get("markers") or [])
    plan = _write(folder / "plan.yaml", text)
    verdict = run_validate([plan], Settings(), None).verdict

    def flat(finding: Finding) -> list[Any]:
        location = finding.location
        return [finding.code, location.path or placed.get(location.line, f"line {location.line}")]

    return Outcome(verdict.findings + verdict.silenced, flat)


def _data_findings(spec: dict[str, Any], folder: Path) -> Outcome:
    text = _write(folder / spec.get("file", "communes.csv"), edited_communes(BASELINE, spec))
    data = _as_template(folder / "communes.xlsx", text, spec["workbook"]) if "workbook" in spec else text
    verdict = run_check(bundled_plan(), [data], None, Settings(), None).verdict
    return Outcome(verdict.findings, commune_columns(text, BASELINE))


def _target_findings(spec: dict[str, Any], folder: Path) -> Outcome:
    plan = _write(folder / "plan.yaml", to_yaml(plan_of(spec)))
    data = _write(folder / "communes.csv", edited_communes(CLEAN / "communes.csv", spec))
    verdict = run_check(plan, [data], spec.get("as_of"), Settings(), None, basis=spec.get("basis", "year-end")).verdict
    return Outcome(verdict.findings, lambda finding: [finding.code, finding.location.path])


def _actuals_findings(spec: dict[str, Any], folder: Path) -> Outcome:
    clean = (CLEAN / "actuals.csv").read_text(encoding="utf-8")
    text = spec["text"] if "text" in spec else clean + "".join(f"{row}\n" for row in spec.get("rows") or [])
    plan = _write(folder / "plan.yaml", to_yaml(plan_of(spec)))
    actuals = _write(folder / "actuals.csv", text)
    verdict = run_budget(plan, actuals, spec.get("as_of"), Settings(), None).verdict
    return Outcome(verdict.findings, lambda f: [f.code, f.location.line, f.location.path or None])


@dataclass(frozen=True)
class Input:
    """What the cases of a scope change, the scopes judging the same input, and how a case runs."""

    changes: tuple[str, ...]
    scopes: tuple[Scope, ...]
    run: Callable[[dict[str, Any], Path], Outcome]


PLAN_INPUT = Input(("plan", "markers"), (PLAN, BUDGET, MARKERS), _plan_findings)
INPUTS = {
    "plan": PLAN_INPUT,
    "budget": PLAN_INPUT,
    "markers": PLAN_INPUT,
    "data": Input(COMMUNE_EDITS, (DATA,), _data_findings),
    "targets": Input(("plan", "as_of", "basis", *COMMUNE_EDITS), (TARGETS,), _target_findings),
    "actuals": Input(("plan", "as_of", "rows", "text"), (ACTUALS,), _actuals_findings),
}


def _as_template(path: Path, csv_file: str, recorded: dict[str, Any]) -> str:
    """The commune file as a workbook of ``ntmplan template``, its hidden sheet recording ``recorded``."""
    import openpyxl

    from ntmplan.communes.template import FORMAT_VERSION, META_SHEET, TemplateInfo

    metadata = bundled_plan().plan.metadata
    info = TemplateInfo(recorded.get("version", FORMAT_VERSION), recorded.get("plan", metadata.number),
                        recorded.get("year", metadata.year), metadata.province.name, None, None, "Số liệu", "vi")
    book = openpyxl.Workbook()
    book.active.title = "Số liệu"
    for line in Path(csv_file).read_text(encoding="utf-8").splitlines():
        book.active.append(line.split(","))
    meta = book.create_sheet(META_SHEET)
    for row in info.rows():
        meta.append(list(row))
    meta.sheet_state = "hidden"
    book.save(path)
    return str(path)


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@cache
def bundled_plan() -> LoadedPlan:
    return load_plan(str(BUNDLED_PLAN))


# --- the plan --------------------------------------------------------------------------------

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_LAST_INDEX = re.compile(r"^(.+)\[(\d+)\]$")


def plan_of(spec: dict[str, Any]) -> dict[str, Any]:
    """The clean plan with the case's values set; a path one past the end of a list appends."""
    plan = clean_plan()
    for path, value in (spec.get("plan") or {}).items():
        last = _LAST_INDEX.match(path)
        items = _value_at(plan, last[1]) if last else None
        if isinstance(items, list) and int(last[2]) == len(items):
            plan = patched(plan, {last[1]: [*items, value]})
        else:
            plan = patched(plan, {path: value})
    return plan


def _value_at(data: Any, path: str) -> Any:
    for key, index in _STEP.findall(path):
        data = data[int(index)] if index else data[key]
    return data


def with_markers(text: str, markers: list[dict[str, str]]) -> tuple[str, dict[int, str]]:
    """``text`` with the case's comments, and for each line holding a marker, where the case put it."""
    document = parse_yaml("plan.yaml", text)
    by_line: dict[int, list[dict[str, str]]] = {}
    for marker in markers:
        if "end" not in marker:
            by_line.setdefault(document.mark(marker.get("after") or marker["above"]).line, []).append(marker)
    lines: list[str] = []
    placed: dict[int, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        for marker in by_line.get(number, []):
            if "above" in marker:
                placed[len(lines) + 1] = marker["above"]
                lines += [indent + comment for comment in marker["text"].splitlines()]
            else:
                placed[len(lines) + 1] = marker["after"]
                line += "  " + marker["text"]
        lines.append(line)
    for marker in markers:
        if "end" in marker:
            lines += ["", marker["end"]]
            placed[len(lines)] = "end"
    return "\n".join(lines) + "\n", placed


# --- commune files -----------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


def edited_communes(clean: Path, spec: dict[str, Any]) -> str:
    """The clean commune file with the case's edits; lines and columns are those of the clean file."""
    rows = [line.split(",") for line in clean.read_text(encoding="utf-8").splitlines()]
    header = list(rows[0])
    cells = spec.get("cell") or []
    for cell in [cells] if isinstance(cells, dict) else cells:
        rows[cell["line"] - 1][header.index(cell["column"])] = _cell_text(cell["value"])
    if "extra_cell" in spec:
        rows[spec["extra_cell"]["line"] - 1].append(_cell_text(spec["extra_cell"]["value"]))
    if "add_column" in spec:
        column = spec["add_column"]
        rows[0].append(_cell_text(column["header"]))
        for number, row in enumerate(rows[1:], start=2):
            row.append(_cell_text((column.get("lines") or {}).get(number, column.get("value"))))
    if "drop_column" in spec:
        index = header.index(spec["drop_column"])
        for row in rows:
            del row[index]
    if "copy_line" in spec:
        rows.append(list(rows[spec["copy_line"] - 1]))
    if "drop_line" in spec:
        del rows[spec["drop_line"] - 1]
    if "cut_line" in spec:
        cut = spec["cut_line"]
        del rows[cut["line"] - 1][cut["cells"]:]
    return "".join(",".join(row) + "\n" for row in rows) + "".join(f"{line}\n" for line in spec.get("append_lines") or [])


def commune_columns(data: str, clean: Path) -> Callable[[Finding], list[Any]]:
    """Flattens a finding in a commune file to ``[code, line, column]``, the column by its canonical name."""
    header = Path(data).read_text(encoding="utf-8").splitlines()[0].split(",")
    width = len(clean.read_text(encoding="utf-8").splitlines()[0].split(","))

    def flat(finding: Finding) -> list[Any]:
        location = finding.location
        column: Any = location.path or None
        if location.column is not None:
            written = header[location.column - 1] if location.column <= len(header) else ""
            column = written if written in NAMES else f"+{location.column - width}"
        return [finding.code, location.line, column]

    return flat


# --- comparing ---------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A value of a case file as Python compares it: a figure as a float, a date as ISO text."""
    if isinstance(value, Raw):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def details(finding: Finding, wanted: dict[str, Any]) -> dict[str, Any]:
    """What the finding has of the fields a case states, in the form the case states them."""
    found: dict[str, Any] = {}
    for key, value in wanted.items():
        if key == "message":
            found[key] = value if value in finding.message else finding.message
        elif key == "severity":
            found[key] = finding.severity.value
        elif key in ("expected", "actual", "tolerance"):
            actual, stated = getattr(finding, key), plain(value)
            numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (actual, stated))
            found[key] = value if (abs(actual - stated) < 1e-9 if numbers else actual == stated) else actual
        else:
            raise ValueError(f"a finding has no field {key!r}: use message, expected, actual, tolerance or severity")
    return found
