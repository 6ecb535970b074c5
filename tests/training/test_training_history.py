import numpy as np
import pytest

from explorer.training import DecimatedSeries


def test_keeps_everything_below_capacity():
    series = DecimatedSeries(capacity=8)

    series.extend(np.arange(5), np.arange(5) * 10.0)
    x, y = series.data()

    np.testing.assert_array_equal(x, [0, 1, 2, 3, 4])
    np.testing.assert_array_equal(y[:, 0], [0, 10, 20, 30, 40])
    assert series.stride == 1


@pytest.mark.parametrize("chunk", [1, 3, 7, 100, 1000])
def test_decimates_evenly(chunk):
    series = DecimatedSeries(capacity=16)
    values = np.arange(1000, dtype=np.float64)

    for start in range(0, 1000, chunk):
        series.extend(values[start:start + chunk], values[start:start + chunk])
    x, y = series.data()

    assert len(series) <= 16
    assert series.stride == 64
    # Every stride-th row, then the newest row.
    np.testing.assert_array_equal(x, list(range(0, 1000, 64)) + [999])
    np.testing.assert_array_equal(y[:, 0], x)


def test_several_columns():
    series = DecimatedSeries(capacity=4, columns=2)

    series.extend(np.arange(6), np.column_stack([np.arange(6), -np.arange(6)]))
    x, y = series.data()

    np.testing.assert_array_equal(x, [0, 2, 4, 5])
    np.testing.assert_array_equal(y, [[0, 0], [2, -2], [4, -4], [5, -5]])


def test_data_returns_copies():
    series = DecimatedSeries(capacity=4)
    series.extend(np.arange(3), np.arange(3))

    x, _ = series.data()
    x[0] = 99

    assert series.data()[0][0] == 0


def test_clear_starts_over():
    series = DecimatedSeries(capacity=4)
    series.extend(np.arange(100), np.arange(100))

    series.clear()
    series.extend(np.arange(2), np.arange(2))

    assert series.stride == 1
    np.testing.assert_array_equal(series.data()[0], [0, 1])


def test_empty_series():
    x, y = DecimatedSeries(capacity=4, columns=3).data()

    assert x.shape == (0,)
    assert y.shape == (0, 3)


def test_capacity_too_small():
    with pytest.raises(ValueError, match="capacity must be at least 4"):
        DecimatedSeries(capacity=2)
