"""Pieces every subcommand shares: usage errors, translated messages, reading programs."""

from __future__ import annotations

import io
import math
import sys
import tokenize
from collections.abc import Sequence
from pathlib import Path

from explorer.i18n import QT_TRANSLATE_NOOP, Text

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def message(source: str, **args: object) -> str:
    """Return a CommandLine message in the user's language."""
    return Text("CommandLine", source, args).localized()


class UsageError(Exception):
    """A bad argument that argparse could not catch (an unreadable file, an unknown device)."""


def decode_source(data: bytes) -> str:
    """Decode program bytes as Python does: a UTF-8 BOM or a coding declaration, else UTF-8.

    Raises SyntaxError for an unknown or conflicting declaration and
    UnicodeDecodeError for bytes that do not fit the encoding.
    """
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def json_safe(value: object) -> object:
    """Replace NaN and infinities, which strict JSON lacks, with "NaN", "Infinity" and "-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return "NaN"
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


def read_sources(files: Sequence[str]):
    from explorer.runner import ProgramSource

    if list(files).count("-") > 1:
        raise UsageError(message(QT_TRANSLATE_NOOP("CommandLine", "standard input (-) can be given only once")))
    sources = []
    for name in files:
        if name == "-":
            sources.append(ProgramSource(decode_source(sys.stdin.buffer.read()), "<stdin>"))
            continue
        path = Path(name)
        try:
            text = decode_source(path.read_bytes())
        except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as error:
            raise UsageError(
                message(QT_TRANSLATE_NOOP("CommandLine", "cannot read {file}: {reason}"), file=name, reason=error)
            ) from error
        sources.append(ProgramSource(text, path.name))
    return sources


def check_device(device: str) -> None:
    from explorer.devices import available_devices, is_known_device

    if not is_known_device(device):
        raise UsageError(
            message(
                QT_TRANSLATE_NOOP("CommandLine", "device {device!r} is not available here; choose one of: {devices}"),
                device=device,
                devices=", ".join(available_devices()),
            )
        )


def print_error(report, sources) -> None:
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
        print(message(QT_TRANSLATE_NOOP("CommandLine", "Hint: {hint}"), hint=error.hint.localized()), file=sys.stderr)
