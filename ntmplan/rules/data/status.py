"""Data rules on a commune's status: recognition against criteria, flags against each other and the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import CRITERION_COLUMNS, MEMBER_COLUMNS
from ntmplan.findings import Severity
from ntmplan.i18n import N_, _, ngettext
from ntmplan.rules.data.common import (
    Tally,
    covers_province,
    criteria_known,
    criteria_list,
    flag_column,
    rows,
)
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import DATA

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData

@rule("DA13", "fallen-below-standard", Severity.WARNING, "A commune recognised as NTM no longer meets all 19 criteria",
      scope=DATA)
def fallen_below_standard(data: CommuneData) -> Iterator[Problem]:
    """A commune with a year of recognition ('Năm đạt chuẩn') whose line does not show
    all 19 criteria met. Unreadable cells are not counted here (DA04 reports them).

    Why: Either the commune has slipped below the standard (a criterion such as poverty
    or environment lost after a review), which needs attention and takes it out of the
    communes at standard, or a cell is wrong.

    Example: 05986 Hoàng Đồng, recognised in 2014, does not meet criterion 17.

    Fix: Ask the commune: correct the cell if it is wrong. If the criterion was really
    lost, keep the data: the commune no longer counts among the communes at standard,
    and its district should plan to restore the criterion.
    """
    if not data.has("ntm_year"):
        return
    import numpy as np

    lacking = ~criteria_known(data).fillna(True).astype(bool)
    fallen = data.frame["ntm_year"].notna().to_numpy() & lacking.any(axis=1).to_numpy()
    tally = Tally()
    shown = tally(rows(fallen))
    for row, lacks in zip(shown, lacking.iloc[shown].to_numpy()):  # a million rows × 19 criteria is not copied
        numbers = [int(n) + 1 for n in np.flatnonzero(lacks)]
        first = CRITERION_COLUMNS[numbers[0] - 1]
        yield Problem(
            _("line {line}: {commune} was recognised as NTM in {year} but does not meet {criteria}").format(
                line=data.line(row), commune=data.commune(row), year=data.frame.at[row, "ntm_year"],
                criteria=criteria_list(numbers),
            ),
            **data.at(row, first),
            path=first,
            expected=_("all 19 criteria met"),
            actual=_("{met} met; not met: {numbers}").format(
                met=19 - len(numbers), numbers=", ".join(str(n) for n in numbers)
            ),
        )
    yield from tally.elided()


@rule("DA14", "standard-without-year", Severity.INFO, "A commune meets all 19 criteria but has no year of recognition",
      scope=DATA)
def standard_without_year(data: CommuneData) -> Iterator[Problem]:
    """A commune meeting all 19 criteria whose year of recognition is empty. (An
    unreadable year is reported by DA04.)

    Why: The check counts a commune at the standard only once it is recognised, and lists
    this one as a candidate. Without a year it is either waiting to be recognised, which
    is worth knowing because its file can be sent for appraisal, or its year was left out.

    Example: 06175 Hồng Thái meets all 19 criteria; 'Năm đạt chuẩn' is empty.

    Fix: Fill in the year of the decision of recognition if there is one. Otherwise
    nothing is wrong: the commune is a candidate for recognition.
    """
    if not data.has("ntm_year"):
        return
    year = data.frame["ntm_year"]
    no_year = year.isna() & ~data.unreadable["ntm_year"]
    from ntmplan.communes.data import at_standard

    tally = Tally()
    for row in tally(rows(at_standard(data.frame) & no_year)):
        yield Problem(
            _("line {line}: {commune} meets all 19 criteria but has no year of recognition").format(
                line=data.line(row), commune=data.commune(row)
            ),
            **data.at(row, "ntm_year"),
            path="ntm_year",
            expected=_("the year it was recognised, if it was"),
            actual=None,
        )
    yield from tally.elided()


@rule("DA15", "advanced-criteria-below-standard", Severity.WARNING,
      "A commune not at standard reports criteria of the advanced set", scope=DATA)
def advanced_criteria_below_standard(data: CommuneData) -> Iterator[Problem]:
    """A commune that has never been recognised and does not meet all 19 criteria, but
    reports criteria of the advanced set ('Số tiêu chí nâng cao' above 0). A recognised
    commune that has slipped below the standard keeps its count (DA13 reports it).

    Why: The advanced set (Bộ tiêu chí nông thôn mới nâng cao) is for communes already
    at the standard, so such a count is usually the number of ordinary criteria met,
    typed in the wrong column.

    Example: 06127 Trùng Khánh meets 9 criteria and reports 9 advanced criteria.

    Fix: Set the count to 0 or leave it empty, and check that the criteria columns hold
    what was meant.
    """
    if not data.has("advanced_criteria"):
        return
    advanced = data.frame["advanced_criteria"]
    from ntmplan.communes.data import at_standard, criteria_met

    never = data.frame["ntm_year"].isna() if data.has("ntm_year") else True  # a fallen commune is DA13's
    tally = Tally()
    shown = tally(rows((advanced > 0).fillna(False) & ~at_standard(data.frame) & never))
    met = criteria_met(data.frame.iloc[shown]).sum(axis=1)  # of the rows shown: a sum across rows is slow at scale
    for row, count in zip(shown, met):
        yield Problem(
            _(
                "line {line}, {where}: {commune} meets {met} of the 19 criteria, yet reports {advanced} criteria of "
                "the advanced set"
            ).format(
                line=data.line(row), where=data.where("advanced_criteria", row), commune=data.commune(row),
                met=count, advanced=advanced.iat[row],
            ),
            **data.at(row, "advanced_criteria"),
            path="advanced_criteria",
            expected=0,
            actual=int(advanced.iat[row]),
        )
    yield from tally.elided()


# Both kinds of pilot commune are chosen among the communes in especially difficult circumstances.
_PILOTS = {
    "special_difficulty_pilot": N_(
        "line {line}: {commune} is marked as a special-difficulty pilot commune ({pilot}) but not as a "
        "special-difficulty commune ({member})"
    ),
    "district_pilot": N_(
        "line {line}: {commune} is marked as a pilot commune chosen by its district ({pilot}) but not as a "
        "special-difficulty commune ({member})"
    ),
}


@rule("DA16", "pilot-outside-special-difficulty", Severity.WARNING,
      "A special-difficulty pilot commune is not marked as a special-difficulty commune", scope=DATA)
def pilot_outside_special_difficulty(data: CommuneData) -> Iterator[Problem]:
    """A commune marked as a special-difficulty pilot ('xã điểm ĐBKK', one of the
    province's) or as a pilot chosen by its district ('xã điểm do huyện lựa chọn') but
    not as a special-difficulty commune ('xã ĐBKK').

    Why: The pilot communes are chosen among the special-difficulty communes, so one of
    the two flags is wrong, and one of the group targets is computed on the wrong
    communes.

    Example: 06091 Thiện Thuật is an ĐBKK pilot, but its 'Xã ĐBKK' cell is empty.

    Fix: Check the province's list of special-difficulty communes and of the pilots
    chosen among them, and correct the flag that is wrong.
    """
    if not data.has("special_difficulty"):
        return
    member = data.frame["special_difficulty"].fillna(True).astype(bool)
    tally = Tally()
    for column, message in _PILOTS.items():
        if not data.has(column):
            continue
        for row in tally(rows(flag_column(data, column) & ~member)):
            yield Problem(
                _(message).format(
                    line=data.line(row), commune=data.commune(row), pilot=data.where(column, row),
                    member=data.where("special_difficulty", row),
                ),
                **data.at(row, "special_difficulty"),
                path="special_difficulty",
                expected="yes",
                actual=data.raw.at[row, "special_difficulty"],
            )
    yield from tally.elided()


@rule("DA17", "target-already-recognised", Severity.WARNING,
      "A commune aiming for the standard this year was recognised in an earlier year", scope=DATA)
def target_already_recognised(data: CommuneData) -> Iterator[Problem]:
    """A commune marked as aiming for the standard in the plan's year ('Xã phấn đấu đạt
    chuẩn') that was recognised in an earlier year.

    Why: Such a commune is already at the standard, so either the flag or the year is
    wrong, and the plan's 'thêm 12 xã' is then counted on the wrong communes.

    Example: 06409 Tân Lập is marked as aiming for 2019 but was recognised in 2017.

    Fix: Correct the year from the decision of recognition, or clear the flag and mark
    the commune that really aims for the standard this year.
    """
    if data.plan is None:
        return
    if not data.has("target_2019") or not data.has("ntm_year"):
        return
    year = data.plan.metadata.year
    recognised = data.frame["ntm_year"]
    tally = Tally()
    for row in tally(rows(flag_column(data, "target_2019") & (recognised < year).fillna(False))):
        yield Problem(
            _("line {line}: {commune} is marked as aiming for the standard in {year} but was recognised in {recognised}").format(
                line=data.line(row), commune=data.commune(row), year=year, recognised=recognised.iat[row]
            ),
            **data.at(row, "target_2019"),
            path="target_2019",
            expected=_("no year of recognition before {year}").format(year=year),
            actual=int(recognised.iat[row]),
        )
    yield from tally.elided()


@rule("DA18", "group-size-mismatch", Severity.WARNING,
      "The file marks another number of communes in a group than the plan", scope=DATA)
def group_size_mismatch(data: CommuneData) -> Iterator[Problem]:
    """The plan names the size of its groups ('05 xã điểm đặc biệt khó khăn', '20 xã
    biên giới') and the communes to bring to the standard in the year ('xây dựng 12 xã
    đạt chuẩn'); the flags of the data must mark as many communes. Only a round that
    covers every commune of the province is compared: a district's file holds a part of
    each group.

    Why: Otherwise the group targets, such as the border communes' average, are computed
    over other communes than the plan meant.

    Example: 19 communes are marked as border communes; the plan counts 20.

    Fix: Compare the flagged communes with the plan's lists (the border communes of
    Resolution 16-NQ/TW, the pilot communes chosen by the province) and mark the missing
    ones, or clear the extra ones.
    """
    if data.plan is None or not covers_province(data):
        return  # a group's size is the province's: a part of the province cannot be compared with it
    plan = data.plan
    sizes = []
    for index, group in enumerate(plan.headline.groups):
        column = MEMBER_COLUMNS.get(group.members)
        if column is not None and group.communes is not None:
            sizes.append((column, group.communes, f"'{group.name.vi}'"))
    added = plan.headline.standard_communes.added
    if added is not None:
        label = _("the {added} communes to bring to the standard in {year}").format(added=added, year=plan.metadata.year)
        sizes.append(("target_2019", added, label))
    seen = set()
    single = data.sources[0] if len(data.sources) == 1 else None
    for column, expected, label in sizes:
        if column in seen or not data.has(column):
            continue
        seen.add(column)
        found = int(flag_column(data, column).sum())
        if found != expected:
            yield Problem(
                ngettext(
                    "{where} marks {found} commune; the plan counts {expected} ({label})",
                    "{where} marks {found} communes; the plan counts {expected} ({label})",
                    found,
                ).format(where=single.where(column) if single else _("column {name}").format(name=column),
                         found=found, expected=expected, label=label),
                path=column,
                expected=expected,
                actual=found,
                **(single.at(line=single.header_line, column=single.columns[column])
                   if single and column in single.columns else {}),
            )
