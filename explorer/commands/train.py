"""Train the tutorial's linear regression headless."""

from __future__ import annotations

import json

from explorer.commands.common import EXIT_OK, UsageError, message
from explorer.i18n import QT_TRANSLATE_NOOP


def add_parser(commands) -> None:
    parser = commands.add_parser("train", help="train the tutorial's linear regression headless")
    parser.add_argument("--samples", type=int, default=500, help="number of samples (default: 500)")
    parser.add_argument("--features", type=int, default=3, help="features per sample (default: 3)")
    parser.add_argument("--epochs", type=int, default=10000, help="full-batch epochs (default: 10000)")
    parser.add_argument("--lr", type=float, default=1e-3, help="SGD learning rate (default: 0.001)")
    parser.add_argument("--seed", type=int, default=1120, help="random seed for the data (default: 1120)")
    parser.add_argument("--device", default="cpu", help="torch device (default: cpu)")
    parser.add_argument("--test", default="1,2,4", metavar="X1,X2,...", help="input to predict after training (default: 1,2,4)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.set_defaults(execute=execute)


def execute(args) -> int:
    from explorer.training import TrainingConfig, parse_test_input, train

    try:
        test_input = parse_test_input(args.test)
    except ValueError as error:
        raise UsageError(str(error)) from error
    config = TrainingConfig(
        samples=args.samples,
        features=args.features,
        epochs=args.epochs,
        lr=args.lr,
        seed=args.seed,
        device=args.device,
        test_input=test_input,
    )
    problems = config.validate()
    if problems:
        raise UsageError("\n".join(problem.localized() for problem in problems))
    result = train(config)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    weights = ", ".join(f"{weight:.6f}" for weight in result.weights)
    print(message(QT_TRANSLATE_NOOP("CommandLine", "epochs: {epochs}, final loss: {loss:.3e}"), epochs=result.epochs, loss=result.final_loss))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "weights: [{weights}], bias: {bias:.6f}"), weights=weights, bias=result.bias))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "prediction for {input}: {prediction:.4f}"), input=args.test, prediction=result.prediction))
    print(message(QT_TRANSLATE_NOOP("CommandLine", "{seconds:.2f} s on {device}, {rate:.0f} epochs/s"), seconds=result.seconds, device=result.device, rate=result.epochs_per_second))
    return EXIT_OK
