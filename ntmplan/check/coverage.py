"""Which communes a round covers, and which of its rows count: what every figure of ``check`` stands on.

A row counts when it is one of the plan's communes, once. The first row of a
code is kept; a later row with the same code is left out of every figure (the
data rule DA07 names both rows). A row without a readable code, or whose code
is not a commune of the plan (a township, a typo), is left out too (DA04, DA08
say why). So no commune is counted twice and no share can pass 100%.

A round that lacks some of the plan's communes is *partial*: its figures are
those of the communes present, the missing communes are listed by district so
the office knows whom to call, and the province-wide targets are not judged.
Communes are known by the official list shipped with ntmplan when the plan is
of its province; for another province only the number of communes is known.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from ntmplan.communes.data import distinct_values, first_rows, spread
from ntmplan.communes.reference import COMMUNE_TYPE
from ntmplan.model.plan import Plan

OFFICIAL_LIST_PROVINCE = "20"  # the GSO code of Lạng Sơn, the province of the official list shipped with ntmplan

REPEAT, NOT_A_COMMUNE, NO_CODE = "repeat", "not-a-commune", "no-code"
LISTED = 100  # excluded rows listed one by one; the rest are counted (as the data rules cap their findings)


@dataclass(frozen=True)
class RowPlace:
    """Where a row of a round was read: its file, its sheet in a workbook, its line (row) there."""

    file: str
    line: int | None = None
    sheet: str | None = None


@dataclass
class ExcludedRow:
    """A row left out of every figure, and why: ``repeat`` (of ``kept``), ``not-a-commune``, ``no-code``."""

    code: str | None
    reason: str
    place: RowPlace
    kept: RowPlace | None = None  # for a repeat: the row of the same code that is counted


@dataclass
class MissingCommune:
    code: str
    name: str


@dataclass
class MissingDistrict:
    """The communes of one district that the round lacks."""

    district_code: str
    district: str
    communes: int  # of the district, by the official list
    missing: list[MissingCommune]


@dataclass
class Coverage:
    """How much of the province a round covers, and what it left out."""

    communes_in_plan: int
    communes_in_file: int  # the plan's communes counted, each once
    rows: int  # rows read
    missing: list[str]  # codes of the official list absent from the round
    missing_by_district: list[MissingDistrict]
    duplicates: list[str]  # codes on more than one row
    excluded: list[ExcludedRow]  # the first ``LISTED`` rows left out of every figure
    excluded_rows: int  # all of them
    partial: bool
    official_list: bool  # whether the communes are known by code (else by their number only)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Round:
    """A review round as counted: one row per commune of the plan (the frame's index is the row read)."""

    frame: pd.DataFrame
    coverage: Coverage
    sources: list[str] = field(default_factory=list)
    place: Callable[[int], RowPlace] | None = None

    @property
    def recognition(self) -> bool:
        """Whether the round gives years of recognition; without any, the communes at standard are
        those meeting all 19 criteria."""
        return "ntm_year" in self.frame.columns and bool(self.frame["ntm_year"].notna().any())


def plan_roster(plan: Plan, reference: pd.DataFrame | None) -> pd.DataFrame | None:
    """The plan's communes from the official list (code, name, district_code, district), or None if unknown."""
    if reference is None or plan.metadata.province.gso_code != OFFICIAL_LIST_PROVINCE:
        return None
    communes = reference[reference["type"] == COMMUNE_TYPE]
    return communes[["code", "name", "district_code", "district"]].sort_values("code").reset_index(drop=True)


def count_round(
    plan: Plan,
    frame: pd.DataFrame,
    roster: pd.DataFrame | None = None,
    place: Callable[[int], RowPlace] | None = None,
    sources: list[str] | None = None,
    distinct: tuple[np.ndarray, list[str]] | None = None,
) -> Round:
    """The rows of ``frame`` that count, and the round's coverage of the plan's communes.

    ``roster`` is the plan's communes (``plan_roster``); ``place(row)`` says where a row was read;
    ``distinct`` is the code column's distinct values (``CommuneData.distinct``), when already found.
    """
    locate = place or (lambda row: RowPlace(", ".join(sources or [])))
    cells, codes = distinct if distinct is not None else distinct_values(frame["code"])
    no_code = cells < 0
    if roster is not None:
        communes = set(roster["code"])
        foreign = spread(cells, [code not in communes for code in codes], False, bool)
    else:
        foreign = np.zeros(len(frame), dtype=bool)
    candidate = ~no_code & ~foreign
    repeats, first_row = first_rows(cells, len(codes))
    repeat = candidate & repeats
    kept = candidate & ~repeat

    excluded = []
    for position in np.flatnonzero(~kept)[:LISTED]:
        row = frame.index[position]
        if no_code[position]:
            excluded.append(ExcludedRow(None, NO_CODE, locate(row)))
        elif foreign[position]:
            excluded.append(ExcludedRow(codes[cells[position]], NOT_A_COMMUNE, locate(row)))
        else:
            first = frame.index[first_row[cells[position]]]
            excluded.append(ExcludedRow(codes[cells[position]], REPEAT, locate(row), locate(first)))

    counted = frame[kept]
    present = {codes[cell] for cell in np.unique(cells[kept])}
    missing: list[str] = []
    by_district: list[MissingDistrict] = []
    if roster is not None:
        absent = roster[~roster["code"].isin(present)]
        missing = list(absent["code"])
        sizes = roster.groupby("district_code")["code"].size()
        for (district_code, district), group in absent.groupby(["district_code", "district"], sort=True):
            by_district.append(MissingDistrict(
                district_code, district, int(sizes[district_code]),
                [MissingCommune(c, n) for c, n in zip(group["code"], group["name"])],
            ))
    in_plan = plan.metadata.province.communes
    coverage = Coverage(
        communes_in_plan=in_plan,
        communes_in_file=len(counted),
        rows=len(frame),
        missing=missing,
        missing_by_district=by_district,
        duplicates=sorted(codes[cell] for cell in np.unique(cells[repeat])),
        excluded=excluded,
        excluded_rows=int((~kept).sum()),
        partial=bool(missing) or len(counted) < in_plan,
        official_list=roster is not None,
    )
    return Round(counted, coverage, list(sources or []), place)
