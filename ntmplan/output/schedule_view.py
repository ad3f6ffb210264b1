"""Rich rendering of ``ntmplan schedule``: the appendix by section, at a date, in a period, for an agency.

Every task, group and month comes from the ``ScheduleResult``; this module
chooses words and formats months in the reader's language.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.text import Text

from ntmplan import numbers
from ntmplan.i18n import N_, Lang, translate
from ntmplan.output.console import Table
from ntmplan.output.view import View
from ntmplan.schedule.agenda import (
    DUE,
    DUE_BY,
    IN_PERIOD,
    NEXT,
    NO_FIXED_TIME,
    ONGOING,
    PAST_DUE,
    ROLES,
    SECTION,
    CommitmentRow,
    Group,
    IcsReport,
    ScheduleResult,
    TaskRow,
)
from ntmplan.schedule.periods import Month

LABELS = {
    "title": N_("Schedule of {plan} ({file})"),
    "agency": N_("Tasks of {code}: {name}"),
    "collectives": N_("and the tasks given to a body that includes it: {names}"),
    "through": N_("(✓) through {names}"),
    "id": N_("Task"),
    "content": N_("Content"),
    "directing": N_("Directing"),
    "executing": N_("Executing"),
    "coordinating": N_("Coordinating"),
    "timing": N_("Timing → normalised"),
    DUE: N_("Due in {month}"),
    NEXT: N_("Due next month, {month}"),
    ONGOING: N_("Ongoing and periodic"),
    PAST_DUE: N_("Past due (last month has passed)"),
    NO_FIXED_TIME: N_("No fixed time"),
    IN_PERIOD: N_("Due in {period}"),
    "as_of": N_("As of {date}"),
    "none": N_("none"),
    "not_shown": N_("{count} other task(s) (due later, or outside the plan year) not shown."),
    "outside": N_("{count} other task(s) (outside this period) not shown."),
    "ics": N_("Wrote {events} event(s) for {tasks} task(s) to {file}."),
    "undated": N_("Not in the calendar (no fixed date): {tasks}."),
    "commitments": N_("Commitments without a figure"),
    "source": N_("Part"),
    "who": N_("Who"),
    "what": N_("What"),
    "communes": N_("Communes concerned"),
    "year": N_("Year"),
    "year_not_stated": N_("not stated"),
}
KIND_TEXT = {
    "ongoing": N_("all year"),
    "every-quarter": N_("every quarter, by the quarter's last day"),
    "periodic-and-ad-hoc": N_("periodic and ad hoc"),
    "on-condition": N_("as conditions allow"),
}
GROUP_STYLE = {DUE: "bold green", NEXT: "bold cyan", ONGOING: "bold", PAST_DUE: "bold yellow",
               NO_FIXED_TIME: "bold dim", IN_PERIOD: "bold green"}


def _label(key: str, lang: Lang, **values: object) -> str:
    return translate(LABELS[key], lang).format(**values)


def normalised(task: TaskRow, lang: Lang, month: Month | None = None) -> str:
    """The machine reading of the timing, in words: 'Mar–Jul 2019', 'Q2, Q3 2019 (Apr–Sep 2019)'.

    A quarterly task due in ``month`` (the month of its group) says by when: 'due by 30/06/2019'.
    """
    if task.quarterly:
        text = translate(KIND_TEXT[task.kind], lang)
        deadline = task.deadline_in([month]) if month else task.due_by
        return f"{text}\n{translate(DUE_BY, lang).format(date=numbers.date_text(deadline, lang))}" if deadline else text
    if task.kind == "quarters" and task.year:
        return f"{numbers.quarter_list(task.year, task.quarters, lang)} ({numbers.month_list(None, task.months, lang)})"
    if task.kind == "months" and task.year:
        return numbers.month_list(task.year, task.months, lang)
    return translate(KIND_TEXT[task.kind], lang) if task.kind in KIND_TEXT else task.kind


def group_title(group: Group, result: ScheduleResult, lang: Lang) -> str:
    """A group's heading: 'I. Consolidating the apparatus', 'Due in June 2019'; the workbook and HTML use it too."""
    if group.key == SECTION:
        return f"{group.section}. {group.title_vi if lang is Lang.vi else group.title_en}"
    month = numbers.month_name(*group.month, lang) if group.month else ""
    period = ""
    if result.period:
        months = [m for _, m in result.period.months()]
        period = numbers.month_list(result.period.first[0], months, lang)
    return _label(group.key, lang, month=month, period=period)


def longest_word(*texts: str) -> int:
    """The narrowest a column can be without cutting a word of ``texts``: cells fold between words only."""
    return max((len(word) for text in texts for word in text.split()), default=1)


def shares(room: int, ratios: list[int], least: list[int]) -> list[int]:
    """``room`` shared by ``ratios``, no column under its ``least`` width (a longer word would be cut).

    Rich's own sharing gives a column with a ratio its share whatever it holds, so a
    narrow terminal cut headers ('Directi…'); here a column too narrow for its words
    gets its least width and the others share the rest.
    """
    if room <= sum(least):  # too narrow for whole words: rich then narrows every column
        return list(least)
    fixed = [False] * len(ratios)
    while True:
        left = room - sum(low for low, done in zip(least, fixed) if done)
        weight = sum(ratio for ratio, done in zip(ratios, fixed) if not done)
        ideal = [left * ratio // weight if weight else 0 for ratio in ratios]
        short = [i for i, done in enumerate(fixed) if not done and ideal[i] < least[i]]
        if not short:
            widths = [least[i] if fixed[i] else ideal[i] for i in range(len(ratios))]
            widths[max(range(len(ratios)), key=lambda i: (not fixed[i], ratios[i]))] += room - sum(widths)
            return widths
        for i in short:
            fixed[i] = True


def fitted_table(title: Text, headers: list[str], ratios: list[int], least: list[int], width: int,
                 centered: range = range(0)) -> Table:
    """A table ``width`` wide: columns with a ratio share what the others leave, none under its ``least``."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for index, header in enumerate(headers):
        table.add_column(header, width=least[index], justify="center" if index in centered else "left")
    edges = table._extra_width + sum(table._get_padding_width(index) for index in range(len(headers)))
    flexible = [i for i, ratio in enumerate(ratios) if ratio]
    room = width - edges - sum(least[i] for i, ratio in enumerate(ratios) if not ratio)
    for index, share in zip(flexible, shares(room, [ratios[i] for i in flexible], [least[i] for i in flexible])):
        table.columns[index].width = share
    return table


def _table(title: Text, lang: Lang, by_agency: bool, least: list[int], width: int) -> Table:
    """A table whose columns have the same widths for every group, so that groups line up.

    ``least`` is each column's longest word over every group: no header, name or
    month is cut; the content and the roles fold between words. The roles of an
    agency's tasks are marks only: as wide as their header needs.
    """
    roles = range(2, 2 + len(ROLES))
    ratios = [0, 4, *([0 if by_agency else 2] * len(ROLES)), 3]
    return fitted_table(title, _headers(lang), ratios, least, width, roles if by_agency else range(0))


def _headers(lang: Lang) -> list[str]:
    return [_label(key, lang) for key in ("id", "content", *ROLES, "timing")]


def _names(codes: list[str], result: ScheduleResult, lang: Lang) -> str:
    """The collective bodies an agency's task came through, by name."""
    names = {body.code: body.name_vi if lang is Lang.vi else body.name_en for body in result.agency.collectives}
    return "; ".join(names.get(code, code) for code in codes)


def _role_mark(task: TaskRow, role: str) -> Text:
    """'✓' where the task names the agency, '(✓)' where it names a collective body that includes it."""
    if role not in task.roles:
        return Text("")
    return Text("(✓)", style="green") if role in task.via else Text("✓", style="bold green")


def _task_row(task: TaskRow, group: Group, result: ScheduleResult, lang: Lang, by_agency: bool) -> list[Text]:
    content = Text(task.content_vi if lang is Lang.vi else task.content_en)
    if by_agency:
        roles = [_role_mark(task, role) for role in ROLES]
        through = sorted({code for codes in task.via.values() for code in codes})
        if through:
            content.append(f"\n{_label('through', lang, names=_names(through, result, lang))}", style="dim")
    else:
        roles = [Text(getattr(task, role).text) for role in ROLES]
    timing = Text(task.timing_text)
    timing.append(f"\n→ {normalised(task, lang, group.month)}", style="cyan")
    return [Text(task.id, style="bold"), content, *roles, timing]


def schedule_tables(result: ScheduleResult, lang: Lang, width: int) -> list[Table | Text]:
    """One table per group (a section, or 'due this month' and the like); an empty group is one line."""
    by_agency = result.agency is not None
    rows = {id(group): [_task_row(task, group, result, lang, by_agency) for task in group.tasks]
            for group in result.groups}
    least = [longest_word(header, *(row[index].plain for group_rows in rows.values() for row in group_rows))
             for index, header in enumerate(_headers(lang))]
    shown: list[Table | Text] = []
    for group in result.groups:
        if group.key == SECTION and by_agency and not group.tasks:
            continue
        title = Text(group_title(group, result, lang), style=GROUP_STYLE.get(group.key, "bold"))
        if not group.tasks:
            title.append(f": {_label('none', lang)}", style="dim")
            shown.append(title)
            continue
        title.append(f" ({len(group.tasks)})", style="dim")
        table = _table(title, lang, by_agency, least, width)
        for row in rows[id(group)]:
            table.add_row(*row)
        shown.append(table)
    if result.commitments:
        shown.append(commitments_table(result, lang, width))
    return shown


def _commitment_who(commitment: CommitmentRow, result: ScheduleResult, lang: Lang) -> Text:
    who = Text(commitment.who.text)
    if commitment.via:
        who.append(f"\n{_label('through', lang, names=_names(commitment.via, result, lang))}", style="dim")
    return who


def commitments_table(result: ScheduleResult, lang: Lang, width: int) -> Table:
    """What the plan commits bodies to without a figure: the source's place, who, what, which communes, when."""
    title = Text(_label("commitments", lang), style="bold")
    title.append(f" ({len(result.commitments)})", style="dim")
    rows = [
        (
            Text(commitment.source, style="bold"),
            _commitment_who(commitment, result, lang),
            Text(commitment.what_vi if lang is Lang.vi else commitment.what_en),
            Text(commitment.communes_label or ""),
            Text(str(commitment.year) if commitment.year else _label("year_not_stated", lang)),
        )
        for commitment in result.commitments
    ]
    headers = [_label(key, lang) for key in ("source", "who", "what", "communes", "year")]
    least = [longest_word(header, *(row[index].plain for row in rows)) for index, header in enumerate(headers)]
    least[-1] = max(len(text) for text in (headers[-1], *(row[-1].plain for row in rows)))  # 'not stated', whole
    table = fitted_table(title, headers, [1, 2, 4, 2, 0], least, width)
    table.columns[-1].justify = "right"
    for row in rows:
        table.add_row(*row)
    return table


def ics_lines(report: IcsReport, lang: Lang) -> list[Text]:
    lines = [Text(_label("ics", lang, events=report.events, tasks=len(report.tasks), file=report.file),
                  style="green")]
    if report.undated:
        listed = ", ".join(f"{task.id} ({task.timing_text})" for task in report.undated)
        lines.append(Text(_label("undated", lang, tasks=listed), style="dim"))
    return lines


def render_schedule(console: Console, result: ScheduleResult, view: View) -> None:
    lang = view.lang
    console.print(Text(_label("title", lang, plan=result.plan_number, file=result.file), style="bold"))
    if result.agency:
        name = result.agency.name_vi if lang is Lang.vi else result.agency.name_en
        console.print(Text(_label("agency", lang, code=result.agency.code, name=name), style="bold"))
        if result.agency.collectives:
            codes = [collective.code for collective in result.agency.collectives]
            console.print(Text(_label("collectives", lang, names=_names(codes, result, lang)), style="dim"))
    if result.as_of:
        console.print(Text(_label("as_of", lang, date=numbers.date_text(result.as_of, lang))))
    for shown in schedule_tables(result, lang, console.width):
        console.print(shown)
    if result.not_shown and result.mode != "all":
        key = "outside" if result.mode == "period" else "not_shown"
        console.print(Text(_label(key, lang, count=result.not_shown), style="dim"))
    if result.ics:
        for line in ics_lines(result.ics, lang):
            console.print(line)
