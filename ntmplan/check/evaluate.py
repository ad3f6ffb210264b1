"""Evaluate a round of commune data against every kind of target in the plan.

The plan sets targets for the end of its year and reviews progress in June and
December, so the year-end targets are the basis of every verdict. During the
year a target not yet reached is judged by its pace: what the change since the
start of the year implies for the year-end. The start of the year is the round
given with ``--since`` or, where the plan states both, its total − added;
otherwise it is unknown and no pace is claimed. Pro-rating the criterion
counts to the date is an explicit option (``--basis pro-rata``).

Vectorised with pandas: the criteria are one boolean matrix (communes × 19),
and every figure is a column operation on it, so a national file of a million
rows costs seconds, not a Python loop per commune.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from ntmplan.check.coverage import Round
from ntmplan.check.result import (
    ABOVE,
    BATCHES,
    BEHIND,
    MET,
    NO_DATA,
    NO_MEMBERS,
    NO_RECOGNITION,
    NO_START,
    NO_TARGET,
    NOT_DUE,
    NOT_JUDGED,
    NOT_STARTED,
    ON_TRACK,
    OPEN,
    PARTIAL,
    PRO_RATA,
    YEAR_END,
    AverageStatus,
    BandStatus,
    Basis,
    CheckResult,
    CommuneGap,
    CountStatus,
    CriterionStatus,
    DistrictStatus,
    GroupStatus,
    Pace,
)
from ntmplan.check.standing import Standing, standing
from ntmplan.communes.columns import CRITERION_COLUMNS, MEASURE_COLUMNS, MEMBER_COLUMNS
from ntmplan.figures import check_share
from ntmplan.i18n import _
from ntmplan.model.plan import (
    CRITERIA,
    CommuneCount,
    Measure,
    Members,
    Plan,
    TargetRange,
)
from ntmplan.numbers import day, num
from ntmplan.proration import year_fraction

MOST_MISSING = 3
PRIORITY_MAX_MISSING = 3
MONTHS = 12


def basis(plan: Plan, as_of: dt.date | None, name: str = YEAR_END, start: list[str] | None = None) -> Basis:
    """The basis of the verdict; ``start`` names the files of the start-of-year round, if one was given."""
    year = plan.metadata.year
    fraction = Fraction(year_fraction(year, as_of))
    elapsed, left = round(float(MONTHS * fraction), 1), round(float(MONTHS * (1 - fraction)), 1)
    source = "data" if start else "plan"
    if as_of is None:
        description = _("year-end targets of {year}").format(year=year)
        return Basis(name, None, 1.0, elapsed, left, source, description)
    when = day(as_of)
    if name == PRO_RATA:
        description = _(
            "criteria pro-rated to {date} ({share}% of {year}): start of the year + (year-end target − start) × the "
            "share of the year elapsed, rounded up to whole communes; communes at standard, averages and groups "
            "against the year-end targets"
        ).format(date=when, share=num(round(100 * float(fraction)), 0), year=year)
    elif fraction == 0:
        description = _("year-end targets of {year}, at {date}: the year has not started").format(year=year, date=when)
    elif fraction == 1:
        description = _("year-end targets of {year}, at {date}: the year is over").format(year=year, date=when)
    else:
        description = _("year-end targets of {year}, at {date}: {months} months left").format(
            year=year, date=when, months=num(left, 1))
    if fraction < 1:
        origin = (_("the round {files}").format(files=", ".join(start)) if start
                  else _("the plan's total − added, where it states both"))
        description += "; " + _("start of the year: {origin}").format(origin=origin)
    return Basis(name, as_of.isoformat(), float(fraction), elapsed, left, source, description)


@dataclass(frozen=True)
class _When:
    """What a figure is judged at: the basis, the exact share of the year elapsed, and whether the file is partial."""

    basis: Basis
    fraction: Fraction
    partial: bool

    @property
    def final(self) -> bool:
        return self.basis.as_of is None or self.fraction == 1


@dataclass(frozen=True)
class _Judged:
    status: str
    expected: float | None = None
    gap: float | None = None
    pace: Pace | None = None
    reason: str | None = None


def _judge(actual: float, target: float | None, start: float | None, when: _When, *, whole: bool,
           pro_rata: bool = False, paced: bool = True, monotone: bool = True, limit: float | None = None,
           ceiling: float | None = None) -> _Judged:
    """Where a figure that must reach at least ``target`` by the year-end stands.

    ``whole``: a count of communes (expected rounded up, projections down, to whole communes).
    ``monotone``: a count that missing communes can only raise, so reaching the target on a
    partial file still means it is met. ``limit`` caps a projection (the communes there are).
    ``ceiling``: the figure must not exceed it ('at most', an exact or approximate range);
    above it the target is missed whatever the date, and a ceiling alone is met below it.
    """
    if target is None and ceiling is None:
        return _Judged(NO_TARGET)
    if when.partial and not monotone:
        return _Judged(NOT_JUDGED, target if target is not None else ceiling, reason=PARTIAL)
    if ceiling is not None and actual > ceiling:
        return _Judged(BEHIND, ceiling, reason=ABOVE)
    if target is None:
        return _Judged(MET, ceiling)
    expected: float = target
    if pro_rata and start is not None and not when.final:
        exact = Fraction(str(start)) + (Fraction(str(target)) - Fraction(str(start))) * when.fraction
        expected = math.ceil(exact)
    shortfall = expected - actual
    gap = (int(shortfall) if whole else round(shortfall, 2)) if shortfall > 0 else None
    if actual >= target:
        return _Judged(MET, expected)
    if when.partial:  # what remains is the province's, not that of the communes present
        return _Judged(NOT_JUDGED, expected, reason=PARTIAL)
    if when.final:
        return _Judged(BEHIND, expected, gap)
    if pro_rata:
        if start is None:
            return _Judged(OPEN, None, None, reason=NO_START)
        return _Judged(ON_TRACK if actual >= expected else BEHIND, expected, gap)
    if when.fraction == 0:
        return _Judged(OPEN, expected, gap, reason=NOT_STARTED)
    if not paced:
        return _Judged(OPEN, expected, gap, reason=BATCHES)
    if start is None:
        return _Judged(OPEN, expected, gap, reason=NO_START)
    pace = _pace(actual, start, target, when, whole, limit)
    return _Judged(ON_TRACK if pace.projected >= target else BEHIND, expected, gap, pace)


def _pace(actual: float, start: float, target: float, when: _When, whole: bool, limit: float | None) -> Pace:
    elapsed = MONTHS * when.fraction
    left = MONTHS - elapsed
    change = Fraction(str(actual)) - Fraction(str(start))
    projected = Fraction(str(actual)) + change / elapsed * left
    if limit is not None:
        projected = min(projected, Fraction(str(limit)))
    projected = max(projected, Fraction(0))
    return Pace(
        start=start,
        change=int(change) if whole else round(float(change), 2),
        per_month=round(float(change / elapsed), 2),
        needed_per_month=round(float((Fraction(str(target)) - Fraction(str(actual))) / left), 2),
        projected=math.floor(projected) if whole else round(float(projected), 2),
    )


def _start_frame(counted: Round, start: Round | None) -> pd.DataFrame | None:
    """The start-of-year round over the communes of this round; None if it lacks some of them."""
    if start is None:
        return None
    codes = set(counted.frame["code"])
    if not codes <= set(start.frame["code"]):
        return None
    return start.frame[start.frame["code"].isin(codes)]


def _shares(count: CommuneCount, communes: int) -> tuple[float | None, float | None]:
    """(stated, computed) target share: computed at the precision the plan states it with (one decimal if none)."""
    if count.total is None:
        return count.stated_share, None
    if count.stated_share is None:
        return None, round(100 * count.total / communes, 1)
    return float(count.stated_share), float(check_share(count.total, communes, count.stated_share).rounded)


def evaluate(
    plan: Plan,
    counted: Round,
    plan_file: str,
    as_of: dt.date | None = None,
    basis_name: str = YEAR_END,
    start: Round | None = None,
    priority_limit: int | None = None,
    with_communes: bool = False,
) -> CheckResult:
    """Compare the round with the plan; findings are added by the target rules afterwards."""
    frame = counted.frame
    start_frame = _start_frame(counted, start)
    how = basis(plan, as_of, basis_name, start.sources if start_frame is not None else None)
    when = _When(how, Fraction(year_fraction(plan.metadata.year, as_of)), counted.coverage.partial)
    year = plan.metadata.year
    now = standing(frame, year, counted.recognition)
    then = standing(start_frame, year, start.recognition) if start_frame is not None else None
    communes = plan.metadata.province.communes

    criteria = []
    for i, criterion in enumerate(plan.criteria):
        column = CRITERION_COLUMNS[criterion.number - 1]
        actual = int(now.matrix[column].sum())
        unknown = int(frame[column].isna().sum()) if column in frame.columns else len(frame)
        start_count, source = _criterion_start(criterion.communes, then, column, counted.coverage.partial)
        judged = _judge(actual, criterion.communes.total, start_count, when, whole=True,
                        pro_rata=basis_name == PRO_RATA, limit=len(frame))
        stated, computed = _shares(criterion.communes, communes)
        criteria.append(CriterionStatus(
            criterion.number, criterion.name.vi, criterion.name.en, start_count, source,
            criterion.communes.total, _whole(judged.expected), actual, unknown, judged.gap,
            round(100 * actual / len(frame), 1) if len(frame) else None, stated, computed, judged.pace,
            judged.status if unknown < len(frame) or not len(frame) else NO_DATA, judged.reason,
            f"criteria[{i}].communes.total",
        ))

    headline = plan.headline.standard_communes
    standard_start, standard_source = (
        (int(then.at_standard.sum()), "data") if then is not None
        else (None if counted.coverage.partial else headline.start, "plan"))
    if standard_start is None:
        standard_source = None
    standard_actual = int(now.at_standard.sum())
    judged = _judge(standard_actual, headline.total, standard_start, when, whole=True, paced=False)
    to_recognise = (headline.total - standard_actual
                    if headline.total is not None and not counted.coverage.partial else None)
    standard = CountStatus(
        standard_start, standard_source, headline.total, _whole(judged.expected), standard_actual, judged.gap,
        to_recognise if to_recognise and to_recognise > 0 else None, counted.recognition, judged.status,
        judged.reason, "headline.standard_communes.total",
    )

    return CheckResult(
        plan_file=plan_file,
        data_files=counted.sources,
        communes=len(frame),
        coverage=counted.coverage,
        basis=how,
        criteria=criteria,
        standard_communes=standard,
        bands=_bands(plan, now.met_count, counted.coverage.partial),
        average_criteria=_average(plan, now, then, when),
        groups=[_group(plan, frame, now, start_frame, then, index, when) for index in range(len(plan.headline.groups))],
        target_communes=_gaps(frame, now, _flagged(frame, "target_2019")),
        districts=_districts(frame, now, counted),
        priority=_gaps(frame, now, _priority(frame, now, priority_limit)),
        candidates=_gaps(frame, now, _in_order(frame, now.candidates)),
        fallen_below_standard=_gaps(frame, now, _in_order(frame, now.fallen)),
        communes_detail=_gaps(frame, now, list(frame.index)) if with_communes else None,
    )


def _whole(value: float | None) -> int | None:
    return None if value is None else int(value)


def _criterion_start(count: CommuneCount, then: Standing | None, column: str,
                     partial: bool) -> tuple[int | None, str | None]:
    """The start of the year from the start-of-year round, else the plan's (the province's: not for a partial round)."""
    if then is not None:
        return int(then.matrix[column].sum()), "data"
    stated = None if partial else count.start
    return stated, "plan" if stated is not None else None


def _bands(plan: Plan, met_count: pd.Series, partial: bool) -> list[BandStatus]:
    """The plan's bands, then a row for the criteria counts no band covers (0-4 in 2019), so every commune is in a row."""
    bands = plan.headline.bands
    rows = []
    covered = set()
    for i, band in enumerate(bands):
        high = band.criteria.max if band.criteria.max is not None else CRITERIA
        covered |= {n for n in range(CRITERIA + 1) if band.criteria.min <= n <= high}
        actual = int(met_count.between(band.criteria.min, high).sum())
        rows.append(BandStatus(band.criteria.min, band.criteria.max, band.count, actual,
                               None if partial else actual - band.count, False, f"headline.bands[{i}].count"))
    gaps = _runs([n for n in range(CRITERIA + 1) if n not in covered])
    left_over = plan.metadata.province.communes - sum(band.count for band in bands)
    for low, high in gaps:
        target = left_over if len(gaps) == 1 else (0 if left_over == 0 else None)
        actual = int(met_count.between(low, high).sum())
        difference = None if partial or target is None else actual - target
        rows.append(BandStatus(float(low), float(high), target, actual, difference, True, "headline.bands"))
    return rows


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _average(plan: Plan, now: Standing, then: Standing | None, when: _When) -> AverageStatus:
    target = plan.headline.average_criteria
    actual = round(float(now.met_count.mean()), 2) if len(now.met_count) else None
    start = round(float(then.met_count.mean()), 2) if then is not None and len(then.met_count) else None
    judged = (_judge(actual, target.floor, start, when, whole=False, monotone=False, limit=CRITERIA,
                     ceiling=target.ceiling)
              if actual is not None else _Judged(NO_DATA))
    return AverageStatus(target.min, target.max, target.comparison.value, actual, start, target.min, judged.pace,
                         judged.status, judged.reason, "headline.average_criteria")


def _members(frame: pd.DataFrame, now: Standing, members: Members) -> tuple[pd.Series | None, str | None]:
    """The communes of a group, or None and why they cannot be told."""
    if members is Members.STANDARD:
        return (now.already, None) if now.already is not None else (None, NO_RECOGNITION)
    column = MEMBER_COLUMNS[members]
    if column not in frame.columns or frame[column].isna().all():
        return None, NO_MEMBERS
    return frame[column].fillna(False).astype(bool), None


def _measured(frame: pd.DataFrame, standing_: Standing, measure: Measure, rows) -> pd.Series:
    if measure is Measure.CRITERIA_MET:
        return standing_.met_count.loc[rows]
    return frame.loc[rows, MEASURE_COLUMNS[measure]].astype("Float64").fillna(0)


def _group(plan: Plan, frame: pd.DataFrame, now: Standing, start_frame: pd.DataFrame | None,
           then: Standing | None, index: int, when: _When) -> GroupStatus:
    group = plan.headline.groups[index]
    members, reason = _members(frame, now, group.members)
    found = int(members.sum()) if members is not None else 0
    actual = compliant = start = None
    if members is None or not found:
        judged = _Judged(NO_DATA, reason=reason or NO_MEMBERS)
    else:
        rows = frame.index[members]
        values = _measured(frame, now, group.measure, rows)
        actual = round(float(values.mean()), 2)
        before = None
        if then is not None:
            codes = start_frame["code"]
            before = _measured(start_frame, then, group.measure, start_frame.index[codes.isin(set(frame.loc[rows, "code"]))])
        if group.aggregate == "average":
            start = round(float(before.mean()), 2) if before is not None and len(before) else None
            judged = _judge(actual, group.target.floor, start, when, whole=False, monotone=False, limit=None,
                            ceiling=group.target.ceiling)
        else:
            compliant = int(_within(values, group.target).sum())
            start = int(_within(before, group.target).sum()) if before is not None else None
            judged = _judge(compliant, found, start, when, whole=True, monotone=False, limit=found)
    status = judged.status
    if group.by_year > plan.metadata.year and status in (BEHIND, OPEN, ON_TRACK):
        status, judged = NOT_DUE, _Judged(NOT_DUE)
    return GroupStatus(
        group.key, group.name.vi, group.name.en, group.members.value, group.communes, found, group.measure.value,
        group.aggregate, group.target.min, group.target.max, group.target.comparison.value, group.by_year, actual, compliant, start, judged.pace,
        status, judged.reason, f"headline.groups[{index}].target",
    )


def _within(values: pd.Series, target: TargetRange) -> pd.Series:
    """Which values meet the target as the plan means it (a floor, a ceiling or a range)."""
    low = -math.inf if target.floor is None else target.floor
    high = math.inf if target.ceiling is None else target.ceiling
    return values.between(low, high)


def _flagged(frame: pd.DataFrame, column: str) -> list:
    return list(frame.index[frame[column].fillna(False).astype(bool)]) if column in frame.columns else []


def _in_order(frame: pd.DataFrame, mask: pd.Series) -> list:
    """Rows of ``mask`` by district code, then name."""
    return list(frame[mask].sort_values(["district_code", "name"]).index)


def _priority(frame: pd.DataFrame, now: Standing, limit: int | None) -> list:
    """Communes missing 1-3 criteria, fewest first, the year's target communes first among equals."""
    missing = CRITERIA - now.met_count
    candidates = frame.assign(_missing=missing)[missing.between(1, PRIORITY_MAX_MISSING)]
    target = candidates.get("target_2019", pd.Series(False, index=candidates.index)).fillna(False).astype(bool)
    order = candidates.assign(_target=target).sort_values(
        ["_missing", "_target", "district_code", "name"], ascending=[True, False, True, True])
    return list(order.index[:limit] if limit else order.index)


def _gaps(frame: pd.DataFrame, now: Standing, rows: list) -> list[CommuneGap]:
    """Communes at ``rows`` with the criteria each lacks (only for the few rows shown)."""
    if not rows:
        return []
    lacking = ~now.matrix.loc[rows].to_numpy()
    return [
        CommuneGap(
            str(frame.at[row, "code"]),
            str(frame.at[row, "name"]),
            str(frame.at[row, "district"]),
            int(now.met_count.at[row]),
            [int(n) + 1 for n in np.flatnonzero(lacking[i])],
            bool(now.at_standard.at[row]),
        )
        for i, row in enumerate(rows)
    ]


def _districts(frame: pd.DataFrame, now: Standing, counted: Round) -> list[DistrictStatus]:
    keys = [frame["district_code"].astype(str), frame["district"].astype(str)]
    summary = pd.DataFrame({"met": now.met_count, "standard": now.at_standard}).groupby(keys, sort=True).agg(
        communes=("met", "size"), standard=("standard", "sum"), average=("met", "mean")
    )
    lacking = (~now.matrix).groupby(keys, sort=True).sum()
    fallen = frame.loc[now.fallen].groupby(keys[0][now.fallen])["code"].apply(sorted)
    missing = {district.district_code: len(district.missing) for district in counted.coverage.missing_by_district}
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
                list(fallen.get(code, [])),
                missing.get(code, 0),
            )
        )
    return result
