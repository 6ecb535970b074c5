"""Pause, resume, step and stop a training run from another thread.

`run_training` drives a `RegressionTrainer` a batch at a time and obeys a
`TrainingControl` between batches. The Training tab uses it in a worker
thread, and the training process (`explorer.training_process`) in its own
main thread, with the requests arriving from the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from explorer.training.config import TrainingConfig
    from explorer.training.trainer import TrainingProgress, TrainingResult


class TrainingControl:
    """Requests for a running loop; every method may be called from any thread.

    With `paused=True`, the loop waits before its first epoch until
    `resume()` or `step()`.
    """

    def __init__(self, *, paused: bool = False) -> None:
        self._condition = threading.Condition()
        self._cancelled = False
        self._paused = paused
        self._steps = 0

    def cancel(self) -> None:
        with self._condition:
            self._cancelled = True
            self._condition.notify_all()

    def pause(self) -> None:
        with self._condition:
            self._paused = True

    def resume(self) -> None:
        with self._condition:
            self._paused = False
            self._condition.notify_all()

    def step(self) -> None:
        """Run one epoch while paused."""
        with self._condition:
            self._steps += 1
            self._condition.notify_all()

    def next_batch(self, on_paused: Callable[[bool], None]) -> int | None:
        """Wait while paused, then return the epochs to run next (0: a full batch), or None when cancelled.

        `on_paused(True)` is called when the wait starts, `on_paused(False)`
        when a resume ends it.
        """
        with self._condition:
            if self._paused and not self._cancelled and not self._steps:
                on_paused(True)
                while self._paused and not self._cancelled and not self._steps:
                    self._condition.wait()
                if not self._paused:
                    on_paused(False)
            if self._cancelled:
                return None
            if self._paused:
                self._steps -= 1
                return 1
            return 0


def run_training(
    config: TrainingConfig,
    control: TrainingControl,
    *,
    on_data: Callable[[np.ndarray, np.ndarray], None],
    on_progress: Callable[[TrainingProgress], None],
    on_paused: Callable[[bool], None],
) -> TrainingResult | None:
    """Train until the run ends or `control` cancels it, and return its result, or None when no epoch ran.

    `on_data` receives the first samples for the fit plot before the first
    epoch, `on_progress` each batch. Raises ConfigError for invalid settings.
    """
    # Imported here so that this module loads without torch.
    from explorer.training.trainer import RegressionTrainer

    trainer = RegressionTrainer(config)
    on_data(*trainer.preview())
    while not trainer.finished:
        epochs = control.next_batch(on_paused)
        if epochs is None:
            break
        on_progress(trainer.advance(max_epochs=epochs) if epochs else trainer.advance())
    if trainer.epoch == 0:
        return None
    return trainer.result()
