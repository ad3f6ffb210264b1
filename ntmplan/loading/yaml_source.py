"""Load YAML safely, keeping where every value stands in the file.

PyYAML alone accepts duplicate keys, loses line numbers and expands alias
bombs; its YAML 1.1 resolver reads ``0207`` as octal 135 and ``no`` as false.
We first count the parser's events (values, depth) and measure the lines, so
that a runaway file is refused before any node is built; then compose the node
graph with the safe (libyaml when present) loader, which tags every plain
scalar as plain, and build plain Python data ourselves by the YAML 1.2 core
schema: refusing duplicates, remembering each value's line and column. A float
is built as a ``Stated`` figure that keeps the decimals it was written with
('29.50' has two), which the model keeps and the rules compare at.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ntmplan.errors import InputError, read_text
from ntmplan.figures import Stated, decimals
from ntmplan.i18n import N_, _, translate
from ntmplan.loading.markers import IgnoreMarker, scan_markers
from ntmplan.numbers import num

try:
    _SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _SafeLoader = yaml.SafeLoader

MAX_BYTES = 5_000_000
MAX_DEPTH = 50
MAX_NODES = 200_000
MAX_LINE = 20_000  # characters on one line
MAX_DIGITS = 30  # digits of a number: more is a pasted mistake, not a figure of a plan

PLAIN = "tag:ntmplan:plain"  # a plain scalar without a tag: resolved by the YAML 1.2 core schema below
_CORE = "tag:yaml.org,2002:"


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader, leaving every untagged plain scalar for ``resolve_plain`` to read."""

    def resolve(self, kind, value, implicit):  # noqa: ANN001 - PyYAML's signature
        if kind is yaml.ScalarNode and implicit[0]:
            return PLAIN
        return super().resolve(kind, value, implicit)


# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), and ISO dates.
_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class Mark:
    """1-based line and column of a value."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain data from a YAML file plus the position of every path in it."""

    file: str
    data: Any
    marks: dict[str, Mark] = field(default_factory=dict)
    key_marks: dict[str, Mark] = field(default_factory=dict)
    ignores: list[IgnoreMarker] = field(default_factory=list)  # '# ntmplan: ignore[...]' comments

    def mark(self, path: str) -> Mark | None:
        """The mark of ``path`` or of its nearest ancestor that has one."""
        while True:
            if path in self.marks:
                return self.marks[path]
            if not path:
                return None
            path = parent_path(path)


def join_path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def parent_path(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _describe_tag(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


class _Builder:
    """Turns a composed node graph into data, refusing what a plan must not contain."""

    def __init__(self, file: str):
        self.file = file
        self.marks: dict[str, Mark] = {}
        self.key_marks: dict[str, Mark] = {}
        self.nodes = 0

    def fail(self, node: yaml.Node, problem: str, path: str, **kw: str) -> InputError:
        mark = _mark(node)
        return InputError(self.file, problem, line=mark.line, column=mark.column, path=path or None, **kw)

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(
                node,
                _("the document expands to too many values (an alias bomb or a runaway file)"),
                path,
                expected=_("at most {count} values").format(count=num(MAX_NODES)),
            )
        if depth > MAX_DEPTH:
            raise self.fail(node, _("the document is nested too deeply"), path, expected=_("at most {count} levels").format(count=MAX_DEPTH))
        self.marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, _("explicit YAML tags are not allowed"), path, found=node.tag)
            return [self.build(child, join_path(path, i), depth + 1) for i, child in enumerate(node.value)]
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, _("explicit YAML tags are not allowed"), path, found=node.tag)
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, _("merge keys ('<<') are not allowed in a plan"), path)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, _("a mapping key must be a plain word"), path, found=_("a collection"))
            key = key_node.value
            child = join_path(path, key)
            if key in first_seen:
                earlier = first_seen[key]
                raise self.fail(
                    key_node,
                    _("duplicate key '{key}' (first defined at line {line}, column {column})").format(
                        key=key, line=earlier.line, column=earlier.column),
                    child,
                    expected=_("each key once per mapping"),
                )
            first_seen[key] = _mark(key_node)
            self.key_marks[child] = first_seen[key]
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        """A scalar by the YAML 1.2 core schema; an explicit tag must agree with what the value is."""
        if node.tag == PLAIN:
            return self.resolve_plain(node, path)
        kind = node.tag.removeprefix(_CORE) if node.tag.startswith(_CORE) else None
        if kind == "str":
            return node.value
        if kind not in _TAG_KINDS:
            raise self.fail(node, _("explicit YAML tags are not allowed"), path, found=_("tag {tag}").format(tag=repr(_describe_tag(node.tag))))
        value = self.resolve_plain(node, path)
        wanted = _TAG_KINDS[kind]
        if type(value) not in wanted:
            raise self.fail(node, _("the value does not match its tag '!!{kind}'").format(kind=kind), path,
                            expected=translate(_TAG_NAMES[kind]), found=_shown(node.value))
        return value

    def resolve_plain(self, node: yaml.ScalarNode, path: str) -> Any:
        text = node.value
        if _NULL.fullmatch(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        number = _INT.fullmatch(text) or _OCTAL.fullmatch(text) or _HEX.fullmatch(text) or _FLOAT.fullmatch(text)
        if number and sum(char.isdigit() for char in text) > MAX_DIGITS:
            raise self.fail(node, _("the number has too many digits"), path,
                            expected=_("at most {count} digits").format(count=MAX_DIGITS),
                            found=_("{count} characters").format(count=num(len(text))))
        if _INT.fullmatch(text):
            return int(text, 10)
        if _OCTAL.fullmatch(text):
            return int(text[2:], 8)
        if _HEX.fullmatch(text):
            return int(text[2:], 16)
        if _FLOAT.fullmatch(text):
            value = float(text)
            if not math.isfinite(value):
                raise self.fail(node, _("the number is too large"), path, expected=_("a finite number"), found=_shown(text))
            return Stated(value, decimals(text))
        if _SPECIAL_FLOAT.fullmatch(text):
            raise self.fail(node, _("infinity and NaN are not figures"), path, expected=_("a finite number"),
                            found=_shown(text))
        date = _DATE.fullmatch(text)
        if date:
            try:
                return dt.date(int(date[1]), int(date[2]), int(date[3]))
            except ValueError as exc:
                raise self.fail(node, _("no such date ({reason})").format(reason=exc), path, expected=_("a date YYYY-MM-DD"),
                                found=_shown(text)) from None
        return text


# What an explicit core tag accepts: the types its value may resolve to.
_TAG_KINDS: dict[str, tuple[type, ...]] = {
    "int": (int,), "float": (Stated, int), "bool": (bool,), "null": (type(None),), "timestamp": (dt.date,),
}
_TAG_NAMES = {"int": N_("an integer"), "float": N_("a number"), "bool": N_("true or false"), "null": "null",
              "timestamp": N_("a date YYYY-MM-DD")}


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 40 else f"{text[:37]!r}..."


def _measure(file: str, text: str) -> None:
    """Refuse a runaway document before any node is built: too long a line, too many values, too deep."""
    start = 0
    line = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE:
            raise InputError(file, _("a line is too long for a plan"), line=line, column=MAX_LINE + 1,
                             expected=_("at most {count} characters on a line").format(count=num(MAX_LINE)))
        if end < 0:
            break
        start, line = end + 1, line + 1
    values = depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            values += 1
            if values > MAX_NODES:
                raise InputError(file, "the document holds too many values", line=event.start_mark.line + 1,
                                 column=event.start_mark.column + 1, expected=_("at most {count} values").format(count=num(MAX_NODES)))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(file, _("the document is nested too deeply"), line=event.start_mark.line + 1,
                                 column=event.start_mark.column + 1, expected=_("at most {count} levels").format(count=MAX_DEPTH))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_yaml(file: str, text: str) -> YamlDocument:
    """Parse one YAML document from ``text``; ``file`` is used in messages only."""
    if not text.strip():
        raise InputError(file, _("the file is empty"), line=1, column=1, expected=_("a YAML plan document"))
    try:
        _measure(file, text)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise InputError(
            file,
            _("YAML syntax error: {problem}").format(problem=problem),
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(file, _("YAML error: {problem}").format(problem=exc)) from None
    except RecursionError:
        raise InputError(file, _("the document is nested too deeply"), expected=_("at most {count} levels").format(count=MAX_DEPTH)) from None
    if root is None:
        raise InputError(file, _("the file holds no YAML document"), line=1, column=1, expected=_("a YAML plan document"))
    builder = _Builder(file)
    data = builder.build(root, "", 0)
    return YamlDocument(
        file=file, data=data, marks=builder.marks, key_marks=builder.key_marks, ignores=scan_markers(text)
    )


def load_yaml(file: str) -> YamlDocument:
    """Read and parse a YAML file, raising ``InputError`` for anything unusable."""
    return parse_yaml(file, read_text(file, "a plan", MAX_BYTES))
