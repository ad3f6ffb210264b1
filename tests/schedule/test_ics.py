"""The iCalendar file, read back with the ``icalendar`` parser, and how it is written."""

import datetime as dt
import json
import os
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from conftest import plan_with, task
from ntmplan.cli import app
from ntmplan.errors import InputError
from ntmplan.files import write_atomic
from planfactory import to_yaml

TASKS = [
    task(1, "Quý IV/2019", directing=["BCD-TINH"], executing=["VPDP-TINH", "UBND-TINH"]),
    task(2, "Tháng 6 và tháng 12"),
    task(3, "Thường xuyên"),
    task(4, "Căn cứ vào điều kiện thực tế"),
    task(5, "Hàng quý"),
]


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml(plan_with(TASKS)), encoding="utf-8")
    return path


def schedule(*args):
    return CliRunner().invoke(app, ["schedule", *map(str, args)], env={"COLUMNS": "160"})


def events(path):
    calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())
    return [
        (str(e["uid"]), e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]), str(e["description"]))
        for e in calendar.walk("VEVENT")
    ]


def test_one_event_per_due_month_that_a_parser_reads_back(plan_file, tmp_path):
    target = tmp_path / "schedule.ics"
    result = schedule(plan_file, "--ics", target, "--lang", "en")
    assert result.exit_code == 0, result.output
    found = events(target)
    assert [(start, end) for _, start, end, _, _ in found] == [
        (dt.date(2019, 10, 1), dt.date(2019, 11, 1)),
        (dt.date(2019, 11, 1), dt.date(2019, 12, 1)),
        (dt.date(2019, 12, 1), dt.date(2020, 1, 1)),  # December ends on the first of January
        (dt.date(2019, 6, 1), dt.date(2019, 7, 1)),
        (dt.date(2019, 12, 1), dt.date(2020, 1, 1)),
        # 'Hàng quý': one event per quarter, spanning it
        (dt.date(2019, 1, 1), dt.date(2019, 4, 1)),
        (dt.date(2019, 4, 1), dt.date(2019, 7, 1)),
        (dt.date(2019, 7, 1), dt.date(2019, 10, 1)),
        (dt.date(2019, 10, 1), dt.date(2020, 1, 1)),
    ]
    uids = [uid for uid, *_ in found]
    assert len(set(uids)) == 9 and uids[0] == "1-kh-ubnd-2019-x-1-201910@ntmplan"
    assert [summary for _, _, _, summary, _ in found][:1] == ["X.1 Task 1"]
    assert [summary for _, _, _, summary, _ in found][5:7] == ["X.5 Task 5 (due by 2019-03-31)",
                                                              "X.5 Task 5 (due by 2019-06-30)"]
    description = found[0][4]
    assert "Executing: VPDP-TINH, UBND-TINH [VPDP-TINH, UBND-TINH]" in description
    assert "Timing: Quý IV/2019" in description
    assert "Wrote 9 event(s) for 3 task(s)" in result.stdout
    assert "Not in the calendar (no fixed date): X.3 (Thường xuyên), X.4 (Căn cứ vào điều kiện thực tế)." \
        in result.stdout


def test_the_calendar_is_the_same_events_in_vietnamese_and_the_json_lists_undated_tasks(plan_file, tmp_path):
    target = tmp_path / "lich.ics"
    result = schedule(plan_file, "--ics", target, "--lang", "vi", "--format", "json")
    found = events(target)
    assert found[0][3] == "X.1 Việc 1" and "Cơ quan thực hiện:" in found[0][4]
    assert found[5][3] == "X.5 Việc 5 (hạn chót 31/03/2019)"
    report = json.loads(result.stdout)["ics"]
    assert (report["events"], report["tasks"]) == (9, ["X.1", "X.2", "X.5"])
    assert [u["id"] for u in report["undated"]] == ["X.3", "X.4"]


def test_an_agency_calendar_holds_its_tasks_only(plan_file, tmp_path):
    target = tmp_path / "ubnd.ics"
    assert schedule(plan_file, "--agency", "UBND-TINH", "--ics", target).exit_code == 0
    assert {summary.split()[0] for _, _, _, summary, _ in events(target)} == {"X.1"}


def test_an_existing_calendar_is_replaced_and_no_temporary_file_is_left(plan_file, tmp_path):
    target = tmp_path / "schedule.ics"
    target.write_text("old")
    os.chmod(target, 0o640)
    assert schedule(plan_file, "--ics", target).exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "schedule.ics"]


def test_the_calendar_never_overwrites_the_plan(plan_file, tmp_path):
    before = plan_file.read_bytes()
    result = schedule(plan_file, "--ics", plan_file)
    assert result.exit_code == 2
    assert "refusing to overwrite the input file" in result.output
    link = tmp_path / "link.ics"
    os.link(plan_file, link)  # another name for the same file
    assert schedule(plan_file, "--ics", link).exit_code == 2
    relative = Path(os.path.relpath(plan_file))
    assert schedule(plan_file, "--ics", relative).exit_code == 2
    assert plan_file.read_bytes() == before


@pytest.mark.parametrize("target", ["missing-dir/schedule.ics", "."])
def test_unwritable_targets_are_input_errors(plan_file, tmp_path, target):
    result = schedule(plan_file, "--ics", tmp_path / target)
    assert result.exit_code == 2
    assert "error:" in result.output


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError, match=r"cannot be written \(disk full\)"):  # exit 2 naming the path
        write_atomic(str(target), b"new", [])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


def test_write_atomic_refuses_an_input(tmp_path):
    source = tmp_path / "in.yaml"
    source.write_text("x")
    with pytest.raises(InputError, match="refusing to overwrite"):
        write_atomic(str(source), b"new", [str(source)])
