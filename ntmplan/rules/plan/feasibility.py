"""Can the plan's targets all be met at once?"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterator

from ntmplan.figures import show
from ntmplan.findings import Severity
from ntmplan.i18n import _, pick
from ntmplan.model.plan import CRITERIA, Plan
from ntmplan.numbers import num
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts


@rule("FE01", "criterion-below-standard", Severity.ERROR, "A criterion's total is below the communes at standard", scope=PLAN)
def criterion_below_standard(facts: PlanFacts) -> Iterator[Problem]:
    """Every commune at the NTM standard meets all 19 criteria, so each criterion's
    total for the year must be at least the headline's communes at standard. A
    criterion with a total of 55 cannot coexist with 60 communes at standard.
    """
    standard = facts.plan.headline.standard_communes.total
    if standard is None:
        return
    for i, criterion in enumerate(facts.plan.criteria):
        total = criterion.communes.total
        if total is not None and total < standard:
            yield Problem(
                _(
                    "criterion {number} ({name}) targets {total} communes, fewer than the {standard} communes at "
                    "standard, which meet every criterion"
                ).format(
                    number=criterion.number, name=pick(criterion.name.vi, criterion.name.en), total=total,
                    standard=standard,
                ),
                path=f"criteria[{i}].communes.total",
                expected=f">= {standard}",
                actual=total,
            )


def _overlaps(low: float, high: float, target_min: float, target_max: float) -> bool:
    return high >= target_min and low <= target_max


@rule("FE02", "average-unreachable-by-bands", Severity.ERROR, "The bands cannot produce the average-criteria target", scope=PLAN)
def average_unreachable_by_bands(facts: PlanFacts) -> Iterator[Problem]:
    """The bands bound the province's average number of criteria per commune: at the
    least every commune sits at the bottom of its band, at the most at the top.
    Communes outside every band count as 0 (least) and 19 (most). When the target
    range for the average lies outside these bounds, the bands and the average
    target contradict each other. The message shows the arithmetic.
    """
    plan = facts.plan
    bands = plan.headline.bands
    if not bands:
        return
    communes = plan.metadata.province.communes
    target = plan.headline.average_criteria
    outside = max(communes - sum(band.count for band in bands), 0)
    low_sum = sum(Fraction(str(band.criteria.min)) * band.count for band in bands)
    high_sum = sum(Fraction(str(band.criteria.max)) * band.count for band in bands) + CRITERIA * outside
    low, high = low_sum / communes, high_sum / communes
    if not _overlaps(float(low), float(high), target.min, target.max):
        low_terms = " + ".join(f"{band.count}×{num(band.criteria.min)}" for band in bands)
        high_terms = " + ".join(f"{band.count}×{num(band.criteria.max)}" for band in bands)
        if outside:
            high_terms += f" + {outside}×{CRITERIA}"
        yield Problem(
            _(
                "the bands allow an average of {low} to {high} criteria per commune (least ({low_terms})/{communes}, "
                "most ({high_terms})/{communes}), outside the target of {target_min}-{target_max}"
            ).format(
                low=num(float(low)), high=num(float(high)), low_terms=low_terms, high_terms=high_terms,
                communes=communes, target_min=num(target.min), target_max=num(target.max),
            ),
            path="headline.average_criteria",
            expected=f"{show(float(low))}-{show(float(high))}",
            actual=f"{show(target.min)}-{show(target.max)}",
        )


def criteria_totals_average(plan: Plan) -> tuple[float, float]:
    """The least and the most average criteria per commune that the criterion totals allow (FE03).

    A criterion without a stated total counts as the communes at standard at least, all communes at most.
    """
    communes = plan.metadata.province.communes
    standard = plan.headline.standard_communes.total or 0
    stated = sum(c.communes.total for c in plan.criteria if c.communes.total is not None)
    unstated = CRITERIA - sum(1 for c in plan.criteria if c.communes.total is not None)
    return (stated + standard * unstated) / communes, (stated + communes * unstated) / communes


@rule(
    "FE03",
    "average-unreachable-by-criteria",
    Severity.WARNING,
    "The criteria totals do not add up to the average-criteria target",
    scope=PLAN,
)
def average_unreachable_by_criteria(facts: PlanFacts) -> Iterator[Problem]:
    """Counting (commune, criterion met) pairs two ways: the sum over criteria of the
    communes meeting each equals the sum over communes of the criteria each meets. So
    if every criterion reaches exactly its total, the average per commune is
    (sum of the 19 totals) / communes.

    A criterion without a stated total counts as at least the communes at standard
    and at most all communes. When even the most does not reach the lower end of the
    average target (or the least exceeds its upper end), the criterion targets and
    the average target disagree: meeting one set means missing or overshooting the
    other. A warning, since criteria may overshoot their targets.
    """
    plan = facts.plan
    communes = plan.metadata.province.communes
    standard = plan.headline.standard_communes.total or 0
    target = plan.headline.average_criteria
    stated = [c.communes.total for c in plan.criteria if c.communes.total is not None]
    missing = [c.number for c in plan.criteria if c.communes.total is None] + list(
        range(len(plan.criteria) + 1, CRITERIA + 1)
    )
    low, high = criteria_totals_average(plan)
    if _overlaps(low, high, target.min, target.max):
        return
    unstated = ""
    if missing:
        names = ", ".join(str(n) for n in missing)
        unstated = _(
            "; criteria without a stated total ({names}) are counted as {standard} at least and {communes} at most"
        ).format(names=names, standard=standard, communes=communes)
    yield Problem(
        _(
            "the {count} stated criterion totals add up to {sum}{unstated}: an average of {low} to {high} criteria "
            "per commune (({sum} + {missing}×{standard})/{communes} to ({sum} + {missing}×{communes})/{communes}), "
            "outside the target of {target_min}-{target_max}"
        ).format(
            count=len(stated), sum=sum(stated), unstated=unstated, low=num(low), high=num(high),
            missing=len(missing), standard=standard, communes=communes, target_min=num(target.min),
            target_max=num(target.max),
        ),
        path="headline.average_criteria",
        expected=f"{show(low)}-{show(high)}",
        actual=f"{show(target.min)}-{show(target.max)}",
    )
