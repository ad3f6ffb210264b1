"""The plan format says how each target is meant, and the plan rules read it so.

Comparisons are required (no silent 'exactly'); a range may be open ('từ 10 tiêu chí trở
lên'), and is then a floor; a collective body lists the bodies it stands for; commitments
without a figure name their bodies; criteria cite documents. Each case mutates the clean
plan of ``planfactory`` and looks at what the loader or the rules say.
"""

from __future__ import annotations

import pytest
from planfactory import Raw, clean_plan, codes_and_paths, findings, load, patched

from ntmplan.errors import InputError
from ntmplan.i18n import Lang, activate
from ntmplan.numbers import range_text

SUB_TARGET = {"key": "roads", "description": {"vi": "350km đường", "en": "roads"}, "value": 350, "unit": "km"}
GROUP = {"key": "pilots", "name": {"vi": "các xã điểm (do huyện lựa chọn)", "en": "district pilots"},
         "members": "district-pilot", "measure": "criteria-met", "aggregate": "each", "by_year": 2020}
COMMITMENT = {"key": "village-criteria", "source": "II.6", "who": {"text": "UBND tỉnh", "agencies": ["UBND-TINH"]},
              "what": {"vi": "ban hành Bộ tiêu chí thôn", "en": "issue the village criteria set"}, "year": 2019}


@pytest.fixture(autouse=True)
def english():
    activate(Lang.en)


def test_a_sub_target_without_a_comparison_is_refused_where_it_stands():
    with pytest.raises(InputError) as caught:
        load(patched(clean_plan(), {"criteria[1].sub_targets": [SUB_TARGET]}))
    assert "missing key 'comparison' (at criteria[1].sub_targets[0].comparison)" in str(caught.value)


def test_a_sub_target_with_an_unknown_comparison_is_refused():
    with pytest.raises(InputError, match="comparison"):
        load(patched(clean_plan(), {"criteria[1].sub_targets": [{**SUB_TARGET, "comparison": "roughly"}]}))


@pytest.mark.parametrize("comparison", ["exactly", "at-least", "at-most", "about"])
def test_each_comparison_is_read(comparison):
    plan = load(patched(clean_plan(), {"criteria[1].sub_targets": [{**SUB_TARGET, "comparison": comparison}]})).plan
    assert plan.criteria[1].sub_targets[0].comparison.value == comparison


def test_a_group_target_says_how_it_is_meant_too():
    with pytest.raises(InputError, match=r"headline.groups\[0\].target.comparison"):
        load(patched(clean_plan(), {"headline.groups": [{**GROUP, "target": {"min": 10, "max": 12}}]}))


def test_an_open_range_has_no_invented_upper_end():
    group = {**GROUP, "target": {"min": 10, "comparison": "at-least"}}
    target = load(patched(clean_plan(), {"headline.groups": [group]})).plan.headline.groups[0].target
    assert (target.min, target.max, target.open, target.upper_or(19)) == (10, None, True, 19)


@pytest.mark.parametrize("comparison", ["exactly", "about", "at-most"])
def test_an_open_range_is_a_floor_and_nothing_else(comparison):
    group = {**GROUP, "target": {"min": 10, "comparison": comparison}}
    with pytest.raises(InputError, match="an open range .* is a floor"):
        load(patched(clean_plan(), {"headline.groups": [group]}))


@pytest.mark.parametrize(
    "low, high, lang, shown",
    [(14, 14, Lang.en, "14"), (9.5, 10, Lang.vi, "9,5-10"), (10, None, Lang.en, "≥ 10"), (10, None, Lang.vi,
                                                                                         "từ 10 trở lên")],
)
def test_a_range_is_written_as_people_write_it(low, high, lang, shown):
    assert range_text(low, high, lang) == shown


# --- bands and feasibility with open ranges and comparisons -------------------------------------


def test_an_open_top_band_covers_the_scale_up_to_all_criteria():
    plan = patched(clean_plan(), {"headline.bands[0].criteria": {"min": 19}})
    assert findings(plan) == []


def test_an_open_band_overlaps_every_band_above_its_floor():
    plan = patched(clean_plan(), {"headline.bands[1].criteria": {"min": 10}})
    [overlap] = findings(plan, "BD02")
    assert overlap.message == "the band of 19 criteria overlaps the band of 10 criteria or more"


def test_a_band_of_one_number_is_one_number_in_every_message():
    plan = patched(clean_plan(), {"headline.bands[0].stated_share": Raw("31.0"),
                                  "headline.bands[2].criteria": {"min": 1, "max": 9}})
    [share] = findings(plan, "SH01")
    assert share.message.startswith("band of 19 criteria: 3/10 is 30%")
    [below] = findings(plan, "BD04")
    assert below.message == "communes with 0 criteria fall in no band; the bands imply none is expected there"


@pytest.mark.parametrize(
    "target, reported",
    [
        ({"min": 16.6, "max": 17, "comparison": "at-least"}, True),  # the bands allow at most 16.5
        ({"min": 5, "max": 6, "comparison": "at-least"}, False),  # a floor the bands are sure to exceed is met
        ({"min": 5, "max": 6, "comparison": "exactly"}, True),  # but not a range the average must stay within
        ({"min": 5, "max": 6, "comparison": "about"}, True),
        ({"min": 17, "max": 18, "comparison": "at-most"}, False),  # a ceiling the bands stay under is met
        ({"min": 16.6, "comparison": "at-least"}, True),  # an open floor above what the bands allow
    ],
)
def test_the_bands_judge_the_average_target_as_it_is_meant(target, reported):
    plan = patched(clean_plan(), {"headline.average_criteria": target,
                                  "criteria": [{**c, "communes": {}} for c in clean_plan()["criteria"]]})
    found = findings(plan, "FE02")
    assert bool(found) is reported
    if found and target["comparison"] == "at-least":
        assert found[0].message.endswith("which cannot meet the target of " + (
            "at least 16.6-17" if "max" in target else "≥ 16.6"))


# --- agencies, commitments and documents -------------------------------------------------------


COLLECTIVE = {"code": "BCD-CAC-CAP", "name": {"vi": "BCĐ các cấp", "en": "Steering committees at all levels"},
              "level": "multi-level", "stands_for": ["BCD-TINH", "BCD-HUYEN"]}
DISTRICT = {"code": "BCD-HUYEN", "name": {"vi": "BCĐ cấp huyện", "en": "District steering committees"},
            "level": "district"}


def with_agencies(*extra, **changes):
    plan = patched(clean_plan(), changes)
    plan["agencies"] += list(extra)
    return plan


def test_a_body_referred_to_only_through_a_collective_one_is_used():
    plan = with_agencies(COLLECTIVE, DISTRICT, **{"schedule.sections[1].tasks[0].executing":
                                                 {"text": "BCĐ các cấp", "agencies": ["BCD-CAC-CAP"]}})
    assert findings(plan, "RF04") == []


def test_a_body_never_referred_to_is_still_reported():
    plan = with_agencies(DISTRICT)
    assert codes_and_paths(plan, "RF04") == [("RF04", "agencies[3]")]


def test_unknown_codes_in_a_collective_and_in_a_commitment_are_reported():
    collective = {**COLLECTIVE, "stands_for": ["BCD-TINH", "BCD-HUYENN"]}
    commitment = {**COMMITMENT, "who": {"text": "UBND tỉnh", "agencies": ["UBND-TINHH"]}}
    plan = with_agencies(collective, DISTRICT, commitments=[commitment])
    assert sorted(codes_and_paths(plan, "RF01")) == [("RF01", "agencies[3].stands_for[1]"),
                                                     ("RF01", "commitments[0].who.agencies[0]")]


def test_a_commitment_refers_to_its_bodies():
    plan = with_agencies(DISTRICT, commitments=[{**COMMITMENT, "who": {"text": "BCĐ huyện", "agencies": ["BCD-HUYEN"]}}])
    assert findings(plan, "RF04") == []


def test_a_criterion_cites_documents_by_key():
    plan = patched(clean_plan(), {"criteria[12].references": ["luat-htx-2012"]})
    assert codes_and_paths(plan, "RF02") == [("RF02", "criteria[12].references[0]")]
    cited = patched(clean_plan(), {"criteria[12].references": ["qd-1-ttg-2016"]})
    assert findings(cited, "RF02") == []


def test_a_document_cited_by_name_only_needs_no_number_date_or_issuer():
    document = {"key": "ocop", "kind": "programme", "basis": False,
                "title": {"vi": "Chương trình mỗi xã một sản phẩm giai đoạn 2018-2020", "en": "OCOP, 2018-2020"}}
    plan = patched(clean_plan(), {"legal_documents": [*clean_plan()["legal_documents"], document],
                                  "measures[0].references": ["qd-1-ttg-2016", "ocop"]})
    assert findings(plan) == []


def test_the_collectives_of_a_body_are_found_through_one_another():
    everyone = {"code": "CAC-CAP", "name": {"vi": "Các cấp", "en": "All levels"}, "level": "multi-level",
                "stands_for": ["BCD-CAC-CAP"]}
    plan = load(with_agencies(COLLECTIVE, DISTRICT, everyone)).plan
    assert plan.collectives_of("BCD-HUYEN") == ["BCD-CAC-CAP", "CAC-CAP"]
    assert plan.collectives_of("VPDP-TINH") == []
