"""A window with the autograd graph of one training step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from explorer.ui.graph_view import GraphView


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
