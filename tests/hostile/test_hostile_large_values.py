"""Very large values in the data files: refused or reported, located, never a crash."""

from pathlib import Path

from typer.testing import CliRunner

from ntmplan.cli import app

runner = CliRunner()
DATA = Path(__file__).parents[2] / "data"
COMMUNES = DATA / "communes-2019-06.csv"
ACTUALS = DATA / "budget-actuals-2019-06.csv"


def said(result):
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


def test_a_header_of_200000_columns(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(200_000)) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "wide.csv:1: line 1 has 200,000 cells" in said(result)


def test_a_single_row_of_400_kb(tmp_path):
    lines = COMMUNES.read_text(encoding="utf-8-sig").split("\n")
    cells = lines[1].split(",")
    cells[1] = "X" * 400_000
    path = tmp_path / "long.csv"
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "long.csv:2:2: line 2, column B holds 400,000 characters" in said(result)


def test_a_row_shorter_than_the_header_is_reported_not_read_as_not_met(tmp_path):
    lines = COMMUNES.read_text(encoding="utf-8-sig").split("\n")
    lines[3] = ",".join(lines[3].split(",")[:12])
    path = tmp_path / "short.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    import json

    findings = [f for f in json.loads(result.output)["findings"] if f["code"] == "DA20"]
    assert findings and findings[0]["location"]["line"] == 4


def test_an_amount_of_400_digits(tmp_path):
    path = tmp_path / "actuals.csv"
    path.write_text(ACTUALS.read_text(encoding="utf-8-sig").replace("28,4", "9" * 400, 1), encoding="utf-8")
    result = runner.invoke(app, ["budget", "--actuals", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), said(result)
    import json

    codes = [(f["code"], f["location"]["line"]) for f in json.loads(result.output)["findings"]]
    assert ("AC02", 3) in codes
