"""Writing output files safely: in one step, and never over an input.

A report or a calendar is written to a temporary file in the target's directory
and renamed over the target (``os.replace``), so a reader (or Excel with the
old report open) sees the old file or the new one, never half of one; an error
halfway leaves the old file as it was. A target that is one of the command's
input files is refused: ``--out data/communes.csv`` must not destroy the data.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ntmplan.errors import InputError
from ntmplan.i18n import _


def check_target(target: str, inputs: list[str]) -> Path:
    """The path to write, refusing a directory, a missing directory and any input file."""
    path = Path(target)
    try:
        if path.is_dir():
            raise InputError(target, _("this is a directory"), expected=_("a file name, not a directory"))
        if not path.parent.resolve().is_dir():
            raise InputError(target, _("the directory to write into does not exist"),
                             expected=_("an existing directory"))
        if path.exists() and not path.is_file():
            raise InputError(target, _("this is not a regular file (a pipe, a device or a socket)"),
                             expected=_("a file name to write"))
        _probe(path.parent.resolve())
    except (OSError, RuntimeError) as exc:
        raise _cannot_write(target, exc) from None
    for given in inputs:
        source = Path(given)
        same = path.resolve() == source.resolve()
        if not same and path.exists() and source.exists():
            same = os.path.samefile(path, source)
        if same:
            raise InputError(target, _("refusing to overwrite the input file {file}").format(file=given),
                             expected=_("another file name"))
    return path


def _probe(directory: Path) -> None:
    """Create and remove a file in ``directory``: the one test of writability that holds for
    permissions, read-only file systems and any user (``os.access`` is always true for root)."""
    handle, probe = tempfile.mkstemp(dir=directory, prefix=".ntmplan-", suffix=".probe")
    os.close(handle)
    os.unlink(probe)


def _cannot_write(target: str, exc: BaseException) -> InputError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return InputError(target, _("the file cannot be written ({reason})").format(reason=reason),
                      expected=_("a path where a file can be written"))


def _mode(path: Path) -> int:
    """The existing file's permissions, or what a new file would get under the umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(target: str, data: bytes, inputs: list[str]) -> None:
    """Write ``data`` to ``target`` in one step: readers see the old file or the new, never half of one."""
    path = check_target(target, inputs)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent.resolve(), prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise
