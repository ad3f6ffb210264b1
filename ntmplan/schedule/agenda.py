"""What the schedule expects, and of whom: the appendix by section, by date or by period.

Timing kinds fall in three families. *Fixed* tasks ('Tháng 3-7', 'Quý II, III',
'Quý IV/2019') are due in known calendar months of the plan year (or of the
year the text names). A quarterly task ('Hàng quý') is fixed too: it is due in
each quarter of the plan year, by the quarter's last day. *Periodic* tasks
('Thường xuyên', 'Định kỳ và đột xuất') run all year and are never past due.
*Unscheduled* tasks ('Căn cứ vào điều kiện thực tế') have no time at all and
are listed, not dated.

At a date, a fixed task is due this month or next month when one of its
months is that month, and past due when its last month is before the current
one; whether it was done is not known to the plan, so 'past due' means only
that its time has passed.

Commitments the plan states without a figure (who does what, by when if the
source says) are listed with the tasks, for the agency they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ntmplan.errors import UnknownName
from ntmplan.findings import SCHEMA_VERSION
from ntmplan.i18n import N_
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.model.labels import members_text
from ntmplan.model.plan import Agency, Commitment, Parties, Plan, Task, TimingKind
from ntmplan.schedule.periods import Month, Period, month_of, next_month, quarter_end
from ntmplan.text import fold, suggest
from ntmplan.timing import months_of_quarters

ROLES = ("directing", "executing", "coordinating")
FIXED = {TimingKind.MONTHS, TimingKind.QUARTERS, TimingKind.EVERY_QUARTER}
PERIODIC = {TimingKind.ONGOING, TimingKind.PERIODIC_AND_AD_HOC}
ALL_QUARTERS = (1, 2, 3, 4)
DUE_BY = N_("due by {date}")  # a quarterly task's deadline, in the table and in the calendar

# Groups (and the status of a task in them).
DUE = "due-this-month"
NEXT = "due-next-month"
ONGOING = "ongoing"
PAST_DUE = "past-due"
LATER = "later"
NO_FIXED_TIME = "no-fixed-time"
IN_PERIOD = "in-period"
OUTSIDE = "outside-period"
OUTSIDE_YEAR = "outside-plan-year"
SECTION = "section"


@dataclass
class TaskRow:
    """One task of the appendix with its due months worked out."""

    section: str
    id: str
    number: int
    content_vi: str
    content_en: str
    directing: Parties
    executing: Parties
    coordinating: Parties
    timing_text: str
    kind: str
    months: list[int]
    quarters: list[int]
    year: int | None
    line: int | None
    roles: list[str] = field(default_factory=list)
    via: dict[str, list[str]] = field(default_factory=dict)  # role → the collective bodies it came through
    status: str | None = None
    due_by: dt.date | None = None  # a quarterly task's deadline at the date or in the period asked about

    @property
    def fixed(self) -> bool:
        return TimingKind(self.kind) in FIXED

    @property
    def periodic(self) -> bool:
        return TimingKind(self.kind) in PERIODIC

    @property
    def quarterly(self) -> bool:
        return TimingKind(self.kind) is TimingKind.EVERY_QUARTER

    def due_months(self) -> list[Month]:
        """The calendar months the task is due in; none unless its timing is fixed."""
        return [(self.year, month) for month in self.months] if self.fixed and self.year else []

    def deadlines(self) -> list[dt.date]:
        """A quarterly task's deadlines: the last day of each quarter of its year."""
        return [quarter_end(self.year, quarter) for quarter in self.quarters] if self.quarterly and self.year else []

    def windows(self) -> list[tuple[Month, Month]]:
        """The spans it is due in, first and last month: each quarter for a quarterly task, each month otherwise."""
        if self.quarterly:
            return [((self.year, 3 * q - 2), (self.year, 3 * q)) for q in self.quarters] if self.year else []
        return [(month, month) for month in self.due_months()]

    def deadline_in(self, months: list[Month]) -> dt.date | None:
        """The first deadline of a quarterly task whose quarter meets ``months``; None for other tasks."""
        for (first, last), deadline in zip(self.windows(), self.deadlines()):
            if any(first <= month <= last for month in months):
                return deadline
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "number": self.number,
            "id": self.id,
            "content": {"vi": self.content_vi, "en": self.content_en},
            **{role: {"text": getattr(self, role).text, "agencies": list(getattr(self, role).agencies)}
               for role in ROLES},
            "timing_text": self.timing_text,
            "kind": self.kind,
            "months": self.months,
            "quarters": self.quarters,
            "year": self.year,
            "deadlines": [deadline.isoformat() for deadline in self.deadlines()],
            "roles": self.roles,
            "via": self.via,
            "status": self.status,
            "due_by": self.due_by.isoformat() if self.due_by else None,
            "line": self.line,
        }


@dataclass
class CommitmentRow:
    """A commitment without a figure, as the schedule lists it."""

    key: str
    source: str
    who: Parties
    what_vi: str
    what_en: str
    communes: str | None
    communes_label: str | None
    year: int | None
    via: list[str] = field(default_factory=list)  # the collective bodies it came through, for one agency

    @classmethod
    def of(cls, commitment: Commitment) -> CommitmentRow:
        members = commitment.communes.value if commitment.communes else None
        return cls(commitment.key, commitment.source, commitment.who, commitment.what.vi, commitment.what.en, members,
                   members_text(members) if members else None, commitment.year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "source": self.source,
            "who": {"text": self.who.text, "agencies": list(self.who.agencies)},
            "what": {"vi": self.what_vi, "en": self.what_en},
            "communes": self.communes,
            "communes_label": self.communes_label,
            "year": self.year,
            "via": self.via,
        }


@dataclass
class Group:
    """Tasks shown together: a section of the appendix, or 'due this month' and the like."""

    key: str
    tasks: list[TaskRow]
    month: Month | None = None
    section: str | None = None
    title_vi: str | None = None
    title_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "section": self.section,
            "month": f"{self.month[0]}-{self.month[1]:02d}" if self.month else None,
            "tasks": [task.id for task in self.tasks],
        }


@dataclass
class AgencyRef:
    code: str
    name_vi: str
    name_en: str
    collectives: list[AgencyRef] = field(default_factory=list)  # the collective bodies that include it

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name_vi": self.name_vi, "name_en": self.name_en,
                "collectives": [collective.to_dict() for collective in self.collectives]}


@dataclass
class IcsReport:
    """What ``--ics`` wrote, and the tasks it left out because they have no date."""

    file: str
    events: int
    tasks: list[str]
    undated: list[TaskRow]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "events": self.events,
            "tasks": self.tasks,
            "undated": [{"id": t.id, "kind": t.kind, "timing_text": t.timing_text} for t in self.undated],
        }


@dataclass
class ScheduleResult:
    """The tasks selected, grouped for display; JSON and the table both come from here."""

    file: str
    plan_number: str
    plan_year: int
    mode: str  # "all", "as-of" or "period"
    tasks: list[TaskRow]
    groups: list[Group]
    as_of: dt.date | None = None
    period: Period | None = None
    agency: AgencyRef | None = None
    not_shown: int = 0
    ics: IcsReport | None = None
    candidates: list[TaskRow] = field(default_factory=list)  # every task of the agency (or all): what --ics writes
    commitments: list[CommitmentRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "plan": self.plan_number,
            "year": self.plan_year,
            "mode": self.mode,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "period": self.period.label if self.period else None,
            "agency": self.agency.to_dict() if self.agency else None,
            "tasks": [task.to_dict() for task in self.tasks],
            "groups": [group.to_dict() for group in self.groups],
            "commitments": [commitment.to_dict() for commitment in self.commitments],
            "not_shown": self.not_shown,
            "ics": self.ics.to_dict() if self.ics else None,
        }


class UnknownAgency(UnknownName):
    """An agency asked for that the registry does not have, with the nearest code."""

    def __init__(self, asked: str, nearest: str | None):
        from ntmplan.i18n import _

        hint = _("; did you mean {code}?").format(code=nearest) if nearest else ""
        super().__init__(_("no agency '{asked}' in the plan's registry{hint}").format(asked=asked, hint=hint),
                         "--agency")
        self.nearest = nearest


def _compact(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def find_agency(plan: Plan, asked: str) -> Agency:
    """The agency with code ``asked`` (any case), with that name, or the one agency whose name contains it.

    Names compare without accents and case: 'so nong nghiep' finds Sở Nông nghiệp và PTNT.

    Otherwise ``UnknownAgency`` suggests the nearest code, comparing with codes and
    names alike, so that 'SO-TAICHINH' suggests SO-TC (Sở Tài chính).
    """
    wanted = asked.strip()
    for agency in plan.agencies:
        if agency.code == wanted.upper() or fold(wanted) in (fold(agency.name.vi), fold(agency.name.en)):
            return agency
    containing = [a for a in plan.agencies if fold(wanted) and (fold(wanted) in fold(a.name.vi) or fold(wanted) in fold(a.name.en))]
    if len(containing) == 1:  # 'nong nghiep' is Sở Nông nghiệp và Phát triển nông thôn, and nothing else
        return containing[0]
    spellings: dict[str, str] = {}
    for agency in plan.agencies:
        for spelling in (agency.code, agency.name.vi, agency.name.en):
            spellings.setdefault(_compact(spelling), agency.code)
    compact = _compact(wanted)
    starting = [spelling for spelling in spellings if compact and spelling.startswith(compact)]
    nearest = starting[0] if starting else suggest(compact, spellings)
    raise UnknownAgency(asked, spellings[nearest] if nearest else None)


def task_rows(loaded: LoadedPlan) -> list[TaskRow]:
    """Every task of the appendix, in order, with its due months and its line in the plan file."""
    plan = loaded.plan
    rows = []
    for s, section in enumerate(plan.schedule.sections):
        for t, task in enumerate(section.tasks):
            mark = loaded.document.mark(f"schedule.sections[{s}].tasks[{t}]")
            rows.append(_row(section.number, task, plan.metadata.year, mark.line if mark else None))
    return rows


def _row(section: str, task: Task, plan_year: int, line: int | None) -> TaskRow:
    timing = task.timing
    months = list(timing.months)
    quarters = ALL_QUARTERS if timing.kind is TimingKind.EVERY_QUARTER else timing.quarters
    if timing.kind in (TimingKind.QUARTERS, TimingKind.EVERY_QUARTER):
        months = sorted(set(months) | set(months_of_quarters(quarters)))
    return TaskRow(
        section=section,
        id=task.id,
        number=task.number,
        content_vi=task.content.vi,
        content_en=task.content.en,
        directing=task.directing,
        executing=task.executing,
        coordinating=task.coordinating,
        timing_text=timing.text,
        kind=timing.kind.value,
        months=months if timing.kind in FIXED else [],
        quarters=list(quarters),
        year=(timing.year or plan_year) if timing.kind in FIXED else None,
        line=line,
    )


def _through(named: list[str], code: str, collectives: list[str]) -> list[str] | None:
    """How ``named`` bodies include ``code``: [] when by name, the collectives when through them, None when not."""
    if code in named:
        return []
    through = [collective for collective in collectives if collective in named]
    return through or None


def for_agency(rows: list[TaskRow], code: str, collectives: list[str]) -> list[TaskRow]:
    """The tasks naming ``code`` in any column, or a collective body that includes it, with its role in each."""
    chosen = []
    for row in rows:
        ways = {role: _through(list(getattr(row, role).agencies), code, collectives) for role in ROLES}
        row.roles = [role for role in ROLES if ways[role] is not None]
        row.via = {role: ways[role] for role in row.roles if ways[role]}
        if row.roles:
            chosen.append(row)
    return chosen


def commitments_of(plan: Plan, code: str | None, collectives: list[str]) -> list[CommitmentRow]:
    """The plan's commitments, or those of one agency (by name or through a collective body)."""
    rows = []
    for commitment in plan.commitments:
        row = CommitmentRow.of(commitment)
        if code is not None:
            through = _through(list(commitment.who.agencies), code, collectives)
            if through is None:
                continue
            row.via = through
        rows.append(row)
    return rows


def at_date(rows: list[TaskRow], as_of: dt.date, plan_year: int) -> list[Group]:
    """Groups at ``as_of``: due this month, due next month, ongoing, past due, no fixed time.

    A task due this month and the next is in both groups; a task due later, or a
    periodic task outside the plan year, is in none.
    """
    this, coming = month_of(as_of), next_month(month_of(as_of))
    due, upcoming, ongoing, past, undated = [], [], [], [], []
    for row in rows:
        months = row.due_months()
        row.due_by = row.deadline_in([this]) or row.deadline_in([coming])
        if months:
            row.status = DUE if this in months else NEXT if coming in months else (
                PAST_DUE if max(months) < this else LATER
            )
            if this in months:
                due.append(row)
            if coming in months:
                upcoming.append(row)
            if max(months) < this:
                past.append(row)
        elif row.periodic:
            row.status = ONGOING if as_of.year == plan_year else OUTSIDE_YEAR
            if row.status == ONGOING:
                ongoing.append(row)
        else:
            row.status = NO_FIXED_TIME
            undated.append(row)
    return [
        Group(DUE, due, month=this),
        Group(NEXT, upcoming, month=coming),
        Group(ONGOING, ongoing),
        Group(PAST_DUE, past),
        Group(NO_FIXED_TIME, undated),
    ]


def in_period(rows: list[TaskRow], period: Period, plan_year: int) -> list[Group]:
    """Groups for a month or quarter: due in it, ongoing through it (within the plan year), no fixed time."""
    selected, ongoing, undated = [], [], []
    overlaps_year = period.first[0] <= plan_year <= period.last[0]
    for row in rows:
        months = row.due_months()
        row.due_by = row.deadline_in(period.months())
        if months:
            row.status = IN_PERIOD if any(period.contains(month) for month in months) else OUTSIDE
            if row.status == IN_PERIOD:
                selected.append(row)
        elif row.periodic:
            row.status = ONGOING if overlaps_year else OUTSIDE_YEAR
            if overlaps_year:
                ongoing.append(row)
        else:
            row.status = NO_FIXED_TIME
            undated.append(row)
    return [Group(IN_PERIOD, selected, month=period.first), Group(ONGOING, ongoing), Group(NO_FIXED_TIME, undated)]


def by_section(loaded: LoadedPlan, rows: list[TaskRow]) -> list[Group]:
    groups = []
    for section in loaded.plan.schedule.sections:
        tasks = [row for row in rows if row.section == section.number]
        groups.append(Group(SECTION, tasks, section=section.number, title_vi=section.title.vi,
                            title_en=section.title.en))
    return groups


def build_schedule(
    loaded: LoadedPlan,
    as_of: dt.date | None = None,
    period: Period | None = None,
    agency: Agency | None = None,
) -> ScheduleResult:
    """The schedule as asked: all of it by section, at a date, or in a period; for one agency or all."""
    plan = loaded.plan
    rows = task_rows(loaded)
    collectives = plan.collectives_of(agency.code) if agency is not None else []
    if agency is not None:
        rows = for_agency(rows, agency.code, collectives)
    year = plan.metadata.year
    if as_of is not None:
        mode = "as-of"
        groups = at_date(rows, as_of, year)
    elif period is not None:
        mode = "period"
        groups = in_period(rows, period, year)
    else:
        mode = "all"
        groups = by_section(loaded, rows)
    shown = {id(task) for group in groups for task in group.tasks}
    commitments = commitments_of(plan, agency.code if agency else None, collectives)
    years = {as_of.year} if as_of else {first for first, _month in period.months()} if period else None
    return ScheduleResult(
        file=loaded.file,
        plan_number=plan.metadata.number,
        plan_year=year,
        mode=mode,
        tasks=[row for row in rows if id(row) in shown],
        groups=groups,
        as_of=as_of,
        period=period,
        agency=_agency_ref(plan, agency, collectives) if agency else None,
        not_shown=len(rows) - len(shown),
        candidates=rows,
        commitments=[c for c in commitments if years is None or c.year is None or c.year in years],
    )


def _agency_ref(plan: Plan, agency: Agency, collectives: list[str]) -> AgencyRef:
    by_code = {body.code: body for body in plan.agencies}
    return AgencyRef(agency.code, agency.name.vi, agency.name.en,
                     [AgencyRef(code, by_code[code].name.vi, by_code[code].name.en) for code in collectives])
