"""Run the data rules (DA01 …) on a commune data file that could be read."""

from __future__ import annotations

from ntmplan.communes.data import CommuneData
from ntmplan.findings import Finding, Location
from ntmplan.rules import load_all
from ntmplan.rules.engine import run_rules
from ntmplan.rules.registry import Problem, rules_for


def locate_in_data(data: CommuneData, problem: Problem) -> Location:
    """File, line and column of the cell a data rule points at; the path names the column."""
    return Location(data.file, problem.line, problem.column, problem.path)


def validate_data(data: CommuneData) -> list[Finding]:
    """All commune-data rules on one file, most severe first, then in file order."""
    load_all()
    return run_rules(rules_for("data"), data, lambda problem: locate_in_data(data, problem))
