"""Benchmark ``ntmplan`` as a user runs it: whole processes, each paired with its floor.

    python bench/bench.py              # every case (the 1,000,000-row file is generated once)
    python bench/bench.py --quick      # without the 100,000- and 1,000,000-row cases
    python bench/bench.py --runs 9     # more pairs for a steadier median

Each case runs as a whole process against a floor that it cannot beat, in turns
(floor, case, floor, case, …) after one warm-up of each, so the machine's drift
hits both alike. A floor is the work no implementation avoids: the imports the
command needs (typer, yaml, rich, pydantic; and pandas for ``check``), or, for a
national-scale file, a plain ``pandas.read_csv`` of the same file followed by the
per-criterion sums and a group-by on district. The first row times the least a
plan-only command can do with the design (``least_command.py``) against the same
floor as the plan-only commands. The table gives the medians, the
median of the pairwise ratios (case / floor) and the peak memory of each (the
largest resident set of the process, from ``wait4``).

Synthetic files of 10,000, 100,000 and 1,000,000 rows go to ``bench/out/`` (not
committed): Lạng Sơn's 207 communes over and over (``synthetic`` says why), so
every row is read, typed and judged by the data rules, and the figures are real.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PLAN = str(ROOT / "plans" / "2019.yaml")
DATA = str(ROOT / "data" / "communes.csv")
CRITERIA = [f"c{n:02d}" for n in range(1, 20)]
PLAN_IMPORTS = "import typer, yaml, rich.console, rich.table; from pydantic import BaseModel"
PANDAS_WORK = (
    "import sys, pandas as pd; frame = pd.read_csv(sys.argv[1]); "
    f"columns = {CRITERIA!r}; frame[columns].sum(); frame.groupby('district_code')[columns].sum()"
)
FAULT_EVERY = 20_000  # about one cell in this many rows is written wrong, as districts do


def synthetic(rows: int, seed: int = 2019, folder: Path = OUT, fault_every: int = FAULT_EVERY) -> str:
    """A national-scale file the checker really evaluates: Lạng Sơn's communes over and over.

    The first 207 rows are the bundled data as it is, so the figures are the bundled
    check's; every further row repeats a commune (code, name, district, groups) with its
    criteria drawn afresh, which the checker reads, types and judges like any row (DA07
    reports each repeat, the figures count the first line). About one row in
    ``fault_every`` has a cell written wrong: a flag 'x', a year '2O17', a code whose
    leading zero Excel dropped (DA04, DA05).
    """
    path = folder / f"communes-{rows}.csv"
    if path.exists():
        return str(path)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with open(DATA, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        bundled = list(reader)
    first, years = header.index(CRITERIA[0]), header.index("ntm_year")
    partial = path.with_suffix(".part")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for index in range(rows):
            row = list(bundled[index % len(bundled)])
            if index >= len(bundled):
                level = rng.random()
                row[first:first + len(CRITERIA)] = [str(int(rng.random() < 0.2 + 0.8 * level)) for _ in CRITERIA]
                if rng.random() < 1 / fault_every:
                    fault = rng.randrange(3)
                    if fault == 0:
                        row[header.index("border")] = "x"
                    elif fault == 1:
                        row[years] = "2O17"
                    else:
                        row[0] = row[0].lstrip("0")
            writer.writerow(row)
    partial.rename(path)
    return str(path)


def measure(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one run of ``command``; its output is discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, usage.ru_maxrss / 1024


def paired(case: list[str], floor: list[str], runs: int) -> dict[str, float]:
    """Medians of the case and its floor run in turns, and the median of the pairwise ratios."""
    measure(floor), measure(case)  # warm-up: file cache, bytecode
    pairs = [(measure(floor), measure(case)) for _ in range(runs)]
    return {
        "case": statistics.median(c[0] for _f, c in pairs),
        "floor": statistics.median(f[0] for f, _c in pairs),
        "ratio": statistics.median(c[0] / f[0] for f, c in pairs),
        "case_mib": max(c[1] for _f, c in pairs),
        "floor_mib": max(f[1] for f, _c in pairs),
    }


def cases(quick: bool) -> list[tuple[str, list[str], str, list[str], int]]:
    """(label, command, floor label, floor command, runs divisor) of every case."""
    python = sys.executable
    ntmplan = [python, "-m", "ntmplan"]
    imports = [python, "-c", PLAN_IMPORTS]
    with_pandas = [python, "-c", PLAN_IMPORTS + "; import pandas"]
    found = [("least command of the design (bench/least_command.py)",
              [python, str(ROOT / "bench" / "least_command.py"), "validate"], "imports", imports, 1)]
    for lang in ("en", "vi"):
        for args in (["validate", PLAN], ["targets", PLAN], ["budget", PLAN], ["schedule", PLAN], ["rules"],
                     ["explain", "SH01"], ["schema"]):
            found.append((f"ntmplan {args[0]} --lang {lang}", ntmplan + args + ["--lang", lang],
                          "imports", imports, 1))
    found.append(("ntmplan check (bundled, 207 communes)", ntmplan + ["check", DATA, "--plan", PLAN],
                  "imports + pandas", with_pandas, 1))
    for rows in (10_000,) if quick else (10_000, 100_000, 1_000_000):
        path = synthetic(rows)
        work = [python, "-c", PANDAS_WORK, path]
        found.append((f"ntmplan check ({rows:,} rows)", ntmplan + ["check", path, "--plan", PLAN, "--format", "json"],
                      "read_csv + sums", work, 3 if rows >= 1_000_000 else 1))
    return found


def compile_package() -> None:
    """Write the package's bytecode before timing it, as ``pip install`` does.

    The libraries of the floor carry theirs; an editable checkout run under
    ``PYTHONDONTWRITEBYTECODE`` would compile every module of ``ntmplan`` on every
    run, a cost no installed copy pays.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "ntmplan"), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100,000- and 1,000,000-row cases")
    parser.add_argument("--runs", type=int, default=7, help="pairs per case (the national-scale ones run fewer)")
    args = parser.parse_args()
    compile_package()
    print("| case | median | floor | floor median | ratio | peak MiB | floor peak MiB |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for label, command, floor_label, floor, divisor in cases(args.quick):
        result = paired(command, floor, max(3, args.runs // divisor))
        print(f"| {label} | {result['case']:.2f} s | {floor_label} | {result['floor']:.2f} s | "
              f"{result['ratio']:.2f}× | {result['case_mib']:.0f} | {result['floor_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
