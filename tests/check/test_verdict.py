"""What ``check`` may claim: year-end targets with the pace, the start of the year, recognition in batches,
the communes already at the standard, fallen communes, every commune in a band, stated and computed shares,
and a target the plan's own totals cannot reach."""

from __future__ import annotations

import pytest
from rounds import JUNE, START, changed, check_json, lines, run, write

AS_OF = ("--as-of", "2019-06-30")


@pytest.fixture(scope="module")
def june():
    return check_json(str(JUNE), *AS_OF)[1]


@pytest.fixture(scope="module")
def june_since():
    return check_json(str(JUNE), *AS_OF, "--since", str(START))[1]


def criterion(data, number):
    return next(c for c in data["criteria"] if c["number"] == number)


def test_year_end_targets_are_the_default_basis_with_the_months_left(june):
    basis = june["basis"]
    assert (basis["name"], basis["as_of"], basis["months_left"], basis["start"]) == ("year-end", "2019-06-30", 6.0, "plan")
    transport = criterion(june, 2)
    assert (transport["expected"], transport["target"], transport["gap"]) == (61, 61, 11)


def test_without_since_the_start_is_the_plan_s_total_minus_added_where_it_states_both(june):
    transport = criterion(june, 2)
    assert (transport["baseline"], transport["baseline_source"]) == (49, "plan")
    # 49 at the start, 50 now: +1 in six months leads to 51 by the year-end, not 61
    assert (transport["pace"]["change"], transport["pace"]["projected"], transport["status"]) == (1, 51, "behind")
    ict = criterion(june, 8)  # the plan states only a total (68/207): no start, no pace
    assert (ict["baseline"], ict["pace"], ict["status"], ict["reason"]) == (None, None, "open", "no-start")
    [finding] = [f for f in june["findings"] if f["location"]["path"] == "criteria[7].communes.total"]
    assert finding["severity"] == "info" and "the start of the year is unknown" in finding["message"]


def test_with_since_the_start_is_the_start_of_year_round(june_since):
    ict = criterion(june_since, 8)
    assert (ict["baseline"], ict["baseline_source"], ict["pace"]["projected"], ict["status"]) == (56, "data", 66, "behind")
    average = june_since["average_criteria"]
    assert (average["baseline"], average["pace"]["projected"], average["status"]) == (9.87, 10.78, "behind")
    progress = june_since["progress"]
    assert {"number", "gained", "lost", "net"} <= set(progress["criteria"][0])
    assert [c["code"] for c in progress["newly_at_standard"]] == ["06130", "06331"]
    assert [c["code"] for c in progress["fallen_below_standard"]] == ["06316"]
    transport = next(c for c in progress["criteria"] if c["number"] == 2)
    assert (transport["gained"], transport["lost"], transport["net"]) == (2, 1, 1)


def test_the_table_shows_the_progress_since_the_start_of_the_year():
    output = run("check", str(JUNE), *AS_OF, "--since", str(START), "--lang", "en").output
    assert "Progress since the start of the year" in output and "At this pace" in output
    assert "2 communes newly at the standard: Tân Việt (06130, Huyện Văn Lãng)" in " ".join(output.split())


def test_recognition_comes_in_batches(june):
    standard = june["standard_communes"]
    assert (standard["actual"], standard["target"], standard["to_recognise"]) == (49, 60, 11)
    assert (standard["status"], standard["reason"], standard["recognition"]) == ("open", "batches", True)
    [finding] = [f for f in june["findings"] if f["code"] == "TG02"]
    assert finding["severity"] == "info"
    assert "11 more must be recognised in 6 months" in finding["message"]
    assert "no commune meets all 19 criteria without being recognised yet" in finding["message"]
    assert "1 recognised commune has fallen below the standard and is not counted: Tràng Phái (06316)" in \
        finding["message"]


def test_the_communes_already_at_standard_are_those_recognised_before_the_plan_s_year(june):
    # 49 communes are at the standard in June, 2 of them recognised in 2019; the fallen Tràng Phái was recognised
    # in 2014: the advanced criteria and model areas are about the 48 recognised before 2019
    groups = {g["key"]: g for g in june["groups"]}
    assert groups["standard-communes-advanced-criteria"]["communes_found"] == 48
    assert groups["standard-communes-model-residential-areas"]["communes_found"] == 48


def test_a_recognised_commune_that_lost_a_criterion_has_fallen_below_the_standard(tmp_path):
    path = write(tmp_path, changed(lines(), "05986", c17="0"))
    _, data = check_json(path)
    assert [(c["code"], c["missing"]) for c in data["fallen_below_standard"]] == [("05986", [17])]
    assert data["standard_communes"]["actual"] == 47
    city = next(d for d in data["districts"] if d["district_code"] == "178")
    assert (city["standard"], city["fallen_below_standard"]) == (1, ["05986"])
    groups = {g["key"]: g for g in data["groups"]}
    assert groups["standard-communes-advanced-criteria"]["communes_found"] == 48  # still recognised before 2019
    output = " ".join(run("check", path, "--lang", "en").output.split())
    assert "Recognised communes fallen below the standard" in output and "1 fallen below it" in output


def test_a_commune_meeting_all_19_without_recognition_is_a_candidate(tmp_path):
    _, data = check_json(write(tmp_path, changed(lines(), "05992", ntm_year="")))
    assert [c["code"] for c in data["candidates"]] == ["05992"]
    assert data["standard_communes"]["actual"] == 47


def test_without_any_year_of_recognition_the_communes_meeting_19_are_counted(tmp_path):
    rows = lines()
    for line in rows[1:]:
        rows = changed(rows, line.split(",")[0], ntm_year="")
    _, data = check_json(write(tmp_path, rows))
    assert (data["standard_communes"]["actual"], data["standard_communes"]["recognition"]) == (48, False)
    groups = {g["key"]: g for g in data["groups"]}
    assert (groups["standard-communes-advanced-criteria"]["status"],
            groups["standard-communes-advanced-criteria"]["reason"]) == ("no-data", "no-recognition")


def test_every_commune_is_in_a_row_of_the_bands_table():
    # two communes of the start of the year meet 4 criteria: no band of the plan (19, 15-18, 10-14, 5-9) has them
    _, data = check_json(str(START))
    outside = data["bands"][-1]
    assert (outside["min"], outside["max"], outside["target"], outside["actual"], outside["outside"]) == (
        0, 4, 0, 2, True)
    assert sum(b["actual"] for b in data["bands"]) == 207
    assert any(f["code"] == "TG05" and f["location"]["path"] == "headline.bands" for f in data["findings"])


def test_the_stated_target_share_is_shown_and_the_computed_one_beside_it_where_they_differ(june):
    health, ict = criterion(june, 15), criterion(june, 8)
    assert (health["share_target_stated"], health["share_target_computed"]) == (64.2, 64.3)
    assert (ict["share_target_stated"], ict["share_target_computed"]) == (32.9, 32.9)  # 68/207 = 32.85: agrees
    assert criterion(june, 12)["share_target_stated"] is None
    output = run("check", str(JUNE), "--lang", "vi").output
    assert "64,2 (64,3)" in output and "32,9 (" not in output


def test_the_unmet_average_says_the_plan_s_own_totals_make_it_unreachable(june_since):
    [finding] = [f for f in june_since["findings"] if f["code"] == "TG03"]
    assert finding["severity"] == "warning"
    assert ("the plan's own criterion totals allow an average of at most 10.95 (FE03 average-unreachable-by-criteria):"
            " 11-11.5 cannot be reached") in finding["message"]


def test_pro_rata_is_an_explicit_and_labelled_option():
    _, data = check_json(str(JUNE), *AS_OF, "--basis", "pro-rata")
    assert data["basis"]["name"] == "pro-rata" and "pro-rated to 2019-06-30" in data["basis"]["description"]
    assert (criterion(data, 2)["expected"], criterion(data, 2)["gap"]) == (55, 5)  # 49 + 12 × 181/365 = 54.95
    result = run("check", str(JUNE), "--basis", "pro-rata")
    assert result.exit_code == 2 and "--as-of" in result.output


def test_after_the_year_end_a_target_not_reached_is_behind():
    _, data = check_json(str(JUNE), "--as-of", "2020-01-15")
    assert "the year is over" in data["basis"]["description"]
    assert {c["status"] for c in data["criteria"]} <= {"met", "behind", "no-target"}
    assert data["standard_communes"]["status"] == "behind"
