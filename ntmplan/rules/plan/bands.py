"""The distribution of communes by number of criteria met (the four bands of I.1)."""

from __future__ import annotations

from typing import Iterator

from ntmplan.figures import show
from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.model.plan import CRITERIA, Band
from ntmplan.numbers import range_text
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts
from ntmplan.targets.result import criteria_text


def band_label(band: Band) -> str:
    return criteria_text(band.criteria.min, band.criteria.max)


def top(band: Band) -> float:
    """The most criteria a band holds: its upper end, or all 19 for an open band ('15 or more')."""
    return band.criteria.upper_or(CRITERIA)


def ordered_bands(facts: PlanFacts) -> list[tuple[int, Band]]:
    """Bands with their index in the file, from the lowest range up."""
    return sorted(enumerate(facts.plan.headline.bands), key=lambda item: (item[1].criteria.min, top(item[1])))


@rule("BD01", "bands-count-mismatch", Severity.ERROR, "The bands' counts do not add up to the province's communes", scope=PLAN)
def bands_count_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """The bands of communes by number of criteria met ('Số xã đạt 10-14 tiêu chí có
    35/207 xã') must add up to the communes of the province (207 in Lạng Sơn) when they
    cover the whole scale from 0 to 19 criteria, and to no more than that when they do
    not.

    Why: Every commune has some number of criteria met, so it belongs to exactly one
    band. Counts that add up to more, or to fewer when the bands cover every number,
    mean that a band's count was mistyped, and the shares of the bands and the average
    they allow are wrong too.

    Example: Bands of 60 + 2 + 35 + 112 = 209 communes in a province of 207
    (``headline.bands``).

    Fix: Recount the bands from the latest review of the communes and correct the count
    that is wrong; the message shows how the counts add up.
    """
    bands = facts.plan.headline.bands
    if not bands:
        return
    communes = facts.plan.metadata.province.communes
    total = sum(band.count for band in bands)
    covered = {n for band in bands for n in _criteria_in(band)}
    whole_scale = covered >= set(range(CRITERIA + 1))
    sums = " + ".join(str(band.count) for band in bands)
    if total > communes or (whole_scale and total != communes):
        yield Problem(
            _("the bands count {sums} = {total} communes, but the province has {communes}").format(
                sums=sums, total=total, communes=communes
            ),
            path="headline.bands",
            expected=communes,
            actual=total,
            tolerance=0,
        )


@rule("BD02", "bands-overlap", Severity.ERROR, "Two bands claim the same number of criteria", scope=PLAN)
def bands_overlap(facts: PlanFacts) -> Iterator[Problem]:
    """No two bands may claim the same number of criteria: a commune with 15 criteria
    cannot be counted both in '10-15' and in '15-18'. Reported at the higher band of
    each overlapping pair.

    Why: A commune in the overlap is counted twice, so the bands no longer add up to the
    communes, and the districts cannot tell in which band to report it.

    Example: Bands '15-18 tiêu chí' and '10-15 tiêu chí' both claim 15 criteria
    (``headline.bands[1].criteria``).

    Fix: Start each band one above the end of the band below it ('10-14', '15-18'), as
    the 2019 plan does.
    """
    bands = ordered_bands(facts)
    for (_index, lower), (index, upper) in zip(bands, bands[1:]):
        if upper.criteria.min <= top(lower):
            yield Problem(
                _("the band of {upper} overlaps the band of {lower}").format(
                    upper=band_label(upper), lower=band_label(lower)
                ),
                path=f"headline.bands[{index}].criteria",
                expected=f"min > {show(top(lower))}",
                actual=upper.criteria.min,
            )


@rule("BD03", "bands-gap", Severity.WARNING, "The bands leave a hole inside their scale", scope=PLAN)
def bands_gap(facts: PlanFacts) -> Iterator[Problem]:
    """Between the lowest and the highest band, every number of criteria must belong to
    a band. Numbers below the lowest band or above the highest are reported by BD04
    instead.

    Why: Communes with a number of criteria in the hole are counted nowhere: the bands
    cannot add up to the communes, and the check of the data has no band to put those
    communes in.

    Example: Bands '15-18' and '10-13 tiêu chí' leave communes with 14 criteria in no
    band (``headline.bands[1].criteria``).

    Fix: Extend one of the two bands to close the hole (usually a typo in a band's
    limits) and check that the counts still add up.
    """
    bands = ordered_bands(facts)
    for (_index, lower), (index, upper) in zip(bands, bands[1:]):
        first, last = int(top(lower)) + 1, int(upper.criteria.min) - 1
        if first <= last:
            hole = range_text(first, last)
            yield Problem(
                _("no band covers communes with {hole} criteria (between {lower} and {upper})").format(
                    hole=hole, lower=band_label(lower), upper=band_label(upper)
                ),
                path=f"headline.bands[{index}].criteria",
                expected=f"min = {int(top(lower)) + 1}",
                actual=upper.criteria.min,
            )


@rule("BD04", "criteria-outside-bands", Severity.INFO, "Some numbers of criteria fall outside every band", scope=PLAN)
def criteria_outside_bands(facts: PlanFacts) -> Iterator[Problem]:
    """The scale runs from 0 to 19 criteria. Numbers below the lowest band or above the
    highest belong to no band, so the plan says nothing about the communes there.

    Why: This is worth knowing rather than wrong: when the bands' counts add up to all
    the communes, the plan implies that no commune is expected outside them, which the
    districts' data may contradict.

    Example: The lowest band of the 2019 plan is 'từ 5-9 tiêu chí', so communes with 0-4
    criteria fall in no band (``headline.bands[3].criteria``).

    Fix: Nothing needs fixing when the plan leaves the range out on purpose. If communes
    are expected there, add the band with its count, so that the counts and the average
    can be checked.
    """
    bands = ordered_bands(facts)
    if not bands:
        return
    index_low, lowest = bands[0]
    index_high, highest = bands[-1]
    if lowest.criteria.min > 0:
        yield Problem(
            _("communes with {criteria} fall in no band; the bands imply none is expected there").format(
                criteria=criteria_text(0, int(lowest.criteria.min) - 1)
            ),
            path=f"headline.bands[{index_low}].criteria",
            expected="min = 0",
            actual=lowest.criteria.min,
        )
    if top(highest) < CRITERIA:
        yield Problem(
            _("communes with {criteria} fall in no band").format(criteria=criteria_text(int(top(highest)) + 1, CRITERIA)),
            path=f"headline.bands[{index_high}].criteria",
            expected=f"max = {CRITERIA}",
            actual=highest.criteria.max,
        )


@rule("BD05", "top-band-headline-mismatch", Severity.ERROR, "The band of all 19 criteria disagrees with the headline", scope=PLAN)
def top_band_headline_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """A commune meeting all 19 criteria is a commune at the NTM standard, so the band
    '19 tiêu chí' must count exactly the headline's communes at standard.

    Why: The two figures state the same target twice. If they differ, the province
    announces one number of communes at standard in its headline and another in its
    breakdown, and no data can meet both.

    Example: 'nâng tổng số xã đạt chuẩn lên 60 xã' in the headline, but 'Số xã đạt 19
    tiêu chí có 61/207 xã' in the bands (``headline.bands[0].count``).

    Fix: Correct the figure that the source got wrong, so that both state the same
    number.
    """
    total = facts.plan.headline.standard_communes.total
    for index, band in enumerate(facts.plan.headline.bands):
        if total is not None and band.criteria.min == top(band) == CRITERIA and band.count != total:
            yield Problem(
                _(
                    "the band of {criteria} criteria counts {count} communes, but the headline targets {total} "
                    "communes at standard"
                ).format(criteria=CRITERIA, count=band.count, total=total),
                path=f"headline.bands[{index}].count",
                expected=total,
                actual=band.count,
                tolerance=0,
            )


def _criteria_in(band: Band) -> range:
    return range(int(band.criteria.min), int(top(band)) + 1)
