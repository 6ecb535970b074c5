"""Worker threads for program runs and device probing.

Each worker is a QThread whose `run()` does blocking, Qt-free work and hands
plain data back through signals, which Qt queues to the GUI thread. No worker
touches a widget.
"""

from __future__ import annotations

import gc
import logging
import threading

from PySide6.QtCore import QMutex, QMutexLocker, QThread, Signal

log = logging.getLogger(__name__)

# Laid out once at start-up, to start Graphviz before the first program needs it.
WARM_UP_GRAPH = "digraph { a -> b }"
# How long Graphviz may take to lay out a graph in the window.
LAYOUT_TIMEOUT_SECONDS = 30.0


# Threads whose owner closed while they were still running. They are kept
# here, parentless, so Qt never destroys a running QThread (which aborts the
# process), and the app waits for them after its event loop ends.
_detached_threads: set[QThread] = set()


def detach_running_thread(thread: QThread) -> None:
    """Keep a cancelled but still running `thread` alive after its parent widget goes."""
    if not thread.isRunning():
        return
    thread.setParent(None)
    _detached_threads.add(thread)
    thread.finished.connect(lambda: _detached_threads.discard(thread))
    # The thread may have ended between the first check and the connection,
    # in which case `finished` has already been emitted.
    if not thread.isRunning():
        _detached_threads.discard(thread)


def wait_for_detached_threads(timeout_ms: int = 60_000) -> bool:
    """Wait for detached threads to finish; returns False if one is still running."""
    finished = True
    for thread in list(_detached_threads):
        if not thread.wait(timeout_ms):
            log.error("A worker thread was still running %d ms after the window closed", timeout_ms)
            finished = False
    return finished


class OutputBuffer:
    """Text printed by a running program, filled in the worker and drained by a GUI timer.

    Batching here keeps a program that prints in a tight loop from flooding the
    event loop with one signal per line.
    """

    def __init__(self) -> None:
        self._mutex = QMutex()
        self._chunks: list[str] = []

    def append(self, text: str) -> None:
        with QMutexLocker(self._mutex):
            self._chunks.append(text)

    def drain(self) -> str:
        with QMutexLocker(self._mutex):
            text = "".join(self._chunks)
            self._chunks.clear()
        return text


class ProgramWorker(QThread):
    """Runs playground sources on a device and emits a ProgramReport.

    The program runs in the app's warm child process (see
    `explorer.runner_process`), and this thread waits for it and then lays
    the graph out. `cancel()` may be called from any thread: the program
    stops at its next evaluation step, or its process is killed if it is
    inside a long torch call. Until the child has imported torch (a few
    seconds after start), programs run in this thread instead.

    `results_ready` carries the report early when only its graph's layout
    is still running; `run_finished` follows with the layout.
    """

    run_finished = Signal(object)
    run_failed = Signal(str)
    results_ready = Signal(object)

    def __init__(self, sources, device: str, output: OutputBuffer, parent=None, process=None) -> None:
        super().__init__(parent)
        self._process = process
        self._sources = list(sources)
        self._device = device
        self._output = output
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            # Imported here so that the window can paint before torch loads.
            from explorer.runner import ProgramRunner
            from explorer.runner_process import RunnerProcessError, shared_runner_process

            process = self._process or shared_runner_process()
            # Only the first start-up runs programs in this thread. A process that
            # Stop replaced is waited for: there, Stop also ends a layout at once.
            if process.is_ready() or process.was_ready():
                report = process.run(
                    self._sources,
                    self._device,
                    on_output=self._output.append,
                    cancel=self._cancel,
                    layout_timeout=LAYOUT_TIMEOUT_SECONDS,
                    on_report=self.results_ready.emit,
                )
            else:
                # NOTE: in this thread, Stop takes effect between evaluation steps only,
                # and an embedded Graphviz layout runs on to its timeout after Stop.
                process.start()
                runner = ProgramRunner(
                    self._device,
                    on_output=self._output.append,
                    layout_timeout=LAYOUT_TIMEOUT_SECONDS,
                    on_report=self.results_ready.emit,
                )
                report = runner.run(self._sources, cancel=self._cancel)
        except RunnerProcessError as error:
            log.error("The program process failed: %s", error)
            self.run_failed.emit(error.text.localized())
            return
        except Exception as error:  # noqa: BLE001 - reported to the user, then logged
            log.exception("Program run failed unexpectedly")
            self.run_failed.emit(f"{type(error).__name__}: {error}")
            return
        self.run_finished.emit(report)


class DeviceProbeWorker(QThread):
    """Loads torch and the heavy modules off the GUI thread, in three steps.

    1. Import torch and collect the device report: `probe_finished(report)`.
       The window enables Run at this point.
    2. Import the modules that the graph view and the Training tab need
       (the program runner, pyqtgraph): `modules_loaded()`. Widgets that use
       them are then built in the GUI thread; importing a module creates no widget.
    3. Find the Graphviz backend for the About box: `backend_found(name)`,
       "" when none works. This may start `dot` or compile the embedded Graphviz.
       Then start the training process.
    """

    probe_finished = Signal(object)
    probe_failed = Signal(str)
    modules_loaded = Signal()
    backend_found = Signal(str)

    def run(self) -> None:
        try:
            from explorer.devices import device_report

            report = device_report()
        except Exception as error:  # noqa: BLE001 - shown in the Device tab, then logged
            log.exception("Device probe failed")
            self.probe_failed.emit(f"{type(error).__name__}: {error}")
            return
        self.probe_finished.emit(report)

        # Programs run in a child process, which imports torch while the user types.
        from explorer.runner_process import shared_runner_process

        try:
            shared_runner_process().start()
        except OSError:
            log.exception("Starting the program process failed")

        import explorer.runner  # noqa: F401
        import explorer.ui.graph_view  # noqa: F401
        import explorer.ui.training_tab  # noqa: F401

        self.modules_loaded.emit()
        if self.isInterruptionRequested():
            return  # the window is closing; the About box will not be shown

        # torch 2.13 imports torch._dynamo the first time an optimizer is
        # built, about a second on one core. Paying it here, after Run is
        # enabled, keeps it out of the first training run and the first
        # program that builds an optimizer.
        import torch

        torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        # The imports leave hundreds of thousands of objects that live as long as
        # the app. Freezing them keeps every later full collection from scanning them.
        gc.freeze()

        from explorer.layout import backend_name

        try:
            name = backend_name()
        except Exception:  # noqa: BLE001 - the About box then says "not found"
            log.exception("Looking up the Graphviz backend failed")
            name = ""
        self.backend_found.emit(name)
        if self.isInterruptionRequested():
            return
        if name:
            # A first layout starts the kept `dot` process (about 10 ms), so
            # that the first program's graph does not wait for it.
            from explorer.layout import LayoutError, layout_dot

            try:
                layout_dot(WARM_UP_GRAPH)
            except LayoutError:
                log.info("The warm-up layout failed", exc_info=True)

        # The Training tab trains in its own process. It starts last, so that it
        # does not slow down the program process that the first Run needs.
        from explorer.training_process import shared_training_process

        try:
            shared_training_process().start()
        except OSError:
            log.exception("Starting the training process failed")
