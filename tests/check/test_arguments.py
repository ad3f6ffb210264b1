"""The data is the argument, the plan an option: ``check DATA... --plan PLAN``; a plan given first still works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rounds import JUNE, PLAN, START, run


def checked(*args: str):
    result = run("check", *args, "--format", "json", "--lang", "en")
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [
    [str(JUNE)],
    [str(JUNE), "--plan", PLAN],
    [PLAN, str(JUNE)],  # as before --plan existed
], ids=["data", "data-and-plan", "plan-first"])
def test_the_data_first_or_the_plan_first(args):
    code, output = checked(*args)
    data = json.loads(output)
    assert data["data_files"] == [str(JUNE)] and Path(data["plan_file"]).resolve() == Path(PLAN)
    assert data["communes"] == 207


def test_a_plan_first_and_no_data_takes_the_default_data(monkeypatch):
    monkeypatch.chdir(JUNE.parents[1])
    code, output = checked("plans/2019.yaml")
    assert json.loads(output)["data_files"] == ["data/communes.csv"]


def test_a_plan_among_the_data_is_refused_with_where_it_belongs():
    code, output = checked(str(JUNE), PLAN)
    assert code == 2
    assert "looks like a plan (a YAML file), not commune data: give it with --plan" in " ".join(output.split())


def test_data_given_as_the_plan_is_refused_with_where_it_belongs():
    code, output = checked("--plan", str(JUNE))
    assert code == 2
    text = " ".join(output.split())
    assert "looks like commune data (a CSV file), not a plan: give it as an argument, without --plan" in text


def test_two_plans_are_refused():
    code, output = checked(PLAN, str(JUNE), "--plan", PLAN)
    assert code == 2 and "two plans are given" in " ".join(output.split())


def test_a_plan_given_as_the_start_of_the_year_is_refused():
    code, output = checked(str(JUNE), "--since", PLAN)
    assert code == 2 and "looks like a plan" in output


def test_report_takes_the_data_first_too(tmp_path):
    target = tmp_path / "report.html"
    result = run("report", str(JUNE), "--plan", PLAN, "--since", str(START), "--as-of", "2019-06-30",
                 "--out", str(target), "--lang", "en")
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert '<section id="progress">' in page and "Change by criterion since the start of the year" in page


def test_sheet_is_passed_to_the_reader():
    # the reader reads CSV files only for now, and says so rather than ignoring the sheet asked for
    code, output = checked(str(JUNE), "--sheet", "Data")
    assert code == 2


WORKBOOK = str(JUNE.parent / "2019-06" / "180-trang-dinh.xlsx")


@pytest.mark.parametrize("args, hint, said", [
    (["progress", str(START), PLAN], "DATA", "looks like a plan (a YAML file), not commune data: give it with --plan"),
    (["progress", str(START), str(JUNE), "--plan", str(START)], "--plan",
     "looks like commune data (a CSV file), not a plan: give it as an argument, without --plan"),
    (["report", str(JUNE), "--plan", WORKBOOK, "--out", "never-written.html"], "--plan",
     "looks like commune data (a workbook), not a plan: give it as an argument, without --plan"),
    (["report", str(JUNE), PLAN, "--out", "never-written.html"], "DATA", "looks like a plan (a YAML file)"),
    (["template", "--out", "never-written.xlsx", "--from", PLAN], "--from",
     "looks like a plan (a YAML file), not commune data: give it with --plan"),
    (["template", "--out", "never-written.xlsx", "--plan", str(START)], "--plan",
     f"looks like commune data (a CSV file), not a plan: give it with --from {START}"),
    (["check", "--plan", str(JUNE.parent / "2019-06")], "--plan", "looks like commune data (a folder), not a plan"),
    (["validate", WORKBOOK], "PLAN", f"looks like commune data (a workbook), not a plan: check it with: ntmplan "
                                     f"check {WORKBOOK}"),
    (["budget", str(JUNE)], "PLAN", "looks like commune data (a CSV file), not a plan: check it with"),
], ids=["progress-plan-as-round", "progress-data-as-plan", "report-workbook-as-plan", "report-plan-as-data",
        "template-plan-as-from", "template-data-as-plan", "check-folder-as-plan", "validate-workbook",
        "budget-data"])
def test_every_command_says_where_a_misplaced_file_belongs(args, hint, said, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args, "--lang", "en")
    text = " ".join(result.output.split())
    assert result.exit_code == 2, text
    assert f"Invalid value for {hint}" in text and said in text
    assert list(tmp_path.iterdir()) == []
