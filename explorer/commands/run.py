"""Run playground programs headless and print their output or a JSON report."""

from __future__ import annotations

import json
import sys

from explorer.commands.common import EXIT_FAILED, EXIT_OK, check_device, json_safe, message, print_error, read_sources
from explorer.i18n import QT_TRANSLATE_NOOP


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "run", help=message(QT_TRANSLATE_NOOP("CommandLine", "run playground programs headless and print their output"))
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE",
        help=message(QT_TRANSLATE_NOOP("CommandLine", "program files, run in order in one namespace; - reads stdin")),
    )
    parser.add_argument(
        "--device", default="cpu",
        help=message(QT_TRANSLATE_NOOP("CommandLine", "torch device for the program (default: cpu)")),
    )
    parser.add_argument(
        "--json", action="store_true",
        help=message(QT_TRANSLATE_NOOP(
            "CommandLine", "print one JSON object with output, tensors, warnings, error and graph size")),
    )
    parser.set_defaults(execute=execute)


def execute(args) -> int:
    from explorer.runner import ProgramRunner

    sources = read_sources(args.files)
    check_device(args.device)

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    runner = ProgramRunner(args.device, on_output=None if args.json else echo, with_layout=False)
    report = runner.run(sources)
    if args.json:
        print(json.dumps(json_safe(report.to_json()), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        for warning in report.warnings:
            print(f"{warning.filename}:{warning.line}: {warning.category}: {warning.localized()}", file=sys.stderr)
            if warning.hint is not None:
                print(message(QT_TRANSLATE_NOOP("CommandLine", "Hint: {hint}"), hint=warning.hint.localized()), file=sys.stderr)
        if report.error is not None:
            print_error(report, sources)
    return EXIT_OK if report.ok else EXIT_FAILED
