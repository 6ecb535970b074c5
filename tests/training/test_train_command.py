"""`autograd-explorer train` with every option, its JSON and its files."""

import contextlib
import io
import json
import runpy

import pytest

from explorer.cli import EXIT_OK, EXIT_USAGE, main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["train", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_divergence_keys(capsys):
    code, out, _ = run_cli(capsys, "--epochs", "50", "--json")
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["epochs"] == 50
    assert result["diverged"] is False
    assert result["stopped_epoch"] is None
    assert set(result) >= {"final_loss", "weights", "bias", "prediction", "device", "seconds", "epochs_per_second"}


def test_sgd_lr_one_reports_divergence(capsys):
    code, out, err = run_cli(capsys, "--lr", "1.0", "--json")
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["diverged"] is True
    assert result["stopped_epoch"] == 20
    assert result["epochs"] == 20


def test_text_output_explains_divergence(capsys):
    code, _, err = run_cli(capsys, "--lr", "1.0")

    assert code == EXIT_OK
    assert "Training diverged at epoch 20" in err
    assert "Try a learning rate smaller than 1" in err


def test_every_option_reaches_config(capsys, tmp_path):
    script = tmp_path / "run.py"
    losses = tmp_path / "loss.csv"

    code, out, err = run_cli(
        capsys, "--samples", "200", "--features", "2", "--true-weights", "1.5,-1", "--true-bias", "0.5",
        "--noise-std", "0.01", "--seed", "3", "--epochs", "40", "--lr", "0.05", "--optimizer", "momentum",
        "--batch-size", "50", "--device", "cpu", "--dtype", "float64", "--test", "1,1",
        "--export-script", str(script), "--csv", str(losses), "--json",
    )
    result = json.loads(out)

    assert code == EXIT_OK, err
    assert result["weights"] == pytest.approx([1.5, -1.0], abs=0.02)
    assert result["prediction"] == pytest.approx(1.0, abs=0.05)
    assert len(losses.read_text(encoding="utf-8").splitlines()) == 41
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(script), run_name="__main__")
    exported = json.loads(output.getvalue().splitlines()[-1])
    assert exported["weights"] == pytest.approx(result["weights"], abs=1e-6)
    assert exported["bias"] == pytest.approx(result["bias"], abs=1e-6)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--batch-size", "600"], "Batch size 600 is larger than the 500 samples."),
        (["--noise-std", "-1"], "Noise standard deviation must be a finite number of at least 0, got -1.0."),
        (["--true-weights", "1,2"], "There are 2 true weights but each sample has 3 features."),
        (["--true-weights", "x"], "True weight item 1 ('x') is not a number."),
        (["--test", "1,2"], "The test input has 2 numbers but each sample has 3 features."),
        (["--device", "nowhere"], "Unknown device 'nowhere'."),
        (["--csv", "/no/such/folder/loss.csv"], "cannot write /no/such/folder/loss.csv: the folder"),
    ],
)
def test_usage_errors_exit_2(capsys, args, message):
    code, out, err = run_cli(capsys, "--epochs", "5", *args)

    assert code == EXIT_USAGE
    assert out == ""
    assert message in err


@pytest.mark.parametrize("args", [["--optimizer", "lbfgs"], ["--dtype", "float16"], ["--epochs", "many"]])
def test_argparse_rejects_choices(capsys, args):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", *args])

    assert exit_info.value.code == EXIT_USAGE
