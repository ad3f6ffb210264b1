"""Rules: plan rules in ``rules/plan/``, commune-data rules in ``rules/data/``.

Modules are listed here explicitly (no magic discovery), so a new rule module
is one line below and the registry refuses duplicate codes.
"""

from __future__ import annotations

import importlib

RULE_MODULES = (
    "ntmplan.rules.plan.shares",
    "ntmplan.rules.plan.counts",
    "ntmplan.rules.plan.bands",
    "ntmplan.rules.plan.feasibility",
    "ntmplan.rules.plan.budget",
    "ntmplan.rules.plan.schedule",
    "ntmplan.rules.plan.dates",
    "ntmplan.rules.markers",
    "ntmplan.rules.actuals",
    "ntmplan.rules.targets",
    "ntmplan.rules.data.columns",
    "ntmplan.rules.data.values",
    "ntmplan.rules.data.communes",
    "ntmplan.rules.data.status",
)


def load_all() -> None:
    """Import every rule module once, which registers its rules."""
    for module in RULE_MODULES:
        importlib.import_module(module)
