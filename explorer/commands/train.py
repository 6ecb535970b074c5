"""Train the tutorial's linear regression headless."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from explorer.commands.common import EXIT_OK, UsageError, message
from explorer.i18n import QT_TRANSLATE_NOOP

# Kept in step with explorer.training.config, which this module imports only when the command runs.
OPTIMIZER_CHOICES = ("sgd", "momentum", "adam", "rmsprop", "adagrad")
DTYPE_CHOICES = ("float32", "float64")


def add_parser(commands) -> None:
    parser = commands.add_parser("train", help="train the tutorial's linear regression headless")
    data = parser.add_argument_group("data")
    data.add_argument("--samples", type=int, default=500, help="number of samples (default: 500)")
    data.add_argument("--features", type=int, default=3, help="features per sample (default: 3)")
    data.add_argument("--true-weights", default="2", metavar="W or W1,W2,...",
                      help="true weight of every feature, or one per feature (default: 2)")
    data.add_argument("--true-bias", type=float, default=1.0, help="true bias (default: 1)")
    data.add_argument("--noise-std", type=float, default=0.0,
                      help="standard deviation of the Gaussian noise added to the targets (default: 0)")
    data.add_argument("--seed", type=int, default=1120,
                      help="seed of the generator that draws the data and the minibatch order (default: 1120)")
    training = parser.add_argument_group("training")
    training.add_argument("--epochs", type=int, default=10000, help="number of epochs (default: 10000)")
    training.add_argument("--lr", type=float, default=1e-3, help="learning rate (default: 0.001)")
    training.add_argument("--optimizer", choices=OPTIMIZER_CHOICES, default="sgd",
                          help="optimizer; momentum is SGD with momentum 0.9 (default: sgd)")
    training.add_argument("--batch-size", type=int, default=0,
                          help="samples per step, reshuffled every epoch; 0 means full batch (default: 0)")
    training.add_argument("--device", default="cpu", help="torch device (default: cpu)")
    training.add_argument("--dtype", choices=DTYPE_CHOICES, default="float32",
                          help="floating-point type of data and parameters (default: float32)")
    training.add_argument("--test", default="1,2,4", metavar="X1,X2,...",
                          help="input to predict after training (default: 1,2,4)")
    output = parser.add_argument_group("output")
    output.add_argument("--json", action="store_true", help="print the result as one JSON object")
    output.add_argument("--export-script", metavar="FILE",
                        help="write the run as a plain PyTorch script that reproduces it")
    output.add_argument("--csv", metavar="FILE", help="write each epoch's loss as CSV (epoch,loss)")
    parser.set_defaults(execute=execute)


def _config_from(args):
    from explorer.training import ConfigError, TrainingConfig, parse_test_input, parse_true_weights

    try:
        test_input = parse_test_input(args.test)
        true_weights = parse_true_weights(args.true_weights)
    except ConfigError as error:
        raise UsageError("\n".join(problem.localized() for problem in error.errors)) from error
    config = TrainingConfig(
        samples=args.samples,
        features=args.features,
        epochs=args.epochs,
        lr=args.lr,
        seed=args.seed,
        device=args.device,
        test_input=test_input,
        true_weight=true_weights,
        true_bias=args.true_bias,
        noise_std=args.noise_std,
        optimizer=args.optimizer,
        batch_size=args.batch_size,
        dtype=args.dtype,
    )
    problems = config.validate()
    if problems:
        raise UsageError("\n".join(problem.localized() for problem in problems))
    return config


def _check_writable(name: str | None) -> None:
    # Checked before training, so a long run does not end in an unwritable path.
    if name is None:
        return
    parent = Path(name).resolve().parent
    if not parent.is_dir():
        raise UsageError(message(QT_TRANSLATE_NOOP(
            "CommandLine", "cannot write {file}: the folder {folder} does not exist"), file=name, folder=parent))


def _write(name: str, text: str) -> None:
    try:
        Path(name).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(message(QT_TRANSLATE_NOOP(
            "CommandLine", "cannot write {file}: {reason}"), file=name, reason=error)) from error


def execute(args) -> int:
    config = _config_from(args)
    _check_writable(args.export_script)
    _check_writable(args.csv)

    from explorer.training import export_script, loss_csv, train

    result = train(config)
    if args.export_script:
        _write(args.export_script, export_script(config, epochs=result.epochs))
    if args.csv:
        _write(args.csv, loss_csv(result.loss_history))
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    weights = ", ".join(f"{weight:.6f}" for weight in result.weights)
    print(message(QT_TRANSLATE_NOOP("CommandLine", "epochs: {epochs}, final loss: {loss:.3e}"), epochs=result.epochs, loss=result.final_loss))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "weights: [{weights}], bias: {bias:.6f}"), weights=weights, bias=result.bias))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "prediction for {input}: {prediction:.4f}"), input=args.test, prediction=result.prediction))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "{seconds:.2f} s on {device}, {rate:.0f} epochs/s"), seconds=result.seconds, device=result.device, rate=result.epochs_per_second))
    if result.divergence is not None:
        print(result.divergence.message(config.lr).localized(), file=sys.stderr)
    return EXIT_OK
