"""Rich tables of the progress between two rounds: ``ntmplan progress`` and the section of ``check --since``.

Every number comes with the communes behind it. Reads a ``Progress`` only.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ntmplan.check.progress import CommuneRef, Progress
from ntmplan.i18n import Lang, _, ngettext, pick
from ntmplan.output.round_view import NAMED, coverage_notes, signed, titled_table
from ntmplan.output.view import View


def commune_names(progress: Progress) -> dict[str, str]:
    """Code → name of every commune compared."""
    names = {c.code: c.name for c in progress.communes}
    for group in (progress.newly_at_standard, progress.fallen_below_standard):
        names.update((c.code, c.name) for c in group)
    return names


def behind(codes: list[str], names: dict[str, str], named: int = NAMED) -> str:
    """'Quảng Lạc (05989), Đề Thám (06046)' and how many more."""
    text = ", ".join(f"{names.get(code, code)} ({code})" for code in codes[:named])
    more = len(codes) - named
    return text + (_(" and {count} more").format(count=more) if more > 0 else "")


def refs_text(communes: list[CommuneRef]) -> str:
    return ", ".join(f"{c.name} ({c.code}, {c.district})" for c in communes)


def _named(template: str, communes: list[CommuneRef]) -> str:
    """A line naming ``communes``: ``template`` is the plural form ``ngettext`` chose for their number."""
    return template.format(count=len(communes), communes=refs_text(communes))


def progress_lines(progress: Progress) -> list[str]:
    """Communes newly at the standard, fallen below it, and those in one round only."""
    newly, fallen = progress.newly_at_standard, progress.fallen_below_standard
    old, new = progress.only_in_old, progress.only_in_new
    lines = [
        _named(ngettext("{count} commune newly at the standard: {communes}",
                        "{count} communes newly at the standard: {communes}", len(newly)), newly)
        if newly else _("No commune newly at the standard."),
        _named(ngettext("{count} commune fallen below the standard: {communes}",
                        "{count} communes fallen below the standard: {communes}", len(fallen)), fallen)
        if fallen else _("No commune fallen below the standard."),
    ]
    if old:
        lines.append(_named(ngettext("{count} commune only in the earlier round, not compared: {communes}",
                                     "{count} communes only in the earlier round, not compared: {communes}",
                                     len(old)), old))
    if new:
        lines.append(_named(ngettext("{count} commune only in the later round, not compared: {communes}",
                                     "{count} communes only in the later round, not compared: {communes}",
                                     len(new)), new))
    return lines


def criteria_table(progress: Progress, lang: Lang, title: str, named: int = NAMED) -> Table:
    table = titled_table(title)
    headers = ("#", _("Criterion"), _("Before"), _("After"), _("Gained"), _("Lost"), _("Net"),
               _("Communes (gained; lost)"))
    for i, header in enumerate(headers):
        if i in (1, 7):
            table.add_column(header, justify="left", ratio=1 if i == 7 else None)
        else:  # figures: as narrow as their longest word, so that the names of the communes have room
            table.add_column(header, justify="right", max_width=max(4, *(len(word) for word in header.split())))
    names = commune_names(progress)
    for item in progress.criteria:
        who = "; ".join(part for part in (
            f"+ {behind(item.gained_by, names, named)}" if item.gained_by else "",
            f"− {behind(item.lost_by, names, named)}" if item.lost_by else "") if part)
        table.add_row(str(item.number), Text(pick(item.name_vi, item.name_en, lang)), str(item.before),
                      str(item.after), str(item.gained), str(item.lost), signed(item.net), Text(who))
    return table


def districts_table(progress: Progress) -> Table:
    table = titled_table(_("By district: criteria gained and lost over the district's communes"))
    headers = (_("District"), _("Communes"), _("Gained"), _("Lost"), _("Net"), _("At standard"),
               _("Newly at standard"), _("Fallen below standard"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i in (0, 6, 7) else "right")
    for district in progress.districts:
        table.add_row(Text(district.district), str(district.communes), str(district.gained), str(district.lost),
                      signed(district.net), f"{district.standard_before} → {district.standard_after}",
                      ", ".join(district.newly_at_standard), ", ".join(district.fallen_below_standard))
    return table


def communes_table(progress: Progress) -> Table:
    table = titled_table(_("Communes whose criteria changed ({count})").format(count=len(progress.communes)))
    headers = (_("Code"), _("Commune"), _("District"), _("Before"), _("After"), _("Gained"), _("Lost"))
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in (3, 4) else "left")
    for commune in progress.communes:
        table.add_row(Text(commune.code), Text(commune.name), Text(commune.district), str(commune.before),
                      str(commune.after), ", ".join(map(str, commune.gained)), ", ".join(map(str, commune.lost)))
    return table


def render_since(console: Console, progress: Progress, lang: Lang) -> None:
    """The progress section of ``check --since``: by criterion, and the communes newly at or fallen below the standard."""
    title = _("Progress since the start of the year ({old} → {new}; {count} communes compared)").format(
        old=", ".join(progress.old_files), new=", ".join(progress.new_files), count=progress.compared)
    console.print(criteria_table(progress, lang, title))
    for line in progress_lines(progress):
        console.print(Text(line))
    console.print()


def render_progress(console: Console, result, view: View) -> None:
    """``ntmplan progress``: what changed, by criterion, by district and commune by commune."""
    progress = result.progress
    console.print(Text(_("Progress from {old} to {new} ({count} communes in both rounds; plan {plan})").format(
        old=", ".join(progress.old_files), new=", ".join(progress.new_files), count=progress.compared,
        plan=result.plan_file), style="bold"))
    for label, coverage in ((_("Earlier round"), progress.old_coverage), (_("Later round"), progress.new_coverage)):
        for note in coverage_notes(coverage):
            console.print(Text(f"{label}: {note}", style="yellow"))
    for line in progress_lines(progress):
        console.print(Text(line))
    console.print()
    console.print(criteria_table(progress, view.lang, _("By criterion: communes meeting it in each round"),
                                 named=len(progress.communes)))
    console.print(districts_table(progress))
    console.print(communes_table(progress))
