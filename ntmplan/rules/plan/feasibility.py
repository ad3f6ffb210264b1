"""Can the plan's targets all be met at once?"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterator

from ntmplan.figures import show
from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.model.labels import compared
from ntmplan.model.plan import CRITERIA, Plan, TargetRange
from ntmplan.numbers import num, range_text
from ntmplan.rules.plan.counts import criteria_below_standard
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts


@rule("FE01", "criterion-below-standard", Severity.ERROR, "A criterion's total is below the communes at standard", scope=PLAN)
def criterion_below_standard(facts: PlanFacts) -> Iterator[Problem]:
    """Every commune at the NTM standard meets all 19 criteria, so each criterion's
    total for the year must be at least the headline's communes at standard.

    Why: A criterion total below the communes at standard makes the plan impossible as
    written: reaching the headline would already exceed the criterion's target. One of
    the two figures is wrong, and the districts are working to a plan that contradicts
    itself.

    Example: A criterion with a total of 55 communes ('nâng tổng số xã đạt tiêu chí lên
    55 xã') in a plan of 60 communes at standard (``criteria[9].communes.total``).

    Fix: Check the criterion's total and the headline's total against the source, and
    raise the one or lower the other, whichever is wrong.
    """
    yield from criteria_below_standard(facts, "total", _(
        "criterion {number} ({name}) targets {count} communes, fewer than the {standard} communes at "
        "standard, which meet every criterion"))


def _target_text(target: TargetRange) -> str:
    """'at least 11-11.5', '≥ 10': the target as the plan states it."""
    shown = range_text(target.min, target.max)
    return shown if target.open else compared(shown, target.comparison.value)


def _span(low: float, high: float | None) -> str:
    """A range for the expected and actual fields: '10.24-10.95', '14', '>= 10'."""
    if high is None:
        return f">= {show(low)}"
    return show(low) if low == high else f"{show(low)}-{show(high)}"


@rule("FE02", "average-unreachable-by-bands", Severity.ERROR, "The bands cannot produce the average-criteria target", scope=PLAN)
def average_unreachable_by_bands(facts: PlanFacts) -> Iterator[Problem]:
    """The bands bound the province's average number of criteria per commune: at the
    least every commune sits at the bottom of its band, at the most at the top; communes
    outside every band count as 0 at the least and 19 at the most. When no value within
    these bounds meets the average target as the plan states it, the bands and the
    average target contradict each other: a floor ('đạt từ 11 – 11,5', at least) above
    the most the bands allow, a ceiling below the least, an exact or approximate range
    outside both. The message shows the arithmetic.

    Why: The average ('bình quân 01 xã đạt từ 11 – 11,5 tiêu chí') and the bands are
    both targets for the year-end. If no distribution within the bands reaches the
    average, at least one of the two cannot be met, whatever the districts do.

    Example: The bands of the 2019 plan (60 communes at 19 criteria, 2 at 15-18, 35 at
    10-14, 110 at 5-9) allow an average of 10 to 12.83 criteria per commune; a target of
    13-13.5 would be out of reach (``headline.average_criteria``).

    Fix: Check the bands' counts and limits and the average target against the source;
    the arithmetic in the message shows how far apart they are.
    """
    plan = facts.plan
    bands = plan.headline.bands
    if not bands:
        return
    communes = plan.metadata.province.communes
    target = plan.headline.average_criteria
    outside = max(communes - sum(band.count for band in bands), 0)
    low_sum = sum(Fraction(str(band.criteria.min)) * band.count for band in bands)
    high_sum = sum(Fraction(str(band.criteria.upper_or(CRITERIA))) * band.count for band in bands) + CRITERIA * outside
    low, high = low_sum / communes, high_sum / communes
    if not target.admits(float(low), float(high)):
        low_terms = " + ".join(f"{band.count}×{num(band.criteria.min)}" for band in bands)
        high_terms = " + ".join(f"{band.count}×{num(band.criteria.upper_or(CRITERIA))}" for band in bands)
        if outside:
            high_terms += f" + {outside}×{CRITERIA}"
        yield Problem(
            _(
                "the bands allow an average of {low} to {high} criteria per commune (least ({low_terms})/{communes}, "
                "most ({high_terms})/{communes}), which cannot meet the target of {target}"
            ).format(
                low=num(float(low)), high=num(float(high)), low_terms=low_terms, high_terms=high_terms,
                communes=communes, target=_target_text(target),
            ),
            path="headline.average_criteria",
            expected=_span(float(low), float(high)),
            actual=_span(target.min, target.max),
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


@rule("FE03", "average-unreachable-by-criteria", Severity.WARNING,
      "The criteria totals do not add up to the average-criteria target", scope=PLAN)
def average_unreachable_by_criteria(facts: PlanFacts) -> Iterator[Problem]:
    """Counting (commune, criterion met) pairs two ways, the sum of the criteria's
    totals equals the sum over communes of the criteria each meets. So if every
    criterion reaches exactly its total, the average per commune is (sum of the 19
    totals) / communes. A criterion without a stated total counts as at least the
    communes at standard and at most all communes.

    The rule reports when no value between the least and the most meets the average
    target as the plan states it: a floor (at least) that even the most does not reach,
    a ceiling that even the least exceeds, an exact or approximate range outside both. It
    is a warning, since criteria may overshoot their targets.

    Why: The criterion targets and the average target are then two plans that cannot
    both be met exactly: meeting one means missing or overshooting the other. The
    province should know which of its targets is the binding one.

    Example: The 18 stated criterion totals of the 2019 plan add up to 2059; with the
    remaining criterion counted as 60 to 207 communes, the average is 10.24 to 10.95
    criteria per commune, below the target of 11-11.5 (``headline.average_criteria``).

    Fix: Compare the criterion totals with the average target in the source: either some
    totals are too low for the average, or the average is too high. When the file
    reproduces the source as stated, keep it and silence the finding with the reason.
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
    if target.admits(low, high):
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
            "which cannot meet the target of {target}"
        ).format(
            count=len(stated), sum=sum(stated), unstated=unstated, low=num(low), high=num(high),
            missing=len(missing), standard=standard, communes=communes, target=_target_text(target),
        ),
        path="headline.average_criteria",
        expected=_span(low, high),
        actual=_span(target.min, target.max),
    )
