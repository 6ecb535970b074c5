"""Optimizers, minibatches, dtypes, noise and true weights, with plain torch as the oracle."""

import numpy as np
import pytest
import torch

from explorer.training import OPTIMIZERS, ConfigError, RegressionTrainer, TrainingConfig, parse_true_weights, train
from explorer.training.trainer import make_data


def plain_loop(config: TrainingConfig, optimizer_factory) -> tuple[torch.Tensor, torch.Tensor]:
    """The tutorial's full-batch loop on the trainer's data."""
    dtype = getattr(torch, config.dtype)
    x, y = make_data(config, torch.device("cpu"))
    w1 = torch.zeros((config.features, 1), dtype=dtype, requires_grad=True)
    b1 = torch.zeros(1, dtype=dtype, requires_grad=True)
    optimizer = optimizer_factory([w1, b1], config.lr)
    for _ in range(config.epochs):
        cost = torch.mean((y - (x.matmul(w1) + b1)) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return w1.detach().view(-1), b1.detach()


@pytest.mark.parametrize(
    ("name", "factory"),
    [
        ("sgd", lambda p, lr: torch.optim.SGD(p, lr=lr)),
        ("momentum", lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9)),
        ("adam", lambda p, lr: torch.optim.Adam(p, lr=lr)),
        ("rmsprop", lambda p, lr: torch.optim.RMSprop(p, lr=lr)),
        ("adagrad", lambda p, lr: torch.optim.Adagrad(p, lr=lr)),
    ],
)
def test_optimizer_matches_plain_torch(name, factory):
    config = TrainingConfig(epochs=40, lr=0.05, optimizer=name)

    result = train(config)
    weights, bias = plain_loop(config, factory)

    assert result.weights == weights.tolist()
    assert result.bias == bias.item()


def test_optimizer_names_cover_form():
    assert OPTIMIZERS == ("sgd", "momentum", "adam", "rmsprop", "adagrad")


def test_minibatch_loss_is_weighted_mean():
    config = TrainingConfig(samples=10, epochs=1, batch_size=4, lr=0.01)
    x, y = make_data(config, torch.device("cpu"))
    generator = torch.Generator().manual_seed(config.seed)
    torch.randn((10, 3), generator=generator)
    order = torch.randperm(10, generator=generator)
    w1 = torch.zeros((3, 1), requires_grad=True)
    b1 = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w1, b1], lr=0.01)
    total = 0.0
    for start in range(0, 10, 4):
        index = order[start:start + 4]
        cost = torch.mean((y[index] - (x[index].matmul(w1) + b1)) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        total += cost.item() * len(index)

    result = train(config)

    assert result.loss_history[0] == pytest.approx(total / 10, rel=1e-6)
    assert result.weights == w1.detach().view(-1).tolist()


def test_minibatch_order_changes_each_epoch():
    orders = []
    trainer = RegressionTrainer(TrainingConfig(samples=8, epochs=2, batch_size=2))
    trainer.advance(max_epochs=1, before_backward=lambda cost, names: orders.append(names["x"].clone()))
    trainer.advance(max_epochs=1, before_backward=lambda cost, names: orders.append(names["x"].clone()))

    first_epoch = torch.cat(orders[:4])
    second_epoch = torch.cat(orders[4:])
    assert len(orders) == 8
    assert not torch.equal(first_epoch, second_epoch)
    # Each epoch visits every sample once.
    torch.testing.assert_close(first_epoch.sum(0), trainer.x.sum(0))
    torch.testing.assert_close(second_epoch.sum(0), trainer.x.sum(0))


def test_minibatch_run_converges():
    result = train(TrainingConfig(epochs=200, batch_size=32, lr=0.05))

    assert result.weights == pytest.approx([2.0, 2.0, 2.0], abs=1e-3)
    assert result.bias == pytest.approx(1.0, abs=1e-3)


def test_float64_run_is_float64():
    config = TrainingConfig(epochs=5, dtype="float64")
    trainer = RegressionTrainer(config)
    trainer.advance()

    assert trainer.w1.dtype == torch.float64
    assert trainer.x.dtype == torch.float64
    assert trainer.result().loss_history.dtype == np.float64


def test_noise_has_requested_std():
    x, y = make_data(TrainingConfig(samples=20000, noise_std=0.5), torch.device("cpu"))

    residual = y - (2.0 * x.sum(1, keepdim=True) + 1.0)

    assert residual.std().item() == pytest.approx(0.5, rel=0.03)


def test_noise_sets_loss_floor():
    result = train(TrainingConfig(epochs=3000, lr=0.05, noise_std=0.5))

    # The best fit leaves about noise_std ** 2 of loss.
    assert result.final_loss == pytest.approx(0.25, rel=0.1)


def test_true_weights_per_feature():
    config = TrainingConfig(samples=300, epochs=2000, lr=0.05, true_weight=(1.0, -2.0, 0.5), true_bias=3.0)

    result = train(config)

    assert config.expected_prediction == pytest.approx(1.0 - 4.0 + 2.0 + 3.0)
    assert result.weights == pytest.approx([1.0, -2.0, 0.5], abs=1e-3)
    assert result.bias == pytest.approx(3.0, abs=1e-3)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"optimizer": "lbfgs"}, "Unknown optimizer 'lbfgs'. Choose one of: sgd, momentum, adam, rmsprop, adagrad."),
        ({"dtype": "float16"}, "Unknown dtype 'float16'. Choose one of: float32, float64."),
        ({"batch_size": -1}, "Batch size must be a whole number of at least 0 (0 means full batch), got -1."),
        ({"batch_size": 501}, "Batch size 501 is larger than the 500 samples. Use at most 500, or 0 for full batch."),
        ({"noise_std": -0.1}, "Noise standard deviation must be a finite number of at least 0, got -0.1."),
        ({"true_weight": (1.0, 2.0)}, "There are 2 true weights but each sample has 3 features. "
                                      "Enter one weight for all features or 3 weights."),
        ({"true_weight": ()}, "True weights must be finite numbers, got ()."),
    ],
)
def test_invalid_option_message(changes, expected):
    assert [str(error) for error in TrainingConfig(**changes).validate()] == [expected]


def test_steps_per_epoch():
    assert TrainingConfig().steps_per_epoch == 1
    assert TrainingConfig(batch_size=500).steps_per_epoch == 1
    assert TrainingConfig(batch_size=64).steps_per_epoch == 8


@pytest.mark.parametrize(("text", "expected"), [("2", 2.0), ("1, -2, 0.5", (1.0, -2.0, 0.5))])
def test_parse_true_weights(text, expected):
    assert parse_true_weights(text) == expected


def test_parse_true_weights_error():
    with pytest.raises(ConfigError) as raised:
        parse_true_weights("2, two")

    assert str(raised.value) == ("True weight item 2 ('two') is not a number. "
                                 "Enter numbers separated by commas, such as 2, 2, 2.")


def test_advance_runs_one_epoch():
    trainer = RegressionTrainer(TrainingConfig(epochs=10))

    progress = trainer.advance(max_epochs=1)

    assert progress.epoch == 1
    assert len(progress.losses) == 1
    assert not progress.finished
    assert trainer.advance(max_epochs=100).epoch == 10
    assert trainer.finished
