"""A fixed-size, evenly decimated record of a series for live plots.

A run of ten million epochs cannot be plotted point by point 30 times a
second. `DecimatedSeries` keeps at most `capacity` rows: every `stride`-th row
of all rows appended. When it fills up, it drops every other row and doubles
the stride, so memory and drawing cost stay bounded however long a run is.
`min_max_decimate` then thins those rows to about two points per pixel column.
"""

from __future__ import annotations

import numpy as np


class DecimatedSeries:
    """Rows (x, y[0], ..., y[columns-1]) appended in order, kept at an even stride."""

    def __init__(self, capacity: int = 4096, columns: int = 1) -> None:
        if capacity < 4:
            raise ValueError(f"capacity must be at least 4, got {capacity}")
        self._capacity = capacity
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty((capacity, columns), dtype=np.float64)
        self._size = 0
        self._stride = 1
        self._seen = 0
        # The newest row, shown even when the stride skips it, so a live curve reaches the present.
        self._last_x: float | None = None
        self._last_y = np.empty(columns, dtype=np.float64)

    @property
    def columns(self) -> int:
        return self._y.shape[1]

    @property
    def stride(self) -> int:
        return self._stride

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._size = 0
        self._stride = 1
        self._seen = 0
        self._last_x = None

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Append rows: `x` of shape (n,), `y` of shape (n,) or (n, columns)."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64).reshape(len(x), self.columns)
        if len(x) == 0:
            return
        first_seen = self._seen
        self._seen += len(x)
        self._last_x = float(x[-1])
        self._last_y[:] = y[-1]

        # Row k of the whole series is kept when k % stride == 0. Compacting keeps
        # rows 0, 2, 4... of the buffer, which are exactly the multiples of 2 * stride.
        while True:
            offset = -first_seen % self._stride
            count = len(range(offset, len(x), self._stride))
            if self._size + count <= self._capacity:
                break
            self._compact()

        end = self._size + count
        self._x[self._size:end] = x[offset::self._stride]
        self._y[self._size:end] = y[offset::self._stride]
        self._size = end

    def _compact(self) -> None:
        kept = (self._size + 1) // 2
        self._x[:kept] = self._x[:self._size:2]
        self._y[:kept] = self._y[:self._size:2]
        self._size = kept
        self._stride *= 2

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """Return copies of the kept rows plus the newest row: x of shape (m,), y of shape (m, columns)."""
        x = self._x[:self._size]
        y = self._y[:self._size]
        if self._last_x is not None and (self._size == 0 or x[-1] != self._last_x):
            return np.append(x, self._last_x), np.vstack([y, self._last_y])
        return x.copy(), y.copy()


def min_max_decimate(x: np.ndarray, y: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """Thin (x, y) to about 2 * `bins` points that keep each bin's extremes.

    The points are split into `bins` bins of equal count, rounded up. Each full
    bin becomes two points at its first x: its minimum, then its maximum, so a
    line through them covers every value of the bin. The fewer than one bin's
    worth of points after the last full bin are kept as they are. NaN is
    skipped unless a whole bin is NaN, which then stays NaN. Returns `x` and `y`
    themselves when they have at most 2 * `bins` points.
    """
    count = len(x)
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    if count <= 2 * bins:
        return x, y
    size = -(-count // bins)
    full = count - count % size
    grouped = y[:full].reshape(-1, size)
    # fmin and fmax skip NaN without a warning, and give NaN only for an all-NaN bin.
    extremes = np.column_stack((np.fmin.reduce(grouped, axis=1), np.fmax.reduce(grouped, axis=1)))
    return (np.concatenate((np.repeat(x[:full:size], 2), x[full:])),
            np.concatenate((extremes.ravel(), y[full:])))
