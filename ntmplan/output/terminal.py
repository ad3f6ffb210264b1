"""Text from the inputs, made harmless for a terminal: the one place control characters are escaped.

A name or a message read from a plan, a commune file or an argument may hold
ESC (colours, OSC hyperlinks, cursor moves), other C0 and C1 control codes, or
bidi overrides that reorder what a reader sees. Every terminal format shows
them escaped (``\\x1b``, ``\\u202e``); the JSON formats write them as JSON
escapes (``\\u001b``), which any JSON reader turns back into the same text.
Newlines and tabs are layout and stay.
"""

from __future__ import annotations

import re

# C0 but \t and \n, DEL, C1, and the bidi embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What ``json.dumps`` leaves raw of those: DEL, C1 and the bidi codes (it escapes C0 itself).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every control character written as an escape a person can read: ESC as ``\\x1b``."""
    return _CONTROL.sub(_escaped, text)


def json_shown(text: str) -> str:
    """A JSON text with the control characters ``json.dumps`` left raw written as ``\\uXXXX`` escapes."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
