"""What ``ntmplan targets`` shows, and every share the plan states, checked against its count.

Plain data that every output format renders: what the table shows and what the
JSON holds come from the same object, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntmplan.figures import ShareCheck, Stated, check_share
from ntmplan.findings import SCHEMA_VERSION
from ntmplan.i18n import _, pick
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.model.labels import measure_text, unit_text
from ntmplan.model.plan import GroupTarget, Plan, SubTarget, TargetRange
from ntmplan.numbers import num, range_text


def criteria_text(low: float, high: float | None) -> str:
    """A number of criteria as people write it: '19 criteria', '15-18 criteria', '10 criteria or more' (no ``high``)."""
    if high is None:
        return _("{low} criteria or more").format(low=num(low))
    return _("{criteria} criteria").format(criteria=range_text(low, high))


@dataclass(frozen=True)
class StatedShare:
    """A share written next to a count ('61/207 xã, chiếm tỷ lệ 29,5%') and how it compares."""

    path: str
    label: str
    count: float
    denominator: int
    stated: float
    check: ShareCheck


def stated_shares(plan: Plan) -> list[StatedShare]:
    """Every share of communes the plan states: headline, bands, criteria and 'x/207' sub-targets."""
    communes = plan.metadata.province.communes
    headline = plan.headline
    found: list[tuple[str, str, float, int, float]] = []
    if headline.standard_communes.total is not None and headline.standard_communes.stated_share is not None:
        found.append(("headline.standard_communes.stated_share", _("communes at standard"),
                      headline.standard_communes.total, communes, headline.standard_communes.stated_share))
    for i, band in enumerate(headline.bands):
        if band.stated_share is not None:
            label = _("band of {criteria}").format(criteria=criteria_text(band.criteria.min, band.criteria.max))
            found.append((f"headline.bands[{i}].stated_share", label, band.count, communes, band.stated_share))
    for i, criterion in enumerate(plan.criteria):
        target = criterion.communes
        label = _("criterion {number} ({name})").format(
            number=criterion.number, name=pick(criterion.name.vi, criterion.name.en)
        )
        if target.total is not None and target.stated_share is not None:
            found.append((f"criteria[{i}].communes.stated_share", label, target.total, communes, target.stated_share))
        for j, sub in enumerate(criterion.sub_targets):
            if sub.value is not None and sub.of and sub.stated_share is not None:
                found.append((f"criteria[{i}].sub_targets[{j}].stated_share",
                              f"{label}, {pick(sub.description.vi, sub.description.en)}", sub.value, sub.of,
                              sub.stated_share))
    return [
        StatedShare(path, label, count, denominator, stated, check_share(count, denominator, stated))
        for path, label, count, denominator, stated in found
    ]


def _range(target: TargetRange) -> dict[str, Any]:
    return {"min": target.min, "max": target.max, "comparison": target.comparison.value}


def _sub_target(sub: SubTarget) -> dict[str, Any]:
    """A sub-target for every output: the unit's key for programs and its label for people."""
    return {
        "key": sub.key,
        "description": sub.description.en,
        "description_vi": sub.description.vi,
        "value": sub.value,
        "unit": sub.unit.value,
        "unit_label": unit_text(sub.unit.value),
        "comparison": sub.comparison.value,
        "of": sub.of,
        "stated_share": sub.stated_share,
    }


def _group(group: GroupTarget) -> dict[str, Any]:
    return {
        "key": group.key,
        "name": group.name.en,
        "name_vi": group.name.vi,
        "members": group.members.value,
        "communes": group.communes,
        "measure": group.measure.value,
        "measure_label": measure_text(group.measure.value),
        "aggregate": group.aggregate,
        "target": _range(group.target),
        "by_year": group.by_year,
    }


@dataclass
class CriterionTarget:
    number: int
    name_vi: str
    name_en: str
    added: int | None
    total: int | None
    stated_share: float | None
    computed_share: float | None
    sub_targets: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TargetsResult:
    """Each criterion's figures with the share recomputed, every stated share checked, and the group targets."""

    file: str
    communes: int
    criteria: list[CriterionTarget]
    standard_added: int | None
    standard_total: int | None
    average_criteria: dict[str, Any]
    groups: list[dict[str, Any]] = field(default_factory=list)
    shares: list[StatedShare] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, loaded: LoadedPlan) -> "TargetsResult":
        plan = loaded.plan
        communes = plan.metadata.province.communes
        shares = stated_shares(plan)
        by_path = {share.path: share for share in shares}
        criteria = []
        for i, criterion in enumerate(plan.criteria):
            target = criterion.communes
            computed = None
            if target.total is not None:
                share = by_path.get(f"criteria[{i}].communes.stated_share")
                check = share.check if share else check_share(target.total, communes, Stated(0, 1))  # one decimal, as the plan writes shares
                computed = float(check.rounded)
            criteria.append(
                CriterionTarget(
                    criterion.number, criterion.name.vi, criterion.name.en, target.added, target.total,
                    target.stated_share, computed, [_sub_target(sub) for sub in criterion.sub_targets],
                )
            )
        headline = plan.headline
        return cls(
            loaded.file,
            communes,
            criteria,
            headline.standard_communes.added,
            headline.standard_communes.total,
            _range(headline.average_criteria),
            [_group(group) for group in headline.groups],
            shares,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "communes": self.communes,
            "standard_communes": {"added": self.standard_added, "total": self.standard_total},
            "average_criteria": self.average_criteria,
            "criteria": [vars(c) for c in self.criteria],
            "groups": self.groups,
        }
