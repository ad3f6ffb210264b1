"""Every timing expression of the source's appendix: its due months, its words, its calendar events."""

import datetime as dt
from pathlib import Path

import pytest

from conftest import loaded_with, task
from ntmplan.loading.plan_loader import load_plan
from ntmplan.i18n import Lang
from ntmplan.output.schedule_view import normalised
from ntmplan.schedule.agenda import build_schedule, task_rows
from ntmplan.schedule.ics import calendar_bytes

ROOT = Path(__file__).resolve().parents[2]

# text, kind, due months (of the plan year 2019 unless the text names a year), English, Vietnamese, calendar events
EXPRESSIONS = [
    ("Thường xuyên", "ongoing", [], "all year", "cả năm", 0),
    ("Quý I", "quarters", [1, 2, 3], "Q1 2019 (Jan–Mar)", "quý I/2019 (tháng 1–3)", 3),
    ("Quý I, II", "quarters", [1, 2, 3, 4, 5, 6], "Q1, Q2 2019 (Jan–Jun)", "quý I, II/2019 (tháng 1–6)", 6),
    ("Quý I, II, III", "quarters", list(range(1, 10)), "Q1, Q2, Q3 2019 (Jan–Sep)", "quý I, II, III/2019 (tháng 1–9)",
     9),
    ("Quý II, III", "quarters", list(range(4, 10)), "Q2, Q3 2019 (Apr–Sep)", "quý II, III/2019 (tháng 4–9)", 6),
    ("Quý II, III, IV", "quarters", list(range(4, 13)), "Q2, Q3, Q4 2019 (Apr–Dec)",
     "quý II, III, IV/2019 (tháng 4–12)", 9),
    ("Quý IV/2019", "quarters", [10, 11, 12], "Q4 2019 (Oct–Dec)", "quý IV/2019 (tháng 10–12)", 3),
    ("Tháng 3, 7", "months", [3, 7], "Mar, Jul 2019", "tháng 3, 7/2019", 2),
    ("Tháng 3-7", "months", [3, 4, 5, 6, 7], "Mar–Jul 2019", "tháng 3–7/2019", 5),
    ("Tháng 5, 7, 8, 9", "months", [5, 7, 8, 9], "May, Jul–Sep 2019", "tháng 5, 7–9/2019", 4),
    ("Tháng 6 và tháng 12", "months", [6, 12], "Jun, Dec 2019", "tháng 6, 12/2019", 2),
    ("Tháng 7, 11", "months", [7, 11], "Jul, Nov 2019", "tháng 7, 11/2019", 2),
    # due in each quarter by its last day: every month is in a quarter, one calendar event per quarter
    ("Hàng quý", "every-quarter", list(range(1, 13)), "every quarter, by the quarter's last day",
     "mỗi quý, hạn chót là ngày cuối quý", 4),
    ("Định kỳ và đột xuất", "periodic-and-ad-hoc", [], "periodic and ad hoc", "định kỳ và đột xuất", 0),
    ("Căn cứ vào điều kiện thực tế", "on-condition", [], "as conditions allow", "khi điều kiện cho phép", 0),
]


@pytest.mark.parametrize("text, kind, months, english, vietnamese, events", EXPRESSIONS)
def test_each_expression_gives_its_months_its_words_and_its_calendar_events(text, kind, months, english, vietnamese,
                                                                           events):
    loaded = loaded_with([task(1, text)])
    [row] = task_rows(loaded)
    assert (row.kind, row.months, row.year) == (kind, months, 2019 if months else None)
    assert (normalised(row, Lang.en), normalised(row, Lang.vi)) == (english, vietnamese)
    result = build_schedule(loaded)
    _, written = calendar_bytes(result, [row], Lang.en, dt.datetime(2019, 2, 22, tzinfo=dt.timezone.utc))
    assert written == events


def test_a_year_in_the_text_overrides_the_plan_year():
    [row] = task_rows(loaded_with([task(1, "Quý I/2020")]))
    assert row.due_months() == [(2020, 1), (2020, 2), (2020, 3)]


def test_every_timing_of_the_2019_plan_is_covered_here():
    texts = {t.timing.text for t in load_plan(str(ROOT / "plans" / "2019.yaml")).plan.tasks()}
    assert texts <= {expression[0] for expression in EXPRESSIONS}
