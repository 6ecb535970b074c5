import numpy as np
import pytest

from explorer.training import DecimatedSeries
from explorer.training.history import min_max_decimate


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


def test_min_max_keeps_short_series():
    x = np.arange(10.0)
    y = x * 2

    shown_x, shown_y = min_max_decimate(x, y, bins=5)

    assert shown_x is x
    assert shown_y is y


def test_min_max_keeps_bin_extremes():
    x = np.arange(1000.0)
    y = np.sin(x)

    shown_x, shown_y = min_max_decimate(x, y, bins=10)

    np.testing.assert_array_equal(shown_x, np.repeat(np.arange(0.0, 1000.0, 100.0), 2))
    np.testing.assert_array_equal(shown_y[0::2], y.reshape(10, 100).min(axis=1))
    np.testing.assert_array_equal(shown_y[1::2], y.reshape(10, 100).max(axis=1))


def test_min_max_keeps_points_after_last_full_bin():
    x = np.arange(1005.0)
    y = -x

    shown_x, shown_y = min_max_decimate(x, y, bins=10)

    # Bins of 101 points: 9 full bins, then the last 96 points as they are.
    assert len(shown_x) == 9 * 2 + 96
    np.testing.assert_array_equal(shown_x[18:], x[909:])
    np.testing.assert_array_equal(shown_y[18:], y[909:])
    assert shown_y[0] == -100.0
    assert shown_y[1] == 0.0


def test_min_max_skips_nan_unless_whole_bin():
    y = np.array([1.0, np.nan, 3.0, np.nan, np.nan, np.nan, 5.0, 6.0])

    _, shown_y = min_max_decimate(np.arange(8.0), y, bins=3)

    np.testing.assert_array_equal(shown_y, [1.0, 3.0, np.nan, np.nan, 5.0, 6.0])


def test_min_max_rejects_zero_bins():
    with pytest.raises(ValueError, match="bins must be at least 1"):
        min_max_decimate(np.arange(4.0), np.arange(4.0), bins=0)
