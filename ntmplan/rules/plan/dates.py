"""Dates of the plan and of the documents it rests on."""

from __future__ import annotations

from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.numbers import day
from ntmplan.rules.plan.schedule import task_paths
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts


@rule("DT01", "plan-year-mismatch", Severity.WARNING, "The plan's year differs from the year of its date", scope=PLAN)
def plan_year_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """A yearly plan is issued in its own year ('năm 2019', dated 22/02/2019):
    ``metadata.year`` must be the year of ``metadata.date``.

    Why: A different year usually means that the year or the date was copied from
    another plan, and the date checks of the tasks and documents, like the pro-rating of
    ``--as-of``, depend on both.

    Example: A plan for 2020 (``metadata.year``: 2020) dated 22/02/2019, the date of the
    2019 plan.

    Fix: Correct the year or the date from the plan's header ('Lạng Sơn, ngày 22 tháng
    02 năm 2019'). A plan issued in December for the next year is the usual exception:
    silence the finding with that reason.
    """
    metadata = facts.plan.metadata
    if metadata.year != metadata.date.year:
        yield Problem(
            _("the plan is for {year} but dated {date}").format(year=metadata.year, date=day(metadata.date)),
            path="metadata.year",
            expected=metadata.date.year,
            actual=metadata.year,
        )


@rule("DT02", "document-after-plan", Severity.ERROR, "A cited document is dated after the plan itself", scope=PLAN)
def document_after_plan(facts: PlanFacts) -> Iterator[Problem]:
    """Every document of ``legal_documents`` must be dated on or before the plan's own
    date (by year where only the year is known).

    Why: A plan can only rest on, or cite, documents that existed when it was signed. A
    document dated after the plan is a wrong date in the source, often the year of a
    document issued in December of the previous year.

    Example: The 2019 plan cites 'Nghị quyết số 12/NQ-HĐND ngày 10/12/2019', more than
    nine months after its own date of 22/02/2019 (``legal_documents[3].date``);
    10/12/2018 was most likely meant.

    Fix: Check the document's date in the official gazette. When the file reproduces the
    source as stated, keep the date and silence the finding with the reason.
    """
    metadata = facts.plan.metadata
    for i, document in enumerate(facts.plan.legal_documents):
        if document.date is not None and document.date > metadata.date:
            template = (
                _("legal basis {document} is dated {date}, after the plan's own date {plan_date}")
                if document.basis
                else _("document cited {document} is dated {date}, after the plan's own date {plan_date}")
            )
            yield Problem(
                template.format(
                    document=document.number or document.title.vi, date=day(document.date),
                    plan_date=day(metadata.date),
                ),
                path=f"legal_documents[{i}].date",
                expected=f"<= {metadata.date.isoformat()}",
                actual=document.date.isoformat(),
            )
        elif document.date is None and document.year is not None and document.year > metadata.date.year:
            yield Problem(
                _("document {document} is of {year}, after the plan's year {plan_year}").format(
                    document=document.title.vi, year=document.year, plan_year=metadata.date.year
                ),
                path=f"legal_documents[{i}].year",
                expected=f"<= {metadata.date.year}",
                actual=document.year,
            )


@rule("DT03", "timing-outside-year", Severity.WARNING, "A task is dated in another year than the plan's", scope=PLAN)
def timing_outside_year(facts: PlanFacts) -> Iterator[Problem]:
    """A task whose normalised timing names another year than the plan's.

    Why: A yearly plan's tasks happen in its year. A task dated in another year is
    almost certainly copied from last year's plan, and it would never come due in this
    year's calendar.

    Example: 'Quý IV/2018' in the 2019 plan
    (``schedule.sections[0].tasks[0].timing.year``: 2018).

    Fix: Correct the year of the timing, in its text and its normalised form, after
    checking the source.
    """
    year = facts.plan.metadata.year
    for path, _section, task in task_paths(facts):
        if task.timing.year is not None and task.timing.year != year:
            yield Problem(
                _("task {task} is dated '{timing}', outside the plan's year {year}").format(
                    task=task.id, timing=task.timing.text, year=year
                ),
                path=f"{path}.timing.year",
                expected=year,
                actual=task.timing.year,
            )
