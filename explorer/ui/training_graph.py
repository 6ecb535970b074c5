"""The autograd graph of one training step: its window and the worker that builds it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.ui.graph_view import GraphView
from explorer.ui.training_worker import StepGraphWorker


class StepGraphWindow(QWidget):
    """A top-level window showing the graph of the cost of one step: mean, pow, sub, add, matmul.

    The leaves are the weights w1 and bias b1 with their .grad after backward().
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("step_graph_window")
        self.caption = QLabel(self, objectName="step_graph_caption")
        self.caption.setWordWrap(True)
        self.view = GraphView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self._epoch: int | None = None
        self.resize(900, 700)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Graph of a training step"))
        if self._epoch is None:
            self.caption.setText(self.tr("One step from the initial weights: "
                                         "cost = mean((y - (x @ w1 + b1)) ** 2), then backward()."))
        else:
            self.caption.setText(self.tr("One step from the weights after epoch {epoch:,}: "
                                         "cost = mean((y - (x @ w1 + b1)) ** 2), then backward().")
                                 .format(epoch=self._epoch))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_report(self, report, epoch: int | None) -> None:
        """Show a ProgramReport built by StepGraphWorker for the weights after `epoch`."""
        self._epoch = epoch
        self.retranslate()
        if report.graph is None and report.output:
            self.caption.setText(self.tr("The graph could not be built: {message}").format(message=report.output))
        self.view.show_report(report)


class StepGraphController(QObject):
    """Builds the graph of a step in a StepGraphWorker and shows it in a StepGraphWindow.

    One graph is built at a time: a request while one is being built is kept
    and served when it ends. Every method runs in the GUI thread.
    """

    graph_shown = Signal(object)  # ProgramReport of one step

    def __init__(self, window_parent: QWidget) -> None:
        super().__init__(window_parent)
        self._window_parent = window_parent
        self.window: StepGraphWindow | None = None
        self._worker: StepGraphWorker | None = None
        self._pending: tuple | None = None
        # The epoch whose weights the last requested graph starts from; -1 before any.
        self.requested_epoch = -1

    def request(self, config, latest) -> None:
        """Build the graph of one step of `config` from the weights of `latest` (a TrainingProgress or None)."""
        if self._worker is not None:
            self._pending = (config, latest)
            return
        weights = latest.weights if latest is not None else None
        bias = latest.bias if latest is not None else None
        self.requested_epoch = latest.epoch if latest is not None else 0
        self._worker = StepGraphWorker(config, weights, bias)
        self._worker.graph_ready.connect(self._on_worker_graph_ready)
        self._worker.start()

    def refresh_if_due(self, config, latest, every: int) -> None:
        """Request a new graph when the run passes a multiple of `every` epochs after the shown graph's epoch."""
        window = self.window
        if every <= 0 or window is None or not window.isVisible() or self._worker is not None:
            return
        if latest.epoch // every > self.requested_epoch // every:
            self.request(config, latest)

    def forget_epoch(self) -> None:
        """Treat the next run's first progress as due for a refresh."""
        self.requested_epoch = -1

    @Slot(object)
    def _on_worker_graph_ready(self, report) -> None:
        worker = self._worker
        self._worker = None
        if worker is None:
            return
        worker.wait()
        worker.deleteLater()
        if self.window is None:
            self.window = StepGraphWindow(self._window_parent)
        # Shown first, so that the graph view fits the graph to the window's final size.
        self.window.show()
        self.window.show_report(report, self.requested_epoch)
        self.graph_shown.emit(report)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.request(*pending)

    def shutdown(self, timeout_ms: int) -> QThread | None:
        """Wait for a graph being built and close the window; returns a worker that did not end."""
        worker = self._worker
        self._worker = None
        self._pending = None
        if self.window is not None:
            self.window.close()
        if worker is not None and not worker.wait(timeout_ms):
            return worker
        return None
