"""Benchmark ``ntmplan`` as a user runs it: whole processes, wall time and peak memory.

    python bench/bench_check.py            # all cases, 3 runs each
    python bench/bench_check.py --quick    # skip the 1,000,000-row case

Cases: start-up of ``validate`` and ``check`` on the bundled files against the
bare imports they cannot avoid (pydantic + yaml; pandas), and ``check`` on
national-scale synthetic data (10,000 communes; 1,000,000 rows). The synthetic
files use made-up commune codes, so the data rules report them as unknown to
Lạng Sơn's list: that work (capped at 100 findings per rule) is part of what is
timed. Generated files go to ``bench/out/`` (not committed).
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
HEADER = (
    ["code", "name", "district_code", "district", "border", "special_difficulty", "special_difficulty_pilot",
     "target_2019", "ntm_year"]
    + [f"c{n:02d}" for n in range(1, 20)]
    + ["advanced_criteria", "model_areas"]
)


def synthetic(rows: int, seed: int = 2019) -> Path:
    """A national-scale commune file: ~700 districts, criteria met with varying odds."""
    path = OUT / f"communes-{rows}.csv"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            level = rng.random()
            criteria = [int(rng.random() < 0.2 + 0.8 * level) for _ in range(19)]
            standard = all(criteria)
            district = index % 700
            writer.writerow(
                [f"{10000 + index:07d}"[-7:], f"Xã {index}", f"{district:03d}", f"Huyện {district}",
                 int(rng.random() < 0.05), int(rng.random() < 0.1), 0, 0, 2017 if standard else ""]
                + criteria
                + [rng.randint(0, 9) if standard else 0, rng.randint(0, 2) if standard else 0]
            )
    return path


def measure(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak resident MiB, exit code) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 1,000,000-row case")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    ntmplan = [python, "-m", "ntmplan"]
    cases = [
        ("python -c 'import pydantic, yaml'", [python, "-c", "import pydantic, yaml"]),
        ("ntmplan validate (bundled plan)", ntmplan + ["validate", PLAN, "--format", "json"]),
        ("python -c 'import pandas'", [python, "-c", "import pandas"]),
        ("ntmplan check (bundled, 207 communes)", ntmplan + ["check", PLAN, DATA, "--format", "json"]),
        ("ntmplan check (10,000 communes)", ntmplan + ["check", PLAN, str(synthetic(10_000)), "--format", "json"]),
    ]
    if not args.quick:
        cases.append(
            ("ntmplan check (1,000,000 rows)", ntmplan + ["check", PLAN, str(synthetic(1_000_000)), "--format", "json"])
        )
    print(f"{'case':<42} {'median s':>9} {'min s':>7} {'peak MiB':>9} {'exit':>5}")
    for label, command in cases:
        results = [measure(command) for _ in range(args.runs)]
        times = [seconds for seconds, _, _ in results]
        peak = max(mib for _, mib, _ in results)
        print(f"{label:<42} {statistics.median(times):>9.3f} {min(times):>7.3f} {peak:>9.0f} {results[-1][2]:>5}")


if __name__ == "__main__":
    main()
