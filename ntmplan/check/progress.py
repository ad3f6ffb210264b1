"""Progress between two review rounds: which commune gained or lost which criterion.

Communes are matched by code over the rows that count in each round (one row
per commune of the plan, ``coverage``). A commune present in only one of the
two rounds cannot be compared: it is listed, never silently dropped. Every
number comes with the communes behind it, so a district can be asked about
each one.

"At the standard" has the meaning of ``check``: recognised and meeting all 19
criteria (all 19 alone in a round without years of recognition). A commune
*newly at the standard* is at it in the later round and was not in the earlier
one; one that *fell below* it was at the standard and now misses a criterion.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from ntmplan.check.coverage import Coverage, Round
from ntmplan.check.standing import standing
from ntmplan.communes.columns import CRITERION_COLUMNS
from ntmplan.model.plan import Plan


@dataclass
class CommuneRef:
    code: str
    name: str
    district: str


@dataclass
class CommuneChange:
    """One commune's criteria in the two rounds; only communes with a change are listed."""

    code: str
    name: str
    district_code: str
    district: str
    before: int  # criteria met in the earlier round
    after: int
    gained: list[int]
    lost: list[int]


@dataclass
class CriterionChange:
    number: int
    name_vi: str
    name_en: str
    before: int  # communes meeting it in the earlier round
    after: int
    gained: int
    lost: int
    net: int
    gained_by: list[str]  # codes of the communes behind each number
    lost_by: list[str]


@dataclass
class DistrictChange:
    district_code: str
    district: str
    communes: int  # compared
    gained: int  # criteria gained over the district's communes
    lost: int
    net: int
    standard_before: int
    standard_after: int
    gained_by: list[str]
    lost_by: list[str]
    newly_at_standard: list[str]
    fallen_below_standard: list[str]
    criteria: list[dict[str, int]]  # each criterion whose count changed in the district: number, gained, lost, net


@dataclass
class Progress:
    """What changed between an earlier and a later round."""

    old_files: list[str]
    new_files: list[str]
    compared: int  # communes in both rounds
    communes: list[CommuneChange]
    criteria: list[CriterionChange]
    districts: list[DistrictChange]
    newly_at_standard: list[CommuneRef]
    fallen_below_standard: list[CommuneRef]
    only_in_old: list[CommuneRef]
    only_in_new: list[CommuneRef]
    old_coverage: Coverage
    new_coverage: Coverage

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _refs(frame: pd.DataFrame) -> list[CommuneRef]:
    ordered = frame.sort_values(["district_code", "name"])
    return [CommuneRef(str(c), str(n), str(d)) for c, n, d in zip(ordered["code"], ordered["name"], ordered["district"])]


def _numbers(row: pd.Series) -> list[int]:
    return [int(column[1:]) for column, flag in row.items() if flag]


def compare_rounds(plan: Plan, old: Round, new: Round) -> Progress:
    """The change from ``old`` to ``new`` over the communes present in both."""
    before_frame, after_frame = old.frame.set_index("code", drop=False), new.frame.set_index("code", drop=False)
    common = after_frame.index[after_frame.index.isin(before_frame.index)].sort_values()
    before_frame, after_frame = before_frame.loc[common], after_frame.loc[common]
    year = plan.metadata.year
    then = standing(before_frame, year, old.recognition)
    now = standing(after_frame, year, new.recognition)
    gained = now.matrix & ~then.matrix
    lost = then.matrix & ~now.matrix
    newly = now.at_standard & ~then.at_standard
    fallen = then.at_standard & ~now.matrix.all(axis=1)

    changed = gained.any(axis=1) | lost.any(axis=1)
    communes = [
        CommuneChange(code, str(after_frame.at[code, "name"]), str(after_frame.at[code, "district_code"]),
                      str(after_frame.at[code, "district"]), int(then.met_count[code]), int(now.met_count[code]),
                      _numbers(gained.loc[code]), _numbers(lost.loc[code]))
        for code in after_frame[changed].sort_values(["district_code", "name"]).index
    ]

    names = {criterion.number: criterion.name for criterion in plan.criteria}
    criteria = []
    for column in CRITERION_COLUMNS:
        number = int(column[1:])
        up, down = gained[column], lost[column]
        name = names.get(number)
        criteria.append(CriterionChange(
            number, name.vi if name else "", name.en if name else "", int(then.matrix[column].sum()),
            int(now.matrix[column].sum()), int(up.sum()), int(down.sum()), int(up.sum()) - int(down.sum()),
            sorted(up.index[up]), sorted(down.index[down]),
        ))

    districts = []
    keys = [after_frame["district_code"].astype(str), after_frame["district"].astype(str)]
    for (code, name), rows in after_frame.groupby(keys, sort=True).groups.items():
        up, down = gained.loc[rows], lost.loc[rows]
        by_criterion = [
            {"number": int(column[1:]), "gained": int(up[column].sum()), "lost": int(down[column].sum()),
             "net": int(up[column].sum()) - int(down[column].sum())}
            for column in CRITERION_COLUMNS if up[column].any() or down[column].any()
        ]
        districts.append(DistrictChange(
            code, name, len(rows), int(up.to_numpy().sum()), int(down.to_numpy().sum()),
            int(up.to_numpy().sum()) - int(down.to_numpy().sum()), int(then.at_standard.loc[rows].sum()),
            int(now.at_standard.loc[rows].sum()), sorted(up.index[up.any(axis=1)]),
            sorted(down.index[down.any(axis=1)]), sorted(newly.loc[rows].index[newly.loc[rows]]),
            sorted(fallen.loc[rows].index[fallen.loc[rows]]), by_criterion,
        ))

    return Progress(
        old_files=old.sources,
        new_files=new.sources,
        compared=len(common),
        communes=communes,
        criteria=criteria,
        districts=districts,
        newly_at_standard=_refs(after_frame[newly]),
        fallen_below_standard=_refs(after_frame[fallen]),
        only_in_old=_refs(old.frame[~old.frame["code"].isin(set(new.frame["code"]))]),
        only_in_new=_refs(new.frame[~new.frame["code"].isin(set(old.frame["code"]))]),
        old_coverage=old.coverage,
        new_coverage=new.coverage,
    )
