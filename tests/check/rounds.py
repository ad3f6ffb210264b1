"""Small hand-made rounds of commune data, written into a test's folder.

Each is the bundled start-of-year round (``data/communes.csv``) or the June
round, cut down or changed in a few cells, so that each test shows the one
thing it is about and its answer is known from the lines it changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")
START = ROOT / "data" / "communes.csv"
JUNE = ROOT / "data" / "communes-2019-06.csv"
runner = CliRunner()


def lines(source: Path = START) -> list[str]:
    """The round's lines; [0] is the header."""
    return source.read_text(encoding="utf-8").splitlines()


def header() -> list[str]:
    return lines()[0].split(",")


def row_of(rows: list[str], code: str) -> int:
    return next(i for i, line in enumerate(rows) if line.startswith(code + ","))


def changed(rows: list[str], code: str, **cells: str) -> list[str]:
    """``rows`` with cells of commune ``code`` set, the columns named canonically (c02, ntm_year, ...)."""
    rows = list(rows)
    index = row_of(rows, code)
    values = rows[index].split(",")
    for column, value in cells.items():
        values[header().index(column)] = value
    rows[index] = ",".join(values)
    return rows


def write(folder: Path, rows: list[str], name: str = "communes.csv") -> str:
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def district(rows: list[str], code: str) -> list[str]:
    """The header and the lines of one district (by its code)."""
    column = header().index("district_code")
    return [rows[0]] + [line for line in rows[1:] if line.split(",")[column] == code]


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def check_json(*args: str) -> tuple[int, dict]:
    result = run("check", *args, "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.output)
