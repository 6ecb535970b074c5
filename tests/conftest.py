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


@pytest.fixture
def slow_layout_program() -> str:
    """A program that runs in milliseconds but whose graph takes Graphviz over 20 s to lay out.

    Every product links two of 14 leaves chosen far apart, so the edges of
    its 420 nodes cross everywhere.
    """
    return (
        "xs = [torch.tensor(float(i), requires_grad=True) for i in range(14)]\n"
        "total = xs[0] * 0\n"
        "for i in range(14):\n"
        "    for j in range(14):\n"
        "        total = total + xs[i] * xs[(i * 7 + j * 13) % 14]\n"
    )


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
