"""Vietnamese names as text: dictionary order, and searches that ignore accents and case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.text import fold, sort_key, sort_names

ROOT = Path(__file__).resolve().parents[2]


def test_letters_with_marks_come_after_the_plain_letter():
    assert sort_names(["đá", "da", "dz", "ăn", "an", "ân", "ơ", "ô", "o", "ư", "u", "ê", "e"]) == [
        "an", "ăn", "ân", "da", "dz", "đá", "e", "ê", "o", "ô", "ơ", "u", "ư"]


def test_tones_order_only_words_with_the_same_letters():
    assert sort_names(["Hóa", "Hoa", "Hòa", "Hỏa", "Hõa", "Họa", "Hoan"]) == [
        "Hoa", "Hòa", "Hỏa", "Hõa", "Hóa", "Họa", "Hoan"]


def test_words_are_compared_word_by_word_and_case_does_not_matter():
    assert sort_names(["Gia Cát", "Đồng Đăng", "Dương", "an Bình", "An", "Ana"]) == [
        "An", "an Bình", "Ana", "Dương", "Đồng Đăng", "Gia Cát"]
    assert sort_key("Hoàng Đồng") != sort_key("hoàng đồng")  # a total order: the text breaks ties


def test_composed_and_decomposed_spellings_sort_together():
    import unicodedata

    name = "Hoàng Văn Thụ"
    assert sort_key(unicodedata.normalize("NFD", name))[:2] == sort_key(name)[:2]


@pytest.mark.parametrize("typed", ["hoang dong", "HOÀNG ĐỒNG", "Hoàng  Đồng", "05986"])
def test_a_commune_is_found_however_its_name_is_typed(typed):
    result = CliRunner().invoke(app, ["check", str(ROOT / "plans" / "2019.yaml"), str(ROOT / "data" / "communes.csv"),
                                      "--commune", typed, "--format", "json"])
    found = json.loads(result.output)["communes_detail"]
    assert [c["name"] for c in found] == ["Hoàng Đồng"]


def test_a_search_that_matches_nothing_is_a_usage_error():
    result = CliRunner().invoke(app, ["check", str(ROOT / "plans" / "2019.yaml"), str(ROOT / "data" / "communes.csv"),
                                      "--commune", "atlantis", "--lang", "en"])
    assert result.exit_code == 2 and "no commune matches 'atlantis'" in result.output


def test_fold_is_what_searches_compare():
    assert fold("Sở Nông nghiệp và PTNT") == "so nong nghiep va ptnt"
