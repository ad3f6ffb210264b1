import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch):
    """Inside GitHub Actions ntmplan prints annotations by default; tests expect tables."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
