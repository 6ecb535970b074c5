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
