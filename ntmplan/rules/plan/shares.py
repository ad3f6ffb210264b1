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
    """A share written next to a count ('61/207 xã, chiếm tỷ lệ 29,5%') must be that
    count divided by its denominator, rounded half-up to the precision the share is
    written with. The tolerance is therefore half a unit of the last stated digit:
    '29,5%' allows 29.45 to 29.55, '28,99%' allows 28.985 to 28.995.

    Applies to the headline's communes at standard, the bands, each criterion's total
    and any sub-target stated as 'x/207'. Budget shares have their own rule (BU03).

    Why: The shares are the figures people quote: in the province's reports, to the
    districts, from one year to the next. A share that does not follow from its count
    means that one of the two figures is a typo; the rule cannot tell which, so it
    reports both.

    Example: Criterion 15 (Health) of the 2019 plan: 133/207 is 64.25%, which rounds to
    64.3% at one decimal, but the plan states 64,2%
    (``criteria[14].communes.stated_share``).

    Fix: Recompute the share from the count and correct the figure that is wrong. When
    the file reproduces a signed plan as it stands, keep the figure as stated and
    silence the finding with a marker that gives the reason (``# ntmplan: ignore[SH01]
    reason: the source writes 64,2``).
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
