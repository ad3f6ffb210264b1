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
from ntmplan.model.plan import Plan
from ntmplan.numbers import num


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
            label = _("band of {low}-{high} criteria").format(low=num(band.criteria.min), high=num(band.criteria.max))
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
    """Each criterion's figures with the share recomputed, and every stated share checked."""

    file: str
    communes: int
    criteria: list[CriterionTarget]
    standard_added: int | None
    standard_total: int | None
    average_min: float
    average_max: float
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
            subs = [
                {
                    "key": sub.key,
                    "description": sub.description.en,
                    "description_vi": sub.description.vi,
                    "value": sub.value,
                    "unit": sub.unit.value,
                    "comparison": sub.comparison,
                    "of": sub.of,
                    "stated_share": sub.stated_share,
                }
                for sub in criterion.sub_targets
            ]
            criteria.append(
                CriterionTarget(
                    criterion.number, criterion.name.vi, criterion.name.en, target.added, target.total,
                    target.stated_share, computed, subs,
                )
            )
        headline = plan.headline
        return cls(
            loaded.file,
            communes,
            criteria,
            headline.standard_communes.added,
            headline.standard_communes.total,
            headline.average_criteria.min,
            headline.average_criteria.max,
            shares,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "communes": self.communes,
            "standard_communes": {"added": self.standard_added, "total": self.standard_total},
            "average_criteria": {"min": self.average_min, "max": self.average_max},
            "criteria": [vars(c) for c in self.criteria],
        }
