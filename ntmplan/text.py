"""Vietnamese text helpers shared by the readers and the rules."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, diacritic-free, single-spaced: 'Hoàng  Đồng ' -> 'hoang dong'.

    Used wherever a person may type a name or header with or without accents.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain.lower()).strip()


def decimals(raw: str | None) -> int:
    """Decimal places a number was written with ('28.99' -> 2, '60' -> 0)."""
    if not raw or "." not in raw:
        return 0
    fraction = raw.strip().split(".", 1)[1]
    return len(fraction.split("e")[0].split("E")[0])
