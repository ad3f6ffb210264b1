"""Target rules: where commune data stands behind the plan's targets.

They read the figures ``ntmplan check`` computed (a ``CheckResult``) and point
at the target's line in the plan file. Their default severity is warning, so
unmet targets are reported without failing a run unless ``--fail-on warning``.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ntmplan.check.result import (
    BATCHES,
    BEHIND,
    NO_START,
    OPEN,
    PRO_RATA,
    AverageStatus,
    CheckResult,
    CommuneGap,
    GroupStatus,
    Pace,
)
from ntmplan.findings import JudgedTarget, Severity
from ntmplan.i18n import Lang, _, ngettext, pick
from ntmplan.model.labels import compared, measure_text
from ntmplan.numbers import day, num, range_text
from ntmplan.rules.plan.feasibility import criteria_totals_average
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import TARGETS, TargetContext

NAMED = 5  # communes named in a message; the rest are counted


def _reported(status: str, reason: str | None) -> bool:
    """A target is reported when it is behind, or open because the start of the year is unknown."""
    return status == BEHIND or (status == OPEN and reason == NO_START)


def _date(result: CheckResult) -> str:
    return day(dt.date.fromisoformat(result.basis.as_of))


def _severity(status: str) -> Severity | None:
    """A target missed or off pace keeps the rule's severity; one still open is information."""
    return Severity.INFO if status == OPEN else None


def _to_go(result: CheckResult, gap: float | None) -> str:
    """'11 to go in 6 months' during the year, '11 short' once it is over."""
    if result.basis.during_year:
        return _("{gap} to go in {months} months").format(gap=num(gap), months=num(result.basis.months_left, 1))
    return _("{gap} short").format(gap=num(gap))


def _pace_text(pace: Pace, actual: float) -> str:
    return _(
        "since the start of the year {start} → {actual} ({per_month} a month, {needed} a month needed), "
        "which leads to {projected} by the year-end"
    ).format(start=num(pace.start), actual=num(actual), per_month=num(pace.per_month), needed=num(pace.needed_per_month),
             projected=num(pace.projected))


def _target(item: AverageStatus | GroupStatus) -> str:
    """The target as the plan states it: '11-11.5' for a floor, 'at most 5', 'about 10'."""
    shown = range_text(item.target_min, item.target_max)
    return shown if item.comparison == "at-least" else compared(shown, item.comparison)


def _no_start() -> str:
    return _("the start of the year is unknown (the plan does not state it, and no start-of-year round is given "
             "with --since)")


def _communes(communes: list[CommuneGap]) -> str:
    """'Tân Việt (06130), Vạn Thủy (06331)' and how many more."""
    named = ", ".join(f"{c.name} ({c.code})" for c in communes[:NAMED])
    more = len(communes) - NAMED
    return named + (_(" and {count} more").format(count=more) if more > 0 else "")


@rule("TG01", "criterion-behind", Severity.WARNING, "Fewer communes meet a criterion than targeted", scope=TARGETS)
def criterion_behind(context: TargetContext) -> Iterator[Problem]:
    """A criterion met by fewer communes than the plan's total for the year. During the
    year (``--as-of``), a criterion whose pace since the start of the year does not lead
    to its total by the year-end (with ``--basis pro-rata``: one below the count
    pro-rated to the date); one whose start of the year is unknown is information.

    Why: These are the plan's own targets: a criterion behind tells the office, and the
    department in charge of the criterion, where support is needed before the year-end
    review. A pace says it in June, when there is still time to act.

    Example: Criterion 2 (Transport) met by 50 communes on 30 June, where the plan targets
    61 by the year-end; 49 at the start of the year lead to 51 at that pace
    (``criteria[1].communes.total``).

    Fix: Direct support to the communes that miss the criterion. If the gap looks wrong,
    check the data first: the data rules report cells that could not be read, which
    count as not met.
    """
    result = context.result
    for item in result.criteria:
        if not _reported(item.status, item.reason):
            continue
        name = ngettext("criterion {number} ({name}): {actual} commune meets it",
                        "criterion {number} ({name}): {actual} communes meet it", item.actual).format(
            number=item.number, name=pick(item.name_vi, item.name_en), actual=item.actual)
        if result.basis.name == PRO_RATA and result.basis.during_year:
            if item.status == OPEN:
                detail = _("{target} targeted by the year-end; it cannot be pro-rated: {why}").format(
                    target=item.target, why=_no_start())
            else:
                detail = _("{expected} expected by {date} on the pro-rata basis ({target} by the year-end): "
                           "{gap} behind").format(expected=item.expected, date=_date(result), target=item.target,
                                                  gap=item.gap)
        else:
            detail = _("{target} targeted by the year-end: {to_go}").format(
                target=item.target, to_go=_to_go(result, item.gap))
            if item.pace is not None:
                detail += "; " + _pace_text(item.pace, item.actual)
            elif item.reason == NO_START:
                detail += "; " + _("{why}, so no pace can be told").format(why=_no_start())
        yield Problem(f"{name}, {detail}", path=item.path, expected=item.expected, actual=item.actual,
                      severity=_severity(item.status))


@rule("TG02", "standard-behind", Severity.WARNING, "Fewer communes at the NTM standard than targeted", scope=TARGETS)
def standard_behind(context: TargetContext) -> Iterator[Problem]:
    """The communes at the standard (recognised, and meeting all 19 criteria), against the
    headline's total for the year. Recognition comes in batches: during the year the
    finding is information, saying how many more communes must be recognised, which
    communes meet all 19 criteria without being recognised yet, and which recognised
    communes have fallen below the standard.

    Why: The number of communes at the NTM standard is the plan's headline, the figure
    the province reports on and is judged by.

    Example: 49 communes are at the standard on 30 June, where the plan targets 60 by the
    year-end: 11 more must be recognised; Tràng Phái (06316) has fallen below the
    standard (``headline.standard_communes.total``).

    Fix: Send the candidates' files for appraisal, and direct support to the communes
    closest to the standard (``ntmplan check`` lists those missing one to three
    criteria). If the count looks low, check DA13 and DA14.
    """
    result = context.result
    item = result.standard_communes
    if not (item.status == BEHIND or (item.status == OPEN and item.reason == BATCHES)):
        return
    if item.recognition:
        now = ngettext("{actual} commune is at the NTM standard (recognised, meeting all 19 criteria)",
                       "{actual} communes are at the NTM standard (recognised, meeting all 19 criteria)", item.actual)
    else:
        now = ngettext("{actual} commune meets all 19 criteria (the data gives no year of recognition)",
                       "{actual} communes meet all 19 criteria (the data gives no year of recognition)", item.actual)
    parts = [now.format(actual=item.actual) + ", " + _("{target} targeted by the year-end").format(target=item.target)]
    if result.basis.during_year:
        parts.append(ngettext("{count} more must be recognised in {months} months",
                              "{count} more must be recognised in {months} months", item.to_recognise).format(
            count=item.to_recognise, months=num(result.basis.months_left, 1)))
    else:
        parts.append(_("{gap} short").format(gap=item.gap))
    if item.recognition:
        if result.candidates:
            parts.append(ngettext("{count} commune meets all 19 criteria but is not yet recognised: {communes}",
                                  "{count} communes meet all 19 criteria but are not yet recognised: {communes}",
                                  len(result.candidates)).format(count=len(result.candidates),
                                                                 communes=_communes(result.candidates)))
        else:
            parts.append(_("no commune meets all 19 criteria without being recognised yet"))
    if result.fallen_below_standard:
        parts.append(ngettext(
            "{count} recognised commune has fallen below the standard and is not counted: {communes}",
            "{count} recognised communes have fallen below the standard and are not counted: {communes}",
            len(result.fallen_below_standard)).format(count=len(result.fallen_below_standard),
                                                      communes=_communes(result.fallen_below_standard)))
    yield Problem("; ".join(parts), path=item.path, expected=item.target, actual=item.actual,
                  severity=_severity(item.status))


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
    result = context.result
    item = result.average_criteria
    if not _reported(item.status, item.reason):
        return
    parts = [_("communes meet {actual} criteria on average; the plan targets {target} by the year-end").format(
        actual=num(item.actual), target=_target(item))]
    if item.pace is not None:
        parts.append(_pace_text(item.pace, item.actual))
    elif item.reason == NO_START:
        parts.append(_("{why}, so no pace can be told").format(why=_no_start()))
    high = criteria_totals_average(context.loaded.plan)[1]
    if item.comparison != "at-most" and high < item.target_min:
        parts.append(_(
            "the plan's own criterion totals allow an average of at most {high} (FE03 average-unreachable-by-criteria): "
            "{target} cannot be reached even if every criterion reaches its total").format(
            high=num(high), target=_target(item)))
    yield Problem("; ".join(parts), path=item.path, expected=item.target_min, actual=item.actual,
                  severity=_severity(item.status))


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
    result = context.result
    for item in result.groups:
        if not _reported(item.status, item.reason):
            continue
        group, target = pick(item.name_vi, item.name_en), _target(item)
        if item.aggregate == "average":
            message = _("{group} ({communes} communes): average {actual}; target {target} {measure} by the "
                        "year-end").format(group=group, communes=item.communes_found, actual=num(item.actual),
                                           target=target, measure=measure_text(item.measure))
            expected, actual = item.target_min, item.actual
        else:  # each commune must reach the target: communes against communes, never against the target itself
            message = _("{group}: {compliant} of its {communes} communes have at least {least}; the target is "
                        "all {communes}, each with {target} {measure}, by the year-end").format(
                group=group, compliant=item.compliant, communes=item.communes_found, least=num(item.target_min),
                measure=measure_text(item.measure), target=target)
            expected, actual = item.communes_found, item.compliant
        if item.pace is not None:
            message += "; " + _pace_text(item.pace, actual)
        elif item.reason == NO_START:
            message += "; " + _("{why}, so no pace can be told").format(why=_no_start())
        yield Problem(message, path=item.path, expected=expected, actual=actual, severity=_severity(item.status))


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
    plan = context.loaded.plan
    for item in context.result.bands:
        if not item.difference:
            continue
        label = range_text(item.min, item.max)
        if item.outside:
            message = ngettext(
                "{actual} commune has {label} criteria, which no band of the plan covers; the plan's bands leave "
                "{target} of the {communes} communes for it ({difference})",
                "{actual} communes have {label} criteria, which no band of the plan covers; the plan's bands leave "
                "{target} of the {communes} communes for it ({difference})", item.actual).format(
                actual=item.actual, label=label, target=item.target, communes=plan.metadata.province.communes,
                difference=f"{item.difference:+d}")
        else:
            message = ngettext("{actual} commune has {label} criteria; the plan counts {target} ({difference})",
                               "{actual} communes have {label} criteria; the plan counts {target} ({difference})",
                               item.actual).format(
                actual=item.actual, label=label, target=item.target, difference=f"{item.difference:+d}")
        yield Problem(message, path=item.path, expected=item.target, actual=item.actual)


def judged_targets(result: CheckResult) -> list[JudgedTarget]:
    """Every target of the plan these rules judged, with its status: what JUnit lists as test cases."""
    plan = result.plan_file
    cases = [JudgedTarget("TG01", f"criterion {c.number} {c.name_en}", c.path, plan, c.status) for c in result.criteria]
    standard, average = result.standard_communes, result.average_criteria
    cases.append(JudgedTarget("TG02", "communes at standard", standard.path, plan, standard.status))
    cases.append(JudgedTarget("TG03", "average criteria per commune", average.path, plan, average.status))
    cases += [JudgedTarget("TG04", f"group {g.key}", g.path, plan, g.status) for g in result.groups]
    cases += [
        JudgedTarget("TG05", f"band {range_text(b.min, b.max, Lang.en)} criteria" + (" (outside every band)" if b.outside
                                                                                     else ""), b.path, plan,
                     "not-judged" if b.difference is None else "met" if b.difference == 0 else "off-target")
        for b in result.bands
    ]
    return cases
