"""The tutorial's linear regression as a generator of batched progress.

The loop is the tutorial's own: forward pass, MSE loss, `zero_grad()`,
`backward()`, `step()` once per epoch. Around it, `iter_training` collects each
epoch's loss tensor and moves the whole batch to the CPU once every
`BATCH_SECONDS`. The per-epoch cost so stays near the bare loop's, and a
consumer in another thread gets a few dozen plain-data updates a second.

Everything here runs in the caller's thread: the GUI runs it in a worker thread,
the command line in its main thread.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import torch
from torch import optim

from explorer.training.config import ConfigError, TrainingConfig

logger = logging.getLogger(__name__)

# A batch ends after this many seconds of training, which gives about 30 updates a second.
BATCH_SECONDS = 0.03
# A batch also ends after this many epochs, which bounds the loss tensors it holds.
MAX_BATCH_EPOCHS = 10_000
# The weights and bias are sampled about this many times per run for the parameter plot.
# One sample (a torch.cat) took about 2.5 us and one epoch about 65 us on a 2-core CPU
# with torch 2.13, so sampling every epochs // 500 epochs costs well under 1% on long runs.
PARAMETER_SAMPLES = 500

DTYPE = torch.float


class CancelFlag(Protocol):
    """Anything with `is_set()`, such as `threading.Event`."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class TrainingProgress:
    """One batch of epochs, as plain data that may cross threads.

    `losses` contains the loss of epochs `first_epoch` to `epoch` (1-based, both
    included), each computed before that epoch's `step()`. The weights, bias and
    prediction are those after the batch's last step. `parameters` samples the
    weights and bias (last column) after the steps of `parameter_epochs`: every
    few epochs, after the batch's last step, and at epoch 0 in the first batch.
    `elapsed` counts seconds spent training since the first epoch, without the
    time the consumer held the generator between batches.
    """

    epoch: int
    total_epochs: int
    losses: np.ndarray
    weights: list[float]
    bias: float
    prediction: float
    elapsed: float
    parameter_epochs: np.ndarray
    parameters: np.ndarray
    finished: bool = False
    diverged: bool = False

    @property
    def first_epoch(self) -> int:
        return self.epoch - len(self.losses) + 1

    @property
    def loss(self) -> float:
        """The latest loss, or NaN before the first epoch."""
        return float(self.losses[-1]) if len(self.losses) else math.nan

    @property
    def epochs_per_second(self) -> float:
        return self.epoch / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class TrainingResult:
    """Summary of a finished or stopped run, as plain data."""

    epochs: int
    final_loss: float
    weights: list[float]
    bias: float
    prediction: float
    expected_prediction: float
    device: str
    seconds: float
    epochs_per_second: float
    loss_history: np.ndarray = field(repr=False)
    stopped_early: bool = False
    diverged: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the summary as JSON-ready values; a NaN or infinite number becomes None."""
        return {
            "epochs": self.epochs,
            "final_loss": _json_number(self.final_loss),
            "weights": [_json_number(w) for w in self.weights],
            "bias": _json_number(self.bias),
            "prediction": _json_number(self.prediction),
            "device": self.device,
            "seconds": self.seconds,
            "epochs_per_second": self.epochs_per_second,
        }


def _json_number(value: float) -> float | None:
    # JSON has no NaN or Infinity, and a diverged run produces both.
    return value if math.isfinite(value) else None


def make_data(config: TrainingConfig, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw the inputs x ~ N(0, 1) and targets y = true_weight * sum(x) + true_bias.

    A local generator seeded with `config.seed` draws x, so the global random
    state that user programs see stays as it was.
    """
    generator = torch.Generator(device=device).manual_seed(config.seed)
    x = torch.randn((config.samples, config.features), generator=generator, device=device, dtype=DTYPE)
    y = config.true_weight * x.sum(dim=1, keepdim=True) + config.true_bias
    return x, y


def iter_training(
    config: TrainingConfig,
    *,
    batch_seconds: float = BATCH_SECONDS,
    max_batch_epochs: int = MAX_BATCH_EPOCHS,
) -> Iterator[TrainingProgress]:
    """Train the regression, yielding a TrainingProgress after each batch of epochs.

    The last progress has `finished=True`. Training stops early with
    `diverged=True` when the loss becomes infinite or NaN, which a too large
    learning rate causes. A consumer cancels by no longer iterating.
    Raises ConfigError when `config.validate()` finds problems.
    """
    errors = config.validate()
    if errors:
        raise ConfigError(errors)

    device = torch.device(config.device)
    x, y = make_data(config, device)
    w1 = torch.zeros((config.features, 1), device=device, dtype=DTYPE, requires_grad=True)
    b1 = torch.zeros(1, device=device, dtype=DTYPE, requires_grad=True)
    optimizer = optim.SGD([w1, b1], lr=config.lr)
    test_input = torch.tensor([config.test_input], device=device, dtype=DTYPE)
    logger.debug("training %d epochs of %d x %d samples on %s", config.epochs,
                 config.samples, config.features, device)

    def sample_parameters() -> torch.Tensor:
        return torch.cat((w1.detach().view(-1), b1.detach()))

    sample_every = max(1, config.epochs // PARAMETER_SAMPLES)
    clock = time.perf_counter
    done = 0
    elapsed = 0.0
    sample_epochs = [0]
    samples = [sample_parameters()]
    resumed = clock()
    while done < config.epochs:
        deadline = resumed + batch_seconds
        # Each loss stays a tensor on the device until the batch ends: reading
        # it with .item() would synchronize with the device every epoch. `.data`
        # drops the graph like detach() at about half its cost (0.96 against
        # 1.66 us, torch 2.13 CPU), and the recorded losses are only read.
        costs: list[torch.Tensor] = []
        record = costs.append
        for epoch in range(done + 1, min(done + max_batch_epochs, config.epochs) + 1):
            y_hat = x.matmul(w1) + b1
            cost = torch.mean((y - y_hat) ** 2)

            optimizer.zero_grad()
            cost.backward()
            optimizer.step()

            record(cost.data)
            if epoch % sample_every == 0:
                sample_epochs.append(epoch)
                samples.append(sample_parameters())
            if clock() >= deadline:
                break
        done += len(costs)
        if not sample_epochs or sample_epochs[-1] != done:
            sample_epochs.append(done)
            samples.append(sample_parameters())

        # One transfer to the CPU per batch for the losses, the parameter samples and the prediction.
        with torch.no_grad():
            prediction = test_input.matmul(w1) + b1
            flat = torch.cat((torch.stack(costs), torch.stack(samples).view(-1), prediction.view(-1)))
            values = flat.cpu().numpy()
        losses = values[:len(costs)]
        parameters = values[len(costs):-1].reshape(len(samples), config.features + 1)
        diverged = not math.isfinite(float(losses[-1]))
        elapsed += clock() - resumed
        if diverged:
            logger.info("training diverged at epoch %d (loss %s, lr %g)", done, losses[-1], config.lr)
        yield TrainingProgress(
            epoch=done,
            total_epochs=config.epochs,
            losses=losses,
            weights=parameters[-1, :-1].tolist(),
            bias=float(parameters[-1, -1]),
            prediction=float(values[-1]),
            elapsed=elapsed,
            parameter_epochs=np.array(sample_epochs, dtype=np.int64),
            parameters=parameters,
            finished=done >= config.epochs or diverged,
            diverged=diverged,
        )
        if diverged:
            return
        sample_epochs = []
        samples = []
        resumed = clock()


def train(
    config: TrainingConfig,
    cancel: CancelFlag | None = None,
    progress: Callable[[TrainingProgress], None] | None = None,
) -> TrainingResult:
    """Run the regression to the end, until it diverges or until `cancel` is set.

    `cancel` is checked after each batch (at most about BATCH_SECONDS apart) and
    `progress` is called with each batch in the caller's thread.
    Raises ConfigError when the config is invalid.
    """
    batches: list[np.ndarray] = []
    last: TrainingProgress | None = None
    with contextlib.closing(iter_training(config)) as updates:
        for update in updates:
            batches.append(update.losses)
            last = update
            if progress is not None:
                progress(update)
            if cancel is not None and cancel.is_set():
                break
    assert last is not None, "iter_training yields at least one batch for a valid config"

    history = np.concatenate(batches)
    return TrainingResult(
        epochs=last.epoch,
        final_loss=last.loss,
        weights=last.weights,
        bias=last.bias,
        prediction=last.prediction,
        expected_prediction=config.expected_prediction,
        device=config.device,
        seconds=last.elapsed,
        epochs_per_second=last.epochs_per_second,
        loss_history=history,
        stopped_early=last.epoch < config.epochs,
        diverged=last.diverged,
    )
