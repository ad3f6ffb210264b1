"""The funding plan of part III: amounts add up, shares agree with amounts."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _, num, pick
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.model.plan import Source
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.tolerance import check_share, exact, half_unit


def walk_sources(sources: list[Source], path: str = "budget.sources") -> Iterator[tuple[str, Source]]:
    """Every source and sub-source with its path, parents before children."""
    for i, source in enumerate(sources):
        here = f"{path}[{i}]"
        yield here, source
        yield from walk_sources(source.children, f"{here}.children")


def _sum_problem(
    loaded: LoadedPlan,
    label: str,
    path: str,
    whole: float | Decimal,
    parts: list[tuple[str, float]],
    whole_is_exact: bool = False,
) -> Problem | None:
    """Compare a stated whole with the sum of its stated parts, within their rounding.

    Each stated figure may be off by half a unit of its last written digit; the
    whole too, unless it is exact by definition (100%).
    """
    total = sum((exact(amount) for _path, amount in parts), Decimal(0))
    tolerance = sum((half_unit(loaded.document.raw(p)) for p, _amount in parts), Decimal(0))
    if not whole_is_exact:
        tolerance += half_unit(loaded.document.raw(path))
    if abs(total - exact(whole)) <= tolerance:
        return None
    terms = " + ".join(num(amount) for _path, amount in parts)
    return Problem(
        _("{label}: {terms} = {total}, but the whole is {whole} (difference {difference}, allowed {allowed} for rounding)").format(
            label=label, terms=terms, total=num(total), whole=num(whole), difference=num(total - exact(whole)),
            allowed=num(tolerance),
        ),
        path=path,
        expected=float(exact(whole)),
        actual=float(total),
        tolerance=float(tolerance),
    )


@rule("BU01", "budget-children-mismatch", Severity.ERROR, "Sub-sources do not add up to their source")
def budget_children_mismatch(loaded: LoadedPlan) -> Iterator[Problem]:
    """A source split into sub-sources ('Vốn đầu tư trực tiếp: 652,8 tỷ' = central
    495,1 + local 157,7) must equal their sum. Each stated amount may be rounded by half
    a unit of its last digit, so the tolerance is the sum of those halves (0.05 for
    each amount written with one decimal, 0.5 for each whole number).
    """
    for path, source in walk_sources(loaded.plan.budget.sources):
        if source.children:
            parts = [(f"{path}.children[{i}].amount", child.amount) for i, child in enumerate(source.children)]
            label = _("the sub-sources of {source}").format(source=pick(source.name.vi, source.name.en))
            problem = _sum_problem(loaded, label, f"{path}.amount", source.amount, parts)
            if problem:
                yield problem


@rule("BU02", "budget-total-mismatch", Severity.ERROR, "The sources do not add up to the total")
def budget_total_mismatch(loaded: LoadedPlan) -> Iterator[Problem]:
    """The six sources of part III must add up to the total funding need, within the
    rounding of the stated amounts (see BU01 for the tolerance).
    """
    budget = loaded.plan.budget
    parts = [(f"budget.sources[{i}].amount", source.amount) for i, source in enumerate(budget.sources)]
    problem = _sum_problem(loaded, _("the sources"), "budget.total", budget.total, parts)
    if problem:
        yield problem


@rule("BU03", "budget-share-mismatch", Severity.ERROR, "A source's stated share disagrees with its amount")
def budget_share_mismatch(loaded: LoadedPlan) -> Iterator[Problem]:
    """'Vốn tín dụng: 1.800 tỷ đồng chiếm 59,9%' must be 1800 / 3002.8 = 59.94%, rounded
    half-up to the share's stated precision. Shares of sub-sources are, as in the
    source, shares of the total, not of their parent.
    """
    budget = loaded.plan.budget
    for path, source in walk_sources(budget.sources):
        if source.stated_share is None or budget.total == 0:
            continue
        share_path = f"{path}.stated_share"
        check = check_share(source.amount, budget.total, source.stated_share, loaded.document.raw(share_path))
        if not check.agrees:
            yield Problem(
                _("{source}: {amount} of {total} is {computed}%, which rounds to {rounded}%, but the plan states {stated}%").format(
                    source=pick(source.name.vi, source.name.en), amount=num(source.amount), total=num(budget.total),
                    computed=num(check.computed, 4), rounded=num(check.rounded, 4), stated=num(source.stated_share, 4),
                ),
                path=share_path,
                expected=float(check.rounded),
                actual=source.stated_share,
                tolerance=check.tolerance,
            )


@rule("BU04", "budget-shares-total", Severity.WARNING, "Stated shares do not add up to 100% (or to their parent)")
def budget_shares_total(loaded: LoadedPlan) -> Iterator[Problem]:
    """The sources' stated shares must add up to 100%, and the shares of a source's
    sub-sources to that source's share, within rounding: each stated share may be off
    by half a unit of its last digit, so six shares with one decimal may add up to
    anything from 99.7 to 100.3.
    """
    budget = loaded.plan.budget
    top = [(f"budget.sources[{i}].stated_share", s.stated_share) for i, s in enumerate(budget.sources)]
    if top and all(share is not None for _path, share in top):
        problem = _sum_problem(loaded, _("the sources' shares (%)"), "budget.sources", 100, top, whole_is_exact=True)
        if problem:
            yield problem
    for path, source in walk_sources(budget.sources):
        parts = [(f"{path}.children[{i}].stated_share", c.stated_share) for i, c in enumerate(source.children)]
        if parts and source.stated_share is not None and all(share is not None for _path, share in parts):
            share_path = f"{path}.stated_share"
            label = _("the shares of the sub-sources of {source} (%)").format(source=pick(source.name.vi, source.name.en))
            problem = _sum_problem(loaded, label, share_path, source.stated_share, parts)
            if problem:
                yield problem

