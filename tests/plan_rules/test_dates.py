"""DT01-DT03: the plan's dates agree with its year and with what it cites."""

import datetime

from planfactory import clean_plan, findings, patched


def test_plan_year_differs_from_its_date():
    plan = patched(clean_plan(), {"metadata.year": 2020})
    [finding] = findings(plan, "DT01")
    assert (finding.expected, finding.actual) == (2019, 2020)


def test_legal_basis_dated_after_the_plan():
    plan = patched(clean_plan(), {"legal_documents[0].date": datetime.date(2019, 12, 10)})
    [finding] = findings(plan, "DT02")
    assert finding.location.path == "legal_documents[0].date"
    assert (finding.expected, finding.actual) == ("<= 2019-02-22", "2019-12-10")


def test_document_of_the_plan_date_itself_is_fine():
    plan = patched(clean_plan(), {"legal_documents[0].date": datetime.date(2019, 2, 22)})
    assert findings(plan, "DT02") == []


def test_document_known_by_year_only():
    plan = patched(clean_plan(), {"legal_documents[0].date": None, "legal_documents[0].year": 2020})
    [finding] = findings(plan, "DT02")
    assert finding.location.path == "legal_documents[0].year"


def test_task_dated_in_another_year():
    timing = {"text": "Quý IV/2018", "kind": "quarters", "quarters": [4], "year": 2018}
    plan = patched(clean_plan(), {"schedule.sections[0].tasks[0].timing": timing})
    [finding] = findings(plan, "DT03")
    assert (finding.expected, finding.actual) == (2019, 2018)
