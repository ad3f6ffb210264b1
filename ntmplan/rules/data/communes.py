"""Data rules on which communes the file holds, against the official list and the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.reference import COMMUNE_TYPE, TYPE_LABELS
from ntmplan.findings import Severity
from ntmplan.i18n import N_, _, ngettext
from ntmplan.rules.data.common import (
    Tally,
    commune_name_key,
    district_name_key,
    differs_from_official,
    reference_of,
    rows,
)
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import DATA

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData


@rule("DA07", "duplicate-commune", Severity.ERROR, "A commune appears on more than one line", scope=DATA)
def duplicate_commune(data: CommuneData) -> Iterator[Problem]:
    """Each commune is one line of the round: a code that appears again, in the same file
    or in another, is reported at every repeat, with the line of the first. The first
    line (files in path order, then lines in order) is the one counted; the repeats are
    left out of every figure.

    Why: The office cannot tell which of two lines the district meant: the figures take
    the first, which may not be the right one. A repeat usually comes from two sheets
    pasted together, a line copied to start a new one whose code was not changed, or a
    commune sent by two districts.

    Example: 06004 on line 9 and again on line 41.

    Fix: Delete the repeated line; if it is another commune, give it that commune's code
    from the official list.
    """
    if not data.has("code"):
        return
    from ntmplan.communes.data import first_rows

    codes, values = data.distinct("code")
    repeat, first_row = first_rows(codes, len(values))
    if not repeat.any():
        return
    tally = Tally()
    for row in tally(rows(repeat)):
        code, first = values[codes[row]], int(first_row[codes[row]])
        yield Problem(
            _(
                "line {line}: commune {code} ({name}) is already on {first}; the first line is counted, this one "
                "is not"
            ).format(line=data.line(row), code=code, name=data.frame.at[row, "name"],
                     first=data.place(first, beside=row)),
            path="code",
            expected=_("each code once"),
            actual=_("{code} again (first on {first})").format(code=code, first=data.place(first, beside=row)),
            **data.at(row, "code"),
        )
    yield from tally.elided()


@rule("DA08", "unknown-commune", Severity.ERROR, "A code is not one of the plan's communes", scope=DATA)
def unknown_commune(data: CommuneData) -> Iterator[Problem]:
    """Codes are the General Statistics Office's 5-digit commune codes of the official
    list shipped with ntmplan (Lạng Sơn, 2017-2019: 207 communes). A code outside the
    list is reported, and so is the code of a township (thị trấn) or a ward (phường),
    which is on the list but is not one of the plan's communes (xã).

    Why: Such rows are read but do not belong in the figures: a mistyped code also
    leaves the intended commune missing (DA09), and a township counted as a commune
    inflates the province's totals.

    Example: 05995 is Thị trấn Thất Khê, a township, not one of the 207 communes.

    Fix: Correct the code from the official list (``ntmplan/reference``), or delete the
    line of a township or a ward.
    """
    if not data.has("code"):
        return
    reference = reference_of(data)
    communes = set(reference.loc[reference["type"] == COMMUNE_TYPE, "code"])
    from ntmplan.communes.data import spread

    codes, values = data.distinct("code")
    unknown = spread(codes, [value not in communes for value in values], False, bool)
    if not unknown.any():
        return
    units = reference.set_index("code")
    total = len(communes)
    tally = Tally()
    for row in tally(rows(unknown)):
        value = values[codes[row]]
        if value in units.index:
            unit = units.loc[value]
            template = _(
                "line {line}: code {code} is {name} ({district}), a {type}, not one of the {total} communes (xã) "
                "the plan counts"
            )
            details = {"name": unit["official_name"], "district": unit["district"],
                       "type": _(TYPE_LABELS.get(unit["type"], unit["type"]))}
        else:
            template = _("line {line}: code {code} is not the code of any of the {total} communes of the official list")
            details = {}
        yield Problem(
            template.format(line=data.line(row), code=value, total=total, **details),
            path="code",
            expected=_("a commune code of the official list"),
            actual=value,
            **data.at(row, "code"),
        )
    yield from tally.elided()


@rule("DA09", "missing-commune", Severity.ERROR, "A commune of the official list is not in the file", scope=DATA)
def missing_commune(data: CommuneData) -> Iterator[Problem]:
    """Every commune of the official list must have its line. The missing communes are
    listed by district, with their codes and names, once for each district; a district
    none of whose communes is there is said to be missing as a whole. (A file with no code
    column is reported by DA01 instead.)

    Why: A commune left out is not counted anywhere, so the province's totals come out
    low and its shares of the 207 communes are wrong; listed by district, the office
    knows whom to call.

    Example: Huyện Tràng Định (180): 1 commune of the official list is not in the data:
    06001 Đoàn Kết.

    Fix: Add the commune's line from its district's report; if a whole district is
    missing, ask the district for its sheet.
    """
    if not data.has("code"):
        return
    reference = reference_of(data)
    communes = reference[reference["type"] == COMMUNE_TYPE].sort_values("code")
    absent = communes[~communes["code"].isin(set(data.distinct("code")[1]))]
    sizes = communes.groupby("district_code").size()
    for district_code, missing in absent.groupby("district_code", sort=True):
        listed = ", ".join(f"{unit.code} {unit.name}" for unit in missing.itertuples(index=False))
        district = missing["district"].iat[0]
        if len(missing) == sizes[district_code]:
            message = _("{district} ({code}): none of its {count} communes is in the data: {communes}")
        else:
            message = ngettext(
                "{district} ({code}): {count} commune of the official list is not in the data: {communes}",
                "{district} ({code}): {count} communes of the official list are not in the data: {communes}",
                len(missing),
            )
        yield Problem(
            message.format(district=district, code=district_code, count=len(missing), communes=listed),
            path="code",
            expected=list(missing["code"]),
            actual=None,
        )


@rule("DA10", "row-count-mismatch", Severity.ERROR, "The file has another number of communes than the plan",
      scope=DATA)
def row_count_mismatch(data: CommuneData) -> Iterator[Problem]:
    """A round for the province (one file, or the files of all its districts) has one line
    per commune: as many lines as the plan counts communes
    (``metadata.province.communes``). Blank lines, and the rows DA21 sets aside, are not
    counted.

    Why: The plan's shares are of all the province's communes ('60/207 xã'). With fewer
    lines (usually a district's sheet left out) or more (a sheet pasted twice, townships
    included), every share and average is computed over the wrong communes; DA07, DA08
    and DA09 say which lines.

    Example: The data has 195 commune lines; the plan counts 207.

    Fix: Add the missing communes, or remove the extra lines, where DA07, DA08 and DA09
    point.
    """
    if data.plan is None:
        return
    expected = data.plan.metadata.province.communes
    found = len(data.frame)
    if found != expected:
        yield Problem(
            ngettext(
                "the data has {found} commune line; the plan counts {expected} communes in {province}",
                "the data has {found} commune lines; the plan counts {expected} communes in {province}",
                found,
            ).format(found=found, expected=expected, province=data.plan.metadata.province.name),
            path="code",
            expected=expected,
            actual=found,
            **(data.sources[0].at(line=data.sources[0].header_line) if len(data.sources) == 1 else {}),
        )


@rule("DA11", "name-mismatch", Severity.WARNING, "A commune's name differs from the official list", scope=DATA)
def name_mismatch(data: CommuneData) -> Iterator[Problem]:
    """The name on a line must be the official name of its code. Case, spacing, the 'Xã'
    prefix and where a tone mark sits ('Hoà'/'Hòa') do not matter; a name typed without
    accents is reported.

    Why: A different name usually means that the code is wrong, so the figures are
    booked to another commune; less often the name is misspelt, which still makes the
    file hard to check against the official list.

    Example: Line 7 has 06004 'Tân Minh', but 06004 is Quốc Khánh (06028 is Tân Minh).

    Fix: If the name is right, correct the code; otherwise write the official name.
    """
    if not data.has("name") or not data.has("code"):
        return
    written = data.frame["name"]
    tally = Tally()
    for row in tally(rows(differs_from_official(data, "name", commune_name_key))):
        official = data.official(row, "name")
        yield Problem(
            _("line {line}: commune {code} is called '{written}' here, but its official name is '{official}'").format(
                line=data.line(row), code=data.frame.at[row, "code"], written=written.iat[row], official=official,
            ),
            **data.at(row, "name"),
            path="name",
            expected=official,
            actual=written.iat[row],
        )
    yield from tally.elided()


@rule("DA12", "district-mismatch", Severity.WARNING, "A commune's district differs from the official list",
      scope=DATA)
def district_mismatch(data: CommuneData) -> Iterator[Problem]:
    """The district code and the district name on a line must be those of the commune's
    code in the official list. Prefixes ('Huyện', 'Thành phố', 'TP'), case and the place
    of tone marks do not matter.

    Why: The districts' figures are grouped by these columns: a wrong one moves a
    commune into another district's figures, and that district is asked about a commune
    that is not its own.

    Example: 06523 Chi Lăng is in Huyện Chi Lăng (187); the line says Huyện Tràng Định
    (180).

    Fix: Correct the district from the official list, or the commune code if the
    district is right.
    """
    if not data.has("code"):
        return
    checks = [(name, key) for name, key in (("district_code", _unpadded), ("district", district_name_key))
              if data.has(name)]
    tally = Tally()
    for name, key in checks:
        for row in tally(rows(differs_from_official(data, name, key))):
            yield Problem(
                _(
                    "line {line}, {where}: {commune} is in {district} ({district_code}) according to the official "
                    "list; the line says '{written}'"
                ).format(
                    line=data.line(row), where=data.where(name, row), commune=data.commune(row),
                    district=data.official(row, "district"), district_code=data.official(row, "district_code"),
                    written=data.frame.at[row, name],
                ),
                **data.at(row, name),
                path=name,
                expected=data.official(row, name),
                actual=data.frame.at[row, name],
            )
    yield from tally.elided()


def _unpadded(code: str) -> str:
    return code.lstrip("0")


_CLAIMS = {"template": N_("by the template it was made from"), "name": N_("by its name")}


@rule("DA19", "other-district-commune", Severity.WARNING,
      "A district's file holds communes of another district", scope=DATA)
def other_district_commune(data: CommuneData) -> Iterator[Problem]:
    """Each district sends the file of its own communes. A file is for a district when
    the template it was made from says so (``ntmplan template --district``), or when
    its name names one district ('bac-son.xlsx', 'Huyện Bắc Sơn 06-2019.xlsx', '181 …').
    A commune of another district in it (by its code, in the official list) is
    reported, once for each other district, with the first row.

    Why: The office chases the districts by their files; a commune filed by the wrong
    district is usually also in that district's own file (DA07 then says which row is
    counted), or missing from it, and the district that should answer for it does not
    know it was sent.

    Example: 'data/2019-06/181-binh-gia.xlsx' is for Huyện Bình Gia by its name, but
    row 7 holds 06523 Chi Lăng of Huyện Chi Lăng (187).

    Fix: Move the row to the right district's file, or name the file after the
    district whose communes it holds.
    """
    if not data.has("code"):
        return
    import pandas as pd

    districts = None
    for index, source in enumerate(data.sources):
        claim = source.district
        if claim is None:
            continue
        districts = data.official_column("district_code") if districts is None else districts
        other = (data.origin == index) & pd.notna(districts) & (districts != claim.code)
        if not other.any():
            continue
        positions = rows(other)
        for district_code in sorted(set(districts[positions])):
            found = [row for row in positions if districts[row] == district_code]
            first = found[0]
            yield Problem(
                ngettext(
                    "{file} is for {claimed} {how}, but holds {count} commune of {district} ({code}): {communes}",
                    "{file} is for {claimed} {how}, but holds {count} communes of {district} ({code}): {communes}",
                    len(found),
                ).format(
                    file=source.label, claimed=claim.name, how=_(_CLAIMS[claim.how]), count=len(found),
                    district=data.official(first, "district"), code=district_code,
                    communes=", ".join(f"{data.frame.at[row, 'code']} {data.official(row, 'name')} "
                                       f"({data.place(row, beside=row)})" for row in found),
                ),
                path="code",
                expected=claim.code,
                actual=district_code,
                **data.at(first, "code"),
            )
