"""``ntmplan budget`` on the bundled 2019 plan and the synthetic actuals: the figures the README shows.

Golden numbers are those of Kế hoạch 46/KH-UBND, part III: 3.002,8 tỷ đồng in six sources.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from planfactory import Raw, clean_plan, patched, to_yaml

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")
ACTUALS = str(ROOT / "data" / "budget-actuals-2019-06.csv")


def invoke(*args, env=None):
    return CliRunner().invoke(app, ["budget", *args], env={"COLUMNS": "160", **(env or {})})


def test_the_2019_funding_plan_in_json():
    result = invoke(PLAN, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["total"], data["sources_sum"], data["stated_shares_sum"], data["findings"]) == (3002.8, 3002.8, 100.0, [])

    def flat(sources):
        for s in sources:
            yield s["key"], s["amount"], s["stated_share"], s["computed_share"], s["share_of_parent"], s["status"]
            yield from flat(s["children"])

    assert list(flat(data["sources"])) == [
        ("direct-investment", 652.8, 21.7, 21.7397, None, "ok"),
        ("central-budget", 495.1, 16.5, 16.4879, 75.8425, "ok"),
        ("local-budget", 157.7, 5.3, 5.2518, 24.1575, "ok"),
        ("integrated-programmes", 365, 12.2, 12.1553, None, "ok"),
        ("enterprises-cooperatives", 45, 1.5, 1.4986, None, "ok"),
        ("credit", 1800, 59.9, 59.9441, None, "ok"),
        ("community-contributions", 135, 4.5, 4.4958, None, "ok"),
        ("other-mobilisation", 5, 0.2, 0.1665, None, "ok"),
    ]
    lines = Path(PLAN).read_text(encoding="utf-8").splitlines()
    credit = data["sources"][3]["location"]["line"]
    assert lines[credit - 1].strip() == "amount: 1800"


@pytest.mark.parametrize(
    "args, env, shown, absent",
    [
        (["--lang", "vi"], {}, ["3.002,8", "1.800", "21,7%", "tỷ đồng", "Vốn tín dụng", "+0,048", "±0,05"], ["3,002.8"]),
        (["--lang", "en"], {"NTMPLAN_LANG": "vi"}, ["3,002.8", "1,800", "21.7%", "billion VND", "Credit"], ["3.002,8"]),
        ([], {"NTMPLAN_LANG": "vi"}, ["3.002,8", "tỷ đồng"], []),
        ([], {"NTMPLAN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "vi_VN.UTF-8"}, ["3.002,8"], []),
        ([], {"NTMPLAN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, ["3,002.8"], []),
    ],
)
def test_amounts_are_written_the_way_the_reader_writes_them(args, env, shown, absent):
    result = invoke(PLAN, *args, env=env)
    assert result.exit_code == 0
    for text in shown:
        assert text in result.stdout
    for text in absent:
        assert text not in result.stdout


def test_an_unknown_language_is_a_usage_error():
    result = invoke(PLAN, env={"NTMPLAN_LANG": "fr"})
    assert result.exit_code == 2
    assert "NTMPLAN_LANG" in result.output


def test_execution_of_the_synthetic_actuals_at_the_end_of_june():
    result = invoke(PLAN, "--actuals", ACTUALS, "--as-of", "2019-06-30", "--format", "json")
    assert result.exit_code == 0  # behind and over plan are warnings
    execution = json.loads(result.stdout)["execution"]
    assert (execution["actual"], execution["rate"], execution["elapsed_share"], execution["status"]) == (
        1562.8, 52.04, 0.4959, "on-track"
    )
    statuses = [(s["key"], s["actual"], s["rate"], s["status"]) for s in execution["sources"]]
    assert statuses == [
        ("direct-investment", 321.7, 49.28, "behind"),
        ("integrated-programmes", 140.5, 38.49, "behind"),
        ("enterprises-cooperatives", 12.0, 26.67, "behind"),
        ("credit", 1012.6, 56.26, "on-track"),
        ("community-contributions", 70.2, 52.0, "on-track"),
        ("other-mobilisation", 5.8, 116.0, "over-plan"),  # 5.800 triệu đồng
    ]
    assert [d["district"] for d in execution["districts"]][:3] == ["Tràng Định", "Văn Lãng", "Văn Quan"]
    codes = [(f["code"], f["location"]["line"]) for f in json.loads(result.stdout)["findings"]]
    assert codes == [("AC10", 3), ("AC10", 14), ("AC10", 25), ("AC10", 26), ("AC09", 29)]


def test_the_same_date_in_vietnamese_writing_and_the_table():
    result = invoke(PLAN, "--actuals", ACTUALS, "--as-of", "30/06/2019", "--lang", "vi")
    assert result.exit_code == 0
    assert "đến 30/06/2019 (49,6% năm 2019 đã qua)" in result.stdout
    assert "1.562,8" in result.stdout and "vượt kế hoạch" in result.stdout


def write_plan(tmp_path, changes):
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml(patched(clean_plan(), changes)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "changes, actuals, options, code",
    [
        ({}, None, [], 0),
        ({"budget.sources[1].stated_share": Raw("40.2")}, None, [], 1),  # BU03 error
        ({}, "source;amount\ncredit;10\n", ["--as-of", "2019-12-31"], 0),  # behind: a warning
        ({}, "source;amount\ncredit;10\n", ["--as-of", "2019-12-31", "--strict"], 1),
        ({}, "source;amount\ncredit;10\n", ["--as-of", "2019-12-31", "--fail-on", "warning"], 1),
        ({}, "source;amount\ncredt;10\n", [], 1),  # AC01 error
        ({}, "source;amount\n2019-02-30;10\n", [], 1),  # AC01 error: no day, shown as written
        ({}, "source;value\ncredit;10\n", [], 2),  # no amount column
    ],
)
def test_exit_codes_as_in_validate(tmp_path, changes, actuals, options, code):
    args = [write_plan(tmp_path, changes)]
    if actuals is not None:
        path = tmp_path / "actuals.csv"
        path.write_text(actuals, encoding="utf-8")
        args += ["--actuals", str(path)]
    result = invoke(*args, *options)
    assert result.exit_code == code, result.output


def test_a_disagreement_names_the_plan_line_expected_found_and_tolerance(tmp_path):
    plan = write_plan(tmp_path, {"budget.sources[1].stated_share": Raw("40.2")})
    result = invoke(plan, "--format", "json")
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["code"] == "BU03")
    assert (finding["expected"], finding["actual"], finding["tolerance"]) == (40.0, 40.2, 0.05)
    assert finding["location"]["file"] == plan and finding["location"]["line"] > 0


def test_usage_errors(tmp_path):
    assert invoke(PLAN, "--as-of", "2019-06-30").exit_code == 2  # a date needs actuals
    assert invoke(PLAN, "--actuals", ACTUALS, "--as-of", "30.06.2019").exit_code == 2
    missing = invoke(PLAN, "--actuals", str(tmp_path / "none.csv"))
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_the_table_names_line_expected_found_and_tolerance(tmp_path, monkeypatch):
    write_plan(tmp_path, {"budget.sources[1].stated_share": Raw("40.2")})
    monkeypatch.chdir(tmp_path)
    plan = "plan.yaml"
    result = invoke(plan, "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("BU03"))
    assert lines[at].split()[-3:] == ["40", "40.2", "0.05"]
    assert f"{plan}:" in "".join(lines[at : at + 3])
    assert "✗ BU04" in result.stdout  # the totals row carries the shares-total warning
