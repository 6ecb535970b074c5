"""Run programs and write their autograd graph to an SVG, PNG, PDF or DOT file.

SVG, PNG and PDF come from the system Graphviz when `dot` is on PATH. With
only the embedded Graphviz, which writes no PNG or PDF, the graph is laid
out by it and drawn by Qt on the offscreen platform, as the GUI draws it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from explorer.commands.common import EXIT_FAILED, EXIT_OK, UsageError, check_device, message, print_error, read_sources
from explorer.i18n import QT_TRANSLATE_NOOP

RENDER_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
PNG_SCALES = (1, 2, 4)


def add_parser(commands) -> None:
    parser = commands.add_parser("render", help="run programs and write their autograd graph to a file")
    parser.add_argument("files", nargs="+", metavar="FILE", help="program files; - reads stdin")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT",
        help="output file; the format comes from its extension: .svg, .png, .pdf or .dot",
    )
    parser.add_argument("--root", metavar="NAME", help="draw the graph of this tensor instead of the default root")
    parser.add_argument("--device", default="cpu", help="torch device for the program (default: cpu)")
    parser.add_argument(
        "--scale", type=int, choices=PNG_SCALES, default=1,
        help="pixels per point of a PNG (default: 1)",
    )
    parser.set_defaults(execute=execute)


def execute(args) -> int:
    from explorer.layout import LayoutError
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
        if args.root:
            text = message(
                QT_TRANSLATE_NOOP("CommandLine", "no tensor named {name!r} with a grad_fn or requires_grad"),
                name=args.root,
            )
        else:
            text = message(QT_TRANSLATE_NOOP("CommandLine", "the program built no autograd graph: no tensor has a grad_fn"))
        print(text, file=sys.stderr)
        return EXIT_FAILED
    try:
        data = graph_bytes(report.graph.dot_source, fmt, args.scale)
    except LayoutError as error:
        print(error.text.localized(), file=sys.stderr)
        return EXIT_FAILED
    try:
        _write_atomically(output, data)
    except OSError as error:
        # str(error) names the temporary .part file; strerror leaves the file name out.
        reason = error.strerror or error
        print(message(QT_TRANSLATE_NOOP("CommandLine", "cannot write {file}: {reason}"), file=args.output, reason=reason), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def graph_bytes(dot_source: str, fmt: str, scale: int = 1) -> bytes:
    """Return the file contents of a graph in `fmt`; raises LayoutError when Graphviz fails."""
    from explorer.layout import layout_dot, render_dot
    from explorer.layout.backends import SYSTEM, resolve_backend

    if fmt == "dot":
        return dot_source.encode("utf-8")
    backend = resolve_backend()
    if fmt == "svg" or (backend == SYSTEM and scale == 1):
        return render_dot(dot_source, fmt)
    # The embedded Graphviz has no PNG or PDF writer, and the system one has
    # no scale option that keeps fonts sharp, so Qt draws the laid-out graph.
    from explorer.ui.graph_export import layout_bytes

    return layout_bytes(layout_dot(dot_source), fmt, scale)


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)
