"""What every view of a round shares: titled tables, signed figures, and the notes on what a round left out."""

from __future__ import annotations

from rich import box

from ntmplan.check.coverage import (
    NO_CODE,
    NOT_A_COMMUNE,
    Coverage,
    ExcludedRow,
    RowPlace,
)
from ntmplan.findings import Location
from ntmplan.i18n import _, ngettext
from ntmplan.numbers import num
from ntmplan.output.console import Table

NAMED = 8  # communes named in a line of text before the rest are counted


def titled_table(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)


def signed(value: int | None) -> str:
    """'+9', '-11', '0'; empty when there is no figure."""
    return "" if value is None else f"{value:+d}" if value else "0"


def place_text(place: RowPlace) -> str:
    """'data/x.csv:41', or with the sheet of a workbook 'x.xlsx[Số liệu]:41'."""
    return str(Location(place.file, place.line, sheet=place.sheet))


def excluded_reason(row: ExcludedRow) -> str:
    """Why a row is left out of every figure."""
    if row.reason == NO_CODE:
        return _("no readable commune code")
    if row.reason == NOT_A_COMMUNE:
        return _("{code} is not one of the plan's communes").format(code=row.code)
    return _("{code} again (the row counted is {kept})").format(code=row.code, kept=place_text(row.kept))


def _names(communes: list, named: int = NAMED) -> str:
    """'06001 Đoàn Kết, 06004 Quốc Khánh' and how many more."""
    text = ", ".join(f"{c.code} {c.name}" for c in communes[:named])
    more = len(communes) - named
    return text + (_(" and {count} more").format(count=more) if more > 0 else "")


def coverage_notes(coverage: Coverage, unreadable: int = 0) -> list[str]:
    """What the figures leave out, in words: partial coverage by district, rows excluded, cells unreadable."""
    notes = []
    if coverage.partial:
        notes.append(_(
            "Partial: the data covers {found} of the {total} communes of the plan. Figures are those of the communes "
            "present; the province-wide targets are not judged, except those already reached."
        ).format(found=coverage.communes_in_file, total=coverage.communes_in_plan))
        for district in coverage.missing_by_district:
            if len(district.missing) == district.communes:
                what = ngettext("its {count} commune", "all its {count} communes", district.communes).format(
                    count=district.communes)
            else:
                what = _("{missing} of {communes}: {names}").format(
                    missing=len(district.missing), communes=district.communes, names=_names(district.missing))
            notes.append(_("Missing in {district}: {what}").format(district=district.district, what=what))
        if not coverage.official_list:
            notes.append(_("Which communes are missing cannot be told: ntmplan has no official list of this "
                           "province's communes."))
    if coverage.excluded_rows:
        shown = "; ".join(f"{place_text(row.place)}: {excluded_reason(row)}" for row in coverage.excluded[:NAMED])
        more = coverage.excluded_rows - len(coverage.excluded[:NAMED])
        notes.append(ngettext("Excluded from every figure, {count} row: {rows}",
                              "Excluded from every figure, {count} rows: {rows}", coverage.excluded_rows).format(
            count=num(coverage.excluded_rows),
            rows=shown + (_(" and {count} more").format(count=num(more)) if more > 0 else "")))
    if unreadable:
        notes.append(ngettext("{count} criterion cell is empty or unreadable and counts as not met.",
                              "{count} criterion cells are empty or unreadable and count as not met.",
                              unreadable).format(count=num(unreadable)))
    return notes
