"""Command line: no arguments opens the GUI; subcommands run headless.

    autograd-explorer                      open the window
    autograd-explorer run FILE... [--device D] [--json]
    autograd-explorer render FILE... -o OUT.svg|png|pdf|dot [--root NAME] [--device D]
    autograd-explorer train [--samples N] ... [--json]
    autograd-explorer devices [--json]

Exit status: 0 when the work succeeded, 1 when the program raised or the work
failed, 2 for a usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.locale import SUPPORTED_LANGUAGES, system_language

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

CONTEXT = "CommandLine"


def _message(source: str, **args: object) -> str:
    return Text(CONTEXT, source, args).localized()


class UsageError(Exception):
    """A bad argument that argparse could not catch (an unreadable file, an unknown device)."""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="autograd-explorer",
        description="Run PyTorch tutorial code safely and see autograd at work. "
        "Without a command, opens the window.",
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="language of messages (default: from the system locale)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="run playground programs headless and print their output")
    run.add_argument("files", nargs="+", metavar="FILE", help="program files, run in order in one namespace; - reads stdin")
    run.add_argument("--device", default="cpu", help="torch device for the program (default: cpu)")
    run.add_argument("--json", action="store_true", help="print one JSON object with output, tensors, warnings, error and graph size")

    render = commands.add_parser("render", help="run programs and write their autograd graph to a file")
    render.add_argument("files", nargs="+", metavar="FILE", help="program files; - reads stdin")
    render.add_argument("-o", "--output", required=True, metavar="OUT", help="output file; the format comes from its extension: .svg, .png, .pdf or .dot")
    render.add_argument("--root", metavar="NAME", help="draw the graph of this tensor instead of the default root")
    render.add_argument("--device", default="cpu", help="torch device for the program (default: cpu)")

    train = commands.add_parser("train", help="train the tutorial's linear regression headless")
    train.add_argument("--samples", type=int, default=500, help="number of samples (default: 500)")
    train.add_argument("--features", type=int, default=3, help="features per sample (default: 3)")
    train.add_argument("--epochs", type=int, default=10000, help="full-batch epochs (default: 10000)")
    train.add_argument("--lr", type=float, default=1e-3, help="SGD learning rate (default: 0.001)")
    train.add_argument("--seed", type=int, default=1120, help="random seed for the data (default: 1120)")
    train.add_argument("--device", default="cpu", help="torch device (default: cpu)")
    train.add_argument("--test", default="1,2,4", metavar="X1,X2,...", help="input to predict after training (default: 1,2,4)")
    train.add_argument("--json", action="store_true", help="print the result as one JSON object")

    devices = commands.add_parser("devices", help="list torch devices, CUDA, cuDNN and GPU facts")
    devices.add_argument("--json", action="store_true", help="print the report as one JSON object")
    return parser


def _install_language(language: str | None) -> str:
    language = language or system_language()
    if language != "en":
        from explorer.ui.translations import load_app_translator, use_translator_for_text

        use_translator_for_text(load_app_translator(language))
    return language


def _read_sources(files: Sequence[str]):
    from explorer.runner import ProgramSource

    if list(files).count("-") > 1:
        raise UsageError(_message(QT_TRANSLATE_NOOP("CommandLine", "standard input (-) can be given only once")))
    sources = []
    for name in files:
        if name == "-":
            sources.append(ProgramSource(sys.stdin.read(), "<stdin>"))
            continue
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(
                _message(QT_TRANSLATE_NOOP("CommandLine", "cannot read {file}: {reason}"), file=name, reason=error)
            ) from error
        sources.append(ProgramSource(text, path.name))
    return sources


def _check_device(device: str) -> None:
    from explorer.devices import available_devices, is_known_device

    if not is_known_device(device):
        raise UsageError(
            _message(
                QT_TRANSLATE_NOOP("CommandLine", "device {device!r} is not available here; choose one of: {devices}"),
                device=device,
                devices=", ".join(available_devices()),
            )
        )


def _print_error(report, sources) -> None:
    error = report.error
    by_name = {source.filename: source.text for source in sources}
    lines = by_name.get(error.filename, "").splitlines()
    print("Traceback (most recent call last):", file=sys.stderr)
    print(f'  File "{error.filename}", line {error.line}, in <module>', file=sys.stderr)
    if 0 < error.line <= len(lines):
        code = lines[error.line - 1]
        stripped = code.lstrip()
        print(f"    {stripped}", file=sys.stderr)
        start = max(error.column - 1 - (len(code) - len(stripped)), 0)
        width = 1
        if error.end_line == error.line and error.end_column > error.column:
            width = error.end_column - error.column
        print("    " + " " * start + "^" * width, file=sys.stderr)
    print(f"{error.kind}: {error.message.localized()}", file=sys.stderr)
    if error.hint is not None:
        print(_message(QT_TRANSLATE_NOOP("CommandLine", "Hint: {hint}"), hint=error.hint.localized()), file=sys.stderr)


def _command_run(args) -> int:
    from explorer.runner import ProgramRunner

    sources = _read_sources(args.files)
    _check_device(args.device)

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    runner = ProgramRunner(args.device, on_output=None if args.json else echo, with_layout=False)
    report = runner.run(sources)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for warning in report.warnings:
            print(f"{warning.filename}:{warning.line}: {warning.category}: {warning.localized()}", file=sys.stderr)
            if warning.hint is not None:
                print(_message(QT_TRANSLATE_NOOP("CommandLine", "Hint: {hint}"), hint=warning.hint.localized()), file=sys.stderr)
        if report.error is not None:
            _print_error(report, sources)
    return EXIT_OK if report.ok else EXIT_FAILED


RENDER_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def _command_render(args) -> int:
    from explorer.layout import LayoutError, render_dot
    from explorer.runner import ProgramRunner

    output = Path(args.output)
    fmt = RENDER_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            _message(
                QT_TRANSLATE_NOOP("CommandLine", "cannot tell the format of {file}: use .svg, .png, .pdf or .dot"),
                file=args.output,
            )
        )
    sources = _read_sources(args.files)
    _check_device(args.device)
    runner = ProgramRunner(args.device, with_layout=False, graph_root=args.root)
    report = runner.run(sources)
    if report.error is not None:
        _print_error(report, sources)
        return EXIT_FAILED
    if report.graph is None:
        message = QT_TRANSLATE_NOOP("CommandLine", "the program built no autograd graph: no tensor has a grad_fn")
        if args.root:
            message = QT_TRANSLATE_NOOP("CommandLine", "no tensor named {name!r} with a grad_fn or requires_grad")
        print(_message(message, name=args.root), file=sys.stderr)
        return EXIT_FAILED
    if fmt == "dot":
        data = report.graph.dot_source.encode("utf-8")
    else:
        try:
            data = render_dot(report.graph.dot_source, fmt)
        except LayoutError as error:
            print(error.text.localized(), file=sys.stderr)
            return EXIT_FAILED
    output.write_bytes(data)
    return EXIT_OK


def _command_train(args) -> int:
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
    print(_message(QT_TRANSLATE_NOOP("CommandLine", "epochs: {epochs}, final loss: {loss:.3e}"), epochs=result.epochs, loss=result.final_loss))
    print(_message(QT_TRANSLATE_NOOP("CommandLine", "weights: [{weights}], bias: {bias:.6f}"), weights=weights, bias=result.bias))
    print(_message(QT_TRANSLATE_NOOP("CommandLine", "prediction for {input}: {prediction:.4f}"), input=args.test, prediction=result.prediction))
    print(_message(QT_TRANSLATE_NOOP("CommandLine", "{seconds:.2f} s on {device}, {rate:.0f} epochs/s"), seconds=result.seconds, device=result.device, rate=result.epochs_per_second))
    return EXIT_OK


def _command_devices(args) -> int:
    from explorer.devices import device_report

    report = device_report()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"torch {report.torch_version} (Python {report.python_version})")
    print(f"torchvision {report.torchvision_version or '-'}, torchtext {report.torchtext_version or '-'}")
    print(f"CUDA: {report.cuda_available} {report.cuda_version or ''}".rstrip())
    print(f"cuDNN: {report.cudnn_version or '-'}")
    for gpu in report.gpus:
        print(f"cuda:{gpu.index}: {gpu.name}, {gpu.total_memory_bytes / 2**30:.1f} GiB, capability {gpu.capability}")
    print(f"MPS: {report.mps_available}")
    print("devices: " + ", ".join(report.devices))
    return EXIT_OK


COMMANDS = {
    "run": _command_run,
    "render": _command_render,
    "train": _command_train,
    "devices": _command_devices,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from explorer.ui.app import run_gui

        return run_gui(language=args.lang)
    _install_language(args.lang)
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog} {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
