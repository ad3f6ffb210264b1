"""The Vietnamese catalogue is complete, consistent with the code, and compiled."""

from __future__ import annotations

import gettext
import re

import pytest

from ntmplan.i18n import LOCALE_DIR
from ntmplan.dev.catalogue import extract, read

PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.fixture(scope="module")
def extracted():
    return extract()


@pytest.fixture(scope="module")
def catalogue():
    return read()


def _key(message):
    return (message.context, message.id if isinstance(message.id, str) else message.id[0])


def _strings(message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def test_every_message_in_the_code_has_a_vietnamese_translation(extracted, catalogue):
    translated = {_key(m) for m in catalogue if m.id and all(_strings(m))}
    missing = [key for key in (_key(m) for m in extracted if m.id) if key not in translated]
    assert missing == [], "run python -m ntmplan.dev.regenerate and translate: " + repr(missing[:10])


def test_the_catalogue_holds_no_message_the_code_no_longer_has(extracted, catalogue):
    wanted = {_key(m) for m in extracted if m.id}
    assert [key for key in (_key(m) for m in catalogue if m.id) if key not in wanted] == []


def test_translations_keep_every_placeholder_of_the_english_message(catalogue):
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[-1]
        for string in _strings(message):
            if sorted(set(PLACEHOLDER.findall(english))) != sorted(set(PLACEHOLDER.findall(string))):
                wrong.append((english, string))
    assert wrong == []


def test_the_compiled_catalogue_is_current(catalogue):
    compiled = gettext.translation("ntmplan", localedir=str(LOCALE_DIR), languages=["vi"])
    stale = []
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, str):
            got = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
            if got != message.string:
                stale.append(message.id)
        elif compiled.ngettext(message.id[0], message.id[1], 1) != message.string[0]:
            stale.append(message.id[0])
    assert stale == [], "run python -m ntmplan.dev.regenerate to compile the .mo"


def test_rule_summaries_and_command_help_are_in_the_catalogue(extracted):
    ids = {m.id for m in extracted}
    assert "A stated share disagrees with its count and denominator" in ids  # SH01's summary
    assert "Check commune data against the plan: which targets are met, which are behind, where." in ids
