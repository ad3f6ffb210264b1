"""Translations of every message the tool shows, through gettext catalogues.

English is the source language: each message is written in English in the code,
wrapped in ``_()`` (translated now) or ``N_()`` (marked for the catalogue,
translated where it is shown: rule summaries, command help). The Vietnamese
translations live in ``locale/vi/LC_MESSAGES/ntmplan.po``, compiled to the
``.mo`` file that ``gettext`` reads; ``python -m ntmplan.dev.regenerate`` extracts
the messages with Babel, merges them into the catalogue and compiles it, and a
test fails when a message has no Vietnamese translation or the ``.mo`` is stale.

Messages are templates with named placeholders
(``_("criterion {number} ({name}): ...").format(number=..., name=...)``), so a
translation can put the parts in the order Vietnamese needs.

The language is the one a command activates (``activate``), by default that of
the environment (NTMPLAN_LANG, then the locale). Figures inside messages go
through ``ntmplan.numbers.num``, which writes '29,5' or '29.5' as the language does.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from contextvars import ContextVar
from enum import Enum
from functools import lru_cache
from pathlib import Path


class Lang(str, Enum):
    """Languages of the output: Vietnamese, the source's, or English."""

    vi = "vi"
    en = "en"


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def lang_from_locale(environ: Mapping[str, str]) -> Lang:
    """Vietnamese when the POSIX locale is Vietnamese ('vi_VN.UTF-8'), else English.

    The first non-empty variable of LC_ALL, LC_MESSAGES, LANG decides, as in POSIX.
    """
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return Lang.vi if value.lower().startswith("vi") else Lang.en
    return Lang.en


DOMAIN = "ntmplan"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: ContextVar[Lang | None] = ContextVar("ntmplan_lang", default=None)


def environment_language() -> Lang:
    """NTMPLAN_LANG when it names a language, else the POSIX locale's."""
    wanted = os.environ.get("NTMPLAN_LANG", "").strip().lower()
    if wanted in (Lang.vi.value, Lang.en.value):
        return Lang(wanted)
    return lang_from_locale(os.environ)  # read, not copied: this runs for every message when none was activated


def activate(lang: Lang) -> None:
    """Make ``lang`` the language of every message from now on (in this context)."""
    _current.set(lang)


def current() -> Lang:
    chosen = _current.get()
    return chosen if chosen is not None else environment_language()


@lru_cache(maxsize=None)
def translations(lang: Lang) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; English is the source text itself."""
    if lang is Lang.en:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang.value])


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` (Vietnamese has one form)."""
    return translations(current()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it here."""
    return message


def translate(message: str, lang: Lang | None = None) -> str:
    """A message marked with ``N_`` in ``lang`` (default: the current language)."""
    return translations(lang or current()).gettext(message)


def pick(vi: str, en: str, lang: Lang | None = None) -> str:
    """The plan's own name in the current language: its ``name.vi`` or its ``name.en``."""
    return vi if (lang or current()) is Lang.vi else en


def pgettext(context: str, message: str, lang: Lang | None = None) -> str:
    """``message`` as used in ``context`` ('calendar'), where one English word needs two translations."""
    return translations(lang or current()).pgettext(context, message)
