"""The appendix schedule and the references between blocks of the plan."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _, pick
from ntmplan.model.plan import Task, TimingKind
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import PLAN, PlanFacts
from ntmplan.text import suggest
from ntmplan.timing import parse_timing

ROLES = ("directing", "executing", "coordinating")


def agency_references(facts: PlanFacts) -> Iterator[tuple[str, str]]:
    """Every (path, code) where the plan refers to an agency of the registry."""
    plan = facts.plan
    yield "metadata.issuer", plan.metadata.issuer
    yield "metadata.signer.on_behalf_of", plan.metadata.signer.on_behalf_of
    for i, item in enumerate(plan.responsibilities):
        for j, code in enumerate(item.agencies):
            yield f"responsibilities[{i}].agencies[{j}]", code
    for i, commitment in enumerate(plan.commitments):
        for j, code in enumerate(commitment.who.agencies):
            yield f"commitments[{i}].who.agencies[{j}]", code
    for i, agency in enumerate(plan.agencies):
        for j, code in enumerate(agency.stands_for):
            yield f"agencies[{i}].stands_for[{j}]", code
    for s, section in enumerate(plan.schedule.sections):
        for t, task in enumerate(section.tasks):
            for role in ROLES:
                for k, code in enumerate(getattr(task, role).agencies):
                    yield f"schedule.sections[{s}].tasks[{t}].{role}.agencies[{k}]", code


def task_paths(facts: PlanFacts) -> Iterator[tuple[str, str, Task]]:
    """Every (path, section number, task) of the schedule."""
    for s, section in enumerate(facts.plan.schedule.sections):
        for t, task in enumerate(section.tasks):
            yield f"schedule.sections[{s}].tasks[{t}]", section.number, task


@rule("RF01", "unknown-agency", Severity.ERROR, "An agency code is not in the registry", scope=PLAN)
def unknown_agency(facts: PlanFacts) -> Iterator[Problem]:
    """Schedules, responsibilities, commitments, the members of collective bodies
    (``stands_for``) and the plan's metadata name agencies by code (``SO-NNPTNT``); every
    code must be defined under ``agencies``. For an unknown code the message suggests the
    nearest registered one.

    Why: The codes are how ``ntmplan schedule --agency`` finds a department's tasks: a
    task given to an unknown code reaches nobody, and the department it was meant for
    does not see it among its duties.

    Example: ``SO-NNPTN`` in the executing agencies of a task, where ``SO-NNPTNT``
    (Department of Agriculture and Rural Development) is meant.

    Fix: Correct the code to the one suggested, or, if the agency is really new,
    register it under ``agencies`` with its name in both languages.
    """
    known = sorted(facts.plan.agency_codes())
    for path, code in agency_references(facts):
        if code not in known:
            nearest = suggest(code, known, cutoff=0.5)
            hint = _("; did you mean {code}?").format(code=nearest) if nearest else ""
            yield Problem(
                _("agency code {code} is not in the registry{hint}").format(code=code, hint=hint),
                path=path,
                expected=nearest or _("a code listed under 'agencies'"),
                actual=code,
            )


@rule("RF02", "unknown-document", Severity.ERROR, "A reference to a legal document that is not listed", scope=PLAN)
def unknown_document(facts: PlanFacts) -> Iterator[Problem]:
    """Criteria, measures and support schemes cite legal documents by key; each key must be
    one of ``legal_documents``. The message suggests the nearest key.

    Why: A citation that leads nowhere leaves a measure without its legal basis in every
    output that names it, and usually means that a key was mistyped or a document
    dropped from the list.

    Example: A measure citing ``qd-1600-ttg-2061`` where the plan lists
    ``qd-1600-ttg-2016`` (Decision 1600/QĐ-TTg of 16/8/2016).

    Fix: Correct the key, or add the document to ``legal_documents`` with its number,
    date and issuer as the source states them.
    """
    plan = facts.plan
    known = sorted(document.key for document in plan.legal_documents)
    cited = [(f"headline.support_schemes[{i}].basis", s.basis) for i, s in enumerate(plan.headline.support_schemes)]
    cited += [
        (f"{part}[{i}].references[{j}]", key)
        for part, blocks in (("criteria", plan.criteria), ("measures", plan.measures))
        for i, block in enumerate(blocks)
        for j, key in enumerate(block.references)
    ]
    for path, key in cited:
        if key not in known:
            nearest = suggest(key, known, cutoff=0.5)
            hint = _("; did you mean {code}?").format(code=nearest) if nearest else ""
            message = _("legal document {key} is not listed{hint}").format(key=key, hint=hint)
            yield Problem(message, path=path, expected=[nearest] if nearest else known, actual=key)


@rule("RF03", "duplicate-agency", Severity.ERROR, "An agency code is defined twice", scope=PLAN)
def duplicate_agency(facts: PlanFacts) -> Iterator[Problem]:
    """Each code of the agency registry must be defined once.

    Why: With two definitions, references to the code are ambiguous: outputs may show
    either name, and ``schedule --agency`` may list a body's tasks under the wrong name.

    Example: ``SO-TC`` defined as 'Sở Tài chính' and again, further down, as 'Sở Tư
    pháp' (``agencies[12].code``).

    Fix: Keep one definition. If the two entries are different bodies, give the second
    its own code and update the references that mean it.
    """
    seen: set[str] = set()
    for i, agency in enumerate(facts.plan.agencies):
        if agency.code in seen:
            message = _("agency code {code} is defined again").format(code=agency.code)
            yield Problem(message, path=f"agencies[{i}].code", actual=agency.code)
        seen.add(agency.code)


@rule("RF04", "unused-agency", Severity.INFO, "An agency of the registry is never referred to", scope=PLAN)
def unused_agency(facts: PlanFacts) -> Iterator[Problem]:
    """An agency of the registry that no task, responsibility, commitment, collective body
    (``stands_for``) or metadata refers to.

    Why: It is probably left over from an edit, or a task lost its reference to it;
    either way, the agency has no duty of its own in ``ntmplan schedule --agency``.

    Example: ``BPT-THON`` (Village Development Boards) registered although the plan names
    it only inside the text of a duty of IV.8, so that nothing refers to its code.

    Fix: Refer to the agency where the plan gives it a duty, or remove it from the
    registry if the plan does not name it.
    """
    used = {code for _path, code in agency_references(facts)}
    for i, agency in enumerate(facts.plan.agencies):
        if agency.code not in used:
            message = _("agency {code} ({name}) is never referred to").format(
                code=agency.code, name=pick(agency.name.vi, agency.name.en)
            )
            yield Problem(message, path=f"agencies[{i}]")


@rule("SC01", "duplicate-task", Severity.ERROR, "Two tasks share an identifier", scope=PLAN)
def duplicate_task(facts: PlanFacts) -> Iterator[Problem]:
    """Task identifiers ('V.4') must be unique in the schedule; every repeat is
    reported.

    Why: Identifiers are how people, calendars and ``ntmplan diff`` refer to a task: two
    tasks with one identifier mix up their deadlines and responsibilities.

    Example: A second task 'V.4' in section V, copied from the first and not renumbered
    (``schedule.sections[4].tasks[4].id``).

    Fix: Renumber the copied task after its section and position ('V.5'), and the tasks
    after it.
    """
    counts = Counter(task.id for _path, _section, task in task_paths(facts))
    seen: set[str] = set()
    for path, _section, task in task_paths(facts):
        if counts[task.id] > 1 and task.id in seen:
            message = _("task {task} is defined {count} times").format(task=task.id, count=counts[task.id])
            yield Problem(message, path=f"{path}.id", actual=task.id)
        seen.add(task.id)


@rule("SC02", "task-numbering", Severity.WARNING, "A task's identifier or number does not follow its section", scope=PLAN)
def task_numbering(facts: PlanFacts) -> Iterator[Problem]:
    """Within section V the tasks are numbered 1, 2, 3 … and identified V.1, V.2, V.3 ….
    A task whose identifier does not match its section and number, or whose number is
    out of sequence, is reported.

    Why: It usually means that a row was moved or copied without being renumbered, so
    the identifier people quote is not the row they find in the table.

    Example: The first task of section II identified 'I.3'
    (``schedule.sections[1].tasks[0].id``, expected 'II.1').

    Fix: Renumber the task after its section and its position, as the source's table
    does.
    """
    for s, section in enumerate(facts.plan.schedule.sections):
        for t, task in enumerate(section.tasks):
            path = f"schedule.sections[{s}].tasks[{t}]"
            expected_id = f"{section.number}.{task.number}"
            if task.id != expected_id:
                message = _("task {task} stands in section {section} as number {number}").format(
                    task=task.id, section=section.number, number=task.number
                )
                yield Problem(message, path=f"{path}.id", expected=expected_id, actual=task.id)
            if task.number != t + 1:
                message = _("task {task} is number {number} but row {row} of section {section}").format(
                    task=task.id, number=task.number, row=t + 1, section=section.number
                )
                yield Problem(message, path=f"{path}.number", expected=t + 1, actual=task.number)


@rule("SC03", "empty-section", Severity.WARNING, "A section of the schedule has no task", scope=PLAN)
def empty_section(facts: PlanFacts) -> Iterator[Problem]:
    """A section of the schedule without any task.

    Why: The work the heading names then has no one responsible and no date, so nobody
    is reminded of it. Often the rows were lost when the table was copied.

    Example: Section XIII (Information and reporting) with no task
    (``schedule.sections[12].tasks``).

    Fix: Encode the section's tasks from the source's table. If the section of the
    source really has none, remove the heading, or silence the finding with the reason.
    """
    for s, section in enumerate(facts.plan.schedule.sections):
        if not section.tasks:
            yield Problem(
                _("section {section} ({title}) lists no task: nobody is assigned and no time is set").format(
                    section=section.number, title=pick(section.title.vi, section.title.en)
                ),
                path=f"schedule.sections[{s}].tasks",
                expected=_("at least one task"),
                actual=0,
            )


@rule("SC04", "timing-not-understood", Severity.WARNING, "A task's timing text is not a known expression", scope=PLAN)
def timing_not_understood(facts: PlanFacts) -> Iterator[Problem]:
    """The timing column is free text. ``ntmplan`` understands 'Thường xuyên', 'Quý I',
    'Quý II, III', 'Tháng 3, 7', 'Tháng 3-7', 'Tháng 6 và tháng 12', 'Hàng quý', 'Quý
    IV/2019', 'Định kỳ và đột xuất' and 'Căn cứ vào điều kiện thực tế'; any other text
    is reported.

    Why: A timing that cannot be read cannot be checked against the task's normalised
    timing, nor put in a calendar with confidence, so the task's deadline may pass
    unnoticed.

    Example: 'Sớm nhất có thể' or 'Tháng 13' as the timing of a task
    (``schedule.sections[0].tasks[0].timing.text``).

    Fix: Write the timing with one of the expressions above, as close to the source's
    words as they allow; if the source uses a new wording, propose it as an expression
    for ntmplan to learn.
    """
    for path, _section, task in task_paths(facts):
        if parse_timing(task.timing.text) is None:
            yield Problem(
                _("task {task}: the timing '{timing}' is not an expression ntmplan understands").format(
                    task=task.id, timing=task.timing.text
                ),
                path=f"{path}.timing.text",
                expected=_("an expression such as 'Quý II, III' or 'Tháng 3-7'"),
                actual=task.timing.text,
            )


@rule("SC05", "timing-mismatch", Severity.ERROR, "A task's normalised timing disagrees with its text", scope=PLAN)
def timing_mismatch(facts: PlanFacts) -> Iterator[Problem]:
    """Each task keeps its timing verbatim and normalised (kind, months, quarters,
    year), and the normalised form must say what the text says: 'Tháng 3-7' is months 3,
    4, 5, 6, 7.

    Why: The normalised form is what calendars, ``schedule --as-of`` and the 'due this
    month' view use: if it disagrees with the text, a department is reminded in the
    wrong month.

    Example: 'Tháng 3-7' normalised as months 3 and 7 only
    (``schedule.sections[4].tasks[3].timing``).

    Fix: Correct the normalised fields to what the message says the text reads as.
    """
    for path, _section, task in task_paths(facts):
        parsed = parse_timing(task.timing.text)
        if parsed is None:
            continue
        timing = task.timing
        stored = (timing.kind, tuple(timing.months), tuple(timing.quarters), timing.year)
        wanted = (parsed.kind, parsed.months, parsed.quarters, parsed.year)
        if stored != wanted:
            yield Problem(
                _("task {task}: '{timing}' reads as {wanted}, but the plan stores {stored}").format(
                    task=task.id, timing=timing.text, wanted=_describe(*wanted), stored=_describe(*stored)
                ),
                path=f"{path}.timing",
                expected=_describe(*wanted),
                actual=_describe(*stored),
            )


def _describe(kind: TimingKind, months: tuple[int, ...], quarters: tuple[int, ...], year: int | None) -> str:
    text = kind.value
    if months:
        text += " " + ",".join(str(m) for m in months)
    if quarters:
        text += " Q" + ",Q".join(str(q) for q in quarters)
    if year:
        text += " " + _("of {year}").format(year=year)
    return text

