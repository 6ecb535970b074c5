"""Shared test set-up: Qt runs offscreen and settings never leave tmp_path."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CELLS_DIR = Path(__file__).resolve().parent.parent / "explorer" / "resources" / "examples" / "tutorial"


@pytest.fixture
def cells_dir() -> Path:
    """The tutorial's code cells as shipped with the package."""
    return CELLS_DIR


@pytest.fixture(autouse=True)
def english_messages():
    """Leave messages in English after each test, whatever language it chose."""
    yield
    from explorer import i18n

    i18n.set_translator(None)


@pytest.fixture(scope="session")
def training_process():
    """The app's shared training process, started and ready, so the Training tab trains in it."""
    import time

    from explorer.training_process import shared_training_process

    process = shared_training_process()
    process.start()
    deadline = time.monotonic() + 120
    while not process.is_ready():
        assert time.monotonic() < deadline, "the training process did not start"
        time.sleep(0.05)
    return process
