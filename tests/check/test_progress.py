"""``ntmplan progress OLD NEW`` and ``check NEW --since OLD`` on hand-made rounds whose answers are known.

The later round is the start-of-year round with these changes:

    06130 Tân Việt    (182)  gains 2, 3, 8, 17 and is recognised in 2019: newly at the standard
    06331 Vạn Thủy    (185)  gains 2, 5, 6, 19, not recognised: meets all 19, a candidate, not at the standard
    05989 Quảng Lạc   (178)  gains 3
    05998 Khánh Long  (180)  gains 2, loses 19
    05986 Hoàng Đồng  (178)  recognised in 2014, loses 17: fallen below the standard
    06004 Quốc Khánh  (180)  is missing from the later round: reported, not compared
"""

from __future__ import annotations

import json

import pytest
from rounds import PLAN, changed, check_json, lines, row_of, run, write


@pytest.fixture
def rounds(tmp_path):
    later = lines()
    later = changed(later, "06130", c02="1", c03="1", c08="1", c17="1", ntm_year="2019")
    later = changed(later, "06331", c02="1", c05="1", c06="1", c19="1")
    later = changed(later, "05989", c03="1")
    later = changed(later, "05998", c02="1", c19="0")
    later = changed(later, "05986", c17="0")
    del later[row_of(later, "06004")]
    return write(tmp_path, lines(), "start.csv"), write(tmp_path, later, "june.csv")


def progress_json(old: str, new: str) -> dict:
    result = run("progress", old, new, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_communes_gained_and_lost(rounds):
    data = progress_json(*rounds)
    assert [(c["code"], c["gained"], c["lost"]) for c in data["communes"]] == [
        ("05986", [], [17]), ("05989", [3], []), ("05998", [2], [19]), ("06130", [2, 3, 8, 17], []),
        ("06331", [2, 5, 6, 19], []),
    ]
    assert data["compared"] == 206


def test_criteria_with_the_communes_behind_each_number(rounds):
    criteria = {c["number"]: c for c in progress_json(*rounds)["criteria"]}
    assert (criteria[2]["before"], criteria[2]["after"]) == (49, 52)
    assert {n: (c["gained"], c["lost"], c["net"]) for n, c in criteria.items() if c["gained"] or c["lost"]} == {
        2: (3, 0, 3), 3: (2, 0, 2), 5: (1, 0, 1), 6: (1, 0, 1), 8: (1, 0, 1), 17: (1, 1, 0), 19: (1, 1, 0)}
    assert (criteria[17]["gained_by"], criteria[17]["lost_by"]) == (["06130"], ["05986"])
    assert criteria[2]["gained_by"] == ["05998", "06130", "06331"]


def test_districts_net_change_and_standing(rounds):
    districts = {d["district_code"]: d for d in progress_json(*rounds)["districts"]}
    city = districts["178"]
    assert (city["gained"], city["lost"], city["net"], city["standard_before"], city["standard_after"]) == (1, 1, 0, 2, 1)
    assert (city["gained_by"], city["lost_by"], city["fallen_below_standard"]) == (["05989"], ["05986"], ["05986"])
    assert city["criteria"] == [{"number": 3, "gained": 1, "lost": 0, "net": 1},
                                {"number": 17, "gained": 0, "lost": 1, "net": -1}]
    assert (districts["180"]["communes"], districts["180"]["net"]) == (21, 0)  # 06004 is not compared
    assert (districts["182"]["net"], districts["182"]["newly_at_standard"]) == (4, ["06130"])
    assert (districts["185"]["net"], districts["185"]["newly_at_standard"]) == (4, [])


def test_newly_at_standard_fallen_below_and_missing_from_a_round(rounds):
    data = progress_json(*rounds)
    assert [c["code"] for c in data["newly_at_standard"]] == ["06130"]
    assert [c["code"] for c in data["fallen_below_standard"]] == ["05986"]
    assert [(c["code"], c["name"]) for c in data["only_in_old"]] == [("06004", "Quốc Khánh")]
    assert data["only_in_new"] == []
    assert data["new_coverage"]["missing"] == ["06004"] and data["new_coverage"]["partial"] is True


def test_the_table_names_the_communes(rounds):
    result = run("progress", *rounds, "--lang", "en")
    assert result.exit_code == 0
    text = result.output
    assert "1 commune newly at the standard: Tân Việt (06130, Huyện Văn Lãng)" in text
    assert "1 commune fallen below the standard: Hoàng Đồng (05986, Thành phố Lạng Sơn)" in text
    assert "1 commune only in the earlier round, not compared: Quốc Khánh (06004, Huyện Tràng Định)" in text
    assert "Later round: Missing in Huyện Tràng Định: 1 of 22: 06004 Quốc Khánh" in text


def test_check_since_the_start_of_the_year_has_the_same_progress(rounds):
    old, new = rounds
    code, data = check_json(new, "--since", old, "--as-of", "2019-06-30")
    assert data["progress"]["criteria"] == progress_json(old, new)["criteria"]
    assert [c["code"] for c in data["progress"]["newly_at_standard"]] == ["06130"]
    assert [c["code"] for c in data["candidates"]] == ["06331"]  # meets all 19, not recognised: not at standard
    assert data["basis"]["start"] == "data"
    # the later round lacks 06004: its figures are partial, and the start of the year is that of its communes
    assert data["coverage"]["partial"] is True
    criteria = {c["number"]: c for c in data["criteria"]}
    assert (criteria[2]["baseline"], criteria[2]["baseline_source"], criteria[2]["actual"]) == (49, "data", 52)


def test_two_rounds_are_needed(tmp_path, rounds):
    result = run("progress", rounds[0], "--lang", "en")
    assert result.exit_code == 2 and "give two rounds" in result.output
    result = run("progress", PLAN, *rounds, "--format", "json")  # a plan first is the plan, as for check
    assert result.exit_code == 0
