"""Generate the synthetic commune data: ``data/communes.csv`` and ``data/communes-2019-06.csv``.

Run from the repository root: ``.venv/bin/python scripts/generate_communes.py``.

The real per-commune statuses of Lạng Sơn in 2019 are not public, so the statuses
are SYNTHETIC; the codes, names and districts are the official list shipped in
``ntmplan/reference``. The statuses are calibrated to what the plan
(``plans/2019.yaml``, read with ``load_plan``, never copied here) implies about
the start of its year:

- communes at standard = the headline's baseline, or total − added (60 − 12 = 48);
  each meets all 19 criteria and has a year of recognition, as many in 2014-2016
  as the plan's "xã đạt chuẩn NTM giai đoạn 2014 - 2016" figure says (24); the
  plan's advanced pilot communes are among them;
- communes meeting each criterion = its baseline if stated, else total − added;
  a total equal to all the province's communes with nothing added is maintained
  (all communes meet it); a total with no added count assumes that the year adds
  the communes aiming for the standard (total − 12); a criterion with no figure
  at all is taken as met everywhere (the plan asks only to keep it up);
- group sizes from the plan: the pilot communes in especially difficult
  circumstances, the border communes, the communes aiming for the standard (the
  headline's added), the communes in especially difficult circumstances (the
  support scheme's count);
- the criteria met by each commune not at standard are drawn so that every
  criterion's count is exact (a bipartite degree-sequence construction, Ryser's
  greedy), with communes aiming for the standard closest to it, then the pilot
  and border communes, and the plan's additions enough to carry every target
  commune to the standard.

The June review adds a few months of progress: two target communes recognised in
2019, the criteria with the fewest additions already at or above their total, the
hardest ones lagging, and one commune recognised in 2014 fallen below the standard.
Everything is drawn from one ``random.Random(SEED)``: same plan, same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from ntmplan.communes.columns import CRITERIA, CRITERION_COLUMNS, NAMES  # noqa: E402
from ntmplan.communes.reference import reference_communes  # noqa: E402
from ntmplan.i18n import Lang  # noqa: E402
from ntmplan.loading.plan_loader import load_plan  # noqa: E402
from ntmplan.model.plan import Members, Plan  # noqa: E402
from ntmplan.report.template import stable_bytes, template_bytes  # noqa: E402
from ntmplan.runs.template import build_template, prefill  # noqa: E402
from ntmplan.text import fold  # noqa: E402

SEED = 46  # the plan's number, 46/KH-UBND
PLAN_FILE = ROOT / "plans" / "2019.yaml"
BASELINE_FILE = "data/communes.csv"
JUNE_FILE = "data/communes-2019-06.csv"
WORKBOOK_DIR = "data/2019-06"  # the June round as the districts send it back
HANDMADE_DISTRICT = "185"  # Bắc Sơn sends its own sheet instead of the template
RETURNED = dt.datetime(2019, 6, 25, 8, 0)  # when the workbooks say they were saved

# Communes on the border with China in the five border districts, as far as public
# reporting lets us tell (Tràng Định, Văn Lãng, Cao Lộc, Lộc Bình, Đình Lập). The choice
# is synthetic: it is not the official list of Resolution 16-NQ/TW's border communes.
BORDER_CODES = (
    "06004", "06025", "06028", "06043", "06058",  # Tràng Định: Quốc Khánh, Đội Cấn, Tân Minh, Đào Viên, Quốc Việt
    "06127", "06136", "06148", "06166", "06172",  # Văn Lãng: Trùng Khánh, Thụy Hùng, Thanh Long, Tân Thanh, Tân Mỹ
    "06190", "06193", "06196", "06202", "06208",  # Cao Lộc: Bảo Lâm, Thanh Lòa, Cao Lâu, Xuất Lễ, Thụy Hùng
    "06541", "06547", "06559",  # Lộc Bình: Yên Khoái, Tú Mịch, Tam Gia
    "06619", "06622",  # Đình Lập: Bắc Xa, Bính Xá
)
BORDER_DISTRICTS = ("180", "182", "183", "188", "189")

# How likely a district's communes are to be ahead (at or near the standard): the city's
# communes and the lowland districts along the national roads first, the high mountains last.
AHEAD = {"178": 4.0, "186": 1.6, "187": 1.6, "183": 1.3, "184": 1.0, "185": 1.0,
         "188": 0.9, "182": 0.8, "181": 0.6, "180": 0.6, "189": 0.6}
# How likely a district's communes are to be in especially difficult circumstances.
DIFFICULT = {"178": 0.0, "186": 0.5, "187": 0.6, "183": 0.7, "184": 1.2, "185": 1.2,
             "188": 1.0, "182": 1.0, "181": 1.6, "180": 1.4, "189": 1.6}

# Criteria met by each kind of commune not at standard (before the exact fill).
TARGET_MET = (13, 14, 15)
PILOT_MET = (10, 11, 11, 11, 12)
DIFFICULT_MET = (4, 5, 5, 5, 6, 6)
BORDER_MET = (7, 8, 8, 9, 9, 10)
REST_MET = (5, 5, 5, 6, 6, 6, 6, 7, 7, 8, 9, 10)
REST_BOUNDS = (5, 12)

EARLY_YEARS = (2014, 2015, 2016)  # "giai đoạn 2014 - 2016"
EARLY_WEIGHTS = (2, 3, 4)
FIRST_YEAR_IF_UNSTATED = 2014

# June review: how far each criterion's additions have come.
JUNE_DONE = 3  # criteria with the fewest additions: done, the first one beyond its total
JUNE_LAGGING = 3  # criteria met by the fewest communes not at standard: lagging
JUNE_COMPLETED_TARGETS = 2


@dataclass
class Calibration:
    """What the plan implies about the start of its year, and how each figure was derived."""

    year: int
    communes: int
    standard: int
    early_standard: int
    targets: int
    border: int
    pilots: int
    difficult: int
    advanced_pilots: list[str]
    criteria: dict[str, int] = field(default_factory=dict)  # column -> communes meeting it at the start
    added: dict[str, int] = field(default_factory=dict)  # column -> communes added in the year (stated or assumed)
    totals: dict[str, int | None] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)


def _group_size(plan: Plan, members: Members) -> int | None:
    return next((g.communes for g in plan.headline.groups if g.members is members and g.communes is not None), None)


def calibrate(plan: Plan) -> Calibration:
    """Read the baseline the plan implies; every figure comes from the plan file."""
    communes = plan.metadata.province.communes
    headline = plan.headline.standard_communes
    standard = headline.start
    if standard is None:
        raise SystemExit("the plan states neither the baseline nor total and added of its communes at standard")
    early = next(
        (int(f.value) for m in plan.measures for f in m.figures if f.key.endswith("2014-2016") and f.value),
        standard // 2,
    )
    difficult = _group_size(plan, Members.SPECIAL_DIFFICULTY) or next(
        (s.communes for s in plan.headline.support_schemes if "special-difficulty" in s.key and s.communes), None
    )
    cal = Calibration(
        year=plan.metadata.year,
        communes=communes,
        standard=standard,
        early_standard=early,
        targets=headline.added or 0,
        border=_group_size(plan, Members.BORDER) or 0,
        pilots=_group_size(plan, Members.SPECIAL_DIFFICULTY_PILOT) or 0,
        difficult=difficult or 0,
        advanced_pilots=[c.code for c in plan.headline.advanced_pilot_communes],
    )
    for criterion in sorted(plan.criteria, key=lambda c: c.number):
        column = CRITERION_COLUMNS[criterion.number - 1]
        count = criterion.communes
        start = count.start
        cal.totals[column] = count.total
        if start is not None:
            cal.criteria[column] = start
            cal.added[column] = count.total - start if count.total is not None else 0
            cal.how[column] = "stated: total − added" if count.baseline is None else "stated baseline"
        elif count.total is not None and count.total >= communes:
            cal.criteria[column], cal.added[column] = count.total, 0
            cal.how[column] = "total is every commune, nothing added: maintained"
        elif count.total is not None:
            start = max(count.total - cal.targets, standard)
            cal.criteria[column], cal.added[column] = start, count.total - start
            cal.how[column] = "only a total stated: total − the communes aiming for the standard"
        else:
            cal.criteria[column], cal.added[column] = communes, 0
            cal.how[column] = "no figure stated: met by every commune"
    for column in CRITERION_COLUMNS:
        if column not in cal.criteria:
            cal.criteria[column], cal.added[column], cal.totals[column] = communes, 0, None
            cal.how[column] = "criterion not in the plan: met by every commune"
    return cal


# --- drawing ---------------------------------------------------------------------------


def weighted_sample(rng: random.Random, items: list[str], weights: dict[str, float], n: int) -> list[str]:
    """n items without replacement, each with probability growing with its weight (Efraimidis-Spirakis)."""
    keyed = []
    for item in items:
        weight = weights[item]
        keyed.append((rng.random() ** (1 / weight) if weight > 0 else -1.0, item))
    keyed.sort(reverse=True)
    if n > len(keyed) or (n and keyed[n - 1][0] < 0):
        raise SystemExit(f"cannot draw {n} communes from {len(items)} candidates")
    return [item for _, item in keyed[:n]]


def split(total: int, weights: tuple[int, ...]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainders)."""
    exact = [total * w / sum(weights) for w in weights]
    parts = [math.floor(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: parts[i] - exact[i])[: total - sum(parts)]:
        parts[i] += 1
    return parts


def feasible(row_sums: list[int], column_sums: list[int]) -> bool:
    """Gale-Ryser: a 0/1 matrix with these row and column sums exists."""
    if sum(row_sums) != sum(column_sums):
        return False
    rows = sorted(row_sums, reverse=True)
    for k in range(1, len(rows) + 1):
        if sum(rows[:k]) > sum(min(c, k) for c in column_sums):
            return False
    return True


def fill(rng: random.Random, row_sums: dict[str, int], column_sums: dict[str, int]) -> dict[str, set[str]]:
    """Criteria met by each row with exact sums both ways (Ryser's greedy, scarcest criterion first).

    Each criterion goes to the rows that still need the most criteria; ties are broken
    at random, so two communes with the same count lack different criteria.
    """
    need = dict(row_sums)
    met: dict[str, set[str]] = {row: set() for row in row_sums}
    for column in sorted(column_sums, key=lambda c: (column_sums[c], c)):
        order = sorted(need, key=lambda row: (-need[row], rng.random()))
        chosen = order[: column_sums[column]]
        if column_sums[column] and need[chosen[-1]] <= 0:
            raise SystemExit(f"cannot place criterion {column}: not enough communes still short of criteria")
        for row in chosen:
            met[row].add(column)
            need[row] -= 1
    if any(need.values()):
        raise SystemExit("the criteria counts and the communes' numbers of criteria do not fit together")
    return met


def baseline(cal: Calibration, communes: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """The communes at the start of the plan's year."""
    codes = list(communes["code"])
    district = dict(zip(communes["code"], communes["district_code"]))

    border = [c for c in BORDER_CODES if c in district][: cal.border]
    if len(border) < cal.border:  # a plan with more border communes: draw the rest in the border districts
        others = [c for c in codes if district[c] in BORDER_DISTRICTS and c not in border]
        border += weighted_sample(rng, others, {c: 1.0 for c in others}, cal.border - len(border))
    border_set = set(border)

    ahead = {c: AHEAD.get(district[c], 1.0) for c in codes}
    pilots_advanced = [c for c in cal.advanced_pilots if c in district]
    candidates = [c for c in codes if c not in border_set and c not in pilots_advanced]
    # every district has some (one each first), the advanced pilots among them
    covered = {district[c] for c in pilots_advanced}
    first = _spread(rng, [c for c in candidates if district[c] not in covered], district,
                    len({district[c] for c in candidates} - covered), ahead)
    rest_candidates = [c for c in candidates if c not in set(first)]
    standard = pilots_advanced + first + weighted_sample(
        rng, rest_candidates, ahead, cal.standard - len(pilots_advanced) - len(first)
    )
    standard_set = set(standard)

    open_codes = [c for c in codes if c not in standard_set and c not in border_set]
    difficulty = {c: DIFFICULT.get(district[c], 1.0) for c in open_codes}
    difficult = weighted_sample(rng, open_codes, difficulty, cal.difficult)
    pilots = _spread(rng, difficult, district, cal.pilots)

    open_codes = [c for c in open_codes if c not in set(difficult)]
    targets = _spread(rng, open_codes, district, cal.targets, ahead)

    # criteria met by each commune not at standard
    others = [c for c in codes if c not in standard_set]
    met_count: dict[str, int] = {}
    for code, n in zip(targets, _cycle(rng, TARGET_MET, len(targets))):
        met_count[code] = n
    for code, n in zip(pilots, _cycle(rng, PILOT_MET, len(pilots))):
        met_count[code] = n
    for code in difficult:
        met_count.setdefault(code, rng.choice(DIFFICULT_MET))
    for code in border:
        met_count[code] = rng.choice(BORDER_MET)
    rest = [c for c in others if c not in met_count]
    for code in rest:
        met_count[code] = rng.choice(REST_MET)
    column_sums = {column: cal.criteria[column] - cal.standard for column in CRITERION_COLUMNS}
    _balance(rng, met_count, rest, sum(column_sums.values()))
    while not feasible([met_count[c] for c in others], list(column_sums.values())):
        top = max(others, key=lambda c: (met_count[c], c))  # the scarce criteria cannot go round: lower the top
        low = min(rest, key=lambda c: (met_count[c], c))
        met_count[top] -= 1
        met_count[low] += 1
    met = fill(rng, {c: met_count[c] for c in others}, column_sums)
    for column in CRITERION_COLUMNS:  # the year's additions can carry every target commune to the standard
        lacking = sum(column not in met[c] for c in targets)
        if lacking > cal.added[column]:
            raise SystemExit(f"{lacking} target communes lack {column}, but the plan adds only {cal.added[column]}")

    years = _years(rng, cal, standard, pilots_advanced)
    frame = communes[["code", "name", "district_code", "district"]].copy()
    frame["border"] = frame["code"].isin(border_set)
    frame["special_difficulty"] = frame["code"].isin(set(difficult))
    frame["special_difficulty_pilot"] = frame["code"].isin(set(pilots))
    frame["target_2019"] = frame["code"].isin(set(targets))
    frame["district_pilot"] = frame["code"].isin(district_pilots(frame, met))
    frame["ntm_year"] = frame["code"].map(years).astype("Int64")
    for column in CRITERION_COLUMNS:
        frame[column] = [code in standard_set or column in met[code] for code in frame["code"]]
    advanced, model = _advanced(rng, cal, years, pilots_advanced)
    frame["advanced_criteria"] = frame["code"].map(advanced).fillna(0).astype("Int64")
    frame["model_areas"] = frame["code"].map(model).fillna(0).astype("Int64")
    return frame[list(NAMES)]


def district_pilots(frame: pd.DataFrame, met: dict[str, set[str]]) -> set[str]:
    """The communes each district chooses as its own special-difficulty pilots (no draw: the rest stays as it was).

    The plan names neither them nor their number. Each district with special-difficulty
    communes that are not among the province's pilots chooses the one meeting the most
    criteria at the start of the year (the likeliest to reach 10 by 2020), the lowest code
    first on a tie; a district with three or more such communes chooses two.
    """
    chosen: set[str] = set()
    candidates = frame[frame["special_difficulty"] & ~frame["special_difficulty_pilot"]]
    for _district, group in candidates.groupby("district_code"):
        ranked = sorted(group["code"], key=lambda code: (-len(met[code]), code))  # none is at standard
        chosen.update(ranked[: 2 if len(ranked) >= 3 else 1])
    return chosen


def _cycle(rng: random.Random, values: tuple[int, ...], n: int) -> list[int]:
    """``values`` repeated to length n, shuffled: an even spread rather than a lucky draw."""
    spread = [values[i % len(values)] for i in range(n)]
    rng.shuffle(spread)
    return spread


def _spread(rng: random.Random, codes: list[str], district: dict[str, str], n: int,
            weights: dict[str, float] | None = None) -> list[str]:
    """n communes, one per district first (districts in random order), then by weight."""
    weights = weights or {c: 1.0 for c in codes}
    by_district: dict[str, list[str]] = {}
    for code in codes:
        by_district.setdefault(district[code], []).append(code)
    order = sorted(by_district)
    rng.shuffle(order)
    chosen: list[str] = []
    for name in order[:n]:
        chosen += weighted_sample(rng, by_district[name], weights, 1)
    rest = [c for c in codes if c not in set(chosen)]
    return sorted(chosen + weighted_sample(rng, rest, weights, n - len(chosen)))


def _balance(rng: random.Random, met_count: dict[str, int], rest: list[str], total: int) -> None:
    """Move the ordinary communes' counts, one criterion at a time, until they add up to ``total``."""
    low, high = REST_BOUNDS
    while sum(met_count.values()) != total:
        if sum(met_count.values()) > total:
            movable = [c for c in rest if met_count[c] > low]
            step = -1
        else:
            movable = [c for c in rest if met_count[c] < high]
            step = 1
        if not movable:
            raise SystemExit("the criteria counts cannot be spread over the communes within the bounds")
        met_count[rng.choice(movable)] += step


def _years(rng: random.Random, cal: Calibration, standard: list[str], first: list[str]) -> dict[str, int]:
    """Years of recognition: the plan's 2014-2016 count in those years, the rest in the two years before the plan."""
    early_counts = split(cal.early_standard, EARLY_WEIGHTS)
    late_years = tuple(range(EARLY_YEARS[-1] + 1, cal.year))
    late_counts = split(cal.standard - cal.early_standard, tuple(1 for _ in late_years)) if late_years else []
    slots = [year for year, n in zip(EARLY_YEARS + late_years, early_counts + late_counts) for _ in range(n)]
    others = [c for c in standard if c not in first]
    rng.shuffle(others)
    return dict(zip(first + others, slots))


def _advanced(rng: random.Random, cal: Calibration, years: dict[str, int], pilots: list[str]):
    """Advanced-set criteria and model residential areas of the communes at standard, growing with age."""
    advanced, model = {}, {}
    for code, year in sorted(years.items()):
        age = cal.year - year
        if code in pilots:
            advanced[code], model[code] = rng.randint(8, 10), 2
            continue
        advanced[code] = min(CRITERIA, rng.randint(max(0, age - 2), age + 1))
        chance = 0.6 if age >= 4 else 0.4 if age == 3 else 0.2
        draw = rng.random()
        model[code] = 2 if draw < 0.1 and age >= 4 else 1 if draw < chance else 0
    return advanced, model


# --- the June review -------------------------------------------------------------------


def june(cal: Calibration, start: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """A few months into the year: some targets met, others lagging, one commune slipped."""
    frame = start.copy()
    matrix = frame[list(CRITERION_COLUMNS)].astype(bool)
    met = matrix.sum(axis=1)
    target = frame["target_2019"].astype(bool)
    at_standard = matrix.all(axis=1)

    # the target communes closest to the standard are recognised in the plan's year
    ranked = sorted(frame.index[target], key=lambda i: (-met[i], rng.random()))
    completed = ranked[:JUNE_COMPLETED_TARGETS]

    planned = {c: cal.added[c] for c in CRITERION_COLUMNS if cal.added[c] > 0}
    by_added = sorted(planned, key=lambda c: (planned[c], c))
    done = by_added[:JUNE_DONE]
    holders = {c: int((matrix[c] & ~at_standard).sum()) for c in planned}
    lagging = sorted((c for c in planned if c not in done), key=lambda c: (holders[c], c))[:JUNE_LAGGING]
    gains = {}
    for column, added in planned.items():
        if column in done:
            gains[column] = added + (1 if column == done[0] else 0)
        elif column in lagging:
            gains[column] = round(added * rng.uniform(0.05, 0.2))
        else:
            gains[column] = round(added * rng.uniform(0.3, 0.6))

    for row in completed:
        for column in CRITERION_COLUMNS:
            if not matrix.at[row, column]:
                matrix.at[row, column] = True
                gains[column] = max(gains.get(column, 0) - 1, 0)
    for column in sorted(gains):  # target communes first, then anywhere
        rows = [i for i in frame.index if not matrix.at[i, column]]
        rows.sort(key=lambda i: (not target[i], rng.random()))
        given = 0
        for row in rows:
            if given == gains[column]:
                break
            if int(matrix.loc[row].sum()) == CRITERIA - 1:
                continue  # completing a commune is a recognition, told above
            matrix.at[row, column] = True
            given += 1

    # one commune recognised in the earliest year slips on a hard criterion
    earliest = frame["ntm_year"].min()
    first_year = (frame["ntm_year"] == earliest).fillna(False)
    slipping = list(frame.index[first_year & ~frame["code"].isin(cal.advanced_pilots)])
    fallen = rng.choice(slipping)
    matrix.at[fallen, rng.choice(lagging)] = False

    for column in CRITERION_COLUMNS:
        frame[column] = matrix[column]
    for row in completed:
        frame.at[row, "ntm_year"] = cal.year
    standard = matrix.all(axis=1) & frame["ntm_year"].notna()
    for row in frame.index[standard]:
        if row in completed:
            continue
        if rng.random() < 0.5:
            frame.at[row, "advanced_criteria"] = min(CRITERIA, int(frame.at[row, "advanced_criteria"]) + 1)
        if frame.at[row, "model_areas"] < 2 and rng.random() < 0.3:
            frame.at[row, "model_areas"] = int(frame.at[row, "model_areas"]) + 1
    return frame


# --- output ----------------------------------------------------------------------------


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8, comma-separated, '\\n' line ends, flags as 1/0, an empty cell for no year."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NAMES)
    flags = {c for c in NAMES if frame[c].dtype == bool}
    for record in frame.sort_values("code").itertuples(index=False):
        row = []
        for name, value in zip(NAMES, record):
            if name in flags:
                row.append("1" if value else "0")
            elif pd.isna(value):
                row.append("")
            else:
                row.append(str(value))
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def district_workbooks(plan_file: Path, review: pd.DataFrame) -> dict[str, bytes]:
    """The June round as the districts return it: one workbook each, in the template's layout, one made by hand.

    Each template was made from the start of the year (``ntmplan template --district
    CODE --from data/communes.csv``) and filled in with the June values.
    """
    files = {}
    for code, district in review[["district_code", "district"]].drop_duplicates().itertuples(index=False):
        name = f"{WORKBOOK_DIR}/{code}-{slug(district)}.xlsx"
        values = review[review["district_code"] == code]
        if code == HANDMADE_DISTRICT:
            files[name] = handmade_workbook(values, load_plan(str(plan_file)).plan)
            continue
        spec = build_template(str(plan_file), Lang.vi, code)
        prefill(spec, values, BASELINE_FILE)
        files[name] = template_bytes(spec, RETURNED)
    return dict(sorted(files.items()))


def slug(district: str) -> str:
    """'Huyện Tràng Định' -> 'trang-dinh', 'Thành phố Lạng Sơn' -> 'thanh-pho-lang-son'."""
    words = fold(district).split()
    return "-".join(words[1:] if words[0] == "huyen" else words)


def handmade_workbook(frame: pd.DataFrame, plan: Plan) -> bytes:
    """A district's own sheet: a title block, a header over two rows with merged cells, 'x' for yes, the
    column numbers under the header, a total row and the signatures below the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    frame = frame.sort_values("code").reset_index(drop=True)
    district = frame["district"].iat[0]
    groups = [("Biên giới", "border"), ("ĐBKK", "special_difficulty"), ("Điểm ĐBKK", "special_difficulty_pilot"),
              ("Điểm huyện chọn", "district_pilot"), (f"Phấn đấu {plan.metadata.year}", "target_2019")]
    left = ["STT", "Mã xã", "Tên xã", "Mã huyện", "Huyện"]
    right = ["Số tiêu chí nâng cao", "Số KDC kiểu mẫu", "Ghi chú"]
    width = len(left) + len(groups) + 1 + CRITERIA + len(right)
    year_column = len(left) + len(groups) + 1
    first_criterion = year_column + 1
    book = Workbook()
    ws = book.active
    ws.title = "Biểu 01"
    ws["A1"], ws["A2"] = f"UBND {district.upper()}", "BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI"
    ws.cell(row=1, column=20, value="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ws.cell(row=2, column=20, value="Độc lập - Tự do - Hạnh phúc")
    ws["A4"] = "BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI"
    ws["A5"] = (f"(Kỳ rà soát tháng 6 năm {plan.metadata.year}, theo Kế hoạch số {plan.metadata.number} "
                f"ngày {plan.metadata.date:%d/%m/%Y} của UBND tỉnh {plan.metadata.province.name})")
    for row in (1, 2):
        ws.merge_cells(start_row=row, end_row=row, start_column=1, end_column=5)
        ws.merge_cells(start_row=row, end_row=row, start_column=20, end_column=30)
    for row in (4, 5):
        ws.merge_cells(start_row=row, end_row=row, start_column=1, end_column=width)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    ws["A4"].font = Font(bold=True, size=13)
    top, sub = 7, 8
    spans = [(1, title) for title in left] + [(len(groups), "Nhóm xã"), (1, "Năm đạt chuẩn"), (CRITERIA, "Tiêu chí")]
    spans += [(1, title) for title in right]
    column = 1
    for size, title in spans:
        ws.cell(row=top, column=column, value=title).font = Font(bold=True)
        if size > 1:
            ws.merge_cells(start_row=top, end_row=top, start_column=column, end_column=column + size - 1)
        else:
            ws.merge_cells(start_row=top, end_row=sub, start_column=column, end_column=column)
        column += size
    for offset, (title, _column) in enumerate(groups):
        ws.cell(row=sub, column=len(left) + 1 + offset, value=title)
    for number in range(1, CRITERIA + 1):
        ws.cell(row=sub, column=first_criterion + number - 1, value=number)
    for number in range(1, width + 1):
        ws.cell(row=sub + 1, column=number, value=f"({number})")
    first = sub + 2
    for index, record in enumerate(frame.itertuples(index=False)):
        row = first + index
        values = [index + 1, record.code, record.name, record.district_code, record.district]
        values += ["x" if getattr(record, name) else None for _title, name in groups]
        values += [None if pd.isna(record.ntm_year) else int(record.ntm_year)]
        values += ["x" if getattr(record, criterion) else None for criterion in CRITERION_COLUMNS]
        values += [int(record.advanced_criteria), int(record.model_areas), None]
        for column, value in enumerate(values, start=1):
            ws.cell(row=row, column=column, value=value)
    last = first + len(frame) - 1
    ws.merge_cells(start_row=first, end_row=last, start_column=5, end_column=5)  # the district, once
    total = last + 1
    ws.cell(row=total, column=1, value="Tổng cộng").font = Font(bold=True)
    ws.merge_cells(start_row=total, end_row=total, start_column=1, end_column=3)
    for offset, criterion in enumerate(CRITERION_COLUMNS):
        ws.cell(row=total, column=first_criterion + offset, value=int(frame[criterion].sum()))
    ws.cell(row=total + 2, column=3, value="Người lập biểu")
    ws.cell(row=total + 2, column=22, value=f"{district.removeprefix('Huyện ')}, ngày 25 tháng 6 năm "
                                             f"{plan.metadata.year}")
    ws.cell(row=total + 3, column=22, value="TM. BAN CHỈ ĐẠO")
    ws.cell(row=total + 4, column=3, value="(Ký, ghi rõ họ tên)")
    ws.freeze_panes = ws.cell(row=first, column=4)
    book.properties.creator = district
    book.properties.created = book.properties.modified = RETURNED
    return stable_bytes(book)


def generate(plan_file: Path = PLAN_FILE) -> dict[str, bytes]:
    """The data files, by path relative to the repository root: the two rounds, and June by district."""
    plan = load_plan(str(plan_file)).plan
    cal = calibrate(plan)
    rng = random.Random(SEED)
    communes = reference_communes()
    start = baseline(cal, communes, rng)
    review = june(cal, start, rng)
    return {BASELINE_FILE: to_csv(start), JUNE_FILE: to_csv(review), **district_workbooks(plan_file, review)}


def main(out_dir: Path = ROOT, plan_file: Path = PLAN_FILE) -> list[Path]:
    written = []
    for relative, content in generate(plan_file).items():
        path = Path(out_dir) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
