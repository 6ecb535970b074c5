import math

import numpy as np
import pytest
import torch

from explorer.training import TrainingConfig, iter_training, train
from explorer.training.divergence import GROWTH, NOT_FINITE, DivergenceMonitor
from explorer.training.trainer import make_data

EPS = float(np.finfo(np.float32).eps)


def test_sgd_lr_one_diverges_by_growth():
    result = train(TrainingConfig(lr=1.0))

    assert result.diverged
    assert result.divergence.reason == GROWTH
    # Checked against a plain loop: the loss first passes 1e6 times its minimum (13.5) at epoch 20.
    assert result.divergence.epoch == 20
    assert result.epochs == 20
    assert len(result.loss_history) == 20
    assert result.loss_history[-1] > 1e6 * result.loss_history.min()
    assert np.all(result.loss_history[:-1] <= 1e6 * result.loss_history.min())
    assert result.to_json()["stopped_epoch"] == 20


@pytest.mark.parametrize("batch_epochs", [7, 10_000])
def test_diverged_weights_are_those_of_stopping_epoch(batch_epochs):
    config = TrainingConfig(lr=1.0)
    x, y = make_data(config, torch.device("cpu"))
    w1 = torch.zeros((3, 1), requires_grad=True)
    b1 = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w1, b1], lr=1.0)
    for _ in range(20):
        cost = torch.mean((y - (x.matmul(w1) + b1)) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()

    updates = list(iter_training(config, batch_seconds=60.0, max_batch_epochs=batch_epochs))

    last = updates[-1]
    assert last.epoch == 20
    assert last.weights == w1.detach().view(-1).tolist()
    assert last.bias == b1.item()
    assert last.parameter_epochs[-1] == 20
    assert list(last.parameters[-1]) == [*last.weights, last.bias]


def test_minibatch_divergence_replays_same_order():
    config = TrainingConfig(lr=1.5, batch_size=100, optimizer="momentum", epochs=500)

    short = list(iter_training(config, batch_seconds=60.0, max_batch_epochs=3))[-1]
    long = list(iter_training(config, batch_seconds=60.0, max_batch_epochs=1000))[-1]

    assert short.divergence is not None
    assert short.epoch == long.epoch
    assert short.weights == long.weights


def test_sgd_lr_one_message_suggests_smaller_lr():
    result = train(TrainingConfig(lr=1.0))

    text = result.divergence.message(1.0)

    assert text.context == "TrainingDivergence"
    assert str(text).startswith("Training diverged at epoch 20: the loss grew to ")
    assert "more than a million times its minimum of 13.5" in str(text)
    assert str(text).endswith("Try a learning rate smaller than 1, such as 0.1.")


def test_converged_run_does_not_diverge():
    # Adam with a large rate wobbles around the minimum at rounding level without diverging.
    result = train(TrainingConfig(epochs=3000, optimizer="adam", lr=0.1))

    assert not result.diverged
    assert result.final_loss < 1e-6


def test_nan_loss_is_not_finite():
    monitor = DivergenceMonitor(EPS)

    divergence = monitor.check(np.array([10.0, 5.0, math.nan], dtype=np.float32), first_epoch=1)

    assert divergence.epoch == 3
    assert divergence.reason == NOT_FINITE
    assert "the loss became NaN" in str(divergence.message(0.5))


def test_infinite_loss_in_later_batch():
    monitor = DivergenceMonitor(EPS)
    assert monitor.check(np.array([10.0, 8.0]), first_epoch=1) is None

    divergence = monitor.check(np.array([9.0, math.inf]), first_epoch=3)

    assert divergence.epoch == 4
    assert divergence.minimum == 8.0
    assert "the loss became inf" in str(divergence.message(0.5))


def test_growth_measured_from_batch_minimum():
    monitor = DivergenceMonitor(EPS)
    assert monitor.check(np.array([10.0, 1e-3]), first_epoch=1) is None

    divergence = monitor.check(np.array([1e2, 1.1e3]), first_epoch=3)

    assert divergence.epoch == 4
    assert divergence.reason == GROWTH
    assert divergence.minimum == pytest.approx(1e-3)


def test_rounding_level_wobble_is_not_growth():
    monitor = DivergenceMonitor(EPS)

    # From a loss of 13 down to 1e-14 and back up to 1e-9: a 1e5 wobble over eps * 13.
    divergence = monitor.check(np.array([13.0, 1e-14, 1e-9, 1e-6]), first_epoch=1)

    assert divergence is None


def test_zero_first_loss_never_divides_by_zero():
    monitor = DivergenceMonitor(EPS)

    assert monitor.check(np.zeros(5), first_epoch=1) is None
