"""The data-entry template's layout, shared by the workbook that writes it and the reader.

A template (``ntmplan template``) is an .xlsx workbook: a sheet of communes to
fill in, a sheet of instructions, and a hidden sheet (``META_SHEET``) recording
the plan, the province, the district and the format version it was made for.
Reading a returned file, the hidden sheet says which sheet holds the data and
which district the file is for, whatever the file has been renamed to.
"""

from __future__ import annotations

from dataclasses import dataclass

from ntmplan.communes.columns import CRITERION_COLUMNS, Column
from ntmplan.i18n import Lang

FORMAT = "ntmplan-commune-template"
FORMAT_VERSION = 1
META_SHEET = "_ntmplan"
DATA_SHEET = {Lang.vi: "Số liệu", Lang.en: "Communes"}
INSTRUCTIONS_SHEET = {Lang.vi: "Hướng dẫn", Lang.en: "Instructions"}

# What the drop-downs offer. The reader understands these spellings (and others); the
# cells keep the office's Vietnamese words in both languages, as the data is Vietnamese.
CRITERION_CHOICES = ("Đạt", "Không đạt")
FLAG_CHOICES = ("Có", "Không")

# Vietnamese headers, each one the reader accepts (a test checks it). Criteria are 'TC{n}. {name}'.
_VIETNAMESE = {
    "code": "Mã xã", "name": "Tên xã", "district_code": "Mã huyện", "district": "Huyện",
    "border": "Xã biên giới", "special_difficulty": "Xã ĐBKK", "special_difficulty_pilot": "Xã điểm ĐBKK",
    "district_pilot": "Xã điểm do huyện lựa chọn", "target_2019": "Xã phấn đấu đạt chuẩn 2019",
    "ntm_year": "Năm đạt chuẩn", "advanced_criteria": "Số tiêu chí nâng cao", "model_areas": "Số KDC kiểu mẫu",
}


def template_header(column: Column, lang: Lang, criterion_name: str | None = None) -> str:
    """The header the template writes for ``column``: 'TC5. Trường học' or 'c05 Schools' for a criterion."""
    if column.name in CRITERION_COLUMNS:
        number = CRITERION_COLUMNS.index(column.name) + 1
        label = f"TC{number}." if lang is Lang.vi else column.name
        return f"{label} {criterion_name}" if criterion_name else label.rstrip(".")
    return _VIETNAMESE[column.name] if lang is Lang.vi else column.name


@dataclass(frozen=True)
class TemplateInfo:
    """What the hidden sheet of a template records."""

    version: int
    plan: str  # the plan's number, '46/KH-UBND'
    year: int
    province: str
    district_code: str | None  # None for a template of the whole province
    district: str | None
    data_sheet: str
    lang: str
    round: str | None = None  # the round the cells were pre-filled from, if any

    def rows(self) -> list[tuple[str, str | int]]:
        """The hidden sheet's rows: a key and its value."""
        return [
            ("format", FORMAT), ("version", self.version), ("plan", self.plan), ("year", self.year),
            ("province", self.province), ("district_code", self.district_code or ""),
            ("district", self.district or ""), ("data_sheet", self.data_sheet), ("lang", self.lang),
            ("round", self.round or ""),
        ]

    @classmethod
    def from_rows(cls, rows: list[tuple[object, object]]) -> TemplateInfo | None:
        """The template's record, or None when the rows are not one (a sheet that happens to have the name)."""
        values = {str(key).strip(): "" if value is None else str(value).strip() for key, value in rows if key}
        if values.get("format") != FORMAT:
            return None
        try:
            version, year = int(values.get("version", "")), int(values.get("year", ""))
        except ValueError:
            return None
        return cls(
            version=version, plan=values.get("plan", ""), year=year, province=values.get("province", ""),
            district_code=values.get("district_code") or None, district=values.get("district") or None,
            data_sheet=values.get("data_sheet", ""), lang=values.get("lang", ""), round=values.get("round") or None,
        )
