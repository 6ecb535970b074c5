"""The exported script reproduces the run with plain Python; the CSV holds every loss."""

import contextlib
import csv
import io
import json
import runpy
import subprocess
import sys

import numpy as np
import pytest

from explorer.training import TrainingConfig, export_script, loss_csv, train


def run_script(path) -> dict:
    """Run a script as `python path` in a fresh interpreter that has no explorer imported."""
    completed = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120,
                               cwd=path.parent)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


def run_script_here(path) -> dict:
    """Run a script in this interpreter, which saves the seconds a fresh one takes to import torch."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(path), run_name="__main__")
    return json.loads(output.getvalue().splitlines()[-1])


def test_script_reproduces_weights_in_plain_python(tmp_path):
    config = TrainingConfig(epochs=2000)
    path = tmp_path / "regression.py"
    path.write_text(export_script(config), encoding="utf-8")
    result = train(config)

    exported = run_script(path)

    assert exported["weights"] == pytest.approx(result.weights, abs=1e-6)
    assert exported["bias"] == pytest.approx(result.bias, abs=1e-6)
    assert exported["prediction"] == pytest.approx(result.prediction, abs=1e-5)


@pytest.mark.parametrize(
    "config",
    [
        TrainingConfig(epochs=30, optimizer="adam", lr=0.05, batch_size=64, noise_std=0.2,
                       dtype="float64", true_weight=(1.0, -1.0, 3.0), true_bias=-2.0, seed=7),
        TrainingConfig(epochs=30, optimizer="rmsprop", lr=0.01, batch_size=100),
        TrainingConfig(epochs=30, optimizer="adagrad", lr=0.1, features=1, test_input=(3.0,)),
        TrainingConfig(epochs=30, optimizer="momentum", lr=0.01, seed=2**64 - 1),
    ],
    ids=["adam-minibatch-float64", "rmsprop-minibatch", "adagrad-one-feature", "momentum-largest-seed"],
)
def test_script_reproduces_options(tmp_path, config):
    path = tmp_path / "regression.py"
    path.write_text(export_script(config), encoding="utf-8")
    result = train(config)

    exported = run_script_here(path)

    assert exported["weights"] == pytest.approx(result.weights, abs=1e-6)
    assert exported["bias"] == pytest.approx(result.bias, abs=1e-6)


def test_script_of_stopped_run_uses_its_epochs():
    source = export_script(TrainingConfig(epochs=10000), epochs=1234)

    assert "epochs = 1234\n" in source
    assert "import explorer" not in source


def test_csv_has_every_epoch():
    losses = np.array([3.0, 1.5, 0.25], dtype=np.float32)

    rows = list(csv.reader(io.StringIO(loss_csv(losses))))

    assert rows[0] == ["epoch", "loss"]
    assert [int(row[0]) for row in rows[1:]] == [1, 2, 3]
    assert np.array([float(row[1]) for row in rows[1:]], dtype=np.float32).tolist() == losses.tolist()


def test_csv_round_trips_float32():
    losses = train(TrainingConfig(epochs=100)).loss_history

    rows = list(csv.reader(io.StringIO(loss_csv(losses))))[1:]

    np.testing.assert_array_equal(np.array([row[1] for row in rows], dtype=np.float32), losses)
