"""Load YAML safely, keeping where every value stands in the file.

PyYAML alone accepts duplicate keys, loses line numbers and expands alias
bombs. We compose the node graph with the safe (libyaml when present) loader,
then build plain Python data ourselves so that we can refuse duplicates, bound
size and depth, and remember each value's line and column. A float
is built as a ``Stated`` figure that keeps the decimals it was written with
('29.50' has two), which the model keeps and the rules compare at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ntmplan.errors import InputError, read_text
from ntmplan.figures import Stated, decimals
from ntmplan.loading.markers import IgnoreMarker, scan_markers

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 5_000_000
MAX_DEPTH = 50
MAX_NODES = 200_000


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
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, problem: str, path: str, **kw: str) -> InputError:
        mark = _mark(node)
        return InputError(self.file, problem, line=mark.line, column=mark.column, path=path or None, **kw)

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(
                node,
                "the document expands to too many values (an alias bomb or a runaway file)",
                path,
                expected=f"at most {MAX_NODES:,} values",
            )
        if depth > MAX_DEPTH:
            raise self.fail(node, "the document is nested too deeply", path, expected=f"at most {MAX_DEPTH} levels")
        self.marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, "explicit YAML tags are not allowed", path, found=node.tag)
            return [self.build(child, join_path(path, i), depth + 1) for i, child in enumerate(node.value)]
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, "explicit YAML tags are not allowed", path, found=node.tag)
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys ('<<') are not allowed in a plan", path)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a mapping key must be a plain word", path, found="a collection")
            key = key_node.value
            child = join_path(path, key)
            if key in first_seen:
                earlier = first_seen[key]
                raise self.fail(
                    key_node,
                    f"duplicate key '{key}' (first defined at line {earlier.line}, column {earlier.column})",
                    child,
                    expected="each key once per mapping",
                )
            first_seen[key] = _mark(key_node)
            self.key_marks[child] = first_seen[key]
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag[18:] in _SCALAR_TAGS:
            value = self.constructor.construct_object(node, deep=True)
            if isinstance(value, float):
                return Stated(value, decimals(node.value))
            return value
        raise self.fail(node, "explicit YAML tags are not allowed", path, found=f"tag {_describe_tag(node.tag)!r}")


_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


def parse_yaml(file: str, text: str) -> YamlDocument:
    """Parse one YAML document from ``text``; ``file`` is used in messages only."""
    if not text.strip():
        raise InputError(file, "the file is empty", line=1, column=1, expected="a YAML plan document")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise InputError(
            file,
            f"YAML syntax error: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(file, f"YAML error: {exc}") from None
    except RecursionError:
        raise InputError(file, "the document is nested too deeply", expected=f"at most {MAX_DEPTH} levels") from None
    if root is None:
        raise InputError(file, "the file holds no YAML document", line=1, column=1, expected="a YAML plan document")
    builder = _Builder(file)
    data = builder.build(root, "", 0)
    return YamlDocument(
        file=file, data=data, marks=builder.marks, key_marks=builder.key_marks, ignores=scan_markers(text)
    )


def load_yaml(file: str) -> YamlDocument:
    """Read and parse a YAML file, raising ``InputError`` for anything unusable."""
    return parse_yaml(file, read_text(file, "a plan", MAX_BYTES))
