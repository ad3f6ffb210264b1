"""The help option's own line, which click writes in English, is translated like the rest of the help."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ntmplan.cli import app
from ntmplan.i18n import Lang
from ntmplan.i18n.help import help_texts

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_the_help_option_is_among_the_texts_of_the_catalogue():
    assert "Show this message and exit." in help_texts(app)


@pytest.mark.parametrize("argv", [["-h"], ["diff", "--help"], ["schema", "-h"]])
def test_the_help_line_is_vietnamese_in_vietnamese(argv):
    """The root command has no --lang: there NTMPLAN_LANG chooses."""
    completed = subprocess.run([sys.executable, "-m", "ntmplan", *argv], capture_output=True, text=True, cwd=ROOT,
                               env={**os.environ, "COLUMNS": "80", "NTMPLAN_LANG": Lang.vi.value})
    assert completed.returncode == 0, completed.stderr
    assert "Show this message and exit." not in completed.stdout
    assert "-h, --help" in completed.stdout and "Hiện hướng dẫn này rồi thoát." in completed.stdout
