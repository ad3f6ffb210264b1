"""Read a CSV of amounts mobilised or disbursed so far, per source and optionally per district.

Real files come from spreadsheets: a byte-order mark, ';' as separator (the
Vietnamese Excel default), Excel's 'sep=;' first line, Vietnamese headers with
or without accents ('Nguồn vốn', 'nguon_von'), decimal commas ('652,8') and
amounts in million rather than billion đồng. This reader accepts all of that,
and refuses what it cannot use at all (no source or amount column, no rows)
with an ``InputError``. Everything else is kept per row, with the row's line,
so that the actuals rules (AC01-AC10) can say what is wrong with which row.

The columns and their aliases are described in ``data/budget-actuals.md``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from ntmplan.errors import InputError, read_text
from ntmplan.i18n import _
from ntmplan.model.plan import Plan, walk
from ntmplan.numbers import COMMA, POINT, ReadNumber, read_number
from ntmplan.text import fold

MAX_BYTES = 20_000_000
MAX_AMOUNT = 1e12  # billion đồng: a thousand times the national budget, so only a pasted mistake is larger
DELIMITERS = (";", ",", "\t", "|")

# Canonical column -> accepted headers, compared after folding ('Nguồn vốn' -> 'nguon_von').
COLUMNS: dict[str, tuple[str, ...]] = {
    "source": ("source", "source_key", "key", "nguon", "nguon_von", "ma_nguon", "ma_nguon_von"),
    "amount": (
        "amount", "actual", "so_tien", "gia_tri", "kinh_phi", "da_huy_dong", "giai_ngan", "da_giai_ngan",
        "thuc_hien", "von_thuc_hien",
    ),
    "district": ("district", "huyen", "dia_ban", "don_vi_hanh_chinh"),
    "unit": ("unit", "don_vi_tinh", "dvt"),
    "note": ("note", "notes", "ghi_chu"),
}
REQUIRED = ("source", "amount")

# Unit cell (folded) -> factor to billion đồng. An empty cell means billion đồng.
UNITS: dict[str, Decimal] = {
    "": Decimal(1),
    "ty": Decimal(1),
    "ty dong": Decimal(1),
    "billion": Decimal(1),
    "billion vnd": Decimal(1),
    "billion-vnd": Decimal(1),
    "trieu": Decimal("0.001"),
    "trieu dong": Decimal("0.001"),
    "million": Decimal("0.001"),
    "million vnd": Decimal("0.001"),
    "million-vnd": Decimal("0.001"),
    "dong": Decimal("1e-9"),
    "vnd": Decimal("1e-9"),
}


@dataclass
class ActualsRow:
    """One data row: its cells as written, and what could be read from them.

    ``source`` and ``amount`` are ``None`` when the cell cannot be used; the rules
    say why. ``amount`` is in billion đồng, whatever the row's unit.
    """

    line: int
    cells: dict[str, str]
    width: int
    well_formed: bool = True
    source: str | None = None
    amount: float | None = None
    number: ReadNumber | None = None
    unit_factor: Decimal | None = Decimal(1)

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    @property
    def district(self) -> str | None:
        return " ".join(self.text("district").split()) or None

    @property
    def counted(self) -> bool:
        """Whether the row is added to the execution: known source, usable amount, known unit."""
        return self.source is not None and self.amount is not None and self.well_formed


@dataclass
class ActualsFile:
    """A read actuals file: its rows and how it was read."""

    file: str
    delimiter: str
    headers: dict[str, str]
    width: int
    rows: list[ActualsRow]
    decimal_mark: str | None
    decimal_evidence: str | None
    ignored_columns: list[str] = field(default_factory=list)

    def header(self, column: str) -> str:
        """The header as written in the file for a canonical column ('Số tiền' for amount)."""
        return self.headers.get(column, column)

    def counted(self) -> list[ActualsRow]:
        return [row for row in self.rows if row.counted]


def _column_key(header: str) -> str:
    return "_".join(fold(header).replace("-", " ").replace("/", " ").replace(".", " ").split())


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def source_index(plan: Plan) -> dict[str, str]:
    """Accepted spellings of each source (key, Vietnamese name, English name, folded) -> key."""
    index: dict[str, str] = {}
    for _path, source in walk(plan.budget.sources):
        for spelling in (source.key, source.name.vi, source.name.en):
            index.setdefault(fold(spelling), source.key)
    return index


def read_actuals(file: str, plan: Plan) -> ActualsFile:
    """Read ``file``; ``InputError`` when it cannot be used at all."""
    return parse_actuals(file, read_text(file, "an actuals CSV file", MAX_BYTES), plan)


def parse_actuals(file: str, text: str, plan: Plan) -> ActualsFile:
    """Parse the text of an actuals CSV (see ``read_actuals``)."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    first = 0
    delimiter = None
    if lines and fold(lines[0]).replace(" ", "").startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter, first = lines[0].strip()[4], 1  # Excel's 'sep=;' hint
    while first < len(lines) and (not lines[first].strip() or lines[first].lstrip().startswith("#")):
        first += 1
    if first == len(lines):
        raise InputError(file, _("the file has no header row"), line=1,
                         expected=_("a header such as 'source;district;amount'"))
    delimiter = delimiter or _delimiter(lines[first])
    reader = csv.reader(io.StringIO("".join(lines[first:]), newline=""), delimiter=delimiter)
    try:
        records = _records(reader, first)
    except csv.Error as exc:
        raise InputError(file, _("the CSV cannot be parsed ({reason})").format(reason=exc),
                         line=first + reader.line_num) from None
    header_line, header = records[0]
    headers = _headers(file, header_line, header)
    rows = []
    for line, cells in records[1:]:
        if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
            continue
        named = {column: cells[i] for column, i in headers.items() if i < len(cells)}
        well_formed = not any(c.strip() for c in cells[len(header):]) and all(
            headers[column] < len(cells) for column in REQUIRED
        )
        rows.append(ActualsRow(line=line, cells=named, width=len(cells), well_formed=well_formed))
    if not rows:
        raise InputError(file, _("the file has a header but no data rows"), line=header_line,
                         expected=_("one row per source (and district) with an amount"))
    mark, evidence = _decimal_mark(rows, delimiter)
    index = source_index(plan)
    for row in rows:
        row.source = index.get(fold(row.text("source")))
        row.number = read_number(row.text("amount"), mark)
        if row.number is not None and not abs(row.number.value) < MAX_AMOUNT:  # inf and NaN too
            row.number = None  # beyond any budget and beyond exact sums: told as no number, never summed
        row.unit_factor = UNITS.get(fold(row.text("unit")))
        if row.number is not None and row.number.value >= 0 and row.unit_factor is not None:
            row.amount = float(Decimal(str(row.number.value)) * row.unit_factor)
    ignored = [name for i, name in enumerate(header) if i not in headers.values() and name.strip()]
    return ActualsFile(
        file=file,
        delimiter=delimiter,
        headers={column: header[i].strip() for column, i in headers.items()},
        width=len(header),
        rows=rows,
        decimal_mark=mark,
        decimal_evidence=evidence,
        ignored_columns=ignored,
    )


def _records(reader, offset: int) -> list[tuple[int, list[str]]]:
    """Records with the 1-based file line each starts on (a quoted cell may span lines)."""
    records = []
    end = 0
    for cells in reader:
        records.append((offset + end + 1, cells))
        end = reader.line_num
    return records


def _headers(file: str, line: int, header: list[str]) -> dict[str, int]:
    """Canonical column -> index, refusing missing and repeated columns."""
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        key = _column_key(name)
        for column, aliases in COLUMNS.items():
            if key in aliases:
                if column in found:
                    raise InputError(
                        file,
                        _("two columns mean '{column}': '{first}' and '{second}'").format(
                            column=column, first=header[found[column]].strip(), second=name.strip()
                        ),
                        line=line,
                        expected=_("each column once"),
                    )
                found[column] = i
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        accepted = "; ".join(f"{column}: {', '.join(COLUMNS[column])}" for column in missing)
        raise InputError(
            file,
            _("the header lacks the column(s) {columns}").format(columns=", ".join(missing)),
            line=line,
            expected=_("headers such as {accepted} (with or without accents)").format(accepted=accepted),
            found=", ".join(repr(name.strip()) for name in header) or _("an empty header"),
        )
    return found


def _decimal_mark(rows: list[ActualsRow], delimiter: str) -> tuple[str | None, str | None]:
    """The decimal mark the file's amounts prove, and the first cell that proves it.

    Without proof, a ';'-separated file is taken to use the decimal comma (the
    Vietnamese Excel default); otherwise no mark is assumed and '1.800' reads as
    a grouped 1800, as the plan writes it. Either way an ambiguous value is
    flagged by AC05.
    """
    proofs = {}
    for row in rows:
        number = read_number(row.text("amount"))
        if number and number.decimal_mark and number.decimal_mark not in proofs:
            proofs[number.decimal_mark] = f"line {row.line}: '{row.text('amount')}'"
    if len(proofs) == 1:
        mark = next(iter(proofs))
        return mark, proofs[mark]
    if len(proofs) == 2:
        return None, f"{proofs[COMMA]} uses a decimal comma, {proofs[POINT]} a decimal point"
    if delimiter == ";":
        return COMMA, "assumed from the ';' separator"
    return None, None
