"""A large round reads and judges the same after the speed work: figures and findings as before.

``bench/bench.py`` generates the national-scale files the benchmark times; the same
generator, smaller and with many more faulty cells, gives the round below.
``data/scale_expected.json`` was produced by the code before the reading was made fast
(54001c3): every number of ``check --format json`` and every finding (code,
severity, message, line, column, path); since then messages changed on purpose twice, and
their new words were written in: TG04's target for each commune (issue 13), and the count of
findings not shown, grouped by thousands ('19,693 more findings').
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).parent / "data" / "scale_expected.json"
ROWS, FAULT_EVERY = 20_000, 400


def bench_module():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "bench" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(value, path: str = "") -> dict[str, float]:
    """Every number of the output by its path ('criteria[3].actual'); labels and wording may evolve."""
    if isinstance(value, dict):
        return {key: number for name, item in value.items() for key, number in figures(item, f"{path}.{name}").items()}
    if isinstance(value, list):
        return {key: number for i, item in enumerate(value) for key, number in figures(item, f"{path}[{i}]").items()}
    return {path: value} if isinstance(value, (int, float)) and not isinstance(value, bool) else {}


def digest(output: dict, file: str) -> dict:
    """What must not change: every figure, and each finding where it is and what it says."""
    text = json.dumps(output, ensure_ascii=False).replace(json.dumps(file)[1:-1], "{file}")
    output = json.loads(text)
    findings = [[f["code"], f["severity"], f["message"], f["location"]["line"], f["location"]["column"],
                 f["location"]["path"]] for f in output.pop("findings")]
    return {"figures": figures(output), "findings": findings}


def test_a_large_generated_round_gives_the_same_figures_and_findings(tmp_path):
    file = bench_module().synthetic(ROWS, folder=tmp_path, fault_every=FAULT_EVERY)
    result = CliRunner().invoke(app, ["check", file, "--plan", str(ROOT / "plans" / "2019.yaml"),
                                      "--format", "json", "--lang", "en"])
    assert result.exit_code == 1, result.output
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    got = digest(json.loads(result.output), file)
    assert got["figures"] == expected["figures"]
    # Findings are listed by file, and the plan's path sorts before or after a temporary folder's
    # depending on where the repository lies: compare them in one order of their own.
    got_findings, expected_findings = (sorted(found, key=repr) for found in (got["findings"], expected["findings"]))
    assert [finding[0] for finding in got_findings] == [finding[0] for finding in expected_findings]
    assert got_findings == expected_findings


def test_a_national_file_of_a_million_rows_is_not_refused_as_too_large(tmp_path):
    """The benchmark's million-row file is about 100 MB: the guard on input size lets it through."""
    from ntmplan.errors import read_bytes

    path = tmp_path / "communes.csv"
    size = 110_000_000
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: the size of the national file without writing it
    assert len(read_bytes(str(path), "a CSV file of communes")) == size
