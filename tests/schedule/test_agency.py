"""One agency's duties: the tasks that name it, and the role it holds in each."""

import pytest

from conftest import loaded_with, task
from ntmplan.schedule.agenda import UnknownAgency, build_schedule, find_agency

FINANCE = {"code": "SO-TC", "name": {"vi": "Sở Tài chính", "en": "Department of Finance"}, "level": "province"}
AGRICULTURE = {"code": "SO-NNPTNT", "name": {"vi": "Sở Nông nghiệp và Phát triển nông thôn",
                                            "en": "Department of Agriculture and Rural Development"},
               "level": "province"}
LOADED = loaded_with(
    [
        task(1, "Quý I", directing=["SO-TC"], executing=["VPDP-TINH"]),
        task(2, "Tháng 3-7", executing=["VPDP-TINH", "SO-TC"], coordinating=["SO-NNPTNT"]),
        task(3, "Thường xuyên", coordinating=["BCD-TINH", "SO-TC"]),
        task(4, "Quý II, III", executing=["SO-NNPTNT"]),
        task(5, "Hàng quý", directing=["SO-TC"], executing=["SO-TC"]),
    ],
    extra_agencies=[FINANCE, AGRICULTURE],
)


def roles(result):
    return [(t.id, t.roles) for t in result.tasks]


def test_the_tasks_of_one_agency_with_its_role_in_each():
    result = build_schedule(LOADED, agency=find_agency(LOADED.plan, "SO-TC"))
    assert roles(result) == [
        ("X.1", ["directing"]),
        ("X.2", ["executing"]),
        ("X.3", ["coordinating"]),
        ("X.5", ["directing", "executing"]),
    ]
    assert (result.agency.code, result.agency.name_en) == ("SO-TC", "Department of Finance")


def test_the_agency_filter_combines_with_a_date():
    import datetime as dt

    result = build_schedule(LOADED, as_of=dt.date(2019, 3, 10), agency=find_agency(LOADED.plan, "SO-NNPTNT"))
    assert {g.key: [t.id for t in g.tasks] for g in result.groups} == {
        "due-this-month": ["X.2"], "due-next-month": ["X.2", "X.4"], "ongoing": [], "past-due": [],
        "no-fixed-time": [],
    }


@pytest.mark.parametrize("asked", ["SO-TC", "so-tc", " So-Tc ", "Sở Tài chính", "so tai chinh", "Department of finance"])
def test_an_agency_by_code_in_any_case_or_by_name(asked):
    assert find_agency(LOADED.plan, asked).code == "SO-TC"


@pytest.mark.parametrize("asked, code", [("so nong nghiep", "SO-NNPTNT"), ("nong nghiep", "SO-NNPTNT"),
                                         ("NÔNG NGHIỆP", "SO-NNPTNT")])
def test_an_agency_by_part_of_its_name_without_accents(asked, code):
    assert find_agency(LOADED.plan, asked).code == code


def test_part_of_a_name_that_several_agencies_share_is_not_a_choice():
    with pytest.raises(UnknownAgency):
        find_agency(LOADED.plan, "so")


@pytest.mark.parametrize(
    "asked, nearest",
    [
        ("SO-TCC", "SO-TC"),
        ("SOTC", "SO-TC"),
        ("SO-TAICHINH", "SO-TC"),  # compared with the names too
        ("XYZ-123", None),
    ],
)
def test_an_unknown_agency_suggests_the_nearest_code(asked, nearest):
    with pytest.raises(UnknownAgency) as caught:
        find_agency(LOADED.plan, asked)
    assert caught.value.nearest == nearest
    assert str(caught.value).startswith(f"no agency '{asked}' in the plan's registry")
