"""Run programs and write their autograd graph to an SVG, PNG, PDF or DOT file."""

from __future__ import annotations

import sys
from pathlib import Path

from explorer.commands.common import EXIT_FAILED, EXIT_OK, UsageError, check_device, message, print_error, read_sources
from explorer.i18n import QT_TRANSLATE_NOOP


def add_parser(commands) -> None:
    parser = commands.add_parser("render", help="run programs and write their autograd graph to a file")
    parser.add_argument("files", nargs="+", metavar="FILE", help="program files; - reads stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output file; the format comes from its extension: .svg, .png, .pdf or .dot")
    parser.add_argument("--root", metavar="NAME", help="draw the graph of this tensor instead of the default root")
    parser.add_argument("--device", default="cpu", help="torch device for the program (default: cpu)")
    parser.set_defaults(execute=execute)


RENDER_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def execute(args) -> int:
    from explorer.layout import LayoutError, render_dot
    from explorer.runner import ProgramRunner

    output = Path(args.output)
    fmt = RENDER_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            message(
                QT_TRANSLATE_NOOP("CommandLine", "cannot tell the format of {file}: use .svg, .png, .pdf or .dot"),
                file=args.output,
            )
        )
    sources = read_sources(args.files)
    check_device(args.device)
    runner = ProgramRunner(args.device, with_layout=False, graph_root=args.root)
    report = runner.run(sources)
    if report.error is not None:
        print_error(report, sources)
        return EXIT_FAILED
    if report.graph is None:
        message = QT_TRANSLATE_NOOP("CommandLine", "the program built no autograd graph: no tensor has a grad_fn")
        if args.root:
            message = QT_TRANSLATE_NOOP("CommandLine", "no tensor named {name!r} with a grad_fn or requires_grad")
        print(message(message, name=args.root), file=sys.stderr)
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
