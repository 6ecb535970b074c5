"""The Playground tab: edit a program, run it on the chosen device, see output, tensors and graph."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.examples import DEFAULT_EXAMPLE, EXAMPLES, example_by_key
from explorer.ui.code_editor import CodeEditor
from explorer.ui.tensor_table import TensorTable
from explorer.ui.workers import OutputBuffer, ProgramWorker, detach_running_thread

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
    """Editor, console, tensor table and graph. Programs run in a ProgramWorker thread.

    The tab is built before torch is imported: Run stays disabled until
    `set_torch_ready()`, and the graph view (whose module imports torch) is
    added by `attach_graph_view()` once the window's loader has imported it.
    """

    run_started = Signal()
    run_finished = Signal(object)
    status_changed = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._device = "cpu"
        self._worker: ProgramWorker | None = None
        self._output = OutputBuffer()
        self._last_report = None
        # Whether the running program's results are shown while its graph is laid out.
        self._results_shown = False
        self._torch_ready = False
        self._status_builder: Callable[[], str] | None = None
        self._example_key: str | None = DEFAULT_EXAMPLE.key

        self.editor = CodeEditor(self)
        self.editor.setPlainText(DEFAULT_EXAMPLE.source())
        self.editor.document().setModified(False)
        self.editor.run_requested.connect(self.run_program)

        self.examples = QComboBox(self)
        # Wide enough to tell the examples apart; the popup shows whole titles.
        self.examples.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.examples.setMinimumContentsLength(18)
        self.examples.activated.connect(self._on_examples_activated)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("example_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet(
            "QLabel#example_explanation { background: #eef4fb; border: 1px solid #c5d7ee; padding: 6px; }"
        )
        self.run_button = QPushButton(self)
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run_program)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_program)
        self._examples_label = QLabel(self)

        self.console = Console(self)
        self.tensor_table = TensorTable(self)
        self.graph_view = None  # GraphView, once attach_graph_view() ran
        self._graph_placeholder = QLabel(self)
        self._graph_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

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
        editor_layout.addWidget(self.explanation)
        editor_layout.addWidget(self.editor, 1)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(editor_panel)
        left.addWidget(self.console)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.results = QTabWidget(self)
        self.results.addTab(self._graph_placeholder, "")
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
        self.editor.setPlaceholderText(self.tr("Type a PyTorch program here, or choose an example, then press Run."))
        self.console.setPlaceholderText(self.tr("The program's output, warnings and errors appear here."))
        if self._graph_placeholder is not None:
            self._graph_placeholder.setText(self.tr("Loading torch…"))
        self._fill_examples()
        self._show_explanation()
        self.results.setTabText(0, self.tr("Graph"))
        self.results.setTabText(1, self.tr("Tensors"))
        if self.graph_view is not None:
            self.graph_view.retranslate()
        self.tensor_table.retranslate()

    def _fill_examples(self) -> None:
        self.examples.blockSignals(True)
        self.examples.clear()
        group = None
        for example in EXAMPLES:
            if example.group != group:
                if group is not None:
                    self.examples.insertSeparator(self.examples.count())
                group = example.group
            self.examples.addItem(example.title.localized(), example.key)
        index = self.examples.findData(self._example_key) if self._example_key else -1
        self.examples.setCurrentIndex(index)
        self.examples.blockSignals(False)

    def _show_explanation(self) -> None:
        example = example_by_key(self._example_key) if self._example_key else None
        if example is None:
            self.explanation.hide()
            return
        self.explanation.setText(example.explanation.localized())
        self.explanation.show()

    def set_device(self, device: str) -> None:
        self._device = device

    def set_torch_ready(self) -> None:
        """Enable Run: torch has been imported and programs can start."""
        self._torch_ready = True
        self.run_button.setEnabled(self._worker is None)

    @property
    def torch_ready(self) -> bool:
        return self._torch_ready

    def attach_graph_view(self) -> None:
        """Replace the graph placeholder with the GraphView (call after its module is imported)."""
        if self.graph_view is not None:
            return
        from explorer.ui.graph_view import GraphView

        self.graph_view = GraphView(self)
        index = self.results.indexOf(self._graph_placeholder)
        current = self.results.currentIndex()
        self.results.removeTab(index)
        self.results.insertTab(index, self.graph_view, self.tr("Graph"))
        self.results.setCurrentIndex(current)
        self._graph_placeholder.deleteLater()
        self._graph_placeholder = None
        if self._last_report is not None:
            self.graph_view.show_report(self._last_report)

    def is_running(self) -> bool:
        return self._worker is not None

    # Program text and examples

    @property
    def example_key(self) -> str | None:
        """Key of the example the program was loaded from, or None for a program of the user's own."""
        return self._example_key

    def program(self) -> str:
        return self.editor.toPlainText()

    def set_program(self, text: str, example_key: str | None = None) -> None:
        """Show `text` in the editor as an unmodified document, as after opening a session."""
        self.editor.setPlainText(text)
        self.editor.clear_error()
        self.editor.document().setModified(False)
        self._select_example(example_key if example_by_key(example_key or "") else None)

    def load_example(self, key: str) -> bool:
        """Put the example's program in the editor as an undoable edit; False for an unknown key."""
        example = example_by_key(key)
        if example is None:
            return False
        cursor = self.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(example.source())
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        self.editor.clear_error()
        self._select_example(key)
        return True

    def _select_example(self, key: str | None) -> None:
        self._example_key = key
        self.examples.blockSignals(True)
        self.examples.setCurrentIndex(self.examples.findData(key) if key else -1)
        self.examples.blockSignals(False)
        self._show_explanation()

    @Slot()
    def _on_editor_text_changed(self) -> None:
        # Once the text is no longer the example's, its title and explanation
        # would describe a program that is not in the editor.
        example = example_by_key(self._example_key) if self._example_key else None
        if example is not None and self.editor.toPlainText() != example.source():
            self._select_example(None)

    @Slot(int)
    def _on_examples_activated(self, index: int) -> None:
        key = self.examples.itemData(index)
        if isinstance(key, str):
            self.load_example(key)

    @Slot()
    def run_program(self) -> None:
        if self._worker is not None or not self._torch_ready:
            return
        from explorer.runner import ProgramSource

        self.console.clear()
        self.editor.clear_error()
        self._output.drain()
        self._results_shown = False
        source = ProgramSource(self.editor.toPlainText(), "<playground>")
        worker = ProgramWorker([source], self._device, self._output, self)
        worker.results_ready.connect(self._on_worker_results_ready)
        worker.run_finished.connect(self._on_worker_run_finished)
        worker.run_failed.connect(self._on_worker_run_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._output_timer.start()
        device = self._device
        self._set_status(lambda: self.tr("Running on {device}…").format(device=device))
        self.run_started.emit()
        self.running_changed.emit(True)
        worker.start()

    @Slot()
    def stop_program(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._set_status(lambda: self.tr("Stopping…"))

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel a running program and wait for its thread (for the window's closeEvent)."""
        worker = self._worker
        if worker is not None:
            worker.cancel()
            if not worker.wait(timeout_ms):
                log.warning("The program was still running %d ms after Stop; closing without it", timeout_ms)
                detach_running_thread(worker)

    @Slot()
    def _on_output_timer_timeout(self) -> None:
        text = self._output.drain()
        if text:
            self.console.append_text(text)

    @Slot(object)
    def _on_worker_results_ready(self, report) -> None:
        """Show a finished program's results while Graphviz still lays out its graph."""
        self._show_or_fail(self._show_early_results, report)

    def _show_or_fail(self, show: Callable[[object], None], report) -> None:
        try:
            show(report)
        except Exception as error:  # noqa: BLE001 - a malformed report is shown as a failed run
            log.exception("Showing a program's report failed")
            self._on_worker_run_failed(f"{type(error).__name__}: {error}")

    def _show_early_results(self, report) -> None:
        self._show_results(report)
        self._results_shown = True
        if self.graph_view is not None and report.graph is not None:
            self.graph_view.show_laying_out(report.graph.node_count)
        device, seconds = report.device, report.seconds
        self._set_status(
            lambda: self.tr("Ran in {seconds:.2f} s on {device}. Laying out the graph…").format(
                seconds=seconds, device=device
            )
        )

    @Slot(object)
    def _on_worker_run_finished(self, report) -> None:
        self._show_or_fail(self._show_finished_run, report)

    def _show_finished_run(self, report) -> None:
        if not self._results_shown:
            self._show_results(report)
        self._last_report = report
        if self.graph_view is not None:
            self.graph_view.show_report(report)
        self._set_status(lambda: self._status_text(report))
        self.run_finished.emit(report)

    def _show_results(self, report) -> None:
        """Show the console's warnings and error and the tensor table of a finished program."""
        self._on_output_timer_timeout()
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

    def _show_error(self, error) -> None:
        self.editor.mark_error(error.line, error.column, error.end_line, error.end_column)
        location = self.tr("line {line}, column {column}").format(line=error.line, column=error.column)
        self.console.append_text(f"{error.kind} ({location}): {error.message.localized()}\n", ERROR_COLOR)
        if error.hint is not None:
            self.console.append_text(self.tr("Hint: {hint}").format(hint=error.hint.localized()) + "\n", HINT_COLOR)

    def _set_status(self, build: Callable[[], str]) -> None:
        # Kept as a function so that status_text() follows a language change.
        self._status_builder = build
        self.status_changed.emit(build())

    def status_text(self) -> str:
        """Return the latest status line in the current language, or "" before any run."""
        return self._status_builder() if self._status_builder is not None else ""

    def _status_text(self, report) -> str:
        if report.cancelled:
            return self.tr("Stopped.")
        if report.error is not None:
            return self.tr("{kind} on line {line}.").format(kind=report.error.kind, line=report.error.line)
        if report.graph is not None and report.layout is None and report.layout_error is not None:
            return self.tr("Ran in {seconds:.2f} s on {device}. The graph was not drawn; the Graph tab says why.").format(
                seconds=report.seconds, device=report.device
            )
        return self.tr("Ran in {seconds:.2f} s on {device}.").format(seconds=report.seconds, device=report.device)

    @Slot(str)
    def _on_worker_run_failed(self, message: str) -> None:
        self._on_output_timer_timeout()
        if self.graph_view is not None:
            self.graph_view.stop_laying_out()
        self.console.append_text(self.tr("Internal error: {message}").format(message=message) + "\n", ERROR_COLOR)
        self._set_status(lambda: self.tr("The run failed. See the console."))

    @Slot()
    def _on_worker_finished(self) -> None:
        self._output_timer.stop()
        worker = self._worker
        self._worker = None
        if worker is not None:
            worker.deleteLater()
        self.run_button.setEnabled(self._torch_ready)
        self.stop_button.setEnabled(False)
        self.running_changed.emit(False)

    @property
    def last_report(self):
        return self._last_report
