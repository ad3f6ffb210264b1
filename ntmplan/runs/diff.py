"""``diff``: what an edit of a plan changes, and whether the new plan validates."""

from __future__ import annotations

from ntmplan.diff.compare import compare
from ntmplan.diff.result import DiffResult
from ntmplan.diff.source import read_plan
from ntmplan.findings import Finding, Severity
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import judge_plan, plan_facts


def run_diff(old_spec: str, new_spec: str, settings: Settings, fail_level: Severity | None,
             fail_on_lowered_targets: bool = False) -> DiffResult:
    """Compare two plans and validate the new one; raises ``InputError`` for unreadable input."""
    old, new = read_plan(old_spec), read_plan(new_spec)
    changes, moves = compare(old, new)
    before_verdict = judge_plan(plan_facts(old), settings).verdict(fail_level)
    validation = judge_plan(plan_facts(new), settings).verdict(fail_level)
    # Silenced findings count as present on both sides: a known finding that disappears is resolved.
    before = {_key(f, moves) for f in before_verdict.findings + before_verdict.silenced}
    after = {(f.code, f.location.path) for f in validation.findings + validation.silenced}
    introduced = [f for f in validation.findings if (f.code, f.location.path) not in before]
    resolved = [f for f in before_verdict.findings + before_verdict.silenced if _key(f, moves) not in after]
    return DiffResult(old.file, new.file, changes, validation, introduced, resolved, fail_on_lowered_targets)


def _key(finding: Finding, moves: dict[str, str]) -> tuple[str, str]:
    """A finding of the old plan under the path its item has in the new plan."""
    path = finding.location.path
    best = max((old for old in moves if path == old or path.startswith((old + ".", old + "["))), key=len, default=None)
    if best is not None:
        path = moves[best] + path[len(best):]
    return finding.code, path
