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
    """A source split into sub-sources ('Vốn đầu tư trực tiếp: 652,8 tỷ' = central
    495,1 + local 157,7) must equal their sum. Each stated amount may be rounded by half
    a unit of its last digit, so the tolerance is the sum of those halves (0.05 for
    each amount written with one decimal, 0.5 for each whole number).
    """
    for check in facts.budget.children_sums:
        problem = _disagreement(check)
        if problem:
            yield problem


@rule("BU02", "budget-total-mismatch", Severity.ERROR, "The sources do not add up to the total", scope=BUDGET)
def budget_total_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """The six sources of part III must add up to the total funding need, within the
    rounding of the stated amounts (see BU01 for the tolerance).
    """
    problem = _disagreement(facts.budget.total_sum)
    if problem:
        yield problem


@rule("BU03", "budget-share-mismatch", Severity.ERROR, "A source's stated share disagrees with its amount", scope=BUDGET)
def budget_share_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """'Vốn tín dụng: 1.800 tỷ đồng chiếm 59,9%' must be 1800 / 3002.8 = 59.94%, rounded
    half-up to the share's stated precision. Shares of sub-sources are, as in the
    source, shares of the total, not of their parent.
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
    sub-sources to that source's share, within rounding: each stated share may be off
    by half a unit of its last digit, so six shares with one decimal may add up to
    anything from 99.7 to 100.3.
    """
    for check in facts.budget.share_sums:
        problem = _disagreement(check)
        if problem:
            yield problem
