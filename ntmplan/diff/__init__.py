"""``ntmplan diff``: what an edit of a plan changes, in the plan's own terms.

``source`` reads either version (a file or ``REV:path``), ``compare`` matches
and classifies the changes, ``result`` holds them with the new plan's
validation; ``run_diff`` is the whole of it.
"""

from __future__ import annotations

from ntmplan.diff.result import DiffResult
from ntmplan.findings import Finding, Severity


def run_diff(old_spec: str, new_spec: str, fail_level: Severity | None, fail_on_lowered_targets: bool = False
             ) -> DiffResult:
    """Compare two plans and validate the new one; raises ``InputError`` for unreadable input."""
    from ntmplan.diff.compare import compare
    from ntmplan.diff.source import read_plan
    from ntmplan.results import FindingsResult
    from ntmplan.rules.engine import validate_plan

    old, new = read_plan(old_spec), read_plan(new_spec)
    changes, moves = compare(old, new)
    old_findings = FindingsResult.of(old.file, validate_plan(old), fail_level)
    validation = FindingsResult.of(new.file, validate_plan(new), fail_level)
    # Silenced findings count as present on both sides: a known finding that disappears is resolved.
    before = {_key(f, moves) for f in old_findings.findings + old_findings.silenced}
    after = {(f.code, f.location.path) for f in validation.findings + validation.silenced}
    introduced = [f for f in validation.findings if (f.code, f.location.path) not in before]
    resolved = [f for f in old_findings.findings + old_findings.silenced if _key(f, moves) not in after]
    return DiffResult(old.file, new.file, changes, validation, introduced, resolved, fail_on_lowered_targets)


def _key(finding: Finding, moves: dict[str, str]) -> tuple[str, str]:
    """A finding of the old plan under the path its item has in the new plan."""
    path = finding.location.path
    best = max((old for old in moves if path == old or path.startswith((old + ".", old + "["))), key=len, default=None)
    if best is not None:
        path = moves[best] + path[len(best):]
    return finding.code, path
