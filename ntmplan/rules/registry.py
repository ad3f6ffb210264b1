"""The rule registry: every check is a small registered unit with a stable code, in a scope.

A rule is a generator function decorated with ``@rule(...)``. It receives the
context of its scope (the plan's facts, a commune data file, an actuals file,
…), yields ``Problem`` objects and knows nothing about severity overrides,
locations or output: the engine adds those. The function's docstring is the
rule's documentation, printed by ``ntmplan explain CODE`` and collected in the
README's rule catalogue; it has the same sections for every rule (``SECTIONS``),
each paragraph a message of its own in the catalogue of translations.

A ``Scope`` is a kind of input the rules look at. It knows its context type,
how a problem is located in its file, and which rules belong to it, so that
one engine function runs any of them and every output knows which rules ran.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ntmplan.findings import Location, Severity
from ntmplan.i18n import N_

_CODE = re.compile(r"^[A-Z]{2}\d{2}$")
_NAME = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")

# Every rule's documentation, section by section: the label that opens the section's first
# paragraph in the docstring (none for what the rule checks, which comes first) and the
# heading readers see. A section runs until the next label.
SECTIONS = (
    ("", N_("What it checks")),
    ("Why:", N_("Why it matters")),
    ("Example:", N_("Example")),
    ("Fix:", N_("How to fix")),
)


@dataclass(frozen=True)
class Problem:
    """What a rule reports; the engine turns it into a located ``Finding``.

    Plan rules give ``path`` (a dotted path in the YAML document); data rules
    give ``line`` and ``column`` of the data file, and may give ``path`` as the
    column name. A round read from several files or sheets names the ``file``
    (and ``sheet``) a row comes from; otherwise the scope's own file is meant.
    """

    message: str
    path: str = ""
    expected: Any = None
    actual: Any = None
    tolerance: Any = None
    line: int | None = None
    column: int | None = None
    severity: Severity | None = None  # only for rules whose severity depends on the case
    file: str | None = None
    sheet: str | None = None


@dataclass(frozen=True)
class Elided:
    """How many more problems a rule found past the engine's limit, counted rather than built."""

    count: int


@dataclass(eq=False)
class Scope:
    """A kind of input the rules look at, and the rules registered for it.

    ``locate`` turns a rule's problem into a location in the file the context came
    from; ``file`` names that file. ``label`` is how ``ntmplan rules`` shows the
    scope (translated where shown); ``context`` names the type the rules receive.
    """

    name: str
    label: str
    context: str
    locate: Callable[[Any, Problem], Location]
    file: Callable[[Any], str]
    modules: tuple[str, ...]
    rules: list["Rule"] = field(default_factory=list)

    def registered(self) -> list["Rule"]:
        """The scope's rules in code order, after importing the modules that register them."""
        import importlib

        for module in self.modules:
            importlib.import_module(module)
        return sorted(self.rules, key=lambda rule: rule.code)


@dataclass(frozen=True)
class Section:
    """One section of a rule's documentation: its label, its heading and its paragraphs (without the label)."""

    label: str
    heading: str
    paragraphs: tuple[str, ...]

    @property
    def key(self) -> str:
        """'checks', 'why', 'example' or 'fix': the section's name in JSON."""
        return self.label.rstrip(":").lower() or "checks"


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
            "scope": self.scope.name,
            "summary": self.summary,
            "doc": self.doc,
            "sections": {section.key: list(section.paragraphs) for section in self.sections},
        }

    @property
    def doc(self) -> str:
        """The docstring with each paragraph on one line, for wrapping by the reader."""
        return "\n\n".join(self.paragraphs)

    @property
    def paragraphs(self) -> list[str]:
        text = inspect.cleandoc(self.check.__doc__ or self.summary)
        return [" ".join(paragraph.split()) for paragraph in text.split("\n\n")]

    @property
    def sections(self) -> list[Section]:
        """The documentation's sections in the order written, each with its paragraphs.

        A paragraph that opens with a label of ``SECTIONS`` starts that section; any
        other paragraph continues the section before it. A test holds every rule to
        the sections of ``SECTIONS``, in that order, none empty.
        """
        headings = dict(SECTIONS)
        found: list[tuple[str, list[str]]] = []
        for paragraph in self.paragraphs:
            label = next((label for label in headings if label and paragraph.startswith(label)), None)
            if label is not None:
                found.append((label, [paragraph[len(label):].strip()]))
            elif found:
                found[-1][1].append(paragraph)
            else:
                found.append(("", [paragraph]))
        return [Section(label, headings[label], tuple(p for p in paragraphs if p)) for label, paragraphs in found]


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, scope: Scope):
    """Register a rule in ``scope``; codes and names must be well-formed and unique."""

    def register(check: Callable[[Any], Iterable[Problem]]) -> Callable[[Any], Iterable[Problem]]:
        if not _CODE.match(code):
            raise ValueError(f"rule code {code!r} must be two capitals and two digits")
        if not _NAME.match(name):
            raise ValueError(f"rule name {name!r} must be kebab-case")
        if code in RULES or any(existing.name == name for existing in RULES.values()):
            raise ValueError(f"rule {code} {name} is registered twice")
        if not check.__doc__:
            raise ValueError(f"rule {code} needs a docstring: it is the rule's documentation")
        registered = Rule(code, name, severity, scope, summary, check)
        RULES[code] = registered
        scope.rules.append(registered)
        return check

    return register


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by code (case-insensitive) or by name."""
    wanted = code_or_name.strip()
    return RULES.get(wanted.upper()) or next((r for r in RULES.values() if r.name == wanted.lower()), None)
