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
    """A yearly plan is issued in its own year ('năm 2019', dated 22/02/2019). A
    different year usually means the year or the date was copied from another plan.
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
    """A plan can only rest on, or cite, documents that existed when it was signed. A
    legal basis dated after the plan is a wrong date in the source (often the year of
    a document issued in December of the previous year).
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
    """A yearly plan's tasks happen in its year; 'Quý IV/2018' in the 2019 plan is almost
    certainly a copy from last year's plan.
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
