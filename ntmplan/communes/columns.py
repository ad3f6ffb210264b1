"""The canonical columns of commune data and the headers accepted for each.

District offices export their sheets from Excel with Vietnamese headers ('Mã xã',
'Xã ĐBKK', 'Tiêu chí số 1'), with or without accents, in any case and spacing.
A header is matched on its *key*: folded (lower case, no accents, 'đ' as 'd')
and stripped of everything but letters and digits, so 'Xã điểm  ĐBKK',
'xa_diem_dbkk' and 'XA DIEM DBKK' are one header. The accepted keys are listed
here and in ``data/README.md``; a test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ntmplan.i18n import N_, _
from ntmplan.model.plan import CRITERIA, Measure, Members
from ntmplan.text import fold

Kind = Literal["code", "text", "flag", "year", "count"]

CODE_DIGITS = 5

# Spellings of yes and no, compared after folding (case, accents and spaces do not matter).
YES = ("1", "x", "Đạt", "Có", "true", "yes")
NO = ("0", "", "Không đạt", "Chưa đạt", "Không", "false", "no")
FLAG_EXPECTED = N_("yes or no: 1/0, x/empty, Đạt/Không đạt, Có/Không, true/false or yes/no")

CRITERION_MEANING = N_("criterion {number} met")
CRITERION_COLUMNS = tuple(f"c{n:02d}" for n in range(1, CRITERIA + 1))


@dataclass(frozen=True)
class Column:
    """One canonical column: its name, how its cells are read, and its accepted headers."""

    name: str
    kind: Kind
    required: bool
    meaning: str
    aliases: tuple[str, ...] = ()

    @property
    def meaning_text(self) -> str:
        """What the column holds, in the current language: 'commune code', 'criterion 5 met'."""
        return _(self.meaning).format(number=int(self.name[1:]) if self.name in CRITERION_COLUMNS else "")

    @property
    def keys(self) -> tuple[str, ...]:
        return (header_key(self.name),) + tuple(header_key(alias) for alias in self.aliases)


COLUMNS: tuple[Column, ...] = (
    Column("code", "code", True, N_("commune code"), ("Mã xã", "Mã", "Mã đơn vị", "commune_code")),
    Column("name", "text", True, N_("commune name"), ("Tên xã", "Xã", "Tên", "Tên đơn vị", "commune")),
    Column("district_code", "text", True, N_("district code"), ("Mã huyện",)),
    Column("district", "text", True, N_("district name"), ("Huyện", "Tên huyện", "Huyện/thành phố")),
    Column("border", "flag", False, N_("border commune, xã biên giới"), ("Xã biên giới", "Biên giới")),
    Column(
        "special_difficulty", "flag", False, N_("commune in especially difficult circumstances, xã ĐBKK"),
        ("Xã ĐBKK", "ĐBKK", "Xã đặc biệt khó khăn", "Đặc biệt khó khăn"),
    ),
    Column(
        "special_difficulty_pilot", "flag", False, N_("pilot commune among those, xã điểm ĐBKK"),
        ("Xã điểm ĐBKK", "Điểm ĐBKK", "Xã điểm đặc biệt khó khăn"),
    ),
    Column(
        "district_pilot", "flag", False, N_("pilot commune chosen by the district, xã điểm do huyện lựa chọn"),
        ("Xã điểm do huyện lựa chọn", "Xã điểm huyện chọn", "Xã điểm ĐBKK do huyện lựa chọn", "Điểm huyện chọn"),
    ),
    Column(
        "target_2019", "flag", False, N_("commune aiming for the standard in 2019, xã phấn đấu đạt chuẩn"),
        ("Xã phấn đấu 2019", "Phấn đấu 2019", "Xã phấn đấu đạt chuẩn 2019", "Phấn đấu đạt chuẩn 2019",
         "Xã phấn đấu đạt chuẩn năm 2019"),
    ),
    Column(
        "ntm_year", "year", False, N_("year recognised as NTM, năm đạt chuẩn"),
        ("Năm đạt chuẩn", "Năm đạt chuẩn NTM", "Năm công nhận", "Năm công nhận NTM", "Năm đạt chuẩn nông thôn mới"),
    ),
    *(
        Column(column, "flag", True, CRITERION_MEANING, ())
        for n, column in enumerate(CRITERION_COLUMNS, start=1)
    ),
    Column(
        "advanced_criteria", "count", False, N_("criteria of the advanced set met, số tiêu chí nâng cao"),
        ("Số tiêu chí nâng cao", "Tiêu chí nâng cao", "Số TC nâng cao"),
    ),
    Column(
        "model_areas", "count", False, N_("model residential areas, số khu dân cư kiểu mẫu"),
        ("Số KDC kiểu mẫu", "KDC kiểu mẫu", "Số khu dân cư kiểu mẫu", "Khu dân cư kiểu mẫu"),
    ),
)

# The flag column that marks the members of a group target, and the count column a measure reads.
MEMBER_COLUMNS = {
    Members.SPECIAL_DIFFICULTY_PILOT: "special_difficulty_pilot",
    Members.SPECIAL_DIFFICULTY: "special_difficulty",
    Members.DISTRICT_PILOT: "district_pilot",
    Members.BORDER: "border",
}
MEASURE_COLUMNS = {
    Measure.ADVANCED_CRITERIA_MET: "advanced_criteria",
    Measure.MODEL_RESIDENTIAL_AREAS: "model_areas",
}

BY_NAME: dict[str, Column] = {column.name: column for column in COLUMNS}
NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)

# Criterion headers: 'c01', 'c1', 'TC1', 'TC 01', 'Tiêu chí 1', 'Tiêu chí số 1', 'criterion 1',
# optionally followed by the criterion's name ('Tiêu chí 1 - Quy hoạch').
_CRITERION = re.compile(r"^(?:c|tc|tieuchi|tieuchiso|criterion)0*(1[0-9]|[1-9])(?:[^0-9].*)?$")


def header_key(header: str) -> str:
    """'Xã điểm ĐBKK ' -> 'xadiemdbkk': folded, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(header))


# Every accepted header, as its key, and the column it names.
HEADER_KEYS: dict[str, str] = {}
for _column in COLUMNS:
    for _key in _column.keys:
        if _key in HEADER_KEYS and HEADER_KEYS[_key] != _column.name:  # pragma: no cover - a mistake in the table above
            raise ValueError(f"header {_key!r} is claimed by {HEADER_KEYS[_key]} and {_column.name}")
        HEADER_KEYS[_key] = _column.name


# The row-number column every Vietnamese table begins with ('STT', số thứ tự): never commune data,
# so it is passed over without a word (any other column that is not read is reported).
ROW_NUMBER_HEADERS = ("STT", "TT", "Số TT", "Số thứ tự")
ROW_NUMBER_KEYS = frozenset(header_key(header) for header in ROW_NUMBER_HEADERS)


@lru_cache(maxsize=4096)
def match_header(header: str) -> str | None:
    """The canonical column a header names, or None when it names none (remembered: headers repeat)."""
    key = header_key(header)
    if not key:
        return None
    if key in HEADER_KEYS:
        return HEADER_KEYS[key]
    found = _CRITERION.match(key)
    if found:
        return CRITERION_COLUMNS[int(found.group(1)) - 1]
    return None


def column_letter(number: int) -> str:
    """Excel's name of a 1-based column number: 1 -> A, 27 -> AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
