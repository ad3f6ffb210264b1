"""``progress``: what changed between two review rounds, commune by commune."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ntmplan.check.progress import Progress, compare_rounds
from ntmplan.findings import SCHEMA_VERSION
from ntmplan.loading.plan_loader import load_plan
from ntmplan.runs.check import read_counted


@dataclass
class ProgressResult:
    """The progress from an earlier round to a later one, against the plan that names the communes."""

    command = "progress"

    plan_file: str
    progress: Progress

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "plan_file": self.plan_file, **self.progress.to_dict()}


def run_progress(plan_file: str, old: list[str], new: list[str], sheet: str | None = None) -> ProgressResult:
    """Read both rounds (raising ``InputError`` when one cannot be read) and compare them."""
    loaded = load_plan(plan_file)
    before = read_counted(old, loaded.plan, sheet)[1]
    after = read_counted(new, loaded.plan, sheet)[1]
    return ProgressResult(loaded.file, compare_rounds(loaded.plan, before, after))
