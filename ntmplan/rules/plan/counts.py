"""Commune counts: added + baseline = total, and no total above the province."""

from __future__ import annotations

from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _, pick
from ntmplan.model.plan import CommuneCount
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts


def commune_counts(facts: PlanFacts) -> Iterator[tuple[str, str, CommuneCount]]:
    """Every (path, label, count) of communes the plan targets: the headline and each criterion."""
    yield "headline.standard_communes", _("communes at standard"), facts.plan.headline.standard_communes
    for i, criterion in enumerate(facts.plan.criteria):
        label = _("criterion {number} ({name})").format(
            number=criterion.number, name=pick(criterion.name.vi, criterion.name.en)
        )
        yield f"criteria[{i}].communes", label, criterion.communes


def criteria_below_standard(facts: PlanFacts, figure: str, message: str) -> Iterator[Problem]:
    """A problem for each criterion whose ``figure`` ('start' or 'total') counts fewer communes
    than the headline's communes at standard, who meet every criterion by definition.

    ``message`` is translated, with the fields {number}, {name}, {count} and {standard}.
    """
    standard = getattr(facts.plan.headline.standard_communes, figure)
    if standard is None:
        return
    for i, criterion in enumerate(facts.plan.criteria):
        count = getattr(criterion.communes, figure)
        if count is not None and count < standard:
            name = pick(criterion.name.vi, criterion.name.en)
            yield Problem(
                message.format(number=criterion.number, name=name, count=count, standard=standard),
                path=f"criteria[{i}].communes" + (".total" if figure == "total" else ""),
                expected=f">= {standard}",
                actual=count,
            )


@rule("CT01", "total-above-communes", Severity.ERROR, "A target counts more communes than the province has", scope=PLAN)
def total_above_communes(facts: PlanFacts) -> Iterator[Problem]:
    """No target can count more communes than the province has
    (``metadata.province.communes``, 207 in Lạng Sơn): the baseline, the communes added
    and the total of the headline and of every criterion are checked, and every
    sub-target written as a fraction ('x/207') must not exceed its denominator.

    Why: A count above the number of communes cannot be met by any data, and it usually
    hides a digit too many ('270' for '27') or a figure copied from another column; the
    shares and bands computed from it are wrong too.

    Example: 'nâng tổng số xã đạt tiêu chí lên 217 xã' for one criterion in a province
    of 207 communes (``criteria[2].communes.total``: 217).

    Fix: Correct the count from the source. If the number of communes of the province is
    what changed (communes merged or split), correct ``metadata.province.communes``
    instead.
    """
    communes = facts.plan.metadata.province.communes
    fields = {"baseline": _("the baseline"), "added": _("the communes added"), "total": _("the total")}
    for path, label, count in commune_counts(facts):
        for field in ("baseline", "added", "total"):
            value = getattr(count, field)
            if value is not None and value > communes:
                yield Problem(
                    _("{label}: {field} of {value} communes is more than the {communes} communes of the province").format(
                        label=label, field=fields[field], value=value, communes=communes
                    ),
                    path=f"{path}.{field}",
                    expected=f"<= {communes}",
                    actual=value,
                )
    for i, criterion in enumerate(facts.plan.criteria):
        for j, sub in enumerate(criterion.sub_targets):
            if sub.of is not None and sub.value is not None and sub.value > sub.of:
                yield Problem(
                    _("criterion {number}, {target}: {value} is more than its denominator {of}").format(
                        number=criterion.number, target=pick(sub.description.vi, sub.description.en),
                        value=sub.value, of=sub.of,
                    ),
                    path=f"criteria[{i}].sub_targets[{j}].value",
                    expected=f"<= {sub.of}",
                    actual=sub.value,
                )


@rule("CT02", "added-total-mismatch", Severity.ERROR, "Added and baseline communes do not make the total", scope=PLAN)
def added_total_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """'Có thêm 12 xã ..., nâng tổng số lên 60 xã' means 60 = baseline + 12. Where the
    plan states the baseline, baseline + added must equal the total; where it does not,
    the communes added must not exceed the total (the baseline would be negative).
    Checked for the headline and for every criterion.

    Why: The baseline, the communes added and the total are three statements of one
    year's progress. When they disagree, the districts cannot tell whether the target is
    the total or the increase, and the year's data is measured against an uncertain
    figure.

    Example: A criterion stated as 'có thêm 5 xã, nâng tổng số lên 45 xã' with a
    baseline of 42 (42 + 5 = 47, not 45: ``criteria[4].communes.total``).

    Fix: Compare the three figures with the source and with last year's results, and
    correct the one that is wrong. Leave the baseline out where the source does not
    state it: the rule then only checks that the communes added fit in the total.
    """
    for path, label, count in commune_counts(facts):
        if count.added is None or count.total is None:
            continue
        if count.baseline is not None and count.baseline + count.added != count.total:
            yield Problem(
                _("{label}: baseline {baseline} + added {added} = {sum}, but the total is {total}").format(
                    label=label, baseline=count.baseline, added=count.added, sum=count.baseline + count.added,
                    total=count.total,
                ),
                path=f"{path}.total",
                expected=count.baseline + count.added,
                actual=count.total,
                tolerance=0,
            )
        elif count.added > count.total:
            yield Problem(
                _("{label}: {added} communes added but a total of only {total}").format(
                    label=label, added=count.added, total=count.total
                ),
                path=f"{path}.added",
                expected=f"<= {count.total}",
                actual=count.added,
            )


@rule("CT03", "criterion-baseline-below-standard", Severity.ERROR,
      "A criterion starts the year with fewer communes than are already at standard", scope=PLAN)
def criterion_baseline_below_standard(facts: PlanFacts) -> Iterator[Problem]:
    """A commune at the NTM standard meets all 19 criteria, so at the start of the year
    every criterion is met by at least the communes already at standard. A criterion's
    starting figure is its stated baseline, or total − added where only those are
    stated; the communes at standard at the start are the headline's baseline, or its
    total − added.

    Why: A criterion that starts below the communes already at standard contradicts the
    plan's own figures: either its increase is overstated, which makes its target look
    harder than it is, or its total is too low. The districts plan their work from these
    increases.

    Example: 60 communes at standard with 12 added means 48 at the start; a criterion
    with a total of 55 and 10 added starts at 45, fewer than 48
    (``criteria[4].communes``).

    Fix: Check the criterion's total and increase, and the headline's, against the
    source and last year's results: one of them is wrong.
    """
    yield from criteria_below_standard(facts, "start", _(
        "criterion {number} ({name}) starts the year with {count} communes (total − added), fewer "
        "than the {standard} communes already at standard, which meet every criterion"))


