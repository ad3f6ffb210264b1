"""What ``ntmplan budget`` reports: the funding tree, its verdict, and the execution so far.

The figures come from ``tree.py`` and the verdicts from the budget rules
(BU01-BU04), which judge that same tree; this module only attaches each finding
to the row of the tree it points at, so a reader sees why a rule spoke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ntmplan.budget.tree import OK, BudgetTree, SourceRow
from ntmplan.findings import SCHEMA_VERSION, Finding, Verdict

if TYPE_CHECKING:
    from ntmplan.budget.execution import Execution



def _row_dict(row: SourceRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "name": {"vi": row.name_vi, "en": row.name_en},
        "amount": row.amount,
        "stated_share": row.stated_share,
        "computed_share": row.computed_share,
        "computed_share_rounded": row.rounded_share,
        "share_of_parent": row.parent_share,
        "difference": row.difference,
        "tolerance": row.tolerance,
        "status": row.status,
        "findings": row.codes,
        "location": {"line": row.line, "path": row.path},
        "children": [_row_dict(child) for child in row.children],
    }


@dataclass
class BudgetResult:
    """The funding tree with its findings attached, the verdict, and the execution if actuals were given."""

    command = "budget"

    tree: BudgetTree
    verdict: Verdict
    total_status: str
    total_codes: list[str]
    execution: Execution | None = None

    @property
    def files(self) -> list[str]:
        return [self.tree.file] + ([self.execution.file] if self.execution else [])

    def to_dict(self) -> dict[str, Any]:
        tree = self.tree
        return {
            "schema_version": SCHEMA_VERSION,
            "file": tree.file,
            "unit": tree.unit,
            "total": tree.total,
            "sources_sum": tree.sources_sum,
            "sources_sum_share": tree.sources_sum_share,
            "stated_shares_sum": tree.stated_shares_sum,
            "total_status": self.total_status,
            "sources": [_row_dict(row) for row in tree.sources],
            "execution": self.execution.to_dict() if self.execution else None,
            "findings": [finding.to_dict() for finding in self.verdict.findings],
            "silenced": [finding.to_dict() for finding in self.verdict.silenced],
            "summary": self.verdict.summary.to_dict(),
        }


def judged(tree: BudgetTree, verdict: Verdict, execution: Execution | None = None) -> BudgetResult:
    """The tree with each counting finding attached to the row it points at (worst severity first)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in verdict.findings:
        if finding.location.file == tree.file:
            by_path.setdefault(finding.location.path, []).append(finding)

    def status(paths: list[str]) -> tuple[str, list[str]]:
        found = [f for path in paths for f in by_path.get(path, [])]
        if not found:
            return OK, []
        worst = max(found, key=lambda f: f.severity.rank).severity
        return worst.value, sorted({f.code for f in found})

    for row in tree.rows():
        row.status, row.codes = status([row.path, f"{row.path}.amount", f"{row.path}.stated_share"])
    total_status, total_codes = status(["budget.total", "budget.sources", "budget"])
    return BudgetResult(tree, verdict, total_status, total_codes, execution)
