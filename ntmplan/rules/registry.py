"""The rule registry: every check is a small registered unit with a stable code.

A rule is a generator function decorated with ``@rule(...)``. It receives a
context (the plan, or the plan and commune data), yields ``Problem`` objects
and knows nothing about severity overrides, locations or output: the engine
adds those. The function's docstring is the rule's documentation, printed by
``ntmplan explain CODE`` and collected in the README's rule catalogue.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Literal

from ntmplan.findings import Severity

Scope = Literal["plan", "markers", "data", "targets", "actuals"]

_CODE = re.compile(r"^[A-Z]{2}\d{2}$")
_NAME = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    """What a rule reports; the engine turns it into a located ``Finding``.

    Plan rules give ``path`` (a dotted path in the YAML document); data rules
    give ``line`` and ``column`` of the CSV file, and may give ``path`` as the
    column name.
    """

    message: str
    path: str = ""
    expected: Any = None
    actual: Any = None
    tolerance: Any = None
    line: int | None = None
    column: int | None = None
    severity: Severity | None = None  # only for rules whose severity depends on the case


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    check: Callable[[Any], Iterable[Problem]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "scope": self.scope,
            "summary": self.summary,
            "doc": self.doc,
        }

    @property
    def doc(self) -> str:
        """The docstring with each paragraph on one line, for wrapping by the reader."""
        paragraphs = inspect.cleandoc(self.check.__doc__ or self.summary).split("\n\n")
        return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, scope: Scope = "plan"):
    """Register a rule; codes and names must be well-formed and unique."""

    def register(check: Callable[[Any], Iterable[Problem]]) -> Callable[[Any], Iterable[Problem]]:
        if not _CODE.match(code):
            raise ValueError(f"rule code {code!r} must be two capitals and two digits")
        if not _NAME.match(name):
            raise ValueError(f"rule name {name!r} must be kebab-case")
        if code in RULES or any(existing.name == name for existing in RULES.values()):
            raise ValueError(f"rule {code} {name} is registered twice")
        if not check.__doc__:
            raise ValueError(f"rule {code} needs a docstring: it is the rule's documentation")
        RULES[code] = Rule(code, name, severity, scope, summary, check)
        return check

    return register


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by code (case-insensitive) or by name."""
    wanted = code_or_name.strip()
    return RULES.get(wanted.upper()) or next((r for r in RULES.values() if r.name == wanted.lower()), None)


def rules_for(scope: Scope) -> list[Rule]:
    return [r for code, r in sorted(RULES.items()) if r.scope == scope]
