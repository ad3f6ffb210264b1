"""The generator of the synthetic data: deterministic, reproducing the committed files, following the plan."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import openpyxl
import pytest

from communefiles import PLAN_FILE, ROOT
from ntmplan.communes import read_communes
from ntmplan.loading.plan_loader import load_plan

CSV_FILES = ("data/communes.csv", "data/communes-2019-06.csv")
DISTRICTS = ("178-thanh-pho-lang-son", "180-trang-dinh", "181-binh-gia", "182-van-lang", "183-cao-loc", "184-van-quan",
             "185-bac-son", "186-huu-lung", "187-chi-lang", "188-loc-binh", "189-dinh-lap")
FILES = CSV_FILES + tuple(f"data/2019-06/{name}.xlsx" for name in DISTRICTS)


def content(path: Path):
    """What a file says: the bytes of a CSV file; every sheet's state, cells, merged cells and checks for a workbook.

    A workbook's bytes depend on the openpyxl that wrote it; what it holds does not.
    """
    if path.suffix != ".xlsx":
        return path.read_bytes()
    book = openpyxl.load_workbook(path)
    return [(ws.title, ws.sheet_state, [list(row) for row in ws.iter_rows(values_only=True)],
             sorted(str(r) for r in ws.merged_cells.ranges),
             [(v.type, v.formula1, v.formula2, str(v.sqref), v.prompt) for v in ws.data_validations.dataValidation])
            for ws in book.worksheets]


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_communes", ROOT / "scripts" / "generate_communes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_same_bytes_twice(generator, tmp_path):
    """Workbooks too: their zip entries carry a fixed date, so the same content gives the same bytes."""
    first = generator.main(tmp_path / "one")
    second = generator.main(tmp_path / "two")
    assert [p.relative_to(tmp_path / "one").as_posix() for p in first] == list(FILES)
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()


def test_reproduces_the_committed_files(generator, tmp_path):
    for path in generator.main(tmp_path):
        relative = path.relative_to(tmp_path).as_posix()
        assert content(path) == content(ROOT / relative), f"{relative}: run scripts/generate_communes.py"


def test_output_is_utf8_without_bom_and_unix_lines(generator, tmp_path):
    for path in generator.main(tmp_path)[: len(CSV_FILES)]:
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in raw
        raw.decode("utf-8")


def test_follows_the_plan_file(generator, tmp_path):
    """Change criterion 2's total in a copy of the plan: the data follows."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    old = "communes: {added: 12, total: 61, stated_share: 29.5}"
    assert text.count(old) == 1
    changed = tmp_path / "plan.yaml"
    changed.write_text(text.replace(old, "communes: {added: 12, total: 65, stated_share: 31.4}"), encoding="utf-8")
    generator.main(tmp_path / "out", changed)
    frame = read_communes(str(tmp_path / "out" / FILES[0]), load_plan(str(changed)).plan).frame
    assert int(frame["c02"].sum()) == 65 - 12


def test_calibration_says_how_each_figure_was_derived(generator):
    cal = generator.calibrate(load_plan(str(PLAN_FILE)).plan)
    assert cal.standard == 48 and cal.early_standard == 24
    assert (cal.targets, cal.border, cal.pilots, cal.difficult) == (12, 20, 5, 18)
    assert cal.how["c02"] == "stated: total − added"
    assert cal.how["c12"].endswith("maintained")
    assert cal.how["c08"].startswith("only a total stated")
    assert cal.how["c01"].startswith("no figure stated")
    assert (cal.criteria["c01"], cal.criteria["c08"], cal.criteria["c12"]) == (207, 56, 207)


def test_gale_ryser_and_fill(generator):
    import random

    assert generator.feasible([2, 1], [1, 1, 1])
    assert not generator.feasible([3], [1, 1])
    met = generator.fill(random.Random(1), {"a": 2, "b": 1, "c": 0}, {"x": 2, "y": 1})
    assert {k: len(v) for k, v in met.items()} == {"a": 2, "b": 1, "c": 0}
    assert sum("x" in v for v in met.values()) == 2
