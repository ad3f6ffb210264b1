"""Stated shares against the counts they describe."""

from __future__ import annotations

from typing import Iterator

from ntmplan.i18n import _, num, pick
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.findings import Severity
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.tolerance import check_share


def stated_shares(loaded: LoadedPlan) -> Iterator[tuple[str, str, int | float, int, float]]:
    """Every (path, label, count, denominator, stated share) of commune targets in the plan."""
    plan = loaded.plan
    communes = plan.metadata.province.communes
    headline = plan.headline
    if headline.standard_communes.total is not None and headline.standard_communes.stated_share is not None:
        yield (
            "headline.standard_communes.stated_share",
            _("communes at standard"),
            headline.standard_communes.total,
            communes,
            headline.standard_communes.stated_share,
        )
    for i, band in enumerate(headline.bands):
        if band.stated_share is not None:
            label = _("band of {low}-{high} criteria").format(low=num(band.criteria.min), high=num(band.criteria.max))
            yield f"headline.bands[{i}].stated_share", label, band.count, communes, band.stated_share
    for i, criterion in enumerate(plan.criteria):
        target = criterion.communes
        label = _("criterion {number} ({name})").format(
            number=criterion.number, name=pick(criterion.name.vi, criterion.name.en)
        )
        if target.total is not None and target.stated_share is not None:
            yield f"criteria[{i}].communes.stated_share", label, target.total, communes, target.stated_share
        for j, sub in enumerate(criterion.sub_targets):
            if sub.value is not None and sub.of and sub.stated_share is not None:
                yield (
                    f"criteria[{i}].sub_targets[{j}].stated_share",
                    f"{label}, {pick(sub.description.vi, sub.description.en)}",
                    sub.value,
                    sub.of,
                    sub.stated_share,
                )


@rule("SH01", "share-mismatch", Severity.ERROR, "A stated share disagrees with its count and denominator")
def share_mismatch(loaded: LoadedPlan) -> Iterator[Problem]:
    """A share written next to a count ('61/207 xã, chiếm tỷ lệ 29,5%') must be that count
    divided by its denominator, rounded half-up to the precision the share is written with.

    The tolerance is therefore half a unit of the last stated digit: '29,5%' allows
    29.45 to 29.55, '28,99%' allows 28.985 to 28.995. A share that fails is a typo in
    the count or in the share; the rule cannot tell which, so it reports both figures.

    Applies to the headline's communes at standard, the bands, each criterion's total
    and any sub-target stated as 'x/207'. Budget shares have their own rule (BU03).
    """
    for path, label, count, denominator, stated in stated_shares(loaded):
        check = check_share(count, denominator, stated, loaded.document.raw(path))
        if not check.agrees:
            yield Problem(
                _(
                    "{label}: {count}/{denominator} is {computed}%, which rounds to {rounded}% at the stated "
                    "precision, but the plan states {stated}%"
                ).format(
                    label=label, count=num(count), denominator=denominator, computed=num(check.computed, 4),
                    rounded=num(check.rounded, 4), stated=num(stated, 4),
                ),
                path=path,
                expected=float(check.rounded),
                actual=stated,
                tolerance=check.tolerance,
            )
