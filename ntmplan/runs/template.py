"""``template``: what a data-entry workbook for the districts holds, gathered from the plan and the official list.

The communes (the province's, or one district's) come from the official list;
the criteria's names, the review months and the office to send the file to
from the plan; with ``--from``, every cell's value from an earlier round, so a
district only changes what changed. ``ntmplan.report.template`` lays it out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ntmplan.communes.columns import CRITERION_COLUMNS
from ntmplan.communes.reader import read_round
from ntmplan.communes.reference import reference_communes
from ntmplan.errors import UnknownName
from ntmplan.i18n import Lang, _, pick
from ntmplan.loading.plan_loader import load_plan
from ntmplan.model.plan import Plan, Task, TimingKind
from ntmplan.text import fold, suggest

# The provincial coordination office compiles the reviews: the plan charges it with
# 'tổng hợp, tham mưu toàn diện' the programme's contents (part IV).
COMPILING_OFFICE = "VPDP-TINH"


@dataclass
class TemplateSpec:
    """Everything the template workbook shows, in the reader's language."""

    lang: Lang
    plan_number: str
    plan_title: str
    year: int
    province: str
    district_code: str | None
    district: str | None
    communes: pd.DataFrame  # code, name, district_code, district: the official list's
    criterion_names: dict[str, str]  # 'c05' -> 'Trường học'
    reviews: list[dt.date]  # the last day of each review month
    review_tasks: list[str]  # the plan's review tasks, 'III.1'
    review_timing: str  # as the plan writes it, 'Tháng 6 và tháng 12'
    directing: str  # who directs the reviews, as the plan writes it
    send_to: str  # the office the filled workbook goes to
    values: pd.DataFrame | None = None  # the earlier round's values, one row per commune (NA where unknown)
    round: str | None = None
    prefilled: int = 0  # communes found in the earlier round

    @property
    def scope(self) -> str:
        """'Huyện Tràng Định' or 'tỉnh Lạng Sơn': what the template covers."""
        return self.district or _("the province of {province}").format(province=self.province)


def build_template(plan_file: str, lang: Lang, district: str | None = None, round_sources: list[str] | None = None,
                   sheet: str | None = None) -> TemplateSpec:
    """Gather the template's content; ``UnknownName`` for a district the list does not have."""
    plan = load_plan(plan_file).plan
    communes = reference_communes()[["code", "name", "district_code", "district"]]
    district_code = district_name = None
    if district is not None:
        district_code, district_name = find_district(communes, district)
        communes = communes[communes["district_code"] == district_code]
    communes = communes.reset_index(drop=True)
    tasks = review_tasks(plan)
    spec = TemplateSpec(
        lang=lang,
        plan_number=plan.metadata.number,
        plan_title=pick(plan.metadata.title.vi, plan.metadata.title.en, lang),
        year=plan.metadata.year,
        province=plan.metadata.province.name,
        district_code=district_code,
        district=district_name,
        communes=communes,
        criterion_names={CRITERION_COLUMNS[c.number - 1]: pick(c.name.vi, c.name.en, lang) for c in plan.criteria},
        reviews=_last_days(tasks, plan.metadata.year),
        review_tasks=[task.id for task in tasks],
        review_timing=tasks[0].timing.text if tasks else "",
        directing=tasks[0].directing.text if tasks else "",
        send_to=_office(plan, tasks, lang),
    )
    if round_sources:
        data = read_round(round_sources, plan, sheet)
        prefill(spec, data.frame, data.file)
    return spec


def prefill(spec: TemplateSpec, frame: pd.DataFrame, label: str) -> None:
    """Fill the template's cells with a round's values (the first row of a code counts, as in the check)."""
    earlier = frame.dropna(subset=["code"]).drop_duplicates("code").set_index("code")
    spec.values = earlier.reindex(spec.communes["code"]).reset_index(drop=True)
    spec.prefilled = int(spec.communes["code"].isin(earlier.index).sum())
    spec.round = label


def find_district(communes: pd.DataFrame, asked: str) -> tuple[str, str]:
    """(code, name) of the district asked for by its code ('180') or its name, accents, case and prefix aside."""
    districts = communes[["district_code", "district"]].drop_duplicates()
    wanted = asked.strip()
    keys = {}
    for code, name in districts.itertuples(index=False):
        for spelling in (code, name, _without_prefix(name)):
            keys[fold(spelling)] = (code, name)
    if fold(wanted) in keys:
        return keys[fold(wanted)]
    near = suggest(fold(wanted), keys)
    hint = _("; did you mean {name}?").format(name=keys[near][1]) if near else ""
    raise UnknownName(_("no district '{asked}' in the official list{hint}").format(asked=asked, hint=hint),
                      "--district")


def _without_prefix(name: str) -> str:
    for prefix in ("Huyện ", "Thành phố ", "Thị xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def review_tasks(plan: Plan) -> list[Task]:
    """The plan's reviews of the communes' state: tasks the districts carry out in months the plan names."""
    district_level = {agency.code for agency in plan.agencies if agency.level == "district"}
    return [task for task in plan.tasks()
            if task.timing.kind is TimingKind.MONTHS and district_level & set(task.executing.agencies)]


def _last_days(tasks: list[Task], year: int) -> list[dt.date]:
    months = sorted({(task.timing.year or year, month) for task in tasks for month in task.timing.months})
    return [dt.date(y, m, calendar.monthrange(y, m)[1]) for y, m in months]


def _office(plan: Plan, tasks: list[Task], lang: Lang) -> str:
    """The coordination office when the plan has it, else the first body directing the reviews."""
    names = {agency.code: pick(agency.name.vi, agency.name.en, lang) for agency in plan.agencies}
    if COMPILING_OFFICE in names:
        return names[COMPILING_OFFICE]
    directing = [code for task in tasks for code in task.directing.agencies if code in names]
    return names[directing[0]] if directing else ""
