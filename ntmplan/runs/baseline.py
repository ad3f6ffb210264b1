"""``baseline``: write the plans' current findings as a baseline, for CI to fail on new ones only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ntmplan.config import baseline_document
from ntmplan.files import check_target, write_atomic
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import run_validate


@dataclass
class BaselineResult:
    """The baseline written and how many findings it lists."""

    written: list[str]
    findings: int

    def to_dict(self) -> dict[str, Any]:
        return {"written": self.written, "findings": self.findings}


def run_baseline(plans: list[str], out: str, settings: Settings) -> BaselineResult:
    """Validate ``plans`` with the configuration but no baseline, and write every finding not silenced by
    an in-file marker to ``out`` (checked before the work, never one of the plans)."""
    check_target(out, plans)
    result = run_validate(plans, replace(settings, baseline=None), None)
    findings = result.verdict.findings
    write_atomic(out, baseline_document(findings, result.files), plans)
    return BaselineResult([out], len(findings))
