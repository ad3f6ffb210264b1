"""The funding plan of part III: amounts add up, shares agree with amounts.

The rules judge the checks of the computed funding tree (``budget/tree.py``);
they compute nothing themselves.
"""

from __future__ import annotations

from typing import Iterator

from ntmplan.budget.tree import SumCheck
from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.numbers import num
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import BUDGET, PlanFacts


def _disagreement(check: SumCheck) -> Problem | None:
    if check.agrees:
        return None
    terms = " + ".join(num(part) for part in check.parts)
    return Problem(
        _("{label}: {terms} = {total}, but the whole is {whole} (difference {difference}, allowed {allowed} for rounding)").format(
            label=check.label, terms=terms, total=num(check.total), whole=num(check.whole),
            difference=num(check.difference), allowed=num(check.tolerance),
        ),
        path=check.path,
        expected=float(check.whole),
        actual=float(check.total),
        tolerance=float(check.tolerance),
    )


@rule("BU01", "budget-children-mismatch", Severity.ERROR, "Sub-sources do not add up to their source", scope=BUDGET)
def budget_children_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """A source split into sub-sources must equal their sum, within the rounding of the
    stated amounts: each amount may be rounded by half a unit of its last digit, so the
    tolerance is the sum of those halves (0.05 for each amount written with one decimal,
    0.5 for each whole number).

    Why: The sub-sources say who pays, the central or the local budget. If they do not
    make up their source, the funding plan promises more, or less, than its parts, and
    the execution of each part cannot be followed.

    Example: 'Vốn đầu tư trực tiếp: 652,8 tỷ' is central 495,1 + local 157,7; with 495,3
    for the central budget the parts would make 653.0, more than 652.8 + 0.15
    (``budget.sources[0].amount``).

    Fix: Correct the amount that is wrong in part III of the source; the message shows
    the sum, the difference and the tolerance allowed.
    """
    for check in facts.budget.children_sums:
        problem = _disagreement(check)
        if problem:
            yield problem


@rule("BU02", "budget-total-mismatch", Severity.ERROR, "The sources do not add up to the total", scope=BUDGET)
def budget_total_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """The sources of part III must add up to the total funding need, within the
    rounding of the stated amounts (the tolerance of BU01).

    Why: The total is the figure the province approves and reports; sources that do not
    make it up mean that a source is missing, counted twice or mistyped.

    Example: The six sources of the 2019 plan add up to 652.8 + 365 + 45 + 1,800 + 135 +
    5 = 3,002.8 billion đồng, its total; a total of 3,020.8 would be reported
    (``budget.total``).

    Fix: Check each source and the total against part III of the source and correct the
    figure that is wrong.
    """
    problem = _disagreement(facts.budget.total_sum)
    if problem:
        yield problem


@rule("BU03", "budget-share-mismatch", Severity.ERROR, "A source's stated share disagrees with its amount", scope=BUDGET)
def budget_share_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """A source's stated share must be its amount divided by the total, rounded half-up
    to the share's stated precision. Shares of sub-sources are, as in the source, shares
    of the total, not of their parent.

    Why: The shares are how the structure of the funding is read and compared between
    years and provinces; a share that disagrees with its amount says two different
    things about the same money.

    Example: 'Vốn tín dụng: 1.800 tỷ đồng chiếm 59,9%' agrees: 1800 / 3002.8 is 59.94%.
    A share of 60,9% would be reported (``budget.sources[3].stated_share``).

    Fix: Recompute the share from the amount and the total and correct the figure that
    is wrong; the share of a sub-source is of the total funding need.
    """
    tree = facts.budget
    for row in tree.rows():
        check = row.share
        if check is not None and not check.agrees:
            yield Problem(
                _("{source}: {amount} of {total} is {computed}%, which rounds to {rounded}%, but the plan states {stated}%").format(
                    source=row.name, amount=num(row.amount), total=num(tree.total),
                    computed=num(check.computed, 4), rounded=num(check.rounded, 4), stated=num(row.stated_share, 4),
                ),
                path=f"{row.path}.stated_share",
                expected=float(check.rounded),
                actual=row.stated_share,
                tolerance=check.tolerance,
            )


@rule("BU04", "budget-shares-total", Severity.WARNING, "Stated shares do not add up to 100% (or to their parent)",
      scope=BUDGET)
def budget_shares_total(facts: PlanFacts) -> Iterator[Problem]:
    """The sources' stated shares must add up to 100%, and the shares of a source's
    sub-sources to that source's share, within rounding: each stated share may be off by
    half a unit of its last digit, so six shares with one decimal may add up to anything
    from 99.7 to 100.3.

    Why: Shares that do not add up reveal a mistyped share even when each one looks
    plausible on its own, or a source left out.

    Example: The shares of the 2019 plan add up to 21.7 + 12.2 + 1.5 + 59.9 + 4.5 + 0.2
    = 100.0; with 59.0 for credit they would add up to 99.1 (``budget.sources``).

    Fix: Find the share that disagrees with its amount (BU03 usually names it) and
    correct it.
    """
    for check in facts.budget.share_sums:
        problem = _disagreement(check)
        if problem:
            yield problem
