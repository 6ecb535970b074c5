import pytest

from autograd_cells import RecordedCell, run_cell_05, run_cell_06, run_cell_07
from explorer.autograd import GraphRecorder


@pytest.fixture
def cell_05() -> RecordedCell:
    return run_cell_05(GraphRecorder())


@pytest.fixture
def cell_06() -> RecordedCell:
    return run_cell_06(GraphRecorder())


@pytest.fixture(scope="module")
def cell_07() -> RecordedCell:
    return run_cell_07(GraphRecorder())
