"""Run a playground program and collect everything the views show, as plain data.

`ProgramRunner` ties the language session, the graph recorder and the layout
together. It is Qt-free and blocking: the GUI calls it in a child process
(`explorer.runner_process`), the command line calls it directly. Its result
(`ProgramReport`) contains no live tensors, so it can cross threads and
processes and outlive the program's objects.
"""

from __future__ import annotations

import copy
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import torch

from explorer.autograd import GraphRecorder, GraphSnapshot, TensorSnapshot, snapshot_tensor
from explorer.autograd.decorate import MAX_DRAWN_NODES
from explorer.i18n import Text
from explorer.language import ProgramError, ProgramWarning, RunHooks, Session
from explorer.layout import GraphLayout, LayoutError, layout_dot
from explorer.layout import messages as layout_messages

# How often a run waiting for its layout checks for Stop.
CANCEL_POLL_SECONDS = 0.01


@dataclass(frozen=True)
class ErrorReport:
    """A program's error with its position, detached from the exception object."""

    kind: str
    message: Text
    line: int
    column: int
    end_line: int
    end_column: int
    hint: Text | None
    filename: str

    @classmethod
    def from_error(cls, error: ProgramError, filename: str) -> ErrorReport:
        return cls(
            kind=error.kind,
            message=error.message,
            line=error.line,
            column=error.column,
            end_line=error.end_line,
            end_column=error.end_column,
            hint=error.hint,
            filename=filename,
        )

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "message": str(self.message),
            "line": self.line,
            "column": self.column,
            "hint": None if self.hint is None else str(self.hint),
        }


@dataclass(frozen=True)
class WarningReport:
    """A warning raised while the program ran, at the line that raised it."""

    line: int
    message: str
    category: str
    filename: str
    text: Text | None = None
    hint: Text | None = None

    def localized(self) -> str:
        return self.message if self.text is None else self.text.localized()

    def to_json(self) -> dict:
        return {"line": self.line, "message": self.message, "category": self.category, "file": self.filename}


@dataclass(frozen=True)
class ProgramSource:
    """One cell of a program: its text and the name shown in messages."""

    text: str
    filename: str = "<program>"


@dataclass
class ProgramReport:
    """Everything one run produced, as plain data."""

    output: str = ""
    error: ErrorReport | None = None
    warnings: list[WarningReport] = field(default_factory=list)
    tensors: dict[str, TensorSnapshot] = field(default_factory=dict)
    graph: GraphSnapshot | None = None
    layout: GraphLayout | None = None
    layout_error: Text | None = None
    cancelled: bool = False
    device: str = "cpu"
    seconds: float = 0.0
    sources: tuple[ProgramSource, ...] = ()
    process_id: int = field(default_factory=os.getpid)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled

    def to_json(self) -> dict:
        graph = self.graph
        return {
            "ok": self.ok,
            "output": self.output,
            "tensors": {name: snapshot.to_json() for name, snapshot in self.tensors.items()},
            "warnings": [warning.to_json() for warning in self.warnings],
            "error": None if self.error is None else self.error.to_json(),
            "graph": {
                "root": None if graph is None else graph.root_name,
                "nodes": 0 if graph is None else graph.node_count,
                "edges": 0 if graph is None else graph.edge_count,
            },
        }


class _RootCandidates:
    """The graph root over all cells: the last backward() in any cell, else the last grad_fn tensor."""

    def __init__(self) -> None:
        self.backward_root = None
        self.backward_root_name: str | None = None
        self.last_grad_fn_name: str | None = None

    def update(self, result) -> None:
        if result.backward_root is not None:
            self.backward_root = result.backward_root
            self.backward_root_name = result.backward_root_name
        if result.last_grad_fn_name is not None:
            self.last_grad_fn_name = result.last_grad_fn_name


class ProgramRunner:
    """Runs sources in one namespace, like notebook cells, and reports the result.

    Blocking; call it from a worker thread in the GUI. `on_output` receives the
    program's printed text as it is printed, in the running thread.
    """

    def __init__(
        self,
        device: str = "cpu",
        *,
        on_output: Callable[[str], None] | None = None,
        with_layout: bool = True,
        layout_timeout: float = 30.0,
        graph_root: str | None = None,
        on_drawable: Callable[[GraphSnapshot], None] | None = None,
        on_report: Callable[[ProgramReport], None] | None = None,
    ) -> None:
        """`on_drawable` is called in the running thread with the graph and its DOT
        as soon as they exist, before the backward trace and the tensor
        snapshots are taken, so that the layout can start meanwhile. For
        cancelled runs and graphs above MAX_DRAWN_NODES it is not called, and
        the runner lays out nothing. When the report is complete but for a
        layout still running, `on_report` gets a copy of it first.
        """
        self.device = device
        self._on_drawable = on_drawable
        self._on_report = on_report
        self._graph_root = graph_root
        self._recorder = GraphRecorder()
        self._with_layout = with_layout
        self._layout_timeout = layout_timeout
        hooks = RunHooks(before_backward=self._recorder.before_backward, on_output=on_output)
        self._session = Session(device=device, hooks=hooks)

    def run(
        self,
        sources: Sequence[ProgramSource],
        cancel: threading.Event | None = None,
    ) -> ProgramReport:
        started = time.perf_counter()
        report = ProgramReport(device=self.device, sources=tuple(sources))
        outputs: list[str] = []
        result = None
        roots = _RootCandidates()
        for source in sources:
            result = self._session.run(source.text, filename=source.filename, cancel=cancel)
            roots.update(result)
            outputs.append(result.output)
            report.warnings.extend(_warning_reports(result.warnings, source.filename))
            if result.cancelled:
                report.cancelled = True
            if result.error is not None:
                report.error = ErrorReport.from_error(result.error, source.filename)
            if result.cancelled or result.error is not None:
                break
        report.output = "".join(outputs)
        layout = None
        if result is not None:
            # The graph first: its layout can run while the tensors are copied.
            layout = self._collect_graph(report, result.names, roots, cancel)
            self._collect_tensors(report, result.names)
            if report.cancelled and report.graph is not None:
                report.layout_error = layout_messages.layout_stopped()
        # The program's time, without the wait for its layout.
        report.seconds = time.perf_counter() - started
        if layout is not None:
            if layout.running and self._on_report is not None:
                self._on_report(copy.copy(report))
            layout.finish(report)
        return report

    def _collect_tensors(self, report: ProgramReport, names: dict[str, object]) -> None:
        for name, value in names.items():
            if isinstance(value, torch.Tensor):
                report.tensors[name] = snapshot_tensor(value)

    def _collect_graph(
        self,
        report: ProgramReport,
        names: dict[str, object],
        roots: _RootCandidates,
        cancel: threading.Event | None,
    ) -> PendingLayout | None:
        """Store the graph in `report`; return its layout, still running, when the runner lays out."""
        if self._graph_root is not None:
            root_name = self._graph_root
            root = names.get(root_name)
        elif roots.backward_root is not None:
            root, root_name = roots.backward_root, roots.backward_root_name
        elif roots.last_grad_fn_name is not None:
            root_name = roots.last_grad_fn_name
            root = names.get(root_name)
        else:
            root, root_name = None, None
        is_tensor_tuple = isinstance(root, tuple) and bool(root) and all(isinstance(item, torch.Tensor) for item in root)
        if not isinstance(root, torch.Tensor) and not is_tensor_tuple:
            return None
        layout = PendingLayout(self._layout_timeout, cancel) if self._with_layout else None

        def drawable(graph: GraphSnapshot) -> None:
            # Above the cap the view offers to collapse repeated chains and lays that out itself.
            # A stopped run keeps its graph, but Stop means no more work for it.
            if graph.node_count > MAX_DRAWN_NODES or report.cancelled:
                return
            if layout is not None:
                layout.start(graph.dot_source)
            if self._on_drawable is not None:
                self._on_drawable(graph)

        report.graph = self._recorder.build(names, root=root, root_name=root_name, on_drawable=drawable)
        return layout


class PendingLayout:
    """Lays out a graph's DOT in a thread while the caller goes on with other work.

    Setting `cancel` ends the wait in `finish` and stops the system dot.
    """

    def __init__(self, timeout: float, cancel: threading.Event | None = None) -> None:
        self._timeout = timeout
        self._cancel = cancel
        self._thread: threading.Thread | None = None
        self._result: tuple[GraphLayout | None, Text | None] = (None, None)

    def start(self, dot_source: str) -> None:
        def lay_out() -> None:
            self._result = lay_out_dot(dot_source, self._timeout, self._cancel)

        self._thread = threading.Thread(target=lay_out, name="report-layout", daemon=True)
        self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def finish(self, report: ProgramReport) -> None:
        """Wait for the layout, if one was started, and store it in `report`.

        When `cancel` is set first, the report gets no layout, and its
        `layout_error` is the "stopped" message. The system dot is killed,
        but the embedded Graphviz runs on to its timeout in the background.
        """
        if self._thread is None:
            return
        cancel = self._cancel
        while cancel is not None and self._thread.is_alive():
            if cancel.is_set():
                report.layout_error = layout_messages.layout_stopped()
                return
            self._thread.join(CANCEL_POLL_SECONDS)
        self._thread.join()
        report.layout, report.layout_error = self._result


def lay_out_dot(
    dot_source: str, timeout: float = 30.0, cancel: threading.Event | None = None
) -> tuple[GraphLayout | None, Text | None]:
    """Return (layout, None), or (None, the reason) when Graphviz failed."""
    try:
        return layout_dot(dot_source, timeout=timeout, cancel=cancel), None
    except LayoutError as error:
        return None, error.text


def _warning_reports(warnings: list[ProgramWarning], filename: str) -> list[WarningReport]:
    return [
        WarningReport(
            line=warning.line,
            message=warning.message,
            category=warning.category,
            filename=filename,
            text=warning.text,
            hint=warning.hint,
        )
        for warning in warnings
    ]
