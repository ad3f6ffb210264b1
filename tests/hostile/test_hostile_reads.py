"""One guarded reader for every input: no pipe, device, directory or symlink loop is read; reads are bounded."""

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app
from ntmplan.errors import InputError, read_bytes

runner = CliRunner()
ROOT = Path(__file__).parents[2]
PLAN = str(ROOT / "plans" / "2019.yaml")


# How each input kind is given on the command line; {} is the hostile path.
INPUT_KINDS = {
    "plan": ["validate", "{}"],
    "commune file": ["check", "{}"],
    "actuals": ["budget", "--actuals", "{}"],
    "configuration": ["validate", PLAN, "--config", "{}"],
    "baseline": ["validate", PLAN, "--baseline", "{}"],
    "old plan of diff": ["diff", "{}", PLAN],
    "round of progress": ["progress", "{}", str(ROOT / "data" / "communes-2019-06.csv")],
}


def hostile_paths(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    return {"a pipe": (str(fifo), "this is not a regular file"), "/dev/zero": ("/dev/zero", "this is not a regular file"),
            "a symlink loop": (str(loop), "Too many levels of symbolic links")}


@pytest.mark.parametrize("kind", list(INPUT_KINDS))
@pytest.mark.parametrize("hostile", ["a pipe", "/dev/zero", "a symlink loop"])
def test_no_input_kind_reads_what_is_not_a_file(tmp_path, kind, hostile):
    path, words = hostile_paths(tmp_path)[hostile]
    result = runner.invoke(app, [arg.replace("{}", path) for arg in INPUT_KINDS[kind]])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert words in " ".join(result.output.split())


def test_a_directory_given_as_a_file(tmp_path):
    for args in (["budget", "--actuals", str(tmp_path)], ["validate", PLAN, "--baseline", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "this is a directory" in result.output


def test_a_directory_given_as_the_plan_is_taken_for_a_round_of_data(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "(a folder), not a plan: check it with: ntmplan check" in " ".join(result.output.split())


def test_a_read_stops_one_byte_past_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 10_000_000)
    asked = []
    real_read = os.read

    def counting(handle, size):
        asked.append(size)
        return real_read(handle, size)

    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(InputError, match="too large"):
        read_bytes(str(path), "a plan", 1_000)
    assert sum(asked) <= 1_001


def test_the_reported_size_is_not_trusted(tmp_path, monkeypatch):
    """A file that says it is small (a /proc file says 0) is still bounded by what is read."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"a: 1\n" * 1000)
    assert len(read_bytes(str(path), "a plan", 5_000)) == 5_000
    with pytest.raises(InputError, match="too large"):
        read_bytes(str(path), "a plan", 4_999)
