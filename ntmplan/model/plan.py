"""The plan format: pydantic models for every block of ``plans/<year>.yaml``.

Strict on purpose: an unknown key is an error (a typo must not silently drop a
target), numbers must be numbers, and figures keep their units. The JSON Schema
printed by ``ntmplan schema`` is generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Iterator, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    WrapValidator,
    model_validator,
)

from ntmplan.figures import Stated, places_of

CRITERIA = 19  # the national criteria for communes, 2016-2020 (Decision 1980/QĐ-TTg)


def _stated(value, handler) -> Stated:
    """Keep how a figure was written: the loader's ``Stated`` or, for a plain number, its own digits."""
    places = places_of(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0
    return Stated(handler(value), places)


Date = Annotated[dt.date, Field(strict=True)]

Count = Annotated[StrictInt, Field(ge=0)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False), WrapValidator(_stated)]
Percent = Annotated[
    float, Field(strict=True, ge=0, le=100, allow_inf_nan=False, description="a percentage, 0-100"),
    WrapValidator(_stated),
]
Code = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$", description="an agency code from the registry")]
Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="a kebab-case key")]


class PlanBlock(BaseModel):
    """Base for all plan blocks: unknown keys are errors, and frozen once loaded.

    Numbers, flags and dates are strict field by field (a quoted "60" is not a
    count); enums stay lax so that YAML's plain strings select their members.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Unit(str, Enum):
    """Units of the figures the plan states; ``model/labels.py`` has each one in words."""

    COMMUNES = "communes"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage-points"  # a change of a rate: 'giảm tỷ lệ hộ nghèo từ 3%'
    KM = "km"
    HA = "ha"
    WORKS = "works"
    SCHOOLS = "schools"
    PEOPLE = "people"
    ATTENDANCES = "attendances"  # 'lượt': one person trained twice counts twice
    VILLAGES = "villages"
    MILLION_VND_PER_PERSON_PER_YEAR = "million-vnd-per-person-per-year"
    BILLION_VND = "billion-vnd"
    YEARS_OF_AGE = "years-of-age"


class Comparison(str, Enum):
    """How a target figure is meant, read from the source's words.

    'đạt', 'lên đạt', 'từ ... trở lên', 'ít nhất', 'trên' set a floor (at-least);
    'khoảng' is about; a figure stated plainly is exactly that figure.
    """

    EXACTLY = "exactly"
    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    ABOUT = "about"


class Range(PlanBlock):
    """An inclusive range such as '11 - 11,5 tiêu chí'; a single figure has min == max.

    Without ``max`` the range is open: 'từ 10 tiêu chí trở lên' is ``{min: 10}``, and no
    upper bound is invented for it.
    """

    min: Number
    max: Number | None = Field(default=None, description="the upper end; none for an open range ('10 or more')")

    @property
    def open(self) -> bool:
        return self.max is None

    def upper_or(self, ceiling: float) -> float:
        """The upper end, or ``ceiling`` for an open range: '10 or more' criteria reach 19 at most."""
        return ceiling if self.max is None else self.max

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class TargetRange(Range):
    """A target range and how it is meant: 'đạt bình quân 9,5-10 tiêu chí' is at least 9.5-10."""

    comparison: Comparison

    @property
    def floor(self) -> float | None:
        """Below this the target is not reached; none for a ceiling ('at most 5')."""
        return None if self.comparison is Comparison.AT_MOST else self.min

    @property
    def ceiling(self) -> float | None:
        """Above this the target is missed; none for a floor ('at least 11-11.5', '10 or more').

        An exact or approximate range ('khoảng') is met inside it, as the plan rules read it.
        """
        if self.comparison is Comparison.AT_LEAST:
            return None
        return self.max if self.max is not None else self.min

    def admits(self, low: float, high: float) -> bool:
        """Whether some value between ``low`` and ``high`` meets the target as the plan means it."""
        return (self.floor is None or high >= self.floor) and (self.ceiling is None or low <= self.ceiling)

    @model_validator(mode="after")
    def _open_is_a_floor(self) -> TargetRange:
        if self.open and self.comparison is not Comparison.AT_LEAST:
            raise ValueError("an open range ('10 or more') is a floor: its comparison is 'at-least'")
        return self


class Text(PlanBlock):
    """A name or title in both languages; ``vi`` is the source's wording."""

    vi: str
    en: str


# --- metadata and legal bases -------------------------------------------------------


class Signer(PlanBlock):
    name: str
    title: Text
    on_behalf_of: Code


class Province(PlanBlock):
    name: str
    gso_code: Annotated[str, Field(pattern=r"^\d{2}$", description="General Statistics Office province code")]
    communes: Count = Field(description="communes (xã) in the province: the denominator of every '/207'")


class Metadata(PlanBlock):
    number: str
    date: Date
    year: StrictInt = Field(description="the year the plan is for")
    place: str
    issuer: Code
    signer: Signer
    title: Text
    province: Province


class DocumentKind(str, Enum):
    DECISION = "decision"
    PLAN = "plan"
    RESOLUTION = "resolution"
    LAW = "law"
    CRITERIA_SET = "criteria-set"  # 'Bộ tiêu chí'
    SCHEME = "scheme"  # 'Đề án'
    PROGRAMME = "programme"  # 'Chương trình'
    MOVEMENT = "movement"  # 'phong trào (thi đua)'
    CAMPAIGN = "campaign"  # 'cuộc vận động'


class LegalDocument(PlanBlock):
    """A document the plan cites: by number and date ('Quyết định số 1600/QĐ-TTg ngày 16/8/2016'),
    or by name only ('Đề án ... giai đoạn 2017-2020'), with what the source says of it and nothing more.
    """

    key: Key
    kind: DocumentKind
    number: str | None = None
    date: Date | None = None
    year: StrictInt | None = Field(default=None, description="when only a year is given")
    issuer: Text | None = Field(default=None, description="where the source names the issuer")
    title: Text
    basis: StrictBool = Field(description="true for the preamble's 'Căn cứ' list, false for a document cited in the body")


# --- targets -------------------------------------------------------------------------


class CommuneCount(PlanBlock):
    """Communes reaching something in the plan year: 'thêm 12 xã ..., nâng tổng số lên 60 xã'."""

    baseline: Count | None = Field(default=None, description="communes at the start of the year, where stated")
    added: Count | None = Field(default=None, description="communes added in the plan year")
    total: Count | None = Field(default=None, description="communes at the end of the plan year")
    stated_share: Percent | None = Field(default=None, description="the share of the province's communes, as stated")

    @property
    def start(self) -> int | None:
        """The communes at the start of the year the plan states: its baseline, or total − added where it states both."""
        if self.baseline is not None:
            return self.baseline
        if self.total is not None and self.added is not None:
            return self.total - self.added
        return None


class Band(PlanBlock):
    """Communes by number of criteria met: 'Số xã đạt 15-18 tiêu chí có 02/207 xã, chiếm 0,97%'."""

    criteria: Range
    count: Count
    stated_share: Percent | None = None


class Measure(str, Enum):
    """What a group target averages over its member communes."""

    CRITERIA_MET = "criteria-met"
    ADVANCED_CRITERIA_MET = "advanced-criteria-met"
    MODEL_RESIDENTIAL_AREAS = "model-residential-areas"


class Members(str, Enum):
    """Which communes a group target is about; each is a flag of the commune data."""

    SPECIAL_DIFFICULTY_PILOT = "special-difficulty-pilot"
    SPECIAL_DIFFICULTY = "special-difficulty"
    DISTRICT_PILOT = "district-pilot"  # 'các xã điểm đặc biệt khó khăn (do huyện lựa chọn)'
    BORDER = "border"
    STANDARD = "standard"


class GroupTarget(PlanBlock):
    """A target for a group of communes: 'Đối với 05 xã điểm đặc biệt khó khăn ... bình quân 14 tiêu chí/xã'."""

    key: Key
    name: Text
    members: Members
    communes: Count | None = Field(default=None, description="size of the group as stated")
    measure: Measure
    aggregate: Literal["average", "each"] = Field(description="average over the group, or each member")
    target: TargetRange
    by_year: StrictInt = Field(description="the year by which the target is to be met")


class NamedCommune(PlanBlock):
    """A commune the plan names, keyed by its GSO code."""

    code: Annotated[str, Field(pattern=r"^\d{5}$")]
    name: str
    district: str


class SupportScheme(PlanBlock):
    """A support scheme the plan launches, such as the one of Decision 1385/QĐ-TTg."""

    key: Key
    name: Text
    basis: Key = Field(description="key of the legal document it implements")
    communes: Count | None = None


class Headline(PlanBlock):
    """Part I.1: the general targets of the year."""

    standard_communes: CommuneCount
    average_criteria: TargetRange
    bands: list[Band]
    groups: list[GroupTarget]
    advanced_pilot_communes: list[NamedCommune]
    support_schemes: list[SupportScheme]


class SubTarget(PlanBlock):
    """A quantity stated in a criterion's paragraph ('350km đường GTNT', '90/207 xã, 43,4%')."""

    key: Key
    description: Text
    value: Number | None = Field(default=None, description="the stated figure")
    unit: Unit
    comparison: Comparison = Field(description="how the source states the figure: no default, the words decide")
    of: Count | None = Field(default=None, description="denominator when the figure is 'x/207'")
    stated_share: Percent | None = None


class Criterion(PlanBlock):
    """One of the 19 national criteria, as set for the year in part I.2."""

    number: Annotated[StrictInt, Field(ge=1, le=CRITERIA)]
    name: Text
    communes: CommuneCount
    sub_targets: list[SubTarget] = []
    references: list[Key] = Field(default=[], description="keys of legal documents its paragraph cites")


# --- measures, responsibilities, agencies --------------------------------------------


class Figure(PlanBlock):
    """A figure stated inside the prose of a measure: one value, or a range ('từ 1-2 thôn')."""

    key: Key
    description: Text
    value: Number | None = None
    range: Range | None = None
    unit: Unit

    @model_validator(mode="after")
    def _value_or_range(self) -> "Figure":
        if (self.value is None) == (self.range is None):
            raise ValueError("give exactly one of 'value' and 'range'")
        return self


class MeasureArea(PlanBlock):
    """One of the nine areas of measures of part II."""

    number: Annotated[StrictInt, Field(ge=1)]
    title: Text
    figures: list[Figure] = []
    references: list[Key] = Field(default=[], description="keys of legal documents cited")


class Responsibility(PlanBlock):
    """One body's duties from part IV."""

    number: Annotated[StrictInt, Field(ge=1)]
    agencies: list[Code]
    heading: Text
    duties: list[Text]


class Agency(PlanBlock):
    """A body of the registry that schedules and responsibilities refer to by code.

    A collective body ('BCĐ, BQL các cấp', 'Các Sở, ban, ngành') lists the bodies of the
    registry it stands for, so that a task given to it is found among theirs.
    """

    code: Code
    name: Text
    level: Literal["central", "province", "district", "commune", "multi-level", "other"]
    stands_for: list[Code] = Field(default=[], description="for a collective body: the codes of the bodies it includes")


class Parties(PlanBlock):
    """Bodies as the source names them (verbatim) and their codes: a column of the schedule, a commitment's 'who'."""

    text: str
    agencies: list[Code]


class Commitment(PlanBlock):
    """Something the plan commits a body to without a figure: who does what, by when if stated.

    'UBND tỉnh ban hành Bộ tiêu chí thôn đạt chuẩn nông thôn mới' (II.6) is a commitment;
    it has no count to check, but an office must see that it is owed.
    """

    key: Key
    source: str = Field(description="the part of the source it is in: 'I.1', 'II.6', 'IV'")
    who: Parties
    what: Text
    communes: Members | None = Field(default=None, description="the communes it concerns, where it names a group")
    year: StrictInt | None = Field(default=None, description="the year it is due in, where the source states one")


# --- budget --------------------------------------------------------------------------


class Source(PlanBlock):
    """A funding source of part III with its amount and stated share of the total."""

    key: Key
    name: Text
    amount: Annotated[Number, Field(ge=0)]
    stated_share: Percent | None = None
    children: list["Source"] = []


def walk(nodes: list, path: str = "") -> Iterator[tuple[str, object]]:
    """Every node of a tree and its descendants, parents first, with its path.

    For any tree whose nodes keep their sub-nodes in ``children``: the plan's
    sources, and the rows computed from them.
    """
    for i, node in enumerate(nodes):
        here = f"{path}[{i}]"
        yield here, node
        yield from walk(node.children, f"{here}.children")


class Budget(PlanBlock):
    """Part III: the funding need and its sources; shares are of ``total``."""

    unit: Literal[Unit.BILLION_VND]
    total: Annotated[Number, Field(ge=0)]
    sources: list[Source]


# --- schedule ------------------------------------------------------------------------


class TimingKind(str, Enum):
    ONGOING = "ongoing"
    MONTHS = "months"
    QUARTERS = "quarters"
    EVERY_QUARTER = "every-quarter"
    PERIODIC_AND_AD_HOC = "periodic-and-ad-hoc"
    ON_CONDITION = "on-condition"


class Timing(PlanBlock):
    """A task's timing in machine-readable form, next to the verbatim text."""

    text: str = Field(description="the 'Thời gian' cell, verbatim")
    kind: TimingKind
    months: list[Annotated[StrictInt, Field(ge=1, le=12)]] = []
    quarters: list[Annotated[StrictInt, Field(ge=1, le=4)]] = []
    year: StrictInt | None = Field(default=None, description="when the text names a year ('Quý IV/2019')")


class Task(PlanBlock):
    """One row of the appendix schedule."""

    id: str = Field(pattern=r"^[IVXL]+\.\d+$", description="section and number, e.g. 'V.4'")
    number: Annotated[StrictInt, Field(ge=1)]
    content: Text
    directing: Parties
    executing: Parties
    coordinating: Parties
    timing: Timing


class Section(PlanBlock):
    number: str = Field(pattern=r"^[IVXL]+$")
    title: Text
    tasks: list[Task]


class Schedule(PlanBlock):
    sections: list[Section]


# --- the plan ------------------------------------------------------------------------


class Plan(PlanBlock):
    """A provincial NTM plan for one year."""

    schema_version: Literal[1]
    metadata: Metadata
    legal_documents: list[LegalDocument]
    headline: Headline
    criteria: list[Criterion]
    measures: list[MeasureArea]
    commitments: list[Commitment]
    budget: Budget
    agencies: list[Agency]
    responsibilities: list[Responsibility]
    schedule: Schedule

    def tasks(self) -> list[Task]:
        return [task for section in self.schedule.sections for task in section.tasks]

    def agency_codes(self) -> set[str]:
        return {agency.code for agency in self.agencies}

    def collectives_of(self, code: str) -> list[str]:
        """The collective bodies that include ``code``, directly or through another, in registry order.

        'Các cấp, các ngành' stands for 'Các Sở, ban, ngành', which stands for Sở Tài chính:
        both are collectives of SO-TC.
        """
        found: set[str] = set()
        members = [code]
        while members:
            members = [
                agency.code for agency in self.agencies
                if agency.code not in found and agency.code != code and set(agency.stands_for) & set(members)
            ]
            found.update(members)
        return [agency.code for agency in self.agencies if agency.code in found]
