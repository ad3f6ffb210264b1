"""Read a round of commune data as the districts send it: CSV files, workbooks, a folder of them.

``read_round(sources, plan, sheet)`` is the one entry: each source is a file or a
folder (whose data files are read: .csv, .txt, .tsv, .xlsx, .xlsm, .xls; Excel's
lock files '~$…' and hidden files are passed over, anything else is listed as
not read). The files are read in sorted path order, each by what it is (a
workbook by its signature, whatever its name), and their rows joined into one
``CommuneData`` in that order, every row keeping its file, sheet and line. Each
file's district, when its template or its name says it, is kept, so that the
data rules can tell a file holding another district's communes.

Reading needs pandas (and openpyxl or python-calamine for workbooks); nothing
here is imported by the commands that only read the plan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ntmplan.communes.columns import header_key
from ntmplan.communes.data import CommuneData, DistrictClaim, Source
from ntmplan.communes.reference import load_reference
from ntmplan.communes.table import Part, type_parts
from ntmplan.communes.text_file import read_text_file
from ntmplan.communes.workbook import OLE_MAGIC, ZIP_MAGIC, read_workbook
from ntmplan.errors import InputError, read_bytes
from ntmplan.i18n import _
from ntmplan.model.plan import Plan

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
_PASSED_OVER = (".", "~$")  # hidden files, and the lock files Excel leaves beside an open workbook
_CITY_PREFIXES = ("thanhpho", "tp")


def read_round(sources: list[str], plan=None, sheet: str | None = None) -> CommuneData:
    """A review round as the districts send it, read as one table of communes.

    ``sources`` are files and folders; ``sheet`` names the sheet to read in every
    workbook (by default the one holding the table is found). ``plan`` (a ``Plan``
    or a loaded plan) is kept for the data rules that compare the round with it.
    Raises ``InputError`` when a file cannot be read at all.
    """
    if plan is not None and not isinstance(plan, Plan) and hasattr(plan, "plan"):
        plan = plan.plan
    files, not_read = _files(sources)
    if sheet is not None and not any(Path(file).suffix.lower() in WORKBOOK_SUFFIXES for file in files):
        raise InputError(", ".join(files), _("--sheet names a sheet of a workbook, but no workbook is given"),
                         expected=_("an .xlsx or .xls file"), found=_("text files only"))
    reference = load_reference()
    parts = [_read_file(file, sheet) for file in files]
    for part in parts:
        part.source.district = _district_claim(part.source, reference)
    label = sources[0] if len(sources) == 1 else ", ".join(sources)
    return _join(label, parts, plan, reference, not_read)


def read_communes(file: str, plan=None, sheet: str | None = None) -> CommuneData:
    """One file of commune data (CSV or workbook)."""
    return read_round([file], plan, sheet)


def _files(sources: list[str]) -> tuple[list[str], list[str]]:
    """The data files to read, in sorted path order, each once; and the entries of folders that are not."""
    files: list[str] = []
    not_read: list[str] = []
    for given in sources:
        folder = Path(given)
        if not folder.is_dir():
            files.append(given)
            continue
        found = 0
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(_PASSED_OVER):
                continue
            if entry.is_file() and entry.suffix.lower() in TEXT_SUFFIXES + WORKBOOK_SUFFIXES:
                files.append(str(entry))
                found += 1
            else:
                not_read.append(str(entry))
        if not found:
            raise InputError(
                given, _("the folder holds no file of commune data"),
                expected=_("CSV files or Excel workbooks (.csv, .txt, .xlsx, .xls)"),
                found=", ".join(Path(entry).name for entry in not_read) or _("an empty folder"),
            )
    unique: dict[str, str] = {}
    for file in sorted(files):
        try:
            unique.setdefault(str(Path(file).resolve()), file)
        except (OSError, RuntimeError):  # a symlink loop: reading it names the reason
            read_bytes(file, "a CSV file of communes")
    return list(unique.values()), not_read


def _read_file(file: str, sheet: str | None) -> Part:
    workbook = Path(file).suffix.lower() in WORKBOOK_SUFFIXES
    raw = read_bytes(file, "an Excel workbook of communes" if workbook else "a CSV file of communes")
    if raw.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return read_workbook(file, raw, sheet)
    if workbook:
        raise InputError(
            file, _("the file is named as an Excel workbook but is not one"),
            expected=_("an .xlsx workbook (a zip archive) or an .xls workbook"),
            found=_("a file beginning with {bytes}").format(bytes=raw[:8].hex(" ") or _("nothing")),
        )
    return read_text_file(file, raw)


def _district_claim(source: Source, reference: pd.DataFrame) -> DistrictClaim | None:
    """The district a file is for: its template's, else the one its name names (by name or code), else none."""
    districts = reference[["district_code", "district"]].drop_duplicates()
    names = dict(zip(districts["district_code"], districts["district"]))
    template = source.template
    if template is not None and template.district_code in names:
        return DistrictClaim(template.district_code, names[template.district_code], "template")
    stem = Path(source.file).stem
    key = header_key(stem)
    named = {code for code, name in names.items() if any(k in key for k in _name_keys(name))}
    numbered = {code for code in names if re.search(rf"(?<!\d){code}(?!\d)", stem)}
    claimed = named | numbered
    if len(claimed) != 1:
        return None
    code = claimed.pop()
    return DistrictClaim(code, names[code], "name")


def _name_keys(district: str) -> list[str]:
    """The keys a file name may hold for a district: 'bacson' for Huyện Bắc Sơn; 'thanhpholangson', 'tplangson'."""
    folded = header_key(district)
    if folded.startswith("thanhpho"):  # the city bears the province's name: only with its prefix
        return [prefix + folded[len("thanhpho"):] for prefix in _CITY_PREFIXES]
    for prefix in ("huyen", "thixa"):
        if folded.startswith(prefix):
            return [folded[len(prefix):]]
    return [folded]


def _join(label: str, parts: list[Part], plan: Plan | None, reference: pd.DataFrame,
          not_read: list[str]) -> CommuneData:
    """The parts as one round, rows in file order, each row knowing its source."""
    typed = type_parts(parts)
    return CommuneData(
        file=label, frame=typed.frame, lines=typed.lines, origin=typed.origin, sources=[part.source for part in parts],
        raw=typed.raw, unreadable=typed.unreadable, absent=typed.absent, short_codes=typed.short_codes, plan=plan,
        reference=reference, not_read=not_read, distinct_found=typed.distinct,
    )
