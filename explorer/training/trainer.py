"""The tutorial's linear regression as a generator of batched progress.

The loop is the tutorial's own: forward pass, MSE loss, `zero_grad()`,
`backward()`, `step()` once per epoch, or once per minibatch when a batch size
is set. Around it, `RegressionTrainer.advance` records each epoch's loss and
hands over a whole batch of epochs once every `BATCH_SECONDS`. The per-epoch
cost so stays near the bare loop's, and a consumer in another thread gets a
few dozen plain-data updates a second.

Everything here runs in the caller's thread: the GUI runs it in a worker thread,
the command line in its main thread.
"""

from __future__ import annotations

import copy
import logging
import math
import operator
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import torch
from torch import optim

from explorer.training.config import MOMENTUM, ConfigError, TrainingConfig
from explorer.training.divergence import Divergence, DivergenceMonitor

logger = logging.getLogger(__name__)

# A batch ends after this many seconds of training, which gives about 20 updates a second.
BATCH_SECONDS = 0.05
# A batch also ends after this many epochs, which bounds the loss tensors it holds.
MAX_BATCH_EPOCHS = 10_000
# The weights and bias are sampled about this many times per run for the parameter plot.
# One sample (a torch.cat) took about 2.5 us and one epoch about 65 us on a 2-core CPU
# with torch 2.13, so sampling every epochs // 500 epochs costs well under 1% on long runs.
PARAMETER_SAMPLES = 500
# Samples sent once to the fit plot; more would not show as separate points.
PREVIEW_POINTS = 2000


class CancelFlag(Protocol):
    """Anything with `is_set()`, such as `threading.Event`."""

    def is_set(self) -> bool: ...


StepHook = Callable[[torch.Tensor, Mapping[str, torch.Tensor]], None]


@dataclass(frozen=True)
class TrainingProgress:
    """One batch of epochs, as plain data that may cross threads.

    `losses` contains the loss of epochs `first_epoch` to `epoch` (1-based, both
    included), each computed before that epoch's steps (for minibatches, their
    mean weighted by size). The weights, bias and prediction are those after
    the batch's last step. `parameters` samples the weights and bias (last
    column) after the steps of `parameter_epochs`: every few epochs, after the
    batch's last step, and at epoch 0 in the first batch. `elapsed` counts
    seconds spent training since the first epoch, without the time the
    consumer held the trainer between batches.
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
    divergence: Divergence | None = None

    @property
    def diverged(self) -> bool:
        return self.divergence is not None

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
    divergence: Divergence | None = None

    @property
    def diverged(self) -> bool:
        return self.divergence is not None

    @property
    def stopped_epoch(self) -> int | None:
        """The last epoch trained when the run stopped before its end, else None."""
        return self.epochs if self.stopped_early else None

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
            "diverged": self.diverged,
            "stopped_epoch": self.stopped_epoch,
        }


def _json_number(value: float) -> float | None:
    # JSON has no NaN or Infinity, and a diverged run produces both.
    return value if math.isfinite(value) else None


def torch_dtype(name: str) -> torch.dtype:
    return {"float32": torch.float32, "float64": torch.float64}[name]


def numpy_dtype(name: str) -> type[np.floating]:
    return {"float32": np.float32, "float64": np.float64}[name]


# `.data` drops the graph like detach() at about half its cost (0.96 against
# 1.66 us, torch 2.13 CPU), and the recorded losses are only read.
_tensor_data = operator.attrgetter("data")


def make_generator(config: TrainingConfig, device: torch.device) -> torch.Generator:
    """Return the generator that draws the data and then each epoch's minibatch order."""
    return torch.Generator(device=device).manual_seed(config.seed)


def make_data(
    config: TrainingConfig,
    device: torch.device,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw the inputs x ~ N(0, 1) and targets y = x @ true_weights + true_bias + noise.

    A local generator seeded with `config.seed` draws x and the noise, so the
    global random state that user programs see stays as it was.
    """
    if generator is None:
        generator = make_generator(config, device)
    dtype = torch_dtype(config.dtype)
    x = torch.randn((config.samples, config.features), generator=generator, device=device, dtype=dtype)
    true_weights = torch.tensor(config.true_weights, device=device, dtype=dtype).view(-1, 1)
    y = x.matmul(true_weights) + config.true_bias
    if config.noise_std > 0:
        noise = torch.randn((config.samples, 1), generator=generator, device=device, dtype=dtype)
        y = y + config.noise_std * noise
    return x, y


def make_optimizer(name: str, parameters: list[torch.Tensor], lr: float) -> optim.Optimizer:
    """Build the optimizer that `TrainingConfig.optimizer` names."""
    if name == "sgd":
        return optim.SGD(parameters, lr=lr)
    if name == "momentum":
        return optim.SGD(parameters, lr=lr, momentum=MOMENTUM)
    if name == "adam":
        return optim.Adam(parameters, lr=lr)
    if name == "rmsprop":
        return optim.RMSprop(parameters, lr=lr)
    if name == "adagrad":
        return optim.Adagrad(parameters, lr=lr)
    raise ValueError(f"unknown optimizer {name!r}")


class RegressionTrainer:
    """The regression's data, parameters and optimizer, advanced a batch of epochs at a time.

    Not thread-safe: create it and call `advance` in one thread (a worker thread
    in the GUI). Raises ConfigError when `config.validate()` finds problems.
    """

    def __init__(self, config: TrainingConfig) -> None:
        errors = config.validate()
        if errors:
            raise ConfigError(errors)
        self.config = config
        device = torch.device(config.device)
        dtype = torch_dtype(config.dtype)
        self._generator = make_generator(config, device)
        self.x, self.y = make_data(config, device, self._generator)
        self.w1 = torch.zeros((config.features, 1), device=device, dtype=dtype, requires_grad=True)
        self.b1 = torch.zeros(1, device=device, dtype=dtype, requires_grad=True)
        self.optimizer = make_optimizer(config.optimizer, [self.w1, self.b1], config.lr)
        self._test_input = torch.tensor([config.test_input], device=device, dtype=dtype)
        self._minibatch = config.steps_per_epoch > 1
        # On the CPU each epoch's loss is read with .item() right away, which frees the
        # cost tensor as the bare loop does. Keeping one tensor per epoch until the batch
        # ended made each epoch about 3% slower (2-CPU x86_64, torch 2.13). On other
        # devices .item() would wait for the device every epoch, so there the losses stay
        # tensors until the batch ends.
        self._losses_on_host = device.type == "cpu"
        self._loss_dtype = numpy_dtype(config.dtype)
        self._monitor = DivergenceMonitor(float(torch.finfo(dtype).eps))
        self._sample_every = max(1, config.epochs // PARAMETER_SAMPLES)
        self._history: list[np.ndarray] = []
        self.epoch = 0
        self.elapsed = 0.0
        self.divergence: Divergence | None = None
        self._last: TrainingProgress | None = None
        logger.debug("training %d epochs of %d x %d samples on %s with %s", config.epochs,
                     config.samples, config.features, device, config.optimizer)

    @property
    def finished(self) -> bool:
        return self.epoch >= self.config.epochs or self.divergence is not None

    def preview(self, max_points: int = PREVIEW_POINTS) -> tuple[np.ndarray, np.ndarray]:
        """Return CPU copies of the first `max_points` samples x and targets y, for the fit plot."""
        return (self.x[:max_points].detach().cpu().double().numpy(),
                self.y[:max_points].detach().cpu().double().view(-1).numpy())

    def _sample_parameters(self) -> torch.Tensor:
        return torch.cat((self.w1.detach().view(-1), self.b1.detach()))

    def _epoch(self, before_backward: StepHook | None, after_backward: StepHook | None) -> torch.Tensor:
        """Train one epoch and return its loss as a scalar tensor, still attached to the graph on full batches."""
        x, y, w1, b1, optimizer = self.x, self.y, self.w1, self.b1, self.optimizer
        if not self._minibatch:
            # _train_epochs repeats this step inline, so change both together.
            y_hat = x.matmul(w1) + b1
            cost = torch.mean((y - y_hat) ** 2)

            optimizer.zero_grad()
            if before_backward is not None:
                before_backward(cost, _step_names(x, y, w1, b1, y_hat, cost))
            cost.backward()
            if after_backward is not None:
                after_backward(cost, _step_names(x, y, w1, b1, y_hat, cost))
            optimizer.step()
            return cost

        samples = self.config.samples
        size = self.config.batch_size
        order = torch.randperm(samples, generator=self._generator, device=x.device)
        total = torch.zeros((), device=x.device, dtype=x.dtype)
        for start in range(0, samples, size):
            index = order[start:start + size]
            x_batch = x[index]
            y_batch = y[index]
            y_hat = x_batch.matmul(w1) + b1
            cost = torch.mean((y_batch - y_hat) ** 2)

            optimizer.zero_grad()
            if before_backward is not None:
                before_backward(cost, _step_names(x_batch, y_batch, w1, b1, y_hat, cost))
            cost.backward()
            if after_backward is not None:
                after_backward(cost, _step_names(x_batch, y_batch, w1, b1, y_hat, cost))
            optimizer.step()
            total += cost.data * len(index)
        return total / samples

    def advance(
        self,
        max_epochs: int = MAX_BATCH_EPOCHS,
        seconds: float = BATCH_SECONDS,
        *,
        before_backward: StepHook | None = None,
        after_backward: StepHook | None = None,
    ) -> TrainingProgress:
        """Train up to `max_epochs` epochs or about `seconds`, whichever ends first.

        At least one epoch runs unless the run is finished. `before_backward` and
        `after_backward` are called with the cost and the tensors of each step
        around its backward(), before optimizer.step() changes the weights, for
        the autograd graph of a step. Stops at the first diverging epoch.
        """
        if self.finished:
            assert self._last is not None
            return self._last
        clock = time.perf_counter
        started = clock()
        first = self.epoch + 1
        last = min(self.epoch + max_epochs, self.config.epochs)
        # Restored when this batch diverges, so the run ends exactly at the diverging epoch.
        checkpoint = self._checkpoint()
        sample_epochs: list[int] = [0] if self.epoch == 0 else []
        samples = [self._sample_parameters()] if self.epoch == 0 else []
        costs = self._train_epochs(first, last, started + seconds, sample_epochs, samples,
                                   before_backward, after_backward)
        done = first - 1 + len(costs)
        if not sample_epochs or sample_epochs[-1] != done:
            sample_epochs.append(done)
            samples.append(self._sample_parameters())

        # One transfer to the CPU per batch for the parameter samples, the prediction
        # and, unless they were read already, the losses.
        with torch.no_grad():
            prediction = self._test_input.matmul(self.w1) + self.b1
            parts = [torch.stack(samples).view(-1), prediction.view(-1)]
            if self._losses_on_host:
                losses = np.array(costs, dtype=self._loss_dtype)
                values = torch.cat(parts).numpy()
            else:
                values = torch.cat([torch.stack(costs), *parts]).cpu().numpy()
                losses = values[:len(costs)]
                values = values[len(costs):]
        parameters = values[:-1].reshape(len(samples), self.config.features + 1)
        parameter_epochs = np.array(sample_epochs, dtype=np.int64)

        divergence = self._monitor.check(losses, first)
        if divergence is not None:
            # The batch ran on past the diverging epoch: go back to its start and train
            # up to that epoch again, so the weights are those the diverging step left.
            done = divergence.epoch
            self._restore(checkpoint)
            for _ in range(first, done + 1):
                self._epoch(None, None)
            losses = losses[:done - first + 1]
            keep = parameter_epochs < done
            with torch.no_grad():
                final = self._sample_parameters().cpu().numpy()
                prediction = self._test_input.matmul(self.w1) + self.b1
            parameter_epochs = np.append(parameter_epochs[keep], done)
            parameters = np.vstack((parameters[keep], final))
            values[-1] = prediction.item()
            self.divergence = divergence
            logger.info("training diverged at epoch %d (loss %s, lr %g)", done, divergence.loss, self.config.lr)

        self.epoch = done
        self.elapsed += clock() - started
        self._history.append(losses)
        self._last = TrainingProgress(
            epoch=done,
            total_epochs=self.config.epochs,
            losses=losses,
            weights=parameters[-1, :-1].tolist(),
            bias=float(parameters[-1, -1]),
            prediction=float(values[-1]),
            elapsed=self.elapsed,
            parameter_epochs=parameter_epochs,
            parameters=parameters,
            finished=self.finished,
            divergence=divergence,
        )
        return self._last

    def _train_epochs(
        self,
        first: int,
        last: int,
        deadline: float,
        sample_epochs: list[int],
        samples: list[torch.Tensor],
        before_backward: StepHook | None,
        after_backward: StepHook | None,
    ) -> list:
        """Train epochs `first` to `last` until time.perf_counter() passes `deadline`.

        Returns each epoch's loss: a Python float on the CPU, a scalar tensor on
        other devices. Appends the parameters every `_sample_every` epochs to
        `samples`, and their epochs to `sample_epochs`.
        """
        clock = time.perf_counter
        sample_every = self._sample_every
        costs: list = []
        record = costs.append
        read_loss = torch.Tensor.item if self._losses_on_host else _tensor_data
        if self._minibatch or before_backward is not None or after_backward is not None:
            train_epoch = self._epoch
            for epoch in range(first, last + 1):
                record(read_loss(train_epoch(before_backward, after_backward)))
                if epoch % sample_every == 0:
                    sample_epochs.append(epoch)
                    samples.append(self._sample_parameters())
                if clock() >= deadline:
                    break
            return costs

        # The full-batch step of _epoch is written out here with its tensors and methods in
        # local names, because calling _epoch cost about 1.5% of an epoch (2-CPU x86_64,
        # torch 2.13). A test checks that the losses and weights equal the tutorial loop's.
        x, y, w1, b1 = self.x, self.y, self.w1, self.b1
        zero_grad, step = self.optimizer.zero_grad, self.optimizer.step
        for epoch in range(first, last + 1):
            y_hat = x.matmul(w1) + b1
            cost = torch.mean((y - y_hat) ** 2)

            zero_grad()
            cost.backward()
            step()
            record(read_loss(cost))
            if epoch % sample_every == 0:
                sample_epochs.append(epoch)
                samples.append(self._sample_parameters())
            if clock() >= deadline:
                break
        return costs

    def _checkpoint(self) -> tuple:
        # A few small tensors: the parameters, the optimizer's state and the generator's state.
        return (self.w1.detach().clone(), self.b1.detach().clone(),
                copy.deepcopy(self.optimizer.state_dict()), self._generator.get_state())

    def _restore(self, checkpoint: tuple) -> None:
        w1, b1, optimizer_state, generator_state = checkpoint
        with torch.no_grad():
            self.w1.copy_(w1)
            self.b1.copy_(b1)
        self.optimizer.load_state_dict(optimizer_state)
        self._generator.set_state(generator_state)

    def loss_history(self) -> np.ndarray:
        """Return every epoch's loss so far, as one array."""
        if len(self._history) > 1:
            self._history = [np.concatenate(self._history)]
        return self._history[0] if self._history else np.empty(0, dtype=np.float32)

    def result(self) -> TrainingResult:
        """Summarize the run so far; call after the last `advance`."""
        last = self._last
        assert last is not None, "result() needs at least one advance()"
        config = self.config
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
            loss_history=self.loss_history(),
            stopped_early=last.epoch < config.epochs,
            divergence=self.divergence,
        )


def _step_names(x, y, w1, b1, y_hat, cost) -> dict[str, torch.Tensor]:
    return {"x": x, "y": y, "w1": w1, "b1": b1, "y_hat": y_hat, "cost": cost}


def iter_training(
    config: TrainingConfig,
    *,
    batch_seconds: float = BATCH_SECONDS,
    max_batch_epochs: int = MAX_BATCH_EPOCHS,
) -> Iterator[TrainingProgress]:
    """Train the regression, yielding a TrainingProgress after each batch of epochs.

    The last progress has `finished=True`. Training stops early with a
    `divergence` when the loss becomes infinite or NaN or grows a millionfold
    over its minimum, which a too large learning rate causes. A consumer
    cancels by no longer iterating. Raises ConfigError when `config.validate()`
    finds problems.
    """
    trainer = RegressionTrainer(config)
    while not trainer.finished:
        yield trainer.advance(max_batch_epochs, batch_seconds)


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
    trainer = RegressionTrainer(config)
    while not trainer.finished:
        update = trainer.advance()
        if progress is not None:
            progress(update)
        if cancel is not None and cancel.is_set():
            break
    return trainer.result()
