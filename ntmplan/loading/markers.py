"""The ``# ntmplan: ignore[CODE] reason: ...`` comments of a YAML file, as written.

A plan states its source as written, so some findings are known and accepted
(the source truncates 43,48 % to 43,4 %). Such a finding can be silenced on the
line it points at, with a comment that names the rule and says why::

    stated_share: 43.4  # ntmplan: ignore[SH01] reason: the source truncates 43,48 to 43,4

or on a comment line directly above that line (inside the comment block that
precedes it). A marker names one or more rule codes or names, and its reason
is required: a marker without one silences nothing and is itself a finding
(CF01), as is a marker that cannot be read or names no rule (CF02).

This module only reads the comments (the loader keeps them with the document);
``ntmplan.rules.settings`` applies them to findings, and ``rules/markers.py``
judges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ntmplan.i18n import _

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
                            _("'{comment}' is not a marker ntmplan understands; write {example}").format(
                                comment=comment, example=EXAMPLE))
    codes = tuple(code.strip() for code in match["codes"].split(",") if code.strip())
    rest = match["rest"]
    reason_match = REASON.match(rest) if rest.strip() else None
    if rest.strip() and not reason_match:
        return IgnoreMarker(line, column, comment, codes, "", target_line,
                            _("after the rule codes a marker has 'reason: ...', not '{rest}'").format(rest=rest.strip()))
    if not codes:
        return IgnoreMarker(line, column, comment, codes, "", target_line,
                            _("the marker names no rule between [ ]"))
    reason = reason_match["reason"] if reason_match else ""
    return IgnoreMarker(line, column, comment, codes, reason, target_line)
