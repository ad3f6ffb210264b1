"""Small commune data files for the tests, written into tmp_path.

Most are the committed baseline (``data/communes.csv``) or a few of its lines,
changed in one place, so that each test shows the one thing it is about.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ntmplan.communes import CommuneData, read_communes
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import DATA
from ntmplan.rules.settings import Settings
from ntmplan.findings import Finding
from ntmplan.loading.plan_loader import load_plan
from ntmplan.model.plan import Plan

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "data" / "communes.csv"
JUNE = ROOT / "data" / "communes-2019-06.csv"
PLAN_FILE = ROOT / "plans" / "2019.yaml"

# Vietnamese headers, in the canonical order, as a district office might write them.
VIETNAMESE = [
    "Mã xã", "Tên xã", "Mã huyện", "Huyện", "Xã biên giới", "Xã ĐBKK", "Xã điểm ĐBKK", "Xã điểm do huyện lựa chọn",
    "Xã phấn đấu 2019",
    "Năm đạt chuẩn", *[f"TC{n}" for n in range(1, 20)], "Số tiêu chí nâng cao", "Số KDC kiểu mẫu",
]


@lru_cache(maxsize=1)
def plan() -> Plan:
    return load_plan(str(PLAN_FILE)).plan


def baseline_lines() -> list[str]:
    """The committed baseline, one string per line; [0] is the header."""
    return BASELINE.read_text(encoding="utf-8").splitlines()


def header() -> list[str]:
    return baseline_lines()[0].split(",")


def cells(line: str) -> list[str]:
    return line.split(",")


def write(tmp_path: Path, lines: list[str] | str, name: str = "communes.csv", encoding: str = "utf-8",
          bom: bool = False) -> str:
    text = lines if isinstance(lines, str) else "\n".join(lines) + "\n"
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def with_cell(line: str, column: str, value: str) -> str:
    """A baseline line with one cell changed, the column named canonically."""
    row = cells(line)
    row[header().index(column)] = value
    return ",".join(row)


def read(path: str) -> CommuneData:
    return read_communes(path, plan())


def findings(path: str, code: str | None = None) -> list[Finding]:
    found = run_scope(DATA, read(path), Settings()).findings
    return [f for f in found if code is None or f.code == code]


def located(found: list[Finding]) -> list[tuple[str, int | None, int | None]]:
    """Findings flattened to (code, line, column), the way the tests state them."""
    return [(f.code, f.location.line, f.location.column) for f in found]
