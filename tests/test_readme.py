"""Every ``ntmplan …`` example of README.md and docs/*.md runs, with its documented exit code and output.

How an example is written, so that this test finds it:

- In a ``sh`` block, a line that starts with ``ntmplan`` is an example. A comment
  ``# exit N`` on it gives its exit code (0 otherwise); ``# not run: why`` marks one
  that needs what a test cannot have (the network, a git history, a CI runner) and
  says so.
- In a ``text`` or ``console`` block, a line ``$ ntmplan …`` is an example, and the
  lines after it, up to the next ``$`` line, are its output. ``(abridged)`` after the
  command means the output shows parts of the real one: each part between lines
  ``...`` (or ``…``) is found in it, in order; ``$ echo $?`` and a number after
  it give its exit code. ``(N columns)`` gives the terminal's width (100 otherwise;
  ``<!-- examples: N columns -->`` sets it for the examples after it). Output is
  compared as a run of words, its spaces and line breaks made one: a column one
  character wider or a path wrapped to the next line does not fail it.

Each example runs in-process against a copy of the repository's tracked files, in
English unless it says ``--lang``. Files it writes (``--out``, ``--ics``,
``--charts``, ``> FILE``) go to a folder outside the copy, and the copy is
unchanged after every example: the README's examples leave nothing behind.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.i18n import Lang, activate

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\s*$")
WRITES = ("--out", "-o", "--ics", "--charts")
DEFAULT_COLUMNS = 100
GAPS = ("...", "…")  # a line of one of these in an output: the lines between are parts of the real output
COLUMNS_NOTE = re.compile(r"<!-- examples: (\d+) columns -->")


@dataclass
class Example:
    where: str  # 'README.md:136'
    command: str
    exit_code: int = 0
    shown: list[str] | None = None
    abridged: bool = False
    columns: int = DEFAULT_COLUMNS
    not_run: str | None = None


def _annotated(line: str, where: str, columns: int = DEFAULT_COLUMNS) -> Example:
    """The command of a line and what its comment and brackets say about it."""
    command, _, comment = line.partition(" #")
    example = Example(where, command.strip(), columns=columns)
    brackets = re.search(r"\s\(([^()]*)\)\s*$", example.command)
    notes = comment + " " + (brackets.group(1) if brackets else "")
    if brackets and re.search(r"abridged|columns", brackets.group(1)):
        example.command = example.command[:brackets.start()].strip()
    example.abridged = "abridged" in notes
    if match := re.search(r"\bexit (\d)", notes):
        example.exit_code = int(match.group(1))
    if match := re.search(r"(\d+) columns", notes):
        example.columns = int(match.group(1))
    if match := re.search(r"not run: (.+)", comment):
        example.not_run = match.group(1).strip()
    return example


def examples_of(document: str) -> list[Example]:
    found: list[Example] = []
    showing: Example | None = None  # the example whose output the lines of a text block are
    exit_of: Example | None = None  # the example whose exit code '$ echo $?' shows on the next line
    columns = DEFAULT_COLUMNS
    kind = None
    for number, line in enumerate((ROOT / document).read_text(encoding="utf-8").splitlines(), 1):
        fence = FENCE.match(line.strip())
        if fence:
            kind, showing = (fence.group(1) or "plain") if kind is None else None, None
        elif kind == "sh" and line.startswith("ntmplan "):
            found.append(_annotated(line, f"{document}:{number}"))
        elif kind in ("text", "console") and line.startswith("$ "):
            last, showing = showing, None
            if line.startswith("$ ntmplan "):
                showing = _annotated(line[2:], f"{document}:{number}", columns)
                showing.shown = []
                found.append(showing)
            elif line.strip() == "$ echo $?" and last is not None:
                exit_of = last
        elif exit_of is not None:
            exit_of.exit_code, exit_of = int(line.strip()), None
        elif showing is not None and showing.shown is not None:
            showing.abridged |= line.strip() in GAPS
            showing.shown.append(line)
        elif match := COLUMNS_NOTE.search(line):
            columns = int(match.group(1))
    return found


EXAMPLES = [example for document in DOCUMENTS for example in examples_of(document)]
RUN = [example for example in EXAMPLES if example.not_run is None]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh copy of the repository's tracked files."""
    target = tmp_path_factory.mktemp("clone")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _arguments(command: str, scratch: Path) -> tuple[list[str], Path | None]:
    """The arguments after ``ntmplan``, every file written moved to ``scratch``, and where stdout goes."""
    words = [match for word in shlex.split(command)[1:]
             for match in (sorted(glob.glob(word)) if "*" in word else [word])]  # the shell's plans/*.yaml
    redirect = None
    if ">" in words or ">>" in words:
        at = words.index(">") if ">" in words else words.index(">>")
        redirect, words = scratch / words[at + 1], words[:at]
        redirect.parent.mkdir(parents=True, exist_ok=True)
    for i, word in enumerate(words[:-1]):
        if word in WRITES:
            words[i + 1] = str(scratch / words[i + 1])
            Path(words[i + 1]).parent.mkdir(parents=True, exist_ok=True)  # as the clone has plans/, reports/…
    if "--lang" not in words:
        words += ["--lang", "en"]
    return words, redirect


def _flat(lines: list[str]) -> str:
    """Lines as one run of words: how a terminal's width wrapped them does not matter."""
    return " ".join(" ".join(lines).split())


def _json_outside(shown, actual, path: str = "$") -> str | None:
    """None when the JSON ``shown`` is part of ``actual``, else the path where it is not.

    An object shows some of its keys; a list with an item "…" shows some of its
    items, in order; anything else is shown whole.
    """
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return path
        return next(filter(None, (_json_outside(value, actual.get(key, MISSING), f"{path}.{key}")
                                  for key, value in shown.items())), None)
    if isinstance(shown, list) and "…" in shown:
        if not isinstance(actual, list):
            return path
        items = iter(enumerate(actual))
        for item in (item for item in shown if item != "…"):
            if not any(_json_outside(item, candidate) is None for _, candidate in items):
                return f"{path}[…]"
        return None
    if isinstance(shown, list):
        if not isinstance(actual, list) or len(shown) != len(actual):
            return path
        return next(filter(None, (_json_outside(a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(shown, actual)))),
                    None)
    return None if shown == actual else f"{path} ({shown!r} shown, {actual!r} found)"


MISSING = object()


def test_the_documents_have_examples_and_say_why_one_is_not_run():
    assert len(RUN) >= 40
    for example in EXAMPLES:
        assert example.not_run is None or len(example.not_run) > 10, example.where


@pytest.mark.parametrize("example", RUN, ids=[f"{e.where} {e.command[8:60]}" for e in RUN])
def test_example(example: Example, clone: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(clone)
    before = _files(clone)
    words, redirect = _arguments(example.command, tmp_path)
    try:
        result = CliRunner().invoke(app, words, env={"COLUMNS": str(example.columns), "NO_COLOR": "1",
                                                     "GITHUB_ACTIONS": None, "NTMPLAN_LANG": None})
    finally:
        activate(Lang.en)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == example.exit_code, f"{example.where}: {example.command}\n{result.output}"
    assert _files(clone) == before, f"{example.where} left files in the repository"
    if redirect is not None:
        redirect.write_text(result.stdout, encoding="utf-8")
    if example.shown and "--format json" in example.command:
        mismatch = _json_outside(json.loads("\n".join(example.shown)), json.loads(result.stdout))
        assert mismatch is None, f"{example.where}: the JSON shown differs at {mismatch}"
    elif example.shown:
        actual = _flat(result.output.replace(f"{tmp_path}{os.sep}", "").splitlines())
        parts = [[]]  # type: list[list[str]]
        for line in example.shown:
            parts.append([]) if line.strip() in GAPS and example.abridged else parts[-1].append(line)
        if not example.abridged:
            assert actual == _flat(parts[0]), f"{example.where}: the output is now:\n{result.output}"
        at = 0
        for part in filter(None, map(_flat, parts)):
            found = actual.find(part, at)
            assert found >= 0, f"{example.where}: not in the output (after what came before):\n{part}\n\n{result.output}"
            at = found + len(part)
