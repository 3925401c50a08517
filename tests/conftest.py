import os
import shutil
import tempfile
from pathlib import Path

import pytest

from helpers import KB

# The decompressed copy of the language model (kblint.lang.modelcopy) goes to a folder of the
# test session's, never to the user's cache folder; set here, before any test or child process
# of one loads the model.
_MODEL_COPIES = tempfile.mkdtemp(prefix="kblint-test-models-")
os.environ["KBLINT_MODEL_CACHE"] = _MODEL_COPIES


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_MODEL_COPIES, ignore_errors=True)


@pytest.fixture
def kb(tmp_path: Path) -> KB:
    """An empty knowledge base with a kblint.yaml, in a temporary folder."""
    return KB(tmp_path)
