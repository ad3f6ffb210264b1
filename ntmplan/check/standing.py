"""Each commune's standing in a round: the criteria it meets, whether it is at the NTM standard.

The one reading of a round that ``check`` and ``progress`` share. At the standard
means recognised as NTM (a year of recognition) and meeting all 19 criteria; in a
round without any year of recognition, meeting all 19 criteria. A recognised
commune that misses a criterion has *fallen below* the standard; one meeting all
19 without recognition is a *candidate*.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ntmplan.communes.data import criteria_met


@dataclass(frozen=True)
class Standing:
    """Each commune's standing: criteria met, at the standard, recognised before the plan's year."""

    matrix: pd.DataFrame
    met_count: pd.Series
    at_standard: pd.Series
    candidates: pd.Series
    fallen: pd.Series
    already: pd.Series | None  # recognised before the plan's year; None when the data has no years


def standing(frame: pd.DataFrame, year: int, recognition: bool) -> Standing:
    """At standard means recognised and meeting all 19 criteria (all 19 alone when the data gives no years)."""
    matrix = criteria_met(frame)
    meets_all = matrix.all(axis=1)
    if not recognition:
        none = pd.Series(False, index=frame.index)
        return Standing(matrix, matrix.sum(axis=1), meets_all, none, none, None)
    recognised = frame["ntm_year"].notna()
    already = (frame["ntm_year"] < year).fillna(False).astype(bool)
    return Standing(matrix, matrix.sum(axis=1), meets_all & recognised, meets_all & ~recognised,
                     recognised & ~meets_all, already)
