"""Stated shares against the counts they describe."""

from __future__ import annotations

from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.numbers import num
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts


@rule("SH01", "share-mismatch", Severity.ERROR, "A stated share disagrees with its count and denominator", scope=PLAN)
def share_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """A share written next to a count ('61/207 xã, chiếm tỷ lệ 29,5%') must be that count
    divided by its denominator, rounded half-up to the precision the share is written with.

    The tolerance is therefore half a unit of the last stated digit: '29,5%' allows
    29.45 to 29.55, '28,99%' allows 28.985 to 28.995. A share that fails is a typo in
    the count or in the share; the rule cannot tell which, so it reports both figures.

    Applies to the headline's communes at standard, the bands, each criterion's total
    and any sub-target stated as 'x/207'. Budget shares have their own rule (BU03).
    """
    for share in facts.targets.shares:
        check = share.check
        if not check.agrees:
            yield Problem(
                _(
                    "{label}: {count}/{denominator} is {computed}%, which rounds to {rounded}% at the stated "
                    "precision, but the plan states {stated}%"
                ).format(
                    label=share.label, count=num(share.count), denominator=share.denominator,
                    computed=num(check.computed, 4), rounded=num(check.rounded, 4), stated=num(share.stated, 4),
                ),
                path=share.path,
                expected=float(check.rounded),
                actual=share.stated,
                tolerance=check.tolerance,
            )
