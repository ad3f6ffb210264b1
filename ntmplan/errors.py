"""The one exception type for input that cannot be used at all.

Findings describe a document that could be read; an ``InputError`` means it
could not (missing, not UTF-8, not YAML, not the plan format). The CLI turns it
into a one-paragraph message and exit code 2, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ntmplan.i18n import N_, _, translate

# The kinds of file the readers ask ``read_text`` for, translated when a message names them.
KINDS = (N_("a plan"), N_("a CSV file of communes"), N_("an actuals CSV file"), N_("an Excel workbook of communes"))


@dataclass
class InputError(Exception):
    """Input that cannot be read, with enough detail for a person to fix it."""

    file: str
    problem: str
    line: int | None = None
    column: int | None = None
    expected: str | None = None
    found: str | None = None
    path: str | None = None
    others: list["InputError"] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join([self.describe()] + [other.describe() for other in self.others])

    def describe(self) -> str:
        """This error alone, as one line: file:line:column: problem; expected ..., found ...."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.problem}"
        if self.path:
            text += " " + _("(at {path})").format(path=self.path)
        if self.expected is not None:
            text += _("; expected {expected}").format(expected=self.expected)
        if self.found is not None:
            found = _(", found {found}") if self.expected is not None else _("; found {found}")
            text += found.format(found=self.found)
        return text + "."


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset into ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode_utf8(file: str, raw: bytes) -> str:
    """Decode UTF-8 with or without a byte-order mark, naming the first bad byte."""
    return decode_text(file, raw, "utf-8-sig", _("the file is not valid UTF-8 text"),
                       _("UTF-8 (save the file as 'CSV UTF-8' or 'UTF-8' in your editor)"))


def decode_text(file: str, raw: bytes, codec: str, message: str, expected: str, unit: int = 1) -> str:
    """Decode ``raw``, or an InputError at the first bad code unit (``unit`` bytes): its line, column and bytes."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        start = exc.start - exc.start % unit
        good = raw[:start].decode(codec, errors="replace")
        line, column = line_and_column(good, len(good))
        found = (_("byte 0x{byte:02x}").format(byte=raw[start]) if unit == 1
                 else _("bytes {bytes}").format(bytes=raw[start:start + unit].hex(" ")))
        raise InputError(file, message, line=line, column=column, expected=expected, found=found) from None


def read_text(file: str, what: str, max_bytes: int | None = None) -> str:
    """Read a whole input file as text, refusing missing, oversized and non-UTF-8 files.

    ``what`` names the kind of file expected ('a plan', 'a CSV file') in messages.
    """
    return decode_utf8(file, read_bytes(file, what, max_bytes))


_READ: list[str] = []  # the inputs read so far in this process, last last


def last_read() -> str | None:
    """The input read last: what an internal error names as what was being worked on."""
    return _READ[-1] if _READ else None


# Any input larger than this is refused, whatever its kind asks for; the readers ask for less.
# A commune table asks for all of it: a national file of a million rows is about 100 MB.
MAX_INPUT_BYTES = 200_000_000


def read_bytes(file: str, what: str, max_bytes: int | None = None) -> bytes:
    """Read a whole input file: the one guarded reader every kind of input goes through.

    A FIFO, a device (/dev/zero) or a directory is refused before anything is
    read, and the size is bounded by the bytes actually read (at most the limit
    and one), never by the size the file reports, so nothing blocks or fills
    memory.
    """
    import os
    import stat

    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    _READ.append(file)
    what = translate(what)
    try:
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(file, _("the file does not exist"), expected=_("a path to {what}").format(what=what)) from None
    except IsADirectoryError:
        raise InputError(file, _("this is a directory"), expected=what) from None
    except OSError as exc:
        raise InputError(file, _("the file cannot be read ({reason})").format(reason=exc.strerror or exc)) from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(file, _("this is a directory"), expected=what)
        if not stat.S_ISREG(mode):
            raise InputError(file, _("this is not a regular file (a pipe, a device or a socket)"), expected=what)
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        chunks: list[bytes] = []
        size = 0
        expected = os.fstat(handle).st_size  # a hint: a file of that size comes in one read, joined without a copy
        while size <= limit:
            chunk = os.read(handle, min(max(expected + 1 - size, 1 << 20), limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(file, _("the file cannot be read ({reason})").format(reason=exc.strerror or exc)) from None
    finally:
        os.close(handle)
    if size > limit:
        raise InputError(
            file, _("the file is too large to be {what}").format(what=what),
            expected=_("at most {count} bytes").format(count=f"{limit:,}"),
            found=_("more bytes"),
        )
    return b"".join(chunks)


class UnknownName(LookupError):
    """A name given on the command line that the plan or the tool does not have: a rule, an agency, a commune.

    The command line shows the message (with the nearest name) as a usage error
    of ``option``, or on its own when the name is an argument, and exits 2.
    """

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.option = option
