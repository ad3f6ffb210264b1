"""Planned against actual funding: execution rate per source and overall.

A source is *behind* when, at ``--as-of``, less of it has been mobilised than
its planned amount pro-rated to the elapsed share of the plan year (the linear
basis of ``ntmplan check --basis pro-rata``: money is mobilised over the year, not
recognised in batches); *over plan* when more than the planned amount has been
mobilised. Without a date only over-plan can be judged.

A source split into sub-sources takes the sum of its reported sub-sources; a
row for the parent itself is then a subtotal and is not added again (AC07
reports it). Sums are exact decimals, so 495,1 + 157,7 is 652,8 and not
652,80000000001.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ntmplan.budget.actuals import ActualsFile, ActualsRow
from ntmplan.figures import exact
from ntmplan.model.plan import Plan, Source
from ntmplan.proration import year_fraction

NOT_REPORTED, IN_PARENT, REPORTED, ON_TRACK, BEHIND, OVER_PLAN = (
    "not-reported", "in-parent", "reported", "on-track", "behind", "over-plan"
)
RATE_PLACES = 2
AMOUNT_PLACES = 6


@dataclass
class SourceExecution:
    """One source: planned, actual so far, the rate, and what was expected by the date."""

    key: str
    name_vi: str
    name_en: str
    depth: int
    planned: float
    actual: float | None
    rate: float | None
    expected: float | None
    status: str
    lines: list[int]
    subtotal: float | None = None
    subtotal_lines: list[int] = field(default_factory=list)
    children: list["SourceExecution"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "planned": self.planned,
            "actual": self.actual,
            "rate": self.rate,
            "expected_by_date": self.expected,
            "status": self.status,
            "lines": self.lines,
            "subtotal_not_counted": self.subtotal,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class DistrictExecution:
    district: str | None
    actual: float
    share: float | None
    by_source: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"district": self.district, "actual": self.actual, "share_of_actual": self.share,
                "by_source": self.by_source}


@dataclass
class Execution:
    """The execution of the funding plan as one actuals file reports it."""

    file: str
    as_of: dt.date | None
    fraction: float | None
    planned: float
    actual: float
    rate: float | None
    expected: float | None
    status: str
    sources: list[SourceExecution]
    districts: list[DistrictExecution]
    rows_read: int
    rows_counted: int
    delimiter: str
    decimal_mark: str | None
    decimal_evidence: str | None
    ignored_columns: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "elapsed_share": self.fraction,
            "planned": self.planned,
            "actual": self.actual,
            "rate": self.rate,
            "expected_by_date": self.expected,
            "status": self.status,
            "sources": [source.to_dict() for source in self.sources],
            "districts": [district.to_dict() for district in self.districts],
            "rows": {"read": self.rows_read, "counted": self.rows_counted},
            "reading": {
                "delimiter": self.delimiter,
                "decimal_mark": self.decimal_mark,
                "decimal_evidence": self.decimal_evidence,
                "ignored_columns": self.ignored_columns,
            },
        }


def _status(actual: Decimal | None, planned: Decimal, expected: Decimal | None) -> str:
    if actual is None:
        return NOT_REPORTED
    if actual > planned:
        return OVER_PLAN
    if expected is None:
        return REPORTED
    return BEHIND if actual < expected else ON_TRACK


def _rate(actual: Decimal | None, planned: Decimal) -> float | None:
    if actual is None or planned == 0:
        return None
    return float(round(actual * 100 / planned, RATE_PLACES))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, AMOUNT_PLACES))


def execute(plan: Plan, actuals: ActualsFile, as_of: dt.date | None) -> Execution:
    """Set the counted rows of ``actuals`` against the plan's sources."""
    fraction = year_fraction(plan.metadata.year, as_of) if as_of else None
    rows = actuals.counted()
    sums: dict[str, Decimal] = {}
    lines: dict[str, list[int]] = {}
    for row in rows:
        sums[row.source] = sums.get(row.source, Decimal(0)) + exact(row.amount)
        lines.setdefault(row.source, []).append(row.line)
    superseded: set[str] = set()

    def build(source: Source, depth: int, parent_whole: bool) -> tuple[SourceExecution, Decimal | None]:
        own = sums.get(source.key)
        whole = parent_whole or (own is not None and not _any_reported(source.children, sums))
        built = [build(child, depth + 1, whole) for child in source.children]
        reported = [value for _, value in built if value is not None]
        subtotal = None
        if source.children and reported and not parent_whole:
            actual = sum(reported, Decimal(0))
            if own is not None:
                superseded.add(source.key)
                subtotal = own
        else:
            actual = own
        planned = exact(source.amount)
        expected = planned * fraction if fraction is not None else None
        status = IN_PARENT if parent_whole and own is None else _status(actual, planned, expected)
        item = SourceExecution(
            key=source.key,
            name_vi=source.name.vi,
            name_en=source.name.en,
            depth=depth,
            planned=source.amount,
            actual=_float(actual),
            rate=_rate(actual, planned),
            expected=_float(expected),
            status=status,
            lines=lines.get(source.key, []),
            subtotal=_float(subtotal),
            subtotal_lines=lines.get(source.key, []) if subtotal is not None else [],
            children=[child for child, _ in built],
        )
        if source.children and reported and not parent_whole:
            item.lines = sorted(line for child in item.children for line in child.lines)
        return item, actual

    built = [build(source, 0, False) for source in plan.budget.sources]
    reported = [actual for _, actual in built if actual is not None]
    total_actual = sum(reported, Decimal(0))
    planned_total = exact(plan.budget.total)
    expected_total = planned_total * fraction if fraction is not None else None
    return Execution(
        file=actuals.file,
        as_of=as_of,
        fraction=float(round(fraction, 4)) if fraction is not None else None,
        planned=plan.budget.total,
        actual=float(round(total_actual, AMOUNT_PLACES)),
        rate=_rate(total_actual, planned_total),
        expected=_float(expected_total),
        status=_status(total_actual if reported else None, planned_total, expected_total),
        sources=[item for item, _ in built],
        districts=_districts([row for row in rows if row.source not in superseded], total_actual),
        rows_read=len(actuals.rows),
        rows_counted=len(rows),
        delimiter=actuals.delimiter,
        decimal_mark=actuals.decimal_mark,
        decimal_evidence=actuals.decimal_evidence,
        ignored_columns=actuals.ignored_columns,
    )


def _any_reported(sources: list[Source], sums: dict[str, Decimal]) -> bool:
    return any(source.key in sums or _any_reported(source.children, sums) for source in sources)


def _districts(rows: list[ActualsRow], total: Decimal) -> list[DistrictExecution]:
    """Actual amounts per district, in the order districts first appear; none without a district column."""
    if not any("district" in row.cells for row in rows):
        return []
    order: dict[str | None, dict[str, Decimal]] = {}
    spelling: dict[str, str] = {}
    for row in rows:
        name = row.district
        key = name.casefold() if name else None
        if key is not None:
            name = spelling.setdefault(key, name)
        by_source = order.setdefault(name, {})
        by_source[row.source] = by_source.get(row.source, Decimal(0)) + exact(row.amount)
    result = []
    for name, by_source in order.items():
        actual = sum(by_source.values(), Decimal(0))
        result.append(
            DistrictExecution(
                district=name,
                actual=float(round(actual, AMOUNT_PLACES)),
                share=float(round(actual * 100 / total, RATE_PLACES)) if total else None,
                by_source={key: float(round(value, AMOUNT_PLACES)) for key, value in by_source.items()},
            )
        )
    return result
