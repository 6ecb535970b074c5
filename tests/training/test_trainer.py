import contextlib
import json
import math
import threading

import numpy as np
import pytest
import torch

from torch import optim

from explorer.training import ConfigError, RegressionTrainer, TrainingConfig, TrainingProgress, iter_training, train
from explorer.training.trainer import make_data


@pytest.fixture(scope="module")
def default_result():
    return train(TrainingConfig())


def test_default_run_reaches_targets(default_result):
    result = default_result

    assert result.epochs == 10000
    assert not result.stopped_early
    assert not result.diverged
    assert result.final_loss < 1e-6
    assert result.weights == pytest.approx([2.0, 2.0, 2.0], abs=1e-3)
    assert result.bias == pytest.approx(1.0, abs=1e-3)
    assert result.prediction == pytest.approx(15.0, abs=1e-2)
    assert result.expected_prediction == 15.0


def test_default_run_history(default_result):
    history = default_result.loss_history

    assert history.shape == (10000,)
    assert history.dtype == np.float32
    assert history[-1] == pytest.approx(default_result.final_loss)
    # lr 1e-3 is far below 2 / (largest Hessian eigenvalue, about 2 here), so every SGD step lowers the loss.
    assert np.all(np.diff(history) <= 0)


def test_default_run_timing(default_result):
    result = default_result

    assert result.seconds > 0
    assert result.epochs_per_second == pytest.approx(result.epochs / result.seconds)


def test_to_json_keys_and_values(default_result):
    data = default_result.to_json()

    assert list(data) == [
        "epochs", "final_loss", "weights", "bias", "prediction", "device", "seconds", "epochs_per_second",
        "diverged", "stopped_epoch",
    ]
    assert data["diverged"] is False
    assert data["stopped_epoch"] is None
    assert data["device"] == "cpu"
    assert data["weights"] == default_result.weights
    json.dumps(data, allow_nan=False)


def test_prediction_matches_parameters(default_result):
    result = default_result
    expected = torch.tensor([[1.0, 2.0, 4.0]]) @ torch.tensor(result.weights).view(3, 1) + result.bias

    assert result.prediction == pytest.approx(expected.item(), rel=1e-6)


def test_same_seed_same_losses():
    config = TrainingConfig(epochs=50)

    first = train(config).loss_history
    second = train(config).loss_history

    np.testing.assert_array_equal(first, second)


def test_other_seed_other_data():
    first, _ = make_data(TrainingConfig(seed=1), torch.device("cpu"))
    second, _ = make_data(TrainingConfig(seed=2), torch.device("cpu"))

    assert not torch.equal(first, second)


def test_targets_follow_true_weight_and_bias():
    x, y = make_data(TrainingConfig(samples=4, true_weight=3.0, true_bias=-0.5), torch.device("cpu"))

    torch.testing.assert_close(y, 3.0 * x.sum(dim=1, keepdim=True) - 0.5)


def test_global_rng_untouched():
    torch.manual_seed(7)
    state = torch.get_rng_state()

    train(TrainingConfig(epochs=20))

    assert torch.equal(torch.get_rng_state(), state)


def test_generator_yields_batched_plain_data():
    updates = list(iter_training(TrainingConfig(epochs=1000), batch_seconds=60.0, max_batch_epochs=300))

    assert [update.epoch for update in updates] == [300, 600, 900, 1000]
    assert [update.first_epoch for update in updates] == [1, 301, 601, 901]
    assert [update.finished for update in updates] == [False, False, False, True]
    for update in updates:
        assert isinstance(update, TrainingProgress)
        assert update.total_epochs == 1000
        assert isinstance(update.losses, np.ndarray)
        assert update.losses.dtype == np.float32
        assert all(type(weight) is float for weight in update.weights)
        assert len(update.weights) == 3
        assert type(update.bias) is float
        assert type(update.prediction) is float
        assert update.elapsed > 0
        assert update.parameters.shape == (len(update.parameter_epochs), 4)


def test_generator_samples_parameters():
    config = TrainingConfig(epochs=1000)

    updates = list(iter_training(config, batch_seconds=60.0, max_batch_epochs=300))
    epochs = np.concatenate([update.parameter_epochs for update in updates])
    parameters = np.concatenate([update.parameters for update in updates])

    # Epoch 0, every second epoch (1000 epochs // 500 samples), and each batch's last epoch.
    assert list(epochs) == list(range(0, 1001, 2))
    np.testing.assert_array_equal(parameters[0], [0.0, 0.0, 0.0, 0.0])
    for update in updates:
        assert update.parameter_epochs[-1] == update.epoch
        assert list(update.parameters[-1]) == [*update.weights, update.bias]


def test_generator_samples_batch_ends():
    updates = list(iter_training(TrainingConfig(epochs=1000), batch_seconds=60.0, max_batch_epochs=333))

    assert list(updates[0].parameter_epochs[-3:]) == [330, 332, 333]
    assert updates[1].parameter_epochs[0] == 334


def test_generator_batches_by_time():
    updates = list(iter_training(TrainingConfig(epochs=200), batch_seconds=0.0))

    # With no time per batch, each epoch ends a batch.
    assert len(updates) == 200
    assert all(len(update.losses) == 1 for update in updates)


def test_generator_losses_match_train():
    config = TrainingConfig(epochs=500)

    streamed = np.concatenate([update.losses for update in iter_training(config, max_batch_epochs=64)])

    np.testing.assert_array_equal(streamed, train(config).loss_history)


def test_loss_matches_tutorial_formula():
    config = TrainingConfig(epochs=1)
    x, y = make_data(config, torch.device("cpu"))

    (update,) = iter_training(config)

    # With zero weights and bias the first prediction is 0, so the loss is mean(y ** 2).
    assert update.losses[0] == pytest.approx(torch.mean(y ** 2).item(), rel=1e-6)


def tutorial_loop(config: TrainingConfig) -> tuple[np.ndarray, list[float], float]:
    """Train as the tutorial's cell does on the trainer's data, and return the losses, weights and bias."""
    x, y = make_data(config, torch.device("cpu"))
    w1 = torch.zeros((config.features, 1), requires_grad=True)
    b1 = torch.zeros(1, requires_grad=True)
    optimizer = optim.SGD([w1, b1], lr=config.lr)
    losses = []
    for _ in range(config.epochs):
        y_hat = x.matmul(w1) + b1
        cost = torch.mean((y - y_hat) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        losses.append(cost.item())
    return np.array(losses, dtype=np.float32), w1.detach().view(-1).tolist(), b1.item()


def test_trainer_bitwise_equals_tutorial_loop():
    config = TrainingConfig(epochs=300)
    losses, weights, bias = tutorial_loop(config)

    result = train(config)

    np.testing.assert_array_equal(result.loss_history, losses)
    assert result.weights == weights
    assert result.bias == bias


def test_losses_kept_as_tensors_match_host_reads():
    # Off the CPU the trainer keeps each loss as a tensor until the batch ends.
    # This test forces that path, so that it also runs on a machine without an accelerator.
    config = TrainingConfig(epochs=300)
    trainer = RegressionTrainer(config)
    trainer._losses_on_host = False
    while not trainer.finished:
        trainer.advance(max_epochs=70)

    result = trainer.result()

    np.testing.assert_array_equal(result.loss_history, train(config).loss_history)
    assert result.loss_history.dtype == np.float32


def test_cancel_stops_early():
    cancel = threading.Event()
    seen = []

    def on_progress(update):
        seen.append(update.epoch)
        cancel.set()

    result = train(TrainingConfig(epochs=1_000_000), cancel=cancel, progress=on_progress)

    assert len(seen) == 1
    assert result.stopped_early
    assert result.epochs == seen[0] < 1_000_000
    assert len(result.loss_history) == result.epochs
    assert math.isfinite(result.prediction)


def test_progress_called_for_every_batch():
    seen = []

    result = train(TrainingConfig(epochs=100), progress=seen.append)

    assert seen[-1].finished
    assert sum(len(update.losses) for update in seen) == result.epochs == 100


def test_large_learning_rate_diverges():
    result = train(TrainingConfig(epochs=100_000, lr=10.0))

    assert result.diverged
    assert result.stopped_early
    assert result.epochs == result.divergence.epoch < 100_000
    # The loss passes a million times its minimum before it overflows.
    assert result.final_loss > 1e6 * result.divergence.minimum
    assert result.to_json()["diverged"] is True
    assert result.to_json()["stopped_epoch"] == result.epochs
    assert all(math.isfinite(weight) for weight in result.weights)


def test_invalid_config_raises():
    with pytest.raises(ConfigError) as raised:
        train(TrainingConfig(epochs=0, lr=-1.0))

    assert len(raised.value.errors) == 2


def test_features_and_test_input_follow_config():
    config = TrainingConfig(samples=200, features=2, epochs=3000, lr=0.05, test_input=(1.0, 1.0))

    result = train(config)

    assert result.weights == pytest.approx([2.0, 2.0], abs=1e-3)
    assert result.prediction == pytest.approx(5.0, abs=1e-2)


def test_long_run_samples_sparse_parameters():
    config = TrainingConfig(epochs=1_000_000)

    with contextlib.closing(iter_training(config, batch_seconds=60.0, max_batch_epochs=3000)) as updates:
        first = next(updates)
        second = next(updates)

    # 1,000,000 epochs // 500 samples gives every 2000th epoch, plus each batch's last epoch.
    assert list(first.parameter_epochs) == [0, 2000, 3000]
    assert list(second.parameter_epochs) == [4000, 6000]
