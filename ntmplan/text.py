"""Vietnamese text helpers shared by the readers and the rules."""

from __future__ import annotations

import difflib
import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, diacritic-free, single-spaced: 'Hoàng  Đồng ' -> 'hoang dong'.

    Used wherever a person may type a name or header with or without accents.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain.lower()).strip()


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
# A letter's modifier (breve, circumflex, horn; the stroke of đ) makes it a letter of its own,
# ordered after the plain one; tones order words that are otherwise equal, in the dictionary's
# order: none, huyền, hỏi, ngã, sắc, nặng.
_MODIFIERS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese names as a Vietnamese dictionary does, case aside.

    'Đồng Đăng' sorts after 'Dương' and before 'Gia Cát'; 'Hòa' after 'Hoa' and
    before 'Hóa'; 'Ư' after 'U'. Letters are compared first (with ă, â, đ, ê, ô, ơ,
    ư as letters of their own), tones only between names with the same letters, and
    the text itself last, so the order is total and stable. Built on Unicode
    decomposition, without ICU.
    """
    letters: list[int] = []
    tones: list[int] = []  # one per word (syllable): a word carries at most one tone
    tone = 0
    for ch in unicodedata.normalize("NFD", " ".join(text.casefold().split())):
        if ch in _MODIFIERS:
            if letters:
                letters[-1] += _MODIFIERS[ch]
        elif ch in _TONES:
            tone = _TONES[ch]
        elif unicodedata.combining(ch):
            continue
        elif ch == " ":
            letters.append(0)  # a word ends: 'An Bình' before 'Ana'
            tones.append(tone)
            tone = 0
        else:
            letters.append(ord("d") * 4 + 1 if ch == "đ" else ord(ch) * 4)
    tones.append(tone)
    return tuple(letters), tuple(tones), text


def sort_names(names, key=lambda item: item):
    """``names`` (or items whose ``key`` is a name) in Vietnamese order."""
    return sorted(names, key=lambda item: sort_key(key(item)))


def suggest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The choice nearest to ``word`` (a typo's intended key, code or name), or None.

    The one place that answers "did you mean …?": unknown keys, agency codes,
    document keys, rule codes, columns and sources all ask it.
    """
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None
