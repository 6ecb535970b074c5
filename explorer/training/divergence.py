"""Detection of a diverging run, and the message that explains it.

A run diverges when an epoch's loss is NaN or infinite, or when it grows more
than `GROWTH_LIMIT` times over the smallest loss seen so far. A float loss that
has converged wobbles at rounding level, so growth is measured from at least
`eps(dtype) * first_loss`: the size of rounding error in the first loss.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.i18n import QT_TRANSLATE_NOOP, Text

CONTEXT = "TrainingDivergence"

GROWTH_LIMIT = 1e6

NOT_FINITE = "not_finite"
GROWTH = "growth"


@dataclass(frozen=True)
class Divergence:
    """A diverged run's 1-based epoch, its loss there and the reason it counts as diverged."""

    epoch: int
    loss: float
    minimum: float
    reason: str  # NOT_FINITE or GROWTH

    def message(self, lr: float) -> Text:
        """Explain what happened and suggest a smaller learning rate."""
        if self.reason == NOT_FINITE:
            return Text(CONTEXT, QT_TRANSLATE_NOOP(
                "TrainingDivergence",
                "Training diverged at epoch {epoch:,}: the loss became {loss}. Each step overshot the "
                "minimum by more than the last, so the weights grew until the numbers overflowed. "
                "Try a learning rate smaller than {lr:g}, such as {suggested:g}."),
                {"epoch": self.epoch, "loss": _loss_text(self.loss), "lr": lr, "suggested": lr / 10})
        return Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingDivergence",
            "Training diverged at epoch {epoch:,}: the loss grew to {loss:.3g}, more than a million "
            "times its minimum of {minimum:.3g}. Each step overshot the minimum by more than the last. "
            "Try a learning rate smaller than {lr:g}, such as {suggested:g}."),
            {"epoch": self.epoch, "loss": self.loss, "minimum": self.minimum, "lr": lr, "suggested": lr / 10})


def _loss_text(loss: float) -> str:
    if np.isnan(loss):
        return "NaN"
    return "inf" if loss > 0 else "-inf"


class DivergenceMonitor:
    """Checks each batch of epoch losses in order; runs in the training thread."""

    def __init__(self, eps: float) -> None:
        self._eps = eps
        self._minimum = np.inf
        self._floor: float | None = None

    def check(self, losses: np.ndarray, first_epoch: int) -> Divergence | None:
        """Return the first diverging epoch among `losses` (epochs first_epoch...), or None."""
        if len(losses) == 0:
            return None
        values = losses.astype(np.float64)
        if self._floor is None:
            first = float(values[0])
            self._floor = max(self._eps * abs(first), np.finfo(np.float64).tiny) if np.isfinite(first) else 0.0
        # The minimum up to and including each epoch; NaN is ignored by fmin.
        minimums = np.fmin.accumulate(np.concatenate(([self._minimum], values)))[1:]
        with np.errstate(invalid="ignore", over="ignore"):
            not_finite = ~np.isfinite(values)
            grown = values > GROWTH_LIMIT * np.maximum(minimums, self._floor)
        bad = np.flatnonzero(not_finite | grown)
        if len(bad) == 0:
            self._minimum = float(minimums[-1])
            return None
        index = int(bad[0])
        minimum = float(minimums[index - 1]) if index > 0 else self._minimum
        return Divergence(
            epoch=first_epoch + index,
            loss=float(values[index]),
            minimum=minimum,
            reason=NOT_FINITE if not_finite[index] else GROWTH,
        )
