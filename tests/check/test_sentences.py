"""Findings for people: correct sentences, counts beside counts, one precision, and an empty list that says why."""

from __future__ import annotations

import json

import pytest
from rounds import JUNE, PLAN, START, run, runner

from ntmplan.cli import app
from ntmplan.i18n import Lang, activate


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A run in-process activates its language for the tests that follow: give them back English."""
    yield
    activate(Lang.en)


def table(*args: str, lang: str = "en") -> str:
    """The table view, wide enough that no cell wraps: each sentence stays on its line."""
    result = runner.invoke(app, [*args, "--lang", lang, "--no-color"], env={"COLUMNS": "250"})
    assert "Traceback" not in result.output
    return result.output


def rows(output: str, start: str) -> list[str]:
    return [line for line in output.splitlines() if line.lstrip().startswith(start)]


def test_a_target_for_each_commune_reads_as_a_sentence():
    output = table("check", str(START), "--plan", PLAN)
    assert "each criteria" not in output
    assert "criteria met, each commune" in " ".join(output.split())
    assert "1-2 model residential areas, each commune" in " ".join(output.split())


def test_a_target_for_each_commune_puts_communes_beside_communes():
    data = json.loads(run("check", str(JUNE), "--as-of", "2019-06-30", "--format", "json", "--lang", "en").output)
    group = next(g for g in data["groups"] if g["measure"] == "model-residential-areas")
    output = " ".join(table("check", str(JUNE), "--as-of", "2019-06-30").split())
    now, target = f"{group['compliant']}/{group['communes_found']}", f"{group['communes_found']}/" \
        f"{group['communes_found']}"
    assert f"{now} {target}" in output  # the Now and Target columns: both commune counts
    finding = next(f for f in data["findings"] if f["location"]["path"] == group["path"])
    assert (finding["expected"], finding["actual"]) == (group["communes_found"], group["compliant"])
    assert f": {group['compliant']} of its {group['communes_found']} communes have at least 1; the target is all " \
           f"{group['communes_found']}, each with 1-2 model residential areas, by the year-end" in finding["message"]
    assert "(model residential areas)" not in finding["message"]  # the measure once, not repeated in brackets


def test_equal_ends_are_one_number_and_an_open_range_has_no_upper_end():
    english = " ".join(table("targets", PLAN).split())
    assert "at least 14 2019" in english and "14-14" not in english
    assert "≥ 10 2020" in english
    vietnamese = " ".join(table("targets", PLAN, lang="vi").split())
    assert "từ 10 trở lên 2020" in vietnamese and "ít nhất 9,5-10" in vietnamese


def test_the_now_share_has_one_decimal_everywhere():
    output = table("check", str(JUNE), "--as-of", "2019-06-30")
    data = json.loads(run("check", str(JUNE), "--as-of", "2019-06-30", "--format", "json", "--lang", "en").output)
    for criterion in data["criteria"]:
        row = rows(output, f"{criterion['number']}. ")[0]
        assert f" {criterion['share_now']:.1f} " in row, row
    assert " 100.0 " in rows(output, "1. Planning")[0]


def test_an_empty_priority_list_says_why():
    output = table("check", str(START), "--plan", PLAN)
    text = " ".join(output.split())
    assert "No commune misses only 1 to 3 criteria" in text
    assert "Priority: communes closest to the standard" in text and "0 shown" not in text
    vietnamese = " ".join(table("check", str(START), "--plan", PLAN, lang="vi").split())
    assert "Không có xã nào chỉ thiếu 1 đến 3 tiêu chí" in vietnamese
