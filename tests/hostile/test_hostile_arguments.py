"""A revision given to ``diff`` is never read by git as an option."""

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ntmplan.cli import app

runner = CliRunner()
PLAN = Path(__file__).parents[2] / "plans" / "2019.yaml"


@pytest.fixture
def repository(tmp_path, monkeypatch):
    assert shutil.which("git"), "these tests need git: reading 'REV:path' is part of diff"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(PLAN, tmp_path / "new.yaml")
    subprocess.run(git + ["add", "new.yaml"], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "plan"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("spec", ["--output=FILE:x", "--output=FILE:new.yaml", "-p:new.yaml"])
def test_a_revision_like_an_option_writes_nothing(repository, spec):
    before = sorted(path.name for path in repository.iterdir())
    result = runner.invoke(app, ["diff", "--", spec, "new.yaml"])
    assert result.exit_code == 2, result.output
    assert "a revision cannot begin with '-'" in " ".join(result.output.split())
    assert sorted(path.name for path in repository.iterdir()) == before
    assert not (repository / "FILE").exists()


def test_a_revision_is_still_read(repository):
    result = runner.invoke(app, ["diff", "HEAD:new.yaml", "new.yaml"])
    assert result.exit_code == 1 and "Traceback" not in result.output
