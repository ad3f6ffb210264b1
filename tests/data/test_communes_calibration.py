"""The committed commune data against what the plan says about its own baseline.

Every expected figure is computed from ``plans/2019.yaml`` read with ``load_plan``,
so the test follows the plan file, as the generator does.
"""

from __future__ import annotations

import pandas as pd
import pytest

from communefiles import BASELINE, JUNE, ROOT, findings, plan, read
from ntmplan.communes.columns import CRITERION_COLUMNS, NAMES
from ntmplan.communes.reference import reference_communes
from ntmplan.model.plan import Members

GROUP_COLUMNS = {
    Members.SPECIAL_DIFFICULTY_PILOT: "special_difficulty_pilot",
    Members.SPECIAL_DIFFICULTY: "special_difficulty",
    Members.BORDER: "border",
}


@pytest.fixture(scope="module")
def start() -> pd.DataFrame:
    return read(str(BASELINE)).frame


@pytest.fixture(scope="module")
def review() -> pd.DataFrame:
    return read(str(JUNE)).frame


def matrix(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[list(CRITERION_COLUMNS)].astype(bool)


def standard_at_start() -> int:
    count = plan().headline.standard_communes
    return count.baseline if count.baseline is not None else count.total - count.added


def test_one_line_per_official_commune_sorted_by_code(start):
    official = reference_communes()
    assert len(start) == plan().metadata.province.communes == 207
    assert list(start["code"]) == list(official["code"]) == sorted(official["code"])
    assert list(start["name"]) == list(official["name"])
    assert list(start["district_code"]) == list(official["district_code"])
    assert list(start["district"]) == list(official["district"])


def test_header_is_the_canonical_columns():
    assert BASELINE.read_text(encoding="utf-8").splitlines()[0].split(",") == list(NAMES)
    assert JUNE.read_text(encoding="utf-8").splitlines()[0].split(",") == list(NAMES)


def test_communes_at_standard_are_the_plans_baseline(start):
    at_standard = matrix(start).all(axis=1)
    assert at_standard.sum() == standard_at_start() == 48
    recognised = start["ntm_year"].notna()
    assert (recognised == at_standard).all(), "recognised communes are exactly those meeting all 19 criteria"
    assert start.loc[recognised, "ntm_year"].between(2014, plan().metadata.year - 1).all()


def test_24_recognised_in_2014_2016(start):
    figure = next(f for m in plan().measures for f in m.figures if f.key.endswith("2014-2016"))
    assert start["ntm_year"].between(2014, 2016).sum() == figure.value == 24


def test_advanced_pilots_are_at_standard(start):
    codes = [c.code for c in plan().headline.advanced_pilot_communes]
    assert codes == ["05986", "06523"]
    pilots = start[start["code"].isin(codes)]
    assert matrix(pilots).all(axis=None)
    assert pilots["ntm_year"].notna().all()
    assert list(pilots["name"]) == [c.name for c in plan().headline.advanced_pilot_communes]


@pytest.mark.parametrize("number", range(1, 20))
def test_criterion_counts_are_total_minus_added(start, number):
    criterion = next(c for c in plan().criteria if c.number == number)
    count = criterion.communes
    met = int(matrix(start)[CRITERION_COLUMNS[number - 1]].sum())
    communes = plan().metadata.province.communes
    if count.total is not None and count.added is not None:
        assert met == count.total - count.added
    elif count.total == communes:  # "Duy trì tốt 207/207 xã": maintained
        assert met == communes
    elif count.total is not None:  # only a total (criterion 8): below it, at least the communes at standard
        assert standard_at_start() <= met < count.total
        assert met == count.total - plan().headline.standard_communes.added  # the documented choice
    else:  # nothing stated (criterion 1): the documented choice is every commune
        assert met == communes


def test_group_sizes_follow_the_plan(start):
    for group in plan().headline.groups:
        if group.communes is not None and group.members in GROUP_COLUMNS:
            assert start[GROUP_COLUMNS[group.members]].sum() == group.communes
    assert start["border"].sum() == 20
    assert start["special_difficulty_pilot"].sum() == 5
    scheme = next(s for s in plan().headline.support_schemes if "special-difficulty" in s.key)
    assert start["special_difficulty"].sum() == scheme.communes == 18
    assert start["target_2019"].sum() == plan().headline.standard_communes.added == 12


def test_groups_are_consistent(start):
    assert not (start["special_difficulty_pilot"] & ~start["special_difficulty"]).any()
    at_standard = matrix(start).all(axis=1)
    assert not (start["target_2019"] & at_standard).any()
    assert not (start["border"] & at_standard).any()


def test_border_communes_lie_in_the_border_districts(start):
    border_districts = {"Huyện Tràng Định", "Huyện Văn Lãng", "Huyện Cao Lộc", "Huyện Lộc Bình", "Huyện Đình Lập"}
    assert set(start.loc[start["border"], "district"]) == border_districts


def test_target_communes_are_close_and_the_plan_can_carry_them(start):
    met = matrix(start).sum(axis=1)
    targets = start["target_2019"]
    assert met[targets].min() >= 13
    assert met[targets].min() > met[~targets & ~matrix(start).all(axis=1)].quantile(0.9)
    for criterion in plan().criteria:
        if criterion.communes.added is not None:
            lacking = int((~matrix(start)[CRITERION_COLUMNS[criterion.number - 1]] & targets).sum())
            assert lacking <= criterion.communes.added, f"criterion {criterion.number}"


def test_spread_of_the_other_communes(start):
    met = matrix(start).sum(axis=1)
    others = met[~matrix(start).all(axis=1)]
    assert others.between(5, 14).mean() >= 0.9
    assert others.max() <= 18


def test_advanced_criteria_and_model_areas_only_at_standard(start):
    at_standard = matrix(start).all(axis=1)
    assert (start.loc[~at_standard, "advanced_criteria"] == 0).all()
    assert (start.loc[~at_standard, "model_areas"] == 0).all()
    assert start.loc[at_standard, "advanced_criteria"].between(0, 19).all()


def test_baseline_file_is_clean():
    assert findings(str(BASELINE)) == []


# --- the June review -----------------------------------------------------------------------


def test_june_has_the_same_communes_and_flags(start, review):
    same = ["code", "name", "district_code", "district", "border", "special_difficulty",
            "special_difficulty_pilot", "target_2019"]
    pd.testing.assert_frame_equal(start[same], review[same])


def test_june_two_targets_recognised_in_2019(start, review):
    year = plan().metadata.year
    new = review["ntm_year"].eq(year).fillna(False)
    assert new.sum() == 2
    assert review.loc[new, "target_2019"].all()
    assert matrix(review)[new].all(axis=None)
    assert start.loc[new, "ntm_year"].isna().all()


def test_june_progress_some_criteria_done_some_lagging(start, review):
    before, after = matrix(start).sum(), matrix(review).sum()
    totals = {CRITERION_COLUMNS[c.number - 1]: c.communes.total for c in plan().criteria if c.communes.added}
    assert sum(after[c] >= t for c, t in totals.items()) >= 2, "some criteria at or above their total"
    assert any(after[c] > t for c, t in totals.items()), "one beyond its total"
    added = {CRITERION_COLUMNS[c.number - 1]: c.communes.added for c in plan().criteria if c.communes.added}
    assert sum((after[c] - before[c]) < added[c] * 0.25 for c in added) >= 3, "some lagging"
    assert (after >= before - 1).all()


def test_june_one_commune_fallen_below_standard(review):
    found = findings(str(JUNE))
    assert [(f.code, f.name) for f in found] == [("DA13", "fallen-below-standard")]
    line = found[0].location.line
    code = JUNE.read_text(encoding="utf-8").splitlines()[line - 1].split(",")[0]
    assert review.loc[review["code"] == code, "ntm_year"].iloc[0] == 2014
    assert code in (ROOT / "data" / "README.md").read_text(encoding="utf-8"), "the README names it"
