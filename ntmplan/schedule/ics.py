"""The schedule as an iCalendar file that calendar programs import (RFC 5545).

One all-day event per due month of each task with fixed timing, spanning the
month ('Tháng 3-7' gives five events, March to July); a quarterly task ('Hàng
quý') gives one event per quarter, spanning it and saying it is due by the
quarter's last day. Events are marked as free time so
that a month-long task does not block anyone's calendar. The description names
the directing, executing and coordinating bodies and quotes the timing as
written. UIDs are stable (plan, task, month), so importing a corrected file
again updates events instead of duplicating them.

Tasks without a date ('Thường xuyên', 'Căn cứ vào điều kiện thực tế') are not
turned into invented events: ``write_calendar`` returns them so the command can
list them.

The file is written atomically (a temporary file in the target's directory,
then ``os.replace``), and never over one of the command's input files.
"""

from __future__ import annotations

import datetime as dt
import re

from ntmplan.files import check_target, write_atomic
from ntmplan.i18n import N_, Lang, pgettext, translate
from ntmplan.numbers import date_text
from ntmplan.schedule.agenda import DUE_BY, IcsReport, ScheduleResult, TaskRow
from ntmplan.schedule.periods import next_month
from ntmplan.text import fold

PRODID = "-//ntmplan//NTM plan schedule//EN"
ROLES = ("directing", "executing", "coordinating")


def _role_label(role: str, lang: Lang) -> str:
    """'Cơ quan thực hiện' in a calendar, where the schedule table's column says 'Thực hiện'."""
    labels = {
        "directing": pgettext("calendar", "Directing", lang),
        "executing": pgettext("calendar", "Executing", lang),
        "coordinating": pgettext("calendar", "Coordinating", lang),
    }
    return labels[role]
TIMING_LABEL = N_("Timing")
SOURCE_LABEL = N_("Appendix section {section}, plan {plan}")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _description(task: TaskRow, plan: str, lang: Lang) -> str:
    content = task.content_vi if lang is Lang.vi else task.content_en
    other = task.content_en if lang is Lang.vi else task.content_vi
    lines = [content, f"({other})", ""]
    for role in ROLES:
        parties = getattr(task, role)
        lines.append(f"{_role_label(role, lang)}: {parties.text} [{', '.join(parties.agencies)}]")
    lines.append(f"{translate(TIMING_LABEL, lang)}: {task.timing_text}")
    lines.append(translate(SOURCE_LABEL, lang).format(section=task.section, plan=plan))
    return "\n".join(lines)


def calendar_bytes(result: ScheduleResult, tasks: list[TaskRow], lang: Lang, stamp: dt.datetime) -> tuple[bytes, int]:
    """The iCalendar text for the dated ``tasks`` and the number of events in it."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"NTM {result.plan_year}: {result.plan_number}"
    if result.agency:
        name += f" ({result.agency.code})"
    calendar.add("x-wr-calname", name)
    plan_slug = _slug(f"{result.plan_number}-{result.plan_year}")
    events = 0
    for task in tasks:
        for (year, month), last in task.windows():
            event = Event()
            event.add("uid", f"{plan_slug}-{_slug(task.id)}-{year}{month:02d}@ntmplan")
            event.add("dtstamp", stamp)
            event.add("dtstart", dt.date(year, month, 1))
            event.add("dtend", dt.date(*next_month(last), 1))
            content = task.content_vi if lang is Lang.vi else task.content_en
            deadline = task.deadline_in([last])
            due = f" ({translate(DUE_BY, lang).format(date=date_text(deadline, lang))})" if deadline else ""
            event.add("summary", f"{task.id} {content}{due}")
            event.add("description", _description(task, result.plan_number, lang))
            event.add("categories", [f"{result.plan_number} {task.section}"])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
            events += 1
    return calendar.to_ical(), events


def write_calendar(
    result: ScheduleResult, tasks: list[TaskRow], target: str, inputs: list[str], lang: Lang,
    stamp: dt.datetime | None = None,
) -> IcsReport:
    """Write the dated ``tasks`` to ``target``; report the events and the undated tasks left out."""
    check_target(target, inputs)
    dated = [task for task in tasks if task.due_months()]
    data, events = calendar_bytes(result, dated, lang, stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    write_atomic(target, data, inputs)
    return IcsReport(file=target, events=events, tasks=[t.id for t in dated],
                     undated=[t for t in tasks if not t.due_months()])
