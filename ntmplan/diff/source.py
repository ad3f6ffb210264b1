"""Reading a plan from a file, or from a git revision written ``REV:path``.

``HEAD~1:plans/2019.yaml`` or ``origin/main:plans/2019.yaml`` is read with
``git show`` (a path after the colon is from the repository's root; ``REV:./x``
from the working directory, as git takes it). An existing file of that name
wins over the revision syntax. Every failure is an ``InputError`` (exit 2)
that says what git said.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from ntmplan.errors import InputError, decode_utf8
from ntmplan.loading.plan_loader import LoadedPlan, load_plan, plan_from_document
from ntmplan.loading.yaml_source import MAX_BYTES, parse_yaml

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def is_revision(spec: str) -> bool:
    """Whether ``spec`` means ``REV:path`` rather than a file."""
    return ":" in spec and not Path(spec).exists() and not _DRIVE.match(spec) and not spec.startswith(":")


def git_show(spec: str) -> str:
    """The text of ``REV:path`` in the repository of the working directory.

    The revision is never read by git as an option: one beginning with '-' is
    refused, and ``--end-of-options`` ends git's options before it. Git's output
    is read up to the size limit of a plan and one byte, no further.
    """
    revision, _, path = spec.partition(":")
    if not revision or not path:
        raise InputError(spec, "a revision needs both parts", expected="REV:path, such as HEAD~1:plans/2019.yaml")
    if revision.startswith("-"):
        raise InputError(spec, "a revision cannot begin with '-'", expected="REV:path, such as HEAD~1:plans/2019.yaml",
                         found=repr(revision))
    command = ["git", "show", "--no-textconv", "--end-of-options", f"{revision}:{path}"]
    try:
        with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as git:
            shown, said = _bounded(git)
    except FileNotFoundError:
        raise InputError(spec, "git is not installed, so a plan cannot be read from a revision",
                         expected="git on the PATH, or a plan file") from None
    except subprocess.TimeoutExpired:
        raise InputError(spec, "git did not answer within 60 seconds") from None
    if len(shown) > MAX_BYTES:
        raise InputError(spec, "the file is too large to be a plan", expected=f"at most {MAX_BYTES:,} bytes")
    if git.returncode != 0:
        lines = said.decode("utf-8", errors="replace").strip().splitlines()
        reason = lines[-1].removeprefix("fatal: ") if lines else f"git exited with {git.returncode}"
        raise InputError(spec, f"git cannot read it: {reason}",
                         expected="REV:path with a revision of this repository and the path of a plan in it")
    return decode_utf8(spec, shown)


def _bounded(git: subprocess.Popen) -> tuple[bytes, bytes]:
    """Git's output up to a plan's limit and one byte (git is stopped there), and what it said on stderr."""
    assert git.stdout is not None and git.stderr is not None
    shown = git.stdout.read(MAX_BYTES + 1)
    if len(shown) > MAX_BYTES:
        git.kill()
    said = git.stderr.read(64_000)
    git.wait(timeout=60)
    return shown, said


def read_plan(spec: str) -> LoadedPlan:
    """A plan from a file, or from ``REV:path``; positions are those of that version."""
    if is_revision(spec):
        return plan_from_document(parse_yaml(spec, git_show(spec)))
    return load_plan(spec)
