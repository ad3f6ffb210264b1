"""The result of ``ntmplan check``: where each target stands, as plain data.

Computed once by ``evaluate``; the rich tables, the JSON, the report and the
target rules all read this object, so they cannot disagree.

A status says only what the data and the plan support:

- ``met``: the year-end target is already reached (a count only grows as
  communes are added, so this holds even on a partial file);
- ``on-track`` / ``behind``: during the year, the pace since the start of the
  year reaches the target by the year-end, or does not (with ``--basis
  pro-rata``: at or below the pro-rated count); after the year-end, ``behind``
  is a target missed;
- ``open``: not reached yet, and nothing says how the year will end (the start
  of the year is unknown, or communes are recognised in batches);
- ``not-judged``: the file covers part of the province, so a province-wide
  target cannot be judged; ``not-due``, ``no-target``, ``no-data``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ntmplan.findings import SCHEMA_VERSION, Verdict
from ntmplan.i18n import N_, translate

if TYPE_CHECKING:
    from ntmplan.check.coverage import Coverage
    from ntmplan.check.progress import Progress

MET, ON_TRACK, BEHIND, OPEN = "met", "on-track", "behind", "open"
NOT_JUDGED, NOT_DUE, NO_TARGET, NO_DATA = "not-judged", "not-due", "no-target", "no-data"
STATUSES = (MET, ON_TRACK, BEHIND, OPEN, NOT_JUDGED, NOT_DUE, NO_TARGET, NO_DATA)
STATUS_COUNT = {MET: N_("{count} met"), ON_TRACK: N_("{count} on track"), BEHIND: N_("{count} behind"),
                OPEN: N_("{count} open"), NOT_JUDGED: N_("{count} not judged"), NOT_DUE: N_("{count} due later"),
                NO_TARGET: N_("{count} without a target"), NO_DATA: N_("{count} without data")}

YEAR_END, PRO_RATA = "year-end", "pro-rata"

# Why a figure has no status of its own (``reason``), for the views to put in words.
PARTIAL = "partial"  # the file covers part of the province
NO_START = "no-start"  # the start of the year is unknown: the plan states no total − added, no --since round
BATCHES = "batches"  # communes are recognised in batches: no pace
NOT_STARTED = "not-started"  # the date is before the plan's year
NO_MEMBERS = "no-members"  # the file marks none of the group's communes
NO_RECOGNITION = "no-recognition"  # the file has no years of recognition
ABOVE = "above"  # the figure exceeds a target stated as at most, exactly or about


@dataclass
class Basis:
    """What the data is judged against, at which date, and where the start of the year comes from.

    ``name`` is ``year-end`` (the plan's own targets, with the pace) or
    ``pro-rata`` (criterion counts pro-rated to the date, an explicit option).
    ``start`` is ``data`` (the start-of-year round given with ``--since``) or
    ``plan`` (total − added, where the plan states both).
    """

    name: str
    as_of: str | None
    fraction: float  # share of the plan's year elapsed at the end of as_of
    months_elapsed: float
    months_left: float
    start: str
    description: str

    @property
    def during_year(self) -> bool:
        """A date inside the plan's year: the year-end targets are still ahead."""
        return self.as_of is not None and 0 < self.fraction < 1


@dataclass
class Pace:
    """What the change since the start of the year implies for the year-end, continued at the same rate."""

    start: float
    change: float
    per_month: float
    needed_per_month: float  # to reach the target from now, in the months left
    projected: float  # by the year-end at the same rate (whole communes for counts)


@dataclass
class CriterionStatus:
    number: int
    name_vi: str
    name_en: str
    baseline: int | None  # communes meeting it at the start of the year
    baseline_source: str | None  # 'data' (--since) or 'plan' (total − added); None: unknown
    target: int | None
    expected: int | None  # the year-end target, or (pro-rata) the pro-rated count, rounded up
    actual: int
    unknown: int
    gap: int | None  # expected − actual, when short of it
    share_now: float | None  # of the communes counted
    share_target_stated: float | None  # as the plan states it
    share_target_computed: float | None  # target / the province's communes, at the stated precision
    pace: Pace | None
    status: str
    reason: str | None
    path: str

    @property
    def share_target(self) -> float | None:
        """The target share to show: the plan's stated one, else the computed one."""
        return self.share_target_stated if self.share_target_stated is not None else self.share_target_computed

    @property
    def shares_differ(self) -> bool:
        return (self.share_target_stated is not None and self.share_target_computed is not None
                and self.share_target_stated != self.share_target_computed)


@dataclass
class CountStatus:
    """Communes at the NTM standard against the headline: recognised and meeting all 19 criteria."""

    baseline: int | None
    baseline_source: str | None
    target: int | None
    expected: int | None
    actual: int
    gap: int | None
    to_recognise: int | None  # how many more must be recognised by the year-end
    recognition: bool  # whether the data has years of recognition (else: communes meeting all 19)
    status: str
    reason: str | None
    path: str


@dataclass
class BandStatus:
    """Communes by number of criteria met; ``outside`` marks the row of criteria no band of the plan covers."""

    min: float
    max: float | None
    target: int | None  # as planned; for the row outside every band, what the plan's counts leave over
    actual: int
    difference: int | None
    outside: bool
    path: str


@dataclass
class AverageStatus:
    target_min: float
    target_max: float | None
    comparison: str  # at-least, at-most, exactly, about: how the plan states the target
    actual: float | None
    baseline: float | None
    expected: float
    pace: Pace | None
    status: str
    reason: str | None
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
    target_max: float | None
    comparison: str
    by_year: int
    actual: float | None
    compliant: int | None
    baseline: float | None
    pace: Pace | None
    status: str
    reason: str | None
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
    fallen_below_standard: list[str] = field(default_factory=list)  # codes of recognised communes now below it
    missing: int = 0  # communes of the district's official list absent from the file


@dataclass
class CheckResult:
    """Where each target stands; the verdict (data and target findings) is added by the run."""

    command = "check"

    plan_file: str
    data_files: list[str]
    communes: int  # communes counted: one row per commune of the plan found in the data
    coverage: Coverage
    basis: Basis
    criteria: list[CriterionStatus]
    standard_communes: CountStatus
    bands: list[BandStatus]
    average_criteria: AverageStatus
    groups: list[GroupStatus]
    target_communes: list[CommuneGap]
    districts: list[DistrictStatus]
    priority: list[CommuneGap]
    candidates: list[CommuneGap]  # meet all 19 criteria but are not recognised
    fallen_below_standard: list[CommuneGap]  # recognised, but now miss a criterion
    progress: Progress | None = None  # since the start-of-year round, with --since
    verdict: Verdict | None = None
    communes_detail: list[CommuneGap] | None = None  # every commune, when asked for (report, --commune)
    commune_filter: str | None = None  # what --commune asked for; communes_detail then holds the matches

    @property
    def files(self) -> list[str]:
        return [self.plan_file, *self.data_files]

    @property
    def data_text(self) -> str:
        """The data as a message names it: its file, or its files one after the other."""
        return ", ".join(self.data_files)

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

    def statuses(self) -> list[str]:
        """The status of every target that is judged: criteria, communes at standard, average, groups."""
        return ([c.status for c in self.criteria] + [self.standard_communes.status, self.average_criteria.status]
                + [g.status for g in self.groups])

    def target_counts(self) -> dict[str, int]:
        """How many targets have each status, every status in the order of ``STATUSES``."""
        found = self.statuses()
        return {status: found.count(status) for status in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["communes_detail"] is None:
            del data["communes_detail"]
        del data["verdict"], data["commune_filter"], data["coverage"], data["progress"]
        data["coverage"] = self.coverage.to_dict()
        for item, source in zip(data["criteria"], self.criteria):
            item["share_target"] = source.share_target
        if self.progress is not None:
            data["progress"] = self.progress.to_dict()
        verdict = self.verdict
        data["findings"] = [f.to_dict() for f in verdict.findings] if verdict else []
        data["silenced"] = [f.to_dict() for f in verdict.silenced] if verdict else []
        data["summary"] = verdict.summary.to_dict() if verdict else None
        data["targets"] = self.target_counts()
        return {"schema_version": SCHEMA_VERSION, **data}


def counts_text(result: CheckResult) -> str:
    """'4 met, 4 on track, 15 behind': the targets by status, those no target has left out."""
    counts = result.target_counts()
    return ", ".join(translate(STATUS_COUNT[status]).format(count=counts[status]) for status in STATUSES
                     if counts[status] and status != NO_TARGET)
