"""Evaluate commune data against every kind of target in the plan.

Vectorised with pandas: the criteria are one boolean matrix (communes × 19),
and every figure is a column operation on it, so a national file of a million
rows costs seconds, not a Python loop per commune.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ntmplan.check.result import (
    BEHIND,
    MET,
    NO_DATA,
    NO_TARGET,
    NOT_DUE,
    AverageStatus,
    BandStatus,
    Basis,
    CheckResult,
    CommuneGap,
    CountStatus,
    CriterionStatus,
    DistrictStatus,
    GroupStatus,
)
from ntmplan.communes.columns import CRITERION_COLUMNS, MEASURE_COLUMNS, MEMBER_COLUMNS
from ntmplan.communes.data import criteria_met
from ntmplan.i18n import _
from ntmplan.model.plan import CRITERIA, CommuneCount, Measure, Members, Plan
from ntmplan.numbers import day, num
from ntmplan.proration import year_fraction

MOST_MISSING = 3
PRIORITY_MAX_MISSING = 3


def basis(plan: Plan, as_of: dt.date | None) -> Basis:
    fraction = float(year_fraction(plan.metadata.year, as_of))
    if as_of is None:
        return Basis(None, 1.0, _("year-end targets of {year}").format(year=plan.metadata.year))
    return Basis(
        as_of.isoformat(),
        fraction,
        _(
            "targets pro-rated to {date} ({share}% of {year}): start of year + communes added × elapsed share; "
            "averages, bands and groups against year-end targets"
        ).format(date=day(as_of), share=num(round(100 * fraction), 0), year=plan.metadata.year),
    )


def _expected(count: CommuneCount, fraction: float) -> tuple[int | None, float | None]:
    """(baseline, expected by now): pro-rated where the plan gives added and total."""
    if count.total is None:
        return None, None
    if count.added is None:
        return count.baseline, float(count.total)
    baseline = count.baseline if count.baseline is not None else count.total - count.added
    return baseline, round(baseline + count.added * fraction, 1)


def _status(actual: float, expected: float | None) -> tuple[str, float | None]:
    if expected is None:
        return NO_TARGET, None
    gap = round(max(expected - actual, 0.0), 1)
    return (MET if actual >= expected else BEHIND), gap


def evaluate(
    plan: Plan,
    frame: pd.DataFrame,
    plan_file: str,
    data_file: str,
    as_of: dt.date | None = None,
    priority_limit: int | None = None,
    with_communes: bool = False,
) -> CheckResult:
    """Compare the data with the plan; findings are added by the target rules afterwards."""
    how = basis(plan, as_of)
    communes = plan.metadata.province.communes
    matrix = criteria_met(frame)
    met_count = matrix.sum(axis=1)
    at_standard = matrix.all(axis=1)

    criteria = []
    for i, criterion in enumerate(plan.criteria):
        column = CRITERION_COLUMNS[criterion.number - 1]
        actual = int(matrix[column].sum())
        unknown = int(frame[column].isna().sum()) if column in frame.columns else len(frame)
        baseline, expected = _expected(criterion.communes, how.fraction)
        status, gap = _status(actual, expected)
        target = criterion.communes.total
        criteria.append(
            CriterionStatus(
                criterion.number,
                criterion.name.vi,
                criterion.name.en,
                baseline,
                target,
                expected,
                actual,
                unknown,
                gap,
                round(100 * actual / communes, 1),
                round(100 * target / communes, 1) if target is not None else None,
                status if unknown < len(frame) else NO_DATA,
                f"criteria[{i}].communes.total",
            )
        )

    standard_target = plan.headline.standard_communes
    baseline, expected = _expected(standard_target, how.fraction)
    standard_actual = int(at_standard.sum())
    status, gap = _status(standard_actual, expected)
    standard = CountStatus(
        baseline, standard_target.total, expected, standard_actual, gap, status, "headline.standard_communes.total"
    )

    bands = []
    for i, band in enumerate(plan.headline.bands):
        in_band = int(met_count.between(band.criteria.min, band.criteria.max).sum())
        bands.append(
            BandStatus(band.criteria.min, band.criteria.max, band.count, in_band, in_band - band.count,
                       f"headline.bands[{i}].count")
        )

    average_target = plan.headline.average_criteria
    average_actual = round(float(met_count.mean()), 2) if len(frame) else 0.0
    average = AverageStatus(
        average_target.min,
        average_target.max,
        average_actual,
        MET if average_actual >= average_target.min else BEHIND,
        "headline.average_criteria",
    )

    groups = [
        _group(plan, frame, at_standard, met_count, index) for index in range(len(plan.headline.groups))
    ]
    target_rows = frame.index[frame["target_2019"].fillna(False).astype(bool)] if "target_2019" in frame else []
    target_communes = _gaps(frame, matrix, met_count, at_standard, list(target_rows))

    districts = _districts(frame, met_count, at_standard, matrix)

    missing_count = CRITERIA - met_count
    candidates = frame.assign(_missing=missing_count)[missing_count.between(1, PRIORITY_MAX_MISSING)]
    order = candidates.assign(
        _target=candidates.get("target_2019", pd.Series(False, index=candidates.index)).fillna(False).astype(bool)
    ).sort_values(["_missing", "_target", "district_code", "name"], ascending=[True, False, True, True])
    rows = list(order.index[:priority_limit] if priority_limit else order.index)
    priority = _gaps(frame, matrix, met_count, at_standard, rows)

    return CheckResult(
        plan_file=plan_file,
        data_file=data_file,
        communes=len(frame),
        basis=how,
        criteria=criteria,
        standard_communes=standard,
        bands=bands,
        average_criteria=average,
        groups=groups,
        target_communes=target_communes,
        districts=districts,
        priority=priority,
        communes_detail=_gaps(frame, matrix, met_count, at_standard, list(frame.index)) if with_communes else None,
    )


def _group(plan: Plan, frame: pd.DataFrame, at_standard: pd.Series, met_count: pd.Series, index: int) -> GroupStatus:
    group = plan.headline.groups[index]
    if group.members is Members.STANDARD:
        members = at_standard
    else:
        column = MEMBER_COLUMNS[group.members]  # a group whose column the file lacks has no data, no members
        members = frame[column].fillna(False).astype(bool) if column in frame else pd.Series(False, index=frame.index)
    if group.measure is Measure.CRITERIA_MET:
        values = met_count[members]
    else:
        values = frame.loc[members, MEASURE_COLUMNS[group.measure]].astype("Float64").fillna(0)
    actual = compliant = None
    if len(values):
        if group.aggregate == "average":
            actual = round(float(values.mean()), 2)
            ok = actual >= group.target.min
        else:
            compliant = int((values >= group.target.min).sum())
            actual = round(float(values.mean()), 2)
            ok = compliant == len(values)
        status = MET if ok else BEHIND
    else:
        status = NO_DATA
    if group.by_year > plan.metadata.year and status == BEHIND:
        status = NOT_DUE
    return GroupStatus(
        group.key,
        group.name.vi,
        group.name.en,
        group.members.value,
        group.communes,
        int(members.sum()),
        group.measure.value,
        group.aggregate,
        group.target.min,
        group.target.max,
        group.by_year,
        actual,
        compliant,
        status,
        f"headline.groups[{index}].target",
    )


def _gaps(
    frame: pd.DataFrame, matrix: pd.DataFrame, met_count: pd.Series, at_standard: pd.Series, rows: list
) -> list[CommuneGap]:
    """Communes at ``rows`` with the criteria each lacks (only for the few rows shown)."""
    if not rows:
        return []
    lacking = ~matrix.loc[rows].to_numpy()
    return [
        CommuneGap(
            str(frame.at[row, "code"]),
            str(frame.at[row, "name"]),
            str(frame.at[row, "district"]),
            int(met_count.at[row]),
            [int(n) + 1 for n in np.flatnonzero(lacking[i])],
            bool(at_standard.at[row]),
        )
        for i, row in enumerate(rows)
    ]


def _districts(
    frame: pd.DataFrame, met_count: pd.Series, at_standard: pd.Series, matrix: pd.DataFrame
) -> list[DistrictStatus]:
    keys = [frame["district_code"].astype(str), frame["district"].astype(str)]
    summary = pd.DataFrame({"met": met_count, "standard": at_standard}).groupby(keys, sort=True).agg(
        communes=("met", "size"), standard=("standard", "sum"), average=("met", "mean")
    )
    lacking = (~matrix).groupby(keys, sort=True).sum()
    result = []
    for (code, name), row in summary.iterrows():
        counts = lacking.loc[(code, name)]
        top = counts[counts > 0].sort_values(ascending=False, kind="stable").head(MOST_MISSING)
        result.append(
            DistrictStatus(
                code,
                name,
                int(row["communes"]),
                int(row["standard"]),
                round(float(row["average"]), 2),
                [{"criterion": int(column[1:]), "communes": int(count)} for column, count in top.items()],
            )
        )
    return result
