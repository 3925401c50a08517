from pathlib import Path

import pytest

from helpers import KB


@pytest.fixture
def kb(tmp_path: Path) -> KB:
    """An empty knowledge base with a kblint.yaml, in a temporary folder."""
    return KB(tmp_path)
