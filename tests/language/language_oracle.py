"""Plain Python with real torch as the oracle for the playground's output.

`run_plain` executes a program with Python's own exec, in the tests only, so
that each test compares the playground with what Python and torch really do
for the same source.
"""

from __future__ import annotations

import contextlib
import io
import traceback
import warnings
from dataclasses import dataclass, field

import torch

from explorer.language import RunResult, Session

PROGRAM = "<program>"


@dataclass
class PlainRun:
    """What plain Python printed and raised for a program."""

    output: str
    namespace: dict
    error: BaseException | None = None
    # (line, message) pairs, once per line as Python's default filter shows them.
    warnings: list[tuple[int, str]] = field(default_factory=list)
    # The program line the error was raised on, or 0 without an error.
    error_line: int = 0


def run_plain(source: str, namespace: dict | None = None) -> PlainRun:
    """Run `source` with plain Python and torch, capturing stdout, the error and warnings."""
    namespace = {"torch": torch} if namespace is None else namespace
    buffer = io.StringIO()
    error = None
    # Cell 07 assigns torch.manual_seed = 1120, which in plain Python changes the real module.
    saved = dict(vars(torch))
    with warnings.catch_warnings(record=True) as records, contextlib.redirect_stdout(buffer):
        warnings.simplefilter("always")
        try:
            exec(compile(source, PROGRAM, "exec"), namespace)
        except Exception as caught:  # the oracle's error is compared, not raised
            error = caught
        finally:
            _restore_module(torch, saved)
    seen: list[tuple[int, str]] = []
    for record in records:
        key = (record.lineno, str(record.message))
        if record.filename == PROGRAM and key not in seen:
            seen.append(key)
    return PlainRun(buffer.getvalue(), namespace, error, seen, _error_line(error))


def _error_line(error: BaseException | None) -> int:
    if error is None:
        return 0
    if isinstance(error, SyntaxError):
        return error.lineno or 0
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == PROGRAM]
    return lines[-1] if lines else 0


def _restore_module(module: object, saved: dict) -> None:
    current = vars(module)
    for name in [name for name in current if name not in saved]:
        del current[name]
    for name, value in saved.items():
        if current.get(name) is not value:
            current[name] = value


def run_both(source: str, seed: int = 1120) -> tuple[PlainRun, RunResult]:
    """Run `source` in plain Python and in a fresh playground session, from the same RNG seed."""
    torch.manual_seed(seed)
    plain = run_plain(source)
    torch.manual_seed(seed)
    played = Session().run(source)
    return plain, played


def assert_same_output(source: str) -> RunResult:
    """Assert the playground prints exactly what plain Python prints; return the playground result."""
    plain, played = run_both(source)
    assert plain.error is None, f"the oracle failed: {plain.error!r}"
    assert played.error is None, f"{played.error!r}"
    assert played.output == plain.output
    return played
