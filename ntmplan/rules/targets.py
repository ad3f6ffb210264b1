"""Target rules: where commune data stands behind the plan's targets.

They read the figures ``ntmplan check`` computed (a ``CheckResult``) and point
at the target's line in the plan file. Their default severity is warning, so
unmet targets are reported without failing a run unless ``--fail-on warning``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ntmplan.check.result import BEHIND, CheckResult
from ntmplan.findings import Severity
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.tolerance import show


@dataclass(frozen=True)
class TargetContext:
    result: CheckResult


def _by_when(result: CheckResult, expected: float | None, target: float | None) -> str:
    if result.basis.as_of and expected is not None and expected != target:
        return f"{show(expected, 1)} expected by {result.basis.as_of} ({show(target)} by year-end)"
    return f"{show(target)} targeted by year-end"


@rule("TG01", "criterion-behind", Severity.WARNING, "Fewer communes meet a criterion than targeted", "targets")
def criterion_behind(context: TargetContext) -> Iterator[Problem]:
    """A criterion met by fewer communes than the plan's total for the year (or, with
    ``--as-of``, than the start of the year plus the communes to add, pro-rated to
    the date). The gap is the number of communes still to bring up to the criterion.
    """
    result = context.result
    for item in result.criteria:
        if item.status == BEHIND:
            yield Problem(
                f"criterion {item.number} ({item.name_en}): {item.actual} communes meet it, "
                f"{_by_when(result, item.expected, item.target)}: {show(item.gap, 1)} behind",
                path=item.path,
                expected=item.expected,
                actual=item.actual,
            )


@rule("TG02", "standard-behind", Severity.WARNING, "Fewer communes at the NTM standard than targeted", "targets")
def standard_behind(context: TargetContext) -> Iterator[Problem]:
    """Communes meeting all 19 criteria, against the headline's total for the year
    (pro-rated with ``--as-of``). A commune counts when the data shows all 19
    criteria met, whatever its recognition year says.
    """
    result = context.result
    item = result.standard_communes
    if item.status == BEHIND:
        yield Problem(
            f"{item.actual} communes meet all 19 criteria, {_by_when(result, item.expected, item.target)}: "
            f"{show(item.gap, 1)} behind",
            path=item.path,
            expected=item.expected,
            actual=item.actual,
        )


@rule("TG03", "average-behind", Severity.WARNING, "The average number of criteria per commune is below target", "targets")
def average_behind(context: TargetContext) -> Iterator[Problem]:
    """The province's average number of criteria met per commune against the lower end
    of the plan's range ('bình quân 01 xã ... đạt từ 11 – 11,5 tiêu chí').
    """
    item = context.result.average_criteria
    if item.status == BEHIND:
        yield Problem(
            f"communes meet {show(item.actual)} criteria on average; the plan targets "
            f"{show(item.target_min)}-{show(item.target_max)}",
            path=item.path,
            expected=item.target_min,
            actual=item.actual,
        )


@rule("TG04", "group-behind", Severity.WARNING, "A group of communes is behind its target", "targets")
def group_behind(context: TargetContext) -> Iterator[Problem]:
    """Group targets: the average criteria of the border communes and of the
    special-difficulty pilot communes, the advanced-set average of the communes at
    standard, the model residential areas of each commune at standard. A target due
    in a later year is not reported.
    """
    for item in context.result.groups:
        if item.status != BEHIND:
            continue
        if item.aggregate == "average":
            figure = f"average {show(item.actual)}"
        else:
            figure = f"{item.compliant} of {item.communes_found} communes reach {show(item.target_min)}"
        yield Problem(
            f"{item.name_en} ({item.communes_found} communes): {figure}; target "
            f"{show(item.target_min)}-{show(item.target_max)} {item.measure.replace('-', ' ')}",
            path=item.path,
            expected=item.target_min,
            actual=item.actual if item.aggregate == "average" else item.compliant,
        )


@rule("TG05", "band-off-target", Severity.INFO, "A band holds another number of communes than planned", "targets")
def band_off_target(context: TargetContext) -> Iterator[Problem]:
    """The distribution of communes over the plan's bands of criteria met, against the
    planned counts for the year-end. Information only: a band can be over its count
    because communes have not yet moved up, or under it because they already have.
    """
    for item in context.result.bands:
        if item.difference:
            label = show(item.min) if item.min == item.max else f"{show(item.min)}-{show(item.max)}"
            yield Problem(
                f"{item.actual} communes have {label} criteria; the plan counts {item.target} "
                f"({item.difference:+d})",
                path=item.path,
                expected=item.target,
                actual=item.actual,
            )
