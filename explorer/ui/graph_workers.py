"""A worker thread that re-decorates and lays out a graph, so the GUI thread never runs Graphviz."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class _WorkerKeeper(QObject):
    """Keeps started workers referenced until they finish, even if the view that started them is gone.

    Dropping the last reference to a running QThread aborts the process.
    The keeper lives in the GUI thread, so `finished` reaches it queued,
    after the thread has returned from run().
    """

    def __init__(self) -> None:
        super().__init__()
        self._workers: set[QThread] = set()

    def keep(self, worker: QThread) -> None:
        self._workers.add(worker)
        worker.finished.connect(self._on_worker_finished)

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if worker in self._workers:
            self._workers.discard(worker)
            worker.deleteLater()


_keeper: _WorkerKeeper | None = None


def keep_until_finished(worker: QThread) -> None:
    """Hold `worker` until its thread ends; call from the GUI thread before `worker.start()`."""
    global _keeper
    if _keeper is None:
        _keeper = _WorkerKeeper()
    _keeper.keep(worker)


class LayoutWorker(QThread):
    """Writes the DOT of a GraphSnapshot with drawing options and lays it out.

    Runs in its own thread and emits `layout_finished(request, layout)` or
    `layout_failed(request, message)`, where `request` is the number the
    caller gave, so it can drop results of requests it has replaced.
    """

    layout_finished = Signal(int, object)
    layout_failed = Signal(int, str)

    def __init__(self, request: int, graph, options, timeout: float, parent=None) -> None:
        super().__init__(parent)
        self.request = request
        self._graph = graph
        self._options = options
        self._timeout = timeout
        self.dot_source = ""
        self.representatives: dict[str, str] = {}

    def run(self) -> None:
        from explorer.autograd.decorate import chain_representatives, write_graph_dot
        from explorer.layout import LayoutError, layout_dot

        try:
            self.dot_source = write_graph_dot(self._graph, self._options)
            self.representatives = chain_representatives(self._graph, self._options)
            layout = layout_dot(self.dot_source, timeout=self._timeout)
        except LayoutError as error:
            self.layout_failed.emit(self.request, error.text.localized())
            return
        except Exception as error:  # noqa: BLE001 - shown in the view, then logged
            log.exception("Laying out the graph failed unexpectedly")
            self.layout_failed.emit(self.request, f"{type(error).__name__}: {error}")
            return
        self.layout_finished.emit(self.request, layout)


class GradcheckWorker(QThread):
    """Runs `explorer.autograd.gradcheck.check_gradients` on a program's sources.

    Runs in its own thread and emits `check_finished(report)` or
    `check_failed(message)`; `cancel()` may be called from any thread.
    """

    check_finished = Signal(object)
    check_failed = Signal(str)

    def __init__(self, sources, parent=None) -> None:
        super().__init__(parent)
        import threading

        self._sources = list(sources)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            from explorer.autograd.gradcheck import check_gradients

            report = check_gradients(self._sources, cancel=self._cancel)
        except Exception as error:  # noqa: BLE001 - shown in the view, then logged
            log.exception("The gradient check failed unexpectedly")
            self.check_failed.emit(f"{type(error).__name__}: {error}")
            return
        self.check_finished.emit(report)
