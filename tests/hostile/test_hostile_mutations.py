"""Property suite: mutated plans, commune files and actuals never crash, hang or change the input.

Each test mutates a bundled input (its bytes, its YAML nodes, its CSV cells, its
encoding), runs the command line in-process and asserts: exit 0, 1 or 2, no
traceback, the input file unchanged, within hypothesis' deadline. The runs are
seeded (``derandomize``) so that CI sees the same examples every time. The
example count per test is small by default; ``NTMPLAN_HYPOTHESIS_EXAMPLES=2000``
(or ``bench/hostile.sh``) makes the long run.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).parents[2]
PLAN = (ROOT / "plans" / "2019.yaml").read_bytes()
COMMUNES = (ROOT / "data" / "communes-2019-06.csv").read_bytes()
ACTUALS = (ROOT / "data" / "budget-actuals-2019-06.csv").read_bytes()
EXAMPLES = int(os.environ.get("NTMPLAN_HYPOTHESIS_EXAMPLES", "0")) or None

runner = CliRunner()

# Values a hostile or careless file may hold, beside what hypothesis invents.
HOSTILE_TEXT = [
    "[b]x[/b]", "[/]", "[link=http://x]y", ":warning:", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x07y", "\u202eevil",
    "\x00", "\x9b2J", "0207", "on", "no", "1_000", "1:30", "2019-02-30", "2019-13-01", "9" * 5000, "1e400", ".nan",
    "-1", "", " ", "NaN", "inf", "=1+1", "@SUM(A1)", "x" * 40_000, "!!int abc", "&a", "*a", "- a", "{a: 1}",
]
HOSTILE_NUMBERS = ["9" * 400, "9" * 30, "1e30", "1e400", "-0", "-5", "1.800", "1,800", "3.002,8", "0,0", "1 800", "NaN",
                   "0x1F", "١٢"]
HOSTILE_CELLS = st.sampled_from(HOSTILE_TEXT) | st.sampled_from(HOSTILE_NUMBERS) | st.text(max_size=10)
HOSTILE_VALUES = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(), st.booleans(), st.text(max_size=30),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def profile(examples: int):
    """Seeded settings with ``examples`` by default, more for the long run; each example within 20 s."""
    return settings(
        max_examples=EXAMPLES or examples, derandomize=True, deadline=timedelta(seconds=20), database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                               HealthCheck.data_too_large],
    )


def run_on(tmp_path: Path, name: str, content: bytes, args: list[str]) -> None:
    """Run ntmplan with ``content`` written as ``name``; the properties every run must have."""
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, [arg.replace("{file}", str(path)) for arg in args])
    assert result.exit_code in (0, 1, 2), f"exit {result.exit_code}: {result.output[-2000:]!r} {result.exception!r}"
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert path.read_bytes() == content, "the input was modified"


byte_edits = st.lists(
    st.tuples(st.floats(min_value=0, max_value=1), st.integers(min_value=0, max_value=40),
              st.binary(max_size=12) | st.sampled_from([b"\x1b[2J", b"\xff\xfe", b"\x00", b'"', b"\n", b":", b"- "])),
    min_size=1, max_size=4,
)


def edited(raw: bytes, edits) -> bytes:
    """``raw`` with each edit: at a relative position, replace that many bytes with the given ones."""
    for where, length, inserted in edits:
        at = int(where * len(raw))
        raw = raw[:at] + inserted + raw[at + length:]
    return raw


# --- the plan ---------------------------------------------------------------------------------


@profile(40)
@given(edits=byte_edits)
def test_plan_bytes(tmp_path_factory, edits):
    run_on(tmp_path_factory.mktemp("plan"), "plan.yaml", edited(PLAN, edits), ["validate", "{file}"])


def _paths(value, path=()):
    """Every path to a value in plain data."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


PLAN_DATA = yaml.safe_load(PLAN.decode("utf-8-sig"))
PLAN_PATHS = [path for path in _paths(PLAN_DATA) if path]


def _replaced(data, path, value):
    if len(path) == 1:
        copy = dict(data) if isinstance(data, dict) else list(data)
        copy[path[0]] = value
        return copy
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


@profile(40)
@given(changes=st.lists(st.tuples(st.sampled_from(PLAN_PATHS), HOSTILE_VALUES), min_size=1, max_size=3),
       command=st.sampled_from(["validate", "targets", "budget", "schedule"]))
def test_plan_nodes(tmp_path_factory, changes, command):
    data = PLAN_DATA
    for path, value in changes:
        try:
            data = _replaced(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    run_on(tmp_path_factory.mktemp("plan"), "plan.yaml", text.encode("utf-8"), [command, "{file}"])


# --- the commune file ---------------------------------------------------------------------------

LINES = COMMUNES.decode("utf-8-sig").split("\n")
ROWS = [line.split(",") for line in LINES]


@profile(20)
@given(cells=st.lists(st.tuples(st.integers(min_value=0, max_value=len(ROWS) - 1), st.integers(min_value=0, max_value=40),
                                HOSTILE_CELLS | st.sampled_from(["", "1", "0", "x", ",", '"'])),
                      min_size=1, max_size=5),
       drop=st.integers(min_value=0, max_value=3))
def test_commune_cells(tmp_path_factory, cells, drop):
    rows = [list(row) for row in ROWS]
    for row, column, text in cells:
        if column < len(rows[row]):
            rows[row][column] = text
    if drop:
        rows[2] = rows[2][:-drop * 7]  # a row shorter than the header
    content = "\n".join(",".join(row) for row in rows).encode("utf-8")
    run_on(tmp_path_factory.mktemp("data"), "communes.csv", content, ["check", "{file}"])


@profile(15)
@given(edits=byte_edits)
def test_commune_bytes(tmp_path_factory, edits):
    run_on(tmp_path_factory.mktemp("data"), "communes.csv", edited(COMMUNES, edits), ["check", "{file}"])


@profile(8)
@given(encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-32", "cp1258", "latin-1", "utf-8-sig", "utf-7"]),
       edits=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 4), st.binary(max_size=4)),
                      max_size=1))
def test_commune_encodings(tmp_path_factory, encoding, edits):
    content = COMMUNES.decode("utf-8-sig").encode(encoding, errors="replace")
    run_on(tmp_path_factory.mktemp("data"), "communes.csv", edited(content, edits), ["check", "{file}"])


# --- the actuals file ---------------------------------------------------------------------------

ACTUAL_LINES = ACTUALS.decode("utf-8-sig").split("\n")


@profile(30)
@given(cells=st.lists(st.tuples(st.integers(min_value=0, max_value=len(ACTUAL_LINES) - 1),
                                st.sampled_from([0, 1, 2, 2, 2, 3, 4]), HOSTILE_CELLS), min_size=1, max_size=4),
       edits=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 10), st.binary(max_size=6)),
                      max_size=2))
def test_actuals(tmp_path_factory, cells, edits):
    rows = [line.split(";") for line in ACTUAL_LINES]
    for row, column, text in cells:
        if column < len(rows[row]):
            rows[row][column] = text
    content = edited("\n".join(";".join(row) for row in rows).encode("utf-8"), edits)
    run_on(tmp_path_factory.mktemp("data"), "actuals.csv", content, ["budget", "--actuals", "{file}"])
