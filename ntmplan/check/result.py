"""The result of ``ntmplan check``: where each target stands, as plain data.

Computed once by ``evaluate``; the rich tables, the JSON and the target rules
all read this object, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ntmplan.findings import SCHEMA_VERSION, Verdict

MET, BEHIND, NOT_DUE, NO_TARGET, NO_DATA = "met", "behind", "not-due", "no-target", "no-data"


@dataclass
class Basis:
    """What the data is judged against: the year-end targets, or targets pro-rated to a date."""

    as_of: str | None
    fraction: float
    description: str


@dataclass
class CriterionStatus:
    number: int
    name_vi: str
    name_en: str
    baseline: int | None
    target: int | None
    expected: float | None
    actual: int
    unknown: int
    gap: float | None
    share_now: float
    share_target: float | None
    status: str
    path: str


@dataclass
class CountStatus:
    """Communes at standard against the headline."""

    baseline: int | None
    target: int | None
    expected: float | None
    actual: int
    gap: float | None
    status: str
    path: str


@dataclass
class BandStatus:
    min: float
    max: float
    target: int
    actual: int
    difference: int
    path: str


@dataclass
class AverageStatus:
    target_min: float
    target_max: float
    actual: float
    status: str
    path: str


@dataclass
class GroupStatus:
    key: str
    name_vi: str
    name_en: str
    members: str
    communes_stated: int | None
    communes_found: int
    measure: str
    aggregate: str
    target_min: float
    target_max: float
    by_year: int
    actual: float | None
    compliant: int | None
    status: str
    path: str


@dataclass
class CommuneGap:
    """A commune and the criteria it still lacks."""

    code: str
    name: str
    district: str
    criteria_met: int
    missing: list[int]
    at_standard: bool


@dataclass
class DistrictStatus:
    district_code: str
    district: str
    communes: int
    standard: int
    average_criteria: float
    most_missing: list[dict[str, int]]


@dataclass
class CheckResult:
    """Where each target stands; the verdict (data and target findings) is added by the run."""

    command = "check"

    plan_file: str
    data_file: str
    communes: int
    basis: Basis
    criteria: list[CriterionStatus]
    standard_communes: CountStatus
    bands: list[BandStatus]
    average_criteria: AverageStatus
    groups: list[GroupStatus]
    target_communes: list[CommuneGap]
    districts: list[DistrictStatus]
    priority: list[CommuneGap]
    verdict: Verdict | None = None
    communes_detail: list[CommuneGap] | None = None  # every commune, when asked for (report, --commune)
    commune_filter: str | None = None  # what --commune asked for; communes_detail then holds the matches

    @property
    def files(self) -> list[str]:
        return [self.plan_file, self.data_file]

    def find_communes(self, asked: str) -> list[CommuneGap]:
        """Communes whose name, code or district contains ``asked``, accents and case ignored.

        'hoang dong' finds Hoàng Đồng; needs ``communes_detail``.
        """
        from ntmplan.text import fold

        wanted = fold(asked)
        return [
            commune for commune in self.communes_detail or []
            if wanted in fold(commune.name) or wanted == commune.code or wanted in fold(commune.district)
        ]

    def targets_met(self) -> tuple[int, int]:
        """(met, behind) over every target that can be judged now."""
        statuses = [c.status for c in self.criteria] + [self.standard_communes.status, self.average_criteria.status]
        statuses += [g.status for g in self.groups]
        return statuses.count(MET), statuses.count(BEHIND)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["communes_detail"] is None:
            del data["communes_detail"]
        del data["verdict"], data["commune_filter"]
        verdict = self.verdict
        data["findings"] = [f.to_dict() for f in verdict.findings] if verdict else []
        data["silenced"] = [f.to_dict() for f in verdict.silenced] if verdict else []
        data["summary"] = verdict.summary.to_dict() if verdict else None
        met, behind = self.targets_met()
        data["targets"] = {"met": met, "behind": behind}
        return {"schema_version": SCHEMA_VERSION, **data}
