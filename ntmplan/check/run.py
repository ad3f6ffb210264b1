"""The whole of ``check`` as one function: load, read, evaluate, apply the rules."""

from __future__ import annotations

import datetime as dt

from ntmplan.check.evaluate import evaluate
from ntmplan.check.result import CheckResult
from ntmplan.communes.reader import read_communes
from ntmplan.communes.validate import validate_data
from ntmplan.findings import Severity, sort_findings, split_silenced, summarise
from ntmplan.loading.plan_loader import load_plan
from ntmplan.rules import load_all
from ntmplan.rules.engine import locate_in_plan, run_rules
from ntmplan.rules.registry import rules_for
from ntmplan.rules.targets import TargetContext


def run_check(
    plan_file: str,
    data_file: str,
    as_of: dt.date | None,
    fail_level: Severity | None,
    priority_limit: int | None = None,
    with_communes: bool = False,
) -> CheckResult:
    """Everything ``ntmplan check`` reports; raises ``InputError`` for unreadable input."""
    loaded = load_plan(plan_file)
    data = read_communes(data_file, loaded.plan)
    result = evaluate(loaded.plan, data.frame, loaded.file, data_file, as_of, priority_limit, with_communes)
    load_all()
    targets = run_rules(
        rules_for("targets"), TargetContext(result), lambda p: locate_in_plan(loaded, p), document=loaded.document
    )
    findings = sort_findings(validate_data(data) + targets)
    result.summary = summarise(findings, fail_level)
    result.findings, result.silenced = split_silenced(findings)
    return result
