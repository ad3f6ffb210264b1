"""What every rule owes its readers: documentation in the same sections, in both languages.

A rule's docstring is its documentation (``ntmplan explain``, the README's catalogue,
SARIF): what it checks, then ``Why:``, ``Example:`` and ``Fix:``. Each paragraph is a
message of the catalogue, written in English and translated into Vietnamese.
"""

from __future__ import annotations

import re

import pytest

from ntmplan.findings import Severity
from ntmplan.i18n import Lang, translate
from ntmplan.rules.registry import SECTIONS, Rule
from ntmplan.rules.scopes import PLAN, all_rules

RULE_LIST = all_rules()
CODES = [rule.code for rule in RULE_LIST]

# Words either language cannot do without, and the other never uses.
ENGLISH = {"the", "is", "are", "of", "and", "which", "with", "its", "must", "not", "when", "that", "this"}
VIETNAMESE = {"là", "của", "và", "không", "có", "được", "trong", "các", "một", "cho", "với", "theo", "khi", "thì",
              "phải", "nên", "này", "đó"}
# What a paragraph quotes is not its language: source text in quotes, code and paths in double backticks.
QUOTED = re.compile(r"``.*?``|(?<!\w)'[^']*?'(?!\w)|\"[^\"]*?\"")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", QUOTED.sub(" ", text).casefold()))


@pytest.mark.parametrize("rule", RULE_LIST, ids=CODES)
def test_every_rule_is_documented_in_the_same_sections(rule):
    assert [section.label for section in rule.sections] == [label for label, _heading in SECTIONS], (
        f"{rule.code}: the docstring says what the rule checks, then 'Why:', 'Example:' and 'Fix:' paragraphs"
    )
    assert all(section.paragraphs for section in rule.sections), f"{rule.code}: a section is empty"


@pytest.mark.parametrize("rule", RULE_LIST, ids=CODES)
def test_every_example_names_a_figure_a_code_a_path_or_a_cell(rule):
    [example] = [section for section in rule.sections if section.label == "Example:"]
    assert re.search(r"\d|``", " ".join(example.paragraphs)), f"{rule.code}: an example shows the failing value"


@pytest.mark.parametrize("rule", RULE_LIST, ids=CODES)
def test_every_paragraph_is_english_in_the_code_and_vietnamese_in_the_catalogue(rule):
    for section in rule.sections:
        for paragraph in section.paragraphs:
            english, vietnamese = words(paragraph), words(translate(paragraph, Lang.vi))
            assert english & ENGLISH and not english & VIETNAMESE, f"{rule.code}, not English: {paragraph}"
            assert vietnamese & VIETNAMESE and not vietnamese & ENGLISH, (
                f"{rule.code}, not translated into Vietnamese: {paragraph}"
            )


def test_the_language_check_tells_the_two_languages_apart():
    assert words("The plan's share of 'Vốn tín dụng' is 59.9%.") & ENGLISH == {"the", "is", "of"}
    assert not words("Tỷ lệ của 'the total' là ``the.path``") & ENGLISH
    assert words("Tỷ lệ của 'the total' là ``the.path``") & VIETNAMESE == {"của", "là"}


def test_json_names_the_sections():
    [rule] = [rule for rule in RULE_LIST if rule.code == "SH01"]
    sections = rule.to_dict()["sections"]
    assert list(sections) == ["checks", "why", "example", "fix"]
    assert sections["example"][0].startswith("Criterion 15 (Health) of the 2019 plan: 133/207 is 64.25%")


def test_a_section_runs_until_the_next_label():
    def check(context):
        """Checks one thing.

        And another.

        Why: a reason.

        A second reason.

        Example: ``x: 1``.

        Fix: correct it.
        """

    rule = Rule("ZZ01", "zz", Severity.INFO, PLAN, "A summary", check)
    assert [(section.key, section.paragraphs) for section in rule.sections] == [
        ("checks", ("Checks one thing.", "And another.")),
        ("why", ("a reason.", "A second reason.")),
        ("example", ("``x: 1``.",)),
        ("fix", ("correct it.",)),
    ]
    assert rule.doc.startswith("Checks one thing.\n\nAnd another.\n\nWhy: a reason.")
