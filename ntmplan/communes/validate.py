"""Run the data rules (DA01 …) on a commune data file that could be read."""

from __future__ import annotations

from ntmplan.communes.data import CommuneData
from ntmplan.findings import Finding, Location
from ntmplan.rules import load_all
from ntmplan.rules.engine import run_rules
from ntmplan.rules.registry import Problem, rules_for

DATA_RULE_PREFIX = "DA"


def locate_in_data(data: CommuneData, problem: Problem) -> Location:
    """File, line and column of the cell a data rule points at; the path names the column."""
    return Location(data.file, problem.line, problem.column, problem.path)


def validate_data(data: CommuneData) -> list[Finding]:
    """All commune-data rules on one file, most severe first, then in file order.

    The ``data`` scope also holds the actuals rules (AC…), which read another kind
    of file; only the commune-data rules (DA…) run here.
    """
    load_all()
    rules = [rule for rule in rules_for("data") if rule.code.startswith(DATA_RULE_PREFIX)]
    return run_rules(rules, data, lambda problem: locate_in_data(data, problem))
