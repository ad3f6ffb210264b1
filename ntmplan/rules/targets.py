"""Target rules: where commune data stands behind the plan's targets.

They read the figures ``ntmplan check`` computed (a ``CheckResult``) and point
at the target's line in the plan file. Their default severity is warning, so
unmet targets are reported without failing a run unless ``--fail-on warning``.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ntmplan.check.result import BEHIND, CheckResult
from ntmplan.findings import JudgedTarget, Severity
from ntmplan.i18n import _, pick
from ntmplan.model.labels import measure_text
from ntmplan.numbers import day, num, range_text
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import TARGETS, TargetContext


def _by_when(result: CheckResult, expected: float | None, target: float | None) -> str:
    if result.basis.as_of and expected is not None and expected != target:
        return _("{expected} expected by {date} ({target} by year-end)").format(
            expected=num(expected, 1), date=day(dt.date.fromisoformat(result.basis.as_of)), target=num(target)
        )
    return _("{target} targeted by year-end").format(target=num(target))


@rule("TG01", "criterion-behind", Severity.WARNING, "Fewer communes meet a criterion than targeted", scope=TARGETS)
def criterion_behind(context: TargetContext) -> Iterator[Problem]:
    """A criterion met by fewer communes than the plan's total for the year (or, with
    ``--as-of``, than the start of the year plus the communes to add, pro-rated to the
    date). The gap is the number of communes still to bring up to the criterion.

    Why: These are the plan's own targets: a criterion behind tells the office, and the
    department in charge of the criterion, where support is needed before the year-end
    review.

    Example: Criterion 15 (Health) met by 107 communes, where the plan targets 133 by
    the year-end: 26 behind (``criteria[14].communes.total``).

    Fix: Direct support to the communes that miss the criterion. If the gap looks wrong,
    check the data first: the data rules report cells that could not be read, which
    count as not met.
    """
    result = context.result
    for item in result.criteria:
        if item.status == BEHIND:
            yield Problem(
                _("criterion {number} ({name}): {actual} communes meet it, {when}: {gap} behind").format(
                    number=item.number, name=pick(item.name_vi, item.name_en), actual=item.actual,
                    when=_by_when(result, item.expected, item.target), gap=num(item.gap, 1),
                ),
                path=item.path,
                expected=item.expected,
                actual=item.actual,
            )


@rule("TG02", "standard-behind", Severity.WARNING, "Fewer communes at the NTM standard than targeted", scope=TARGETS)
def standard_behind(context: TargetContext) -> Iterator[Problem]:
    """The communes meeting all 19 criteria, against the headline's total for the year
    (pro-rated with ``--as-of``). A commune counts when the data shows all 19 criteria
    met, whatever its year of recognition says.

    Why: The number of communes at the NTM standard is the plan's headline, the figure
    the province reports on and is judged by.

    Example: 48 communes meet all 19 criteria, where the plan targets 60 by the
    year-end: 12 behind (``headline.standard_communes.total``).

    Fix: Direct support to the communes closest to the standard (``ntmplan check`` lists
    the communes missing one to three criteria). If the count looks low, check DA13: a
    recognised commune with a cell left empty is counted as not at standard.
    """
    result = context.result
    item = result.standard_communes
    if item.status == BEHIND:
        yield Problem(
            _("{actual} communes meet all 19 criteria, {when}: {gap} behind").format(
                actual=item.actual, when=_by_when(result, item.expected, item.target), gap=num(item.gap, 1)
            ),
            path=item.path,
            expected=item.expected,
            actual=item.actual,
        )


@rule("TG03", "average-behind", Severity.WARNING, "The average number of criteria per commune is below target", scope=TARGETS)
def average_behind(context: TargetContext) -> Iterator[Problem]:
    """The province's average number of criteria met per commune, against the lower end
    of the plan's range ('bình quân 01 xã ... đạt từ 11 – 11,5 tiêu chí').

    Why: The average moves only when communes far from the standard gain criteria, which
    the count of communes at standard does not show; it is the headline target for the
    communes furthest behind.

    Example: Communes meet 9.87 criteria on average; the plan targets 11-11.5
    (``headline.average_criteria``).

    Fix: Support the communes of the lowest bands. If the plan's own criterion totals
    cannot reach the average (FE03 says so), the gap will remain even when every
    criterion target is met.
    """
    item = context.result.average_criteria
    if item.status == BEHIND:
        yield Problem(
            _("communes meet {actual} criteria on average; the plan targets {low}-{high}").format(
                actual=num(item.actual), low=num(item.target_min), high=num(item.target_max)
            ),
            path=item.path,
            expected=item.target_min,
            actual=item.actual,
        )


@rule("TG04", "group-behind", Severity.WARNING, "A group of communes is behind its target", scope=TARGETS)
def group_behind(context: TargetContext) -> Iterator[Problem]:
    """Group targets: the average criteria of the border communes and of the
    special-difficulty pilot communes, the advanced-set average of the communes at
    standard, the model residential areas of each commune at standard. A target due in a
    later year is not reported.

    Why: The groups are the plan's priorities, for the communes furthest behind and for
    those already ahead; a group behind needs support of its own, which the
    province-wide figures hide.

    Example: The 20 border communes average 8.85 criteria, where the plan targets 9.5-10
    (``headline.groups[1].target``).

    Fix: Direct the group's support to its communes furthest behind. Check first that
    the flags of the data mark the communes the plan means (DA16, DA18).
    """
    for item in context.result.groups:
        if item.status != BEHIND:
            continue
        if item.aggregate == "average":
            figure = _("average {actual}").format(actual=num(item.actual))
        else:
            figure = _("{compliant} of {communes} communes reach {target}").format(
                compliant=item.compliant, communes=item.communes_found, target=num(item.target_min)
            )
        yield Problem(
            _("{group} ({communes} communes): {figure}; target {target} {measure}").format(
                group=pick(item.name_vi, item.name_en), communes=item.communes_found, figure=figure,
                target=range_text(item.target_min, item.target_max), measure=measure_text(item.measure),
            ),
            path=item.path,
            expected=item.target_min,
            actual=item.actual if item.aggregate == "average" else item.compliant,
        )


@rule("TG05", "band-off-target", Severity.INFO, "A band holds another number of communes than planned", scope=TARGETS)
def band_off_target(context: TargetContext) -> Iterator[Problem]:
    """The distribution of communes over the plan's bands of criteria met, against the
    counts planned for the year-end.

    Why: Information only: a band can be over its count because communes have not yet
    moved up, or under it because they already have. It shows where the communes stand
    on the way to the year-end.

    Example: 130 communes have 5-9 criteria, where the plan counts 110 at the year-end
    (``headline.bands[3].count``, +20).

    Fix: Nothing to correct in the files. Watch the bands that are over their count at
    the bottom of the scale: their communes must move up for the other targets to be
    met.
    """
    for item in context.result.bands:
        if item.difference:
            label = num(item.min) if item.min == item.max else f"{num(item.min)}-{num(item.max)}"
            yield Problem(
                _("{actual} communes have {label} criteria; the plan counts {target} ({difference})").format(
                    actual=item.actual, label=label, target=item.target, difference=f"{item.difference:+d}"
                ),
                path=item.path,
                expected=item.target,
                actual=item.actual,
            )


def judged_targets(result: CheckResult) -> list[JudgedTarget]:
    """Every target of the plan these rules judged, with its status: what JUnit lists as test cases."""
    plan = result.plan_file
    cases = [JudgedTarget("TG01", f"criterion {c.number} {c.name_en}", c.path, plan, c.status) for c in result.criteria]
    standard, average = result.standard_communes, result.average_criteria
    cases.append(JudgedTarget("TG02", "communes at standard", standard.path, plan, standard.status))
    cases.append(JudgedTarget("TG03", "average criteria per commune", average.path, plan, average.status))
    cases += [JudgedTarget("TG04", f"group {g.key}", g.path, plan, g.status) for g in result.groups]
    cases += [
        JudgedTarget("TG05", f"band {b.min:g}-{b.max:g} criteria", b.path, plan,
                     "met" if b.difference == 0 else "off-target")
        for b in result.bands
    ]
    return cases
