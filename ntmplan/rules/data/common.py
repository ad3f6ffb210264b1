"""Helpers shared by the commune-data rules: picking flagged rows, naming cells, comparing names.

Every data rule computes a boolean mask over all rows with pandas, then builds a
message only for the rows the mask flags, so a rule costs the same on a file of a
million clean rows as a column operation does. The rule modules import pandas
only when a rule runs (``ntmplan validate`` must not pay for pandas), hence the
imports inside functions.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import CRITERION_COLUMNS
from ntmplan.i18n import _
from ntmplan.rules.engine import MAX_FINDINGS_PER_RULE
from ntmplan.rules.registry import Elided

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from ntmplan.communes.data import CommuneData

# Vietnamese tone marks: grave, acute, tilde, hook above, dot below. Where a tone mark sits
# ('Hoà' or 'Hòa', 'Thuỵ' or 'Thụy') is a matter of style, not of spelling.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_DISTRICT_PREFIX = re.compile(r"^(?:huyện|thành phố|thị xã|tp\.?|tx\.?|h\.)\s*")
_COMMUNE_PREFIX = re.compile(r"^(?:xã|x\.)\s+")


class Tally:
    """Counts one rule's problems, giving only the rows the engine will show.

    ``for row in tally(rows(mask)): yield Problem(...)``, then ``yield from
    tally.elided()``: the rows past the engine's limit are counted, not built. On a
    national file where a rule flags every row, that is one step instead of a million.
    """

    def __init__(self, limit: int = MAX_FINDINGS_PER_RULE) -> None:
        self.count = 0
        self.limit = limit

    def __call__(self, positions) -> list[int]:
        room = max(self.limit - self.count, 0)
        self.count += len(positions)
        return positions[:room].tolist()  # as plain ints at once, and only those shown

    def elided(self) -> Iterator[Elided]:
        """The rows not shown, as one count for the engine (nothing when every row was shown)."""
        if self.count > self.limit:
            yield Elided(self.count - self.limit)


def rows(mask: pd.Series | np.ndarray) -> np.ndarray:
    """Positions of the rows a mask flags, in file order."""
    import numpy as np

    return np.flatnonzero(np.asarray(mask, dtype=bool))


def criteria_known(data: CommuneData) -> pd.DataFrame:
    """Communes × criteria with ``<NA>`` where the cell is missing or unreadable."""
    return data.frame[list(CRITERION_COLUMNS)]


def criteria_list(numbers: list[int]) -> str:
    """'criteria 2, 5 and 17' or 'criterion 8'."""
    if len(numbers) == 1:
        return _("criterion {number}").format(number=numbers[0])
    return _("criteria {numbers} and {last}").format(
        numbers=", ".join(str(n) for n in numbers[:-1]), last=numbers[-1]
    )


def flag_column(data: CommuneData, name: str) -> pd.Series:
    """A flag as plain booleans (a missing or unreadable cell counts as no)."""
    return data.frame[name].fillna(False).astype(bool)


def reference_of(data: CommuneData) -> pd.DataFrame:
    """The official list the data was read with."""
    from ntmplan.communes.reference import load_reference

    return data.reference if data.reference is not None else load_reference()


def covers_province(data: CommuneData) -> bool:
    """Whether every commune of the official list has a row: what the province's totals need."""
    from ntmplan.communes.reference import COMMUNE_TYPE

    reference = reference_of(data)
    communes = set(reference.loc[reference["type"] == COMMUNE_TYPE, "code"])
    return communes <= set(data.distinct("code")[1])


def tone_free_key(text: str) -> str:
    """A name as compared with the official list: case, spacing and tone-mark placement ignored.

    Each word keeps its letters (with ă, â, ê, ô, ơ, ư, đ) and its tone, wherever the
    tone mark was written: 'Hoà Bình' and 'Hòa  bình' agree, 'Tân Thanh' and 'Tân
    Thành' do not.
    """
    words = []
    for word in unicodedata.normalize("NFD", text.casefold()).split():
        tones = "".join(sorted(ch for ch in word if ch in _TONES))
        letters = unicodedata.normalize("NFC", "".join(ch for ch in word if ch not in _TONES))
        words.append(letters + tones)
    return " ".join(words)


def commune_name_key(text: str) -> str:
    """'Xã Hoàng Đồng' and 'hoàng đồng' give one key."""
    folded = " ".join(unicodedata.normalize("NFC", text.casefold()).split())
    return tone_free_key(_COMMUNE_PREFIX.sub("", folded))


def district_name_key(text: str) -> str:
    """'Huyện Chi Lăng', 'Chi Lăng'; 'Thành phố Lạng Sơn', 'TP Lạng Sơn', 'TP. Lạng Sơn' give one key each."""
    folded = " ".join(unicodedata.normalize("NFC", text.casefold()).split())
    return tone_free_key(_DISTRICT_PREFIX.sub("", folded))


def differs_from_official(data: CommuneData, name: str, key) -> np.ndarray:
    """Rows whose ``name`` cell differs from their commune's in the official list once both are read by ``key``.

    Each distinct spelling is keyed once and the keys compared as numbers, so a million rows
    cost a few hundred calls of ``key``; a row without the cell or without a commune does not differ.
    """
    import numpy as np

    from ntmplan.communes.data import spread

    numbers: dict[str, int] = {}

    def numbered(rows: np.ndarray, values) -> np.ndarray:
        keys = [numbers.setdefault(key(value), len(numbers)) if isinstance(value, str) else -1 for value in values]
        return spread(rows, keys, -1, np.intp)

    cells, written = data.distinct(name)
    mine, theirs = numbered(cells, written), numbered(data.official_rows, data.official_list[name])
    return (mine >= 0) & (theirs >= 0) & (mine != theirs)
