"""``rules``, ``explain`` and ``schema``: what the tool checks, and the format it reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ntmplan.errors import UnknownName
from ntmplan.i18n import _
from ntmplan.rules.registry import RULES, Rule, find_rule
from ntmplan.rules.scopes import all_rules
from ntmplan.text import suggest


@dataclass
class RulesResult:
    """The rule catalogue: every rule in code order."""

    rules: list[Rule]

    def to_dict(self) -> list[dict[str, Any]]:
        return [rule.to_dict() for rule in self.rules]


@dataclass
class RuleDoc:
    """One rule's documentation."""

    rule: Rule

    def to_dict(self) -> dict[str, Any]:
        return self.rule.to_dict()


@dataclass
class SchemaResult:
    """The JSON Schema of the plan format."""

    schema: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.schema


def run_rules() -> RulesResult:
    return RulesResult(all_rules())


def run_explain(code: str) -> RuleDoc:
    """The rule with this code or name; ``UnknownName`` with the nearest code otherwise."""
    all_rules()
    found = find_rule(code)
    if found is None:
        nearest = suggest(code.upper(), RULES) or suggest(code.lower(), [rule.name for rule in RULES.values()])
        hint = " " + _("Did you mean {code}?").format(code=nearest) if nearest else ""
        raise UnknownName(_("no rule '{code}'.{hint} 'ntmplan rules' lists them all.").format(code=code, hint=hint))
    return RuleDoc(found)


def run_schema() -> SchemaResult:
    from ntmplan.model.plan import Plan

    return SchemaResult(Plan.model_json_schema())
