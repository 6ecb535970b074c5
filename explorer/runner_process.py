"""Run playground programs in a child process that Stop can end at once.

The interpreter checks for cancellation between evaluation steps, but one
torch call (an `exp` over 10**8 elements, a large sort, a whole backward())
cannot be interrupted from Python. The GUI therefore runs programs in a warm
child process: torch is imported there once, each run gets a fresh
`ProgramRunner`, and the `ProgramReport` comes back pickled. Stop first sends the
child a cancel request, which the program obeys at its next step. If the
report has not arrived within `CANCEL_GRACE_SECONDS`, the child is killed
and a fresh one starts in the background.

Frames travel as `explorer.child_process` describes; the parent unpickles
only the report classes listed in `_REPORT_CLASSES`.

The graph's layout starts as soon as its DOT source exists, before the rest
of the report is built. With the system `dot`, the child sends the DOT
source and the parent lays it out with its own `dot` process. With the
embedded Graphviz, the child lays it out itself, with an engine compiled
without epoch interruption (see `explorer.layout.embedded`), and sends the
JSON after the report. The parent kills the child when the JSON has not
arrived within the layout timeout after the report.

Run the child with `python -m explorer.runner_process`.
"""

from __future__ import annotations

import copy
import gc
import itertools
import logging
import math
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import BinaryIO

from explorer.child_process import (
    EXITED,
    ChildProcess,
    WarmChild,
    read_frame,
    restricted_unpickler,
    take_frame_streams,
    write_frame,
)
from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.layout import messages as layout_messages

log = logging.getLogger(__name__)

# How long Stop waits for the program to end at its next evaluation step
# before the child process is killed. With POLL_SECONDS this keeps Stop under
# 100 ms, and it leaves a busy machine time for a cooperative stop.
CANCEL_GRACE_SECONDS = 0.06
# How often the parent checks for Stop while it waits for a message.
POLL_SECONDS = 0.01
# How often the child sends the text printed since its last frame.
OUTPUT_FLUSH_SECONDS = 0.02
# How long the child waits for a run before it does its idle-time work.
IDLE_SECONDS = 0.5


# Everything a ProgramReport may contain besides plain Python values.
_REPORT_CLASSES = {
    ("explorer.runner", "ProgramReport"),
    ("explorer.runner", "ProgramSource"),
    ("explorer.runner", "ErrorReport"),
    ("explorer.runner", "WarningReport"),
    ("explorer.autograd.model", "GraphSnapshot"),
    ("explorer.autograd.model", "NodeInfo"),
    ("explorer.autograd.snapshot", "TensorSnapshot"),
    ("explorer.autograd.trace", "BackwardTrace"),
    ("explorer.autograd.trace", "BackwardStep"),
    ("explorer.i18n", "Text"),
    ("builtins", "complex"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}

# A program that warms the child's code paths before it reports ready, so the
# first real run does not pay for lazy imports such as torchviz.
_WARM_UP_PROGRAM = "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\n"


class RunnerProcessError(Exception):
    """The child process failed: it could not start, crashed or sent a bad frame."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


_ReportUnpickler = restricted_unpickler(_REPORT_CLASSES, "a program report")


def _crashed(returncode: int | None) -> RunnerProcessError:
    return RunnerProcessError(
        Text(
            "RunnerProcess",
            QT_TRANSLATE_NOOP(
                "RunnerProcess",
                "The process that runs programs ended unexpectedly (exit code {code}). "
                "Run the program again to start a fresh one.",
            ),
            {"code": returncode},
        )
    )


class RunnerProcess(WarmChild):
    """A warm child process that runs playground programs and can be stopped at once.

    `run` blocks like `ProgramRunner.run`. Call it from one thread at a time.
    Call `start` early, so that the child imports torch while the user is
    still typing.
    """

    MODULE = "explorer.runner_process"
    UNPICKLER = _ReportUnpickler

    def __init__(self, python: str | None = None, cancel_grace: float = CANCEL_GRACE_SECONDS) -> None:
        super().__init__(python)
        self._cancel_grace = cancel_grace
        self._run_ids = itertools.count(1)

    def run(
        self,
        sources: Sequence,
        device: str,
        *,
        on_output: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
        layout_timeout: float | None = None,
        on_report: Callable[[object], None] | None = None,
    ):
        """Run `sources` (ProgramSource values) in the child and return its ProgramReport.

        With `layout_timeout`, the graph is also laid out, starting as soon as
        its DOT source exists, while the child is still building the rest of
        the report and sending it: here with the system `dot`, in the child
        with the embedded Graphviz. A child that has not sent the layout
        `layout_timeout` seconds after its report is replaced, and the
        report's `layout_error` is the timeout message. When the report
        arrives before its layout, `on_report` gets a copy of it first, so
        that a caller can show the results meanwhile.

        When `cancel` is set, the program is asked to stop. If it has not
        stopped after CANCEL_GRACE_SECONDS, its process is killed. The report
        then contains the output printed so far, and `cancelled` is True.
        Raises RunnerProcessError when the child crashes, cannot start or
        sends a frame that does not fit the protocol.
        """
        from explorer.runner import PendingLayout, ProgramReport

        cancel = cancel or threading.Event()
        self.start()
        child = self._child
        printed: list[str] = []

        def cancelled_report() -> ProgramReport:
            return ProgramReport(
                output="".join(printed),
                cancelled=True,
                device=device,
                sources=tuple(sources),
                process_id=child.process.pid,
            )

        def report_before_layout(report: ProgramReport) -> None:
            if on_report is not None:
                on_report(copy.copy(report))

        def timed_out(report: ProgramReport) -> ProgramReport:
            log.warning("The program process did not lay out the graph within %s s", layout_timeout)
            self._replace(child)
            report.layout_error = layout_messages.timed_out(layout_timeout)
            return report

        if not self._wait_ready(child, cancel):
            return cancelled_report()
        _drop_leftover_frames(child)
        layout = PendingLayout(layout_timeout, cancel) if layout_timeout is not None else None
        run_id = next(self._run_ids)
        sources_sent = [(source.text, source.filename) for source in sources]
        self._send(child, ("run", run_id, sources_sent, device, layout is not None))
        kill_at: float | None = None
        child_lays_out = False
        # Set when the report arrives while the child is still laying out the graph.
        layout_deadline: float | None = None
        report = None
        while True:
            # The loop goes on after the report only while the child lays out the graph.
            if layout_deadline is not None and cancel.is_set():
                self._replace(child)
                report.layout_error = layout_messages.layout_stopped()
                return report
            if cancel.is_set() and kill_at is None:
                self._send(child, ("cancel", run_id))
                kill_at = time.monotonic() + self._cancel_grace
            if kill_at is not None and time.monotonic() >= kill_at:
                self._replace(child)
                return cancelled_report()
            if layout_deadline is not None and time.monotonic() >= layout_deadline:
                return timed_out(report)
            try:
                message = child.messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if not _fits_protocol(message, ProgramReport):
                self._replace(child)
                raise RunnerProcessError(_bad_frame(f"a frame of the form {_describe_frame(message)}"))
            kind = message[0]
            if kind == "output":
                printed.append(message[1])
                if on_output is not None:
                    on_output(message[1])
            elif kind == "dot":
                if layout is not None and not layout.started:
                    layout.start(message[1])
            elif kind == "laying_out":
                child_lays_out = layout is not None
            elif kind == "report" and report is None:
                report = message[1]
                if not child_lays_out:
                    if layout is not None:
                        if layout.running:
                            report_before_layout(report)
                        layout.finish(report)
                    return report
                # The child started the layout when the DOT existed. Counting the
                # timeout from the report bounds the wait however long the report took.
                layout_deadline = time.monotonic() + layout_timeout
                report_before_layout(report)
            elif kind == "layout" and layout_deadline is not None:
                report.layout, report.layout_error = _read_child_layout(message[1], message[2])
                return report
            elif kind == "failed":
                raise RunnerProcessError(message[1])
            elif kind == "exited":
                returncode = child.exit_code()
                self._replace(child)
                if kill_at is not None:
                    return cancelled_report()
                if child.failure is not None:
                    raise RunnerProcessError(_bad_frame(child.failure))
                if layout_deadline is not None:
                    report.layout_error = layout_messages.layout_process_ended(returncode)
                    return report
                raise _crashed(returncode)

    @staticmethod
    def _send(child: ChildProcess, message: object) -> None:
        try:
            child.send(message)
        except OSError:
            # The child has died; its reader reports "exited" next.
            log.warning("The program process closed its input")

    def _wait_ready(self, child: ChildProcess, cancel: threading.Event) -> bool:
        while not child.ready.wait(POLL_SECONDS):
            if cancel.is_set():
                return False
            if not child.alive() or child.output_ended():
                returncode = child.exit_code()
                self._replace(child)
                if child.failure is not None:
                    raise RunnerProcessError(_bad_frame(child.failure))
                raise _crashed(returncode)
        return True


# The frames a child may send during a run: their kind and the types of their fields.
_FRAME_FIELDS: dict[str, tuple] = {
    "output": (str,),
    "dot": (str,),
    "laying_out": (),
    "layout": ((bytes, type(None)), (Text, type(None))),
    "failed": (Text,),
    "exited": (),
}


def _fits_protocol(message: object, report_class: type) -> bool:
    """Return True when `message` is a run frame with fields of the right types."""
    if type(message) is not tuple or not message or type(message[0]) is not str:
        return False
    fields = (report_class,) if message[0] == "report" else _FRAME_FIELDS.get(message[0])
    if fields is None or len(message) != len(fields) + 1:
        return False
    if not all(isinstance(value, kinds) for value, kinds in zip(message[1:], fields)):
        return False
    return message[0] != "report" or _report_fits(message[1])


def _report_fits(report) -> bool:
    """Return True when the report's own fields have the types the window relies on.

    Nested values (the graph's nodes, the tensors' values) are plain data
    that the unpickler already limited to the report's classes.
    """
    from explorer.autograd import GraphSnapshot, TensorSnapshot
    from explorer.runner import ErrorReport, ProgramSource, WarningReport

    return (
        type(report.output) is str
        and isinstance(report.error, (ErrorReport, type(None)))
        and type(report.warnings) is list
        and all(isinstance(warning, WarningReport) for warning in report.warnings)
        and type(report.tensors) is dict
        and all(type(name) is str and isinstance(value, TensorSnapshot) for name, value in report.tensors.items())
        and isinstance(report.graph, (GraphSnapshot, type(None)))
        and report.layout is None
        and isinstance(report.layout_error, (Text, type(None)))
        and type(report.cancelled) is bool
        and type(report.device) is str
        and type(report.seconds) in (int, float)
        and math.isfinite(report.seconds)
        and type(report.sources) is tuple
        and all(isinstance(source, ProgramSource) for source in report.sources)
        and type(report.process_id) is int
    )


def _drop_leftover_frames(child: ChildProcess) -> None:
    """Drop the frames a previous run left behind, so that none is taken for this run's.

    The end-of-output marker stays: the run then reports the child's end.
    """
    exited = False
    while True:
        try:
            exited = child.messages.get_nowait() == EXITED or exited
        except queue.Empty:
            break
    if exited:
        child.messages.put(EXITED)


def _describe_frame(message: object) -> str:
    if type(message) is not tuple:
        return type(message).__name__
    return "(" + ", ".join(type(value).__name__ for value in message[:4]) + (", ..." if len(message) > 4 else "") + ")"


def _bad_frame(detail: str) -> Text:
    return Text(
        "RunnerProcess",
        QT_TRANSLATE_NOOP(
            "RunnerProcess",
            "The process that runs programs sent data that the app does not accept ({detail}). "
            "Run the program again to start a fresh one.",
        ),
        {"detail": detail},
    )


def _read_child_layout(output: object, error: object) -> tuple:
    """Return (layout, error Text) from the child's "layout" frame."""
    from explorer.layout.backends import EMBEDDED, read_layout
    from explorer.layout.model import LayoutError

    if isinstance(error, Text):
        return None, error
    if type(output) is not bytes:
        return None, layout_messages.invalid_output(f"a {type(output).__name__} instead of bytes")
    try:
        return read_layout(output, EMBEDDED), None
    except LayoutError as failure:
        return None, failure.text


def shared_runner_process() -> RunnerProcess:
    """Return the app's one RunnerProcess, created on first use and closed at exit."""
    return RunnerProcess.shared()


# --- the child ---------------------------------------------------------------


class _Outbox:
    """Frames to the parent, written by one thread at a time; printed text is batched."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self._printed: list[str] = []

    def send(self, message: object) -> None:
        with self._lock:
            write_frame(self._stream, message)

    def print(self, text: str) -> None:
        with self._lock:
            self._printed.append(text)

    def flush_output(self) -> None:
        with self._lock:
            if self._printed:
                text = "".join(self._printed)
                self._printed.clear()
                write_frame(self._stream, ("output", text))

    def flush_forever(self) -> None:
        while True:
            time.sleep(OUTPUT_FLUSH_SECONDS)
            self.flush_output()


# The GIL switch interval while a layout runs in the child. The layout thread
# needs the GIL for each of its wasmtime calls, and the default interval
# (5 ms) made it wait that long behind the thread that builds the report.
LAYOUT_SWITCH_INTERVAL_SECONDS = 0.0002


class _ChildLayout:
    """A layout of one graph in the child, run in a thread while the report is built and sent."""

    def __init__(self, engine) -> None:
        self._engine = engine
        self._thread: threading.Thread | None = None
        self._result: tuple = (None, None)

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self, dot_source: str) -> None:
        from explorer.layout.backends import LAYOUT_FORMAT
        from explorer.layout.model import LayoutError

        switch_interval = sys.getswitchinterval()

        def lay_out() -> None:
            try:
                # This engine ignores the timeout: the parent kills the child instead.
                self._result = (self._engine.render(dot_source, LAYOUT_FORMAT, timeout=0.0), None)
            except LayoutError as error:
                self._result = (None, error.text)
            finally:
                sys.setswitchinterval(switch_interval)

        self._thread = threading.Thread(target=lay_out, name="child-layout", daemon=True)
        sys.setswitchinterval(LAYOUT_SWITCH_INTERVAL_SECONDS)
        self._thread.start()

    def frame(self) -> tuple:
        """Wait for the layout and return the "layout" frame: the JSON bytes or the error Text."""
        self._thread.join()
        return ("layout", *self._result)


def _load_layout_engine():
    """Compile the embedded Graphviz without epoch interruption if this child lays out graphs.

    Returns None when the parent lays them out with the system dot. Also
    returns None when the embedded Graphviz cannot be loaded: the parent then
    lays out and reports why it failed.
    """
    from explorer.layout import backends, embedded

    if not backends.chooses_embedded():
        return None
    try:
        return embedded.get_embedded(interruptible=False)
    except embedded.EmbeddedUnavailable:
        return None


def _child_main() -> None:
    frames, commands = take_frame_streams()

    # Compiling Graphviz (about a second) overlaps the import of torch.
    layout_engines: list = []
    compile_thread = threading.Thread(
        target=lambda: layout_engines.append(_load_layout_engine()), name="graphviz-compile", daemon=True
    )
    compile_thread.start()

    import torch

    from explorer.runner import ProgramRunner, ProgramSource

    ProgramRunner(with_layout=False).run([ProgramSource(_WARM_UP_PROGRAM)])
    # torch 2.13 imports torch._dynamo when the first optimizer is built, about a
    # second on one core. That import runs beside the first program instead of before it.
    warm_up = threading.Thread(
        target=lambda: torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1), name="warm-up", daemon=True
    )
    warm_up.start()
    frozen = False
    compile_thread.join()
    layout_engine = layout_engines[0] if layout_engines else None

    outbox = _Outbox(frames)
    jobs: queue.Queue = queue.Queue()
    # Each run has its own cancel event, so that a cancel request that arrives
    # before its run starts still applies to that run and to no other.
    cancels: dict[int, threading.Event] = {}

    def read_commands() -> None:
        while True:
            message = read_frame(commands)
            if message is None or message[0] == "exit":
                # The parent is gone or done: nothing is left to report to.
                os._exit(0)
            if message[0] == "cancel":
                event = cancels.get(message[1])
                if event is not None:
                    event.set()
            elif message[0] == "run":
                _, run_id, sources, device, lay_out = message
                cancels[run_id] = threading.Event()
                jobs.put((run_id, sources, device, lay_out))

    threading.Thread(target=read_commands, name="commands", daemon=True).start()
    threading.Thread(target=outbox.flush_forever, name="output", daemon=True).start()
    outbox.send(("ready", os.getpid()))
    while True:
        try:
            run_id, sources, device, lay_out = jobs.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            if not frozen and not warm_up.is_alive():
                # A full collection with torch loaded takes over 100 ms. Freezing
                # what the imports left leaves later collections only the runs' objects.
                gc.collect()
                gc.freeze()
                frozen = True
            continue
        layout = _ChildLayout(layout_engine) if lay_out and layout_engine is not None else None

        def drawable(graph, layout=layout, lay_out=lay_out) -> None:
            # The layout starts now and runs while the rest of the report is built and sent.
            if layout is not None:
                layout.start(graph.dot_source)
                outbox.send(("laying_out",))
            elif lay_out:
                outbox.send(("dot", graph.dot_source))

        try:
            runner = ProgramRunner(device, on_output=outbox.print, with_layout=False, on_drawable=drawable)
            report = runner.run([ProgramSource(text, filename) for text, filename in sources], cancel=cancels[run_id])
            del runner
            outbox.flush_output()
            outbox.send(("report", report))
            del report
            if layout is not None and layout.started:
                outbox.send(layout.frame())
        except Exception as error:  # noqa: BLE001 - reported to the parent, which shows it
            log.exception("Program run %d failed unexpectedly", run_id)
            outbox.flush_output()
            outbox.send(("failed", Text("RunnerProcess", "{error}", {"error": f"{type(error).__name__}: {error}"})))
        finally:
            cancels.pop(run_id, None)
        # The interpreter's objects form reference cycles, so a run's tensors
        # are freed only by the cycle collector. Free them now, while idle.
        gc.collect()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _child_main()
