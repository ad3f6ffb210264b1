"""Silencing findings: in-file markers with a reason, and baseline files of known findings.

A plan states its source as written, so some findings are known and accepted
(the source truncates 43,48 % to 43,4 %). Such a finding can be silenced on the
line it points at, with a comment that names the rule and says why::

    stated_share: 43.4  # ntmplan: ignore[SH01] reason: the source truncates 43,48 to 43,4

or on a comment line directly above that line (inside the comment block that
precedes it). A marker names one or more rule codes or names, and its reason
is required: a marker without one silences nothing and is itself a finding
(CF01), as is a marker that cannot be read or names no rule (CF02).

A baseline file is the JSON output of ``validate``, ``check`` or ``budget``: the
findings it lists (by file name, rule code and path in the document) are
silenced as known, so that CI fails on new findings only.

Silenced findings stay in the result: they are counted in the summary
(``silenced``), listed with ``--show-silenced`` and in JSON and SARIF, and never
fail the run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable

from ntmplan.errors import InputError, read_text
from ntmplan.findings import Finding, Suppression

if TYPE_CHECKING:
    from ntmplan.config import Settings
    from ntmplan.loading.yaml_source import YamlDocument

MARKER_WORD = re.compile(r"\bntmplan\s*:", re.IGNORECASE)
MARKER = re.compile(
    r"^\s*ntmplan\s*:\s*ignore\s*\[(?P<codes>[^\]]*)\](?P<rest>.*)$",
    re.IGNORECASE,
)
REASON = re.compile(r"^\s*reason\s*:\s*(?P<reason>.*?)\s*$", re.IGNORECASE)
EXAMPLE = "# ntmplan: ignore[SH01] reason: the source truncates 43,48 to 43,4"


@dataclass(frozen=True)
class IgnoreMarker:
    """One ``# ntmplan: ...`` comment of a plan file, as written and as understood.

    ``target_line`` is the line it silences: its own line for a comment after a
    value, the first line after its comment block for a comment on a line of its
    own. ``problem`` says why it cannot silence anything (None when it can).
    """

    line: int
    column: int
    text: str
    codes: tuple[str, ...]
    reason: str
    target_line: int
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None and bool(self.reason)


def comment_start(line: str) -> int | None:
    """Index of the '#' that starts a YAML comment on ``line``, if any.

    A '#' starts a comment at the start of a line or after a space, outside
    quoted scalars; quotes open a scalar only where a value can begin.
    """
    quote = None
    i = 0
    while i < len(line):
        char = line[i]
        if quote == '"':
            if char == "\\":
                i += 2
                continue
            if char == '"':
                quote = None
        elif quote == "'":
            if char == "'":
                if line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                quote = None
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        elif char in "\"'" and (i == 0 or line[i - 1] in " \t[{,:-?"):
            quote = char
        i += 1
    return None


def scan_markers(text: str) -> list[IgnoreMarker]:
    """Every ``ntmplan:`` comment of a YAML text, in file order."""
    if "ntmplan" not in text.lower():
        return []
    lines = text.splitlines()
    markers = []
    for index, line in enumerate(lines):
        start = comment_start(line)
        if start is None:
            continue
        comment = line[start + 1 :]
        if not MARKER_WORD.search(comment):
            continue
        target = index + 1
        if not line[:start].strip():  # a comment line: it points at the line after its comment block
            after = index + 1
            while after < len(lines) and lines[after].lstrip().startswith("#"):
                after += 1
            target = after + 1 if after < len(lines) and lines[after].strip() else 0
        markers.append(parse_marker(comment.strip(), index + 1, start + 1, target))
    return markers


def parse_marker(comment: str, line: int, column: int, target_line: int) -> IgnoreMarker:
    """Read one comment that mentions ``ntmplan:``; say what is wrong with it, if anything."""
    match = MARKER.match(comment)
    if not match:
        return IgnoreMarker(line, column, comment, (), "", target_line,
                            f"'{comment}' is not a marker ntmplan understands; write {EXAMPLE}")
    codes = tuple(code.strip() for code in match["codes"].split(",") if code.strip())
    rest = match["rest"]
    reason_match = REASON.match(rest) if rest.strip() else None
    if rest.strip() and not reason_match:
        return IgnoreMarker(line, column, comment, codes, "", target_line,
                            f"after the rule codes a marker has 'reason: ...', not '{rest.strip()}'")
    if not codes:
        return IgnoreMarker(line, column, comment, codes, "", target_line, "the marker names no rule between [ ]")
    reason = reason_match["reason"] if reason_match else ""
    return IgnoreMarker(line, column, comment, codes, reason, target_line)


@dataclass(frozen=True)
class Baseline:
    """Known findings from an earlier JSON output: (file name, rule code, path) triples."""

    file: str
    entries: frozenset[tuple[str, str, str]]

    def __contains__(self, finding: Finding) -> bool:
        return _baseline_key(finding.location.file, finding.code, finding.location.path) in self.entries


def _baseline_key(file: str, code: str, path: str) -> tuple[str, str, str]:
    return PurePath(file.replace("\\", "/")).name, code, path


def load_baseline(file: str) -> Baseline:
    """Read a baseline: the JSON that ``--format json`` prints (its findings, and findings
    silenced by an earlier baseline, so that regenerating it with a baseline in use keeps them)."""
    text = read_text(file, "a baseline (the JSON output of ntmplan validate --format json)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(file, f"the baseline is not valid JSON ({exc.msg})", line=exc.lineno, column=exc.colno,
                         expected="the output of ntmplan validate --format json") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(file, "the baseline has no list of findings", line=1, column=1,
                         expected="the output of ntmplan validate --format json")
    entries = set()
    listed = data["findings"] + [
        f for f in data.get("silenced") or [] if isinstance(f, dict) and (f.get("silenced") or {}).get("kind") == "baseline"
    ]
    for number, item in enumerate(listed):
        try:
            location = item["location"]
            entries.add(_baseline_key(str(location["file"]), str(item["code"]), str(location.get("path") or "")))
        except (KeyError, TypeError):
            raise InputError(file, f"finding {number + 1} of the baseline has no code or location",
                             expected="findings as ntmplan prints them") from None
    return Baseline(file, frozenset(entries))


def apply_settings(findings: Iterable[Finding], settings: "Settings", document: "YamlDocument | None") -> list[Finding]:
    """Findings as configured: disabled rules dropped, severities overridden, and silenced
    findings marked by the document's markers or the baseline. The one place that does it."""
    from ntmplan.rules.registry import find_rule

    markers: dict[tuple[int, str], IgnoreMarker] = {}
    if document is not None:
        for marker in document.ignores:
            if marker.usable:
                for code in marker.codes:
                    found = find_rule(code)
                    if found is not None:
                        markers.setdefault((marker.target_line, found.code), marker)
    result = []
    for finding in findings:
        if finding.code in settings.disabled:
            continue
        severity = settings.severity.get(finding.code)
        if severity is not None and severity is not finding.severity:
            finding = replace(finding, severity=severity)
        marker = None
        if document is not None and finding.location.file == document.file and finding.location.line is not None:
            marker = markers.get((finding.location.line, finding.code))
        if marker is not None:
            finding = replace(finding, suppression=Suppression("in-source", marker.reason, marker.line))
        elif settings.baseline is not None and finding in settings.baseline:
            finding = replace(finding, suppression=Suppression("baseline", f"listed in {settings.baseline.file}"))
        result.append(finding)
    return result
