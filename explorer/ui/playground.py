"""The Playground tab: edit a program, run it on the chosen device, see output, tensors and graph."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.examples import DEFAULT_EXAMPLE, EXAMPLES
from explorer.ui.code_editor import CodeEditor
from explorer.ui.graph_view import GraphView
from explorer.ui.tensor_table import TensorTable
from explorer.ui.workers import OutputBuffer, ProgramWorker

log = logging.getLogger(__name__)

# The console drains the program's output at about 30 Hz.
OUTPUT_INTERVAL_MS = 33

WARNING_COLOR = QColor("#b35900")
ERROR_COLOR = QColor("#c00000")
HINT_COLOR = QColor("#1f5fa8")


class Console(QPlainTextEdit):
    """Read-only output of the program, its warnings and its error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setMaximumBlockCount(20000)

    def append_text(self, text: str, color: QColor | None = None) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        text_format = QTextCharFormat()
        if color is not None:
            text_format.setForeground(color)
        cursor.insertText(text, text_format)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


class PlaygroundTab(QWidget):
    """Editor, console, tensor table and graph. Programs run in a ProgramWorker thread."""

    run_started = Signal()
    run_finished = Signal(object)
    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._device = "cpu"
        self._worker: ProgramWorker | None = None
        self._output = OutputBuffer()
        self._last_report = None

        self.editor = CodeEditor(self)
        self.editor.setPlainText(DEFAULT_EXAMPLE.source())
        self.editor.run_requested.connect(self.run_program)

        self.examples = QComboBox(self)
        self.examples.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.examples.activated.connect(self._on_examples_activated)
        self.run_button = QPushButton(self)
        self.run_button.clicked.connect(self.run_program)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_program)
        self._examples_label = QLabel(self)

        self.console = Console(self)
        self.tensor_table = TensorTable(self)
        self.graph_view = GraphView(self)

        self._output_timer = QTimer(self)
        self._output_timer.setInterval(OUTPUT_INTERVAL_MS)
        self._output_timer.timeout.connect(self._on_output_timer_timeout)

        self._build_layout()
        self.retranslate()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        buttons.addSpacing(12)
        buttons.addWidget(self._examples_label)
        buttons.addWidget(self.examples, 1)

        editor_panel = QWidget(self)
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.editor, 1)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(editor_panel)
        left.addWidget(self.console)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.results = QTabWidget(self)
        self.results.addTab(self.graph_view, "")
        self.results.addTab(self.tensor_table, "")

        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(left)
        main.addWidget(self.results)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(main)

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the program (Ctrl+Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self._examples_label.setText(self.tr("Examples:"))
        current = self.examples.currentIndex()
        self.examples.clear()
        for example in EXAMPLES:
            self.examples.addItem(example.title.localized())
        self.examples.setCurrentIndex(max(current, 0))
        self.results.setTabText(0, self.tr("Graph"))
        self.results.setTabText(1, self.tr("Tensors"))
        self.graph_view.retranslate()
        self.tensor_table.retranslate()

    def set_device(self, device: str) -> None:
        self._device = device

    def is_running(self) -> bool:
        return self._worker is not None

    @Slot(int)
    def _on_examples_activated(self, index: int) -> None:
        if 0 <= index < len(EXAMPLES):
            self.editor.setPlainText(EXAMPLES[index].source())
            self.editor.clear_error()

    @Slot()
    def run_program(self) -> None:
        if self._worker is not None:
            return
        from explorer.runner import ProgramSource

        self.console.clear()
        self.editor.clear_error()
        self._output.drain()
        source = ProgramSource(self.editor.toPlainText(), "<playground>")
        worker = ProgramWorker([source], self._device, self._output, self)
        worker.run_finished.connect(self._on_worker_run_finished)
        worker.run_failed.connect(self._on_worker_run_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._output_timer.start()
        self.status_changed.emit(self.tr("Running on {device}…").format(device=self._device))
        self.run_started.emit()
        worker.start()

    @Slot()
    def stop_program(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status_changed.emit(self.tr("Stopping…"))

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel a running program and wait for its thread (for the window's closeEvent)."""
        worker = self._worker
        if worker is not None:
            worker.cancel()
            worker.wait(timeout_ms)

    @Slot()
    def _on_output_timer_timeout(self) -> None:
        text = self._output.drain()
        if text:
            self.console.append_text(text)

    @Slot(object)
    def _on_worker_run_finished(self, report) -> None:
        self._on_output_timer_timeout()
        self._last_report = report
        for warning in report.warnings:
            self.console.append_text(
                f"{warning.filename}:{warning.line}: {warning.category}: {warning.localized()}\n",
                WARNING_COLOR,
            )
            if warning.hint is not None:
                self.console.append_text(
                    self.tr("Hint: {hint}").format(hint=warning.hint.localized()) + "\n", HINT_COLOR
                )
        if report.cancelled:
            self.console.append_text(self.tr("Stopped.") + "\n", ERROR_COLOR)
        elif report.error is not None:
            self._show_error(report.error)
        self.tensor_table.show_tensors(report.tensors)
        self.graph_view.show_report(report)
        self.status_changed.emit(self._status_text(report))
        self.run_finished.emit(report)

    def _show_error(self, error) -> None:
        self.editor.mark_error(error.line, error.column, error.end_line, error.end_column)
        location = self.tr("line {line}, column {column}").format(line=error.line, column=error.column)
        self.console.append_text(f"{error.kind} ({location}): {error.message.localized()}\n", ERROR_COLOR)
        if error.hint is not None:
            self.console.append_text(self.tr("Hint: {hint}").format(hint=error.hint.localized()) + "\n", HINT_COLOR)

    def _status_text(self, report) -> str:
        if report.cancelled:
            return self.tr("Stopped.")
        if report.error is not None:
            return self.tr("{kind} on line {line}.").format(kind=report.error.kind, line=report.error.line)
        return self.tr("Ran in {seconds:.2f} s on {device}.").format(seconds=report.seconds, device=report.device)

    @Slot(str)
    def _on_worker_run_failed(self, message: str) -> None:
        self._on_output_timer_timeout()
        self.console.append_text(self.tr("Internal error: {message}").format(message=message) + "\n", ERROR_COLOR)
        self.status_changed.emit(self.tr("The run failed. See the console."))

    @Slot()
    def _on_worker_finished(self) -> None:
        self._output_timer.stop()
        worker = self._worker
        self._worker = None
        if worker is not None:
            worker.deleteLater()
        self.run_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    @property
    def last_report(self):
        return self._last_report
