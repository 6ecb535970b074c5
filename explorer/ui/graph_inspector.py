"""The side panel of the graph view: everything known about the clicked node.

It reads only the plain data of `explorer.autograd.GraphSnapshot`, so it can
describe saved tensors after backward() freed them: the recorder copied
them right before backward() ran.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.numbers import format_number
from explorer.autograd.model import FUNCTION, LEAF, NONLEAF, OUTPUT, SAVED
from explorer.autograd.snapshot import TRUNCATION_MARKER

NODE_SCHEME = "node"


def format_full_value(value: object) -> str:
    """Format a snapshot value with one row per line, as `print(tensor)` lays out a matrix."""
    if value is None:
        return "None"
    if not isinstance(value, list):
        return format_number(value) if value != TRUNCATION_MARKER else "..."
    lines: list[str] = []
    # Iterative: each stack entry is (remaining items, depth).
    stack: list[tuple[list, int]] = [(list(reversed(value)), 0)]
    row: list[str] = []
    lines.append("[")
    while stack:
        items, depth = stack[-1]
        if not items:
            stack.pop()
            if row:
                lines.append("  " * (depth + 1) + ", ".join(row))
                row = []
            lines.append("  " * depth + "]")
            continue
        item = items.pop()
        if isinstance(item, list):
            if row:
                lines.append("  " * (depth + 1) + ", ".join(row))
                row = []
            lines.append("  " * (depth + 1) + "[")
            stack.append((list(reversed(item)), depth + 1))
        else:
            row.append("..." if item == TRUNCATION_MARKER else format_number(item))
    return "\n".join(lines)


def _short(snapshot) -> str:
    if snapshot is None:
        return "None"
    return format_full_value(snapshot.value).replace("\n", " ")


class InspectorPanel(QTextBrowser):
    """Read-only description of one node; links to other nodes emit `node_requested`."""

    node_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self._graph = None
        self._node_ids: list[str] = []
        self._node_id: str | None = None
        self.show_nothing()

    @property
    def node_id(self) -> str | None:
        return self._node_id

    def set_graph(self, graph) -> None:
        self._graph = graph
        self._node_ids = [] if graph is None else list(graph.nodes)
        self._node_id = None
        self.show_nothing()

    def show_nothing(self) -> None:
        self._node_id = None
        self.setHtml(
            "<p>" + html.escape(self.tr("Click a node to inspect it. Hover a node to highlight the paths through it.")) + "</p>"
        )

    def retranslate(self) -> None:
        if self._node_id is None:
            self.show_nothing()
        else:
            self.show_node(self._node_id)

    def show_node(self, node_id: str, step=None) -> None:
        """Describe `node_id`; with a backward `step` of that node, also the gradients it received and sent."""
        graph = self._graph
        if graph is None or node_id not in graph.nodes:
            self.show_nothing()
            return
        self._node_id = node_id
        info = graph.nodes[node_id]
        body = ""
        if step is not None:
            body = self._step_html(step)
        if info.kind == FUNCTION:
            body += self._function_html(graph, info)
        else:
            body += self._tensor_html(graph, info)
        self.setHtml(body)

    def _step_html(self, step) -> str:
        parts = ["<p><b>" + html.escape(self.tr("Running now in backward()")) + "</b></p><ul>"]
        for index, grad in enumerate(step.grad_outputs):
            parts.append(f"<li>grad_outputs[{index}] = <code>{html.escape(_short(grad))}</code></li>")
        for index, grad in enumerate(step.grad_inputs):
            edge = step.edges[index] if index < len(step.edges) else None
            target = "" if edge is None else " → " + self._link(edge[0])
            parts.append(f"<li>grad_inputs[{index}] = <code>{html.escape(_short(grad))}</code>{target}</li>")
        if step.leaf_id is not None:
            parts.append(
                f"<li>{self._link(step.leaf_id)}.grad = <code>{html.escape(_short(step.leaf_grad))}</code></li>"
            )
        parts.append("</ul><hr>")
        return "".join(parts)

    # Tensor nodes

    def _kind_text(self, kind: str) -> str:
        texts = {
            LEAF: self.tr("leaf tensor"),
            NONLEAF: self.tr("non-leaf tensor"),
            OUTPUT: self.tr("output (root)"),
            SAVED: self.tr("tensor saved for backward"),
            FUNCTION: self.tr("backward function (grad_fn)"),
        }
        return texts.get(kind, kind)

    def _tensor_html(self, graph, info) -> str:
        snapshot = info.tensor
        parts = [f"<h3>{html.escape(info.title)}</h3>", f"<p><i>{html.escape(self._kind_text(info.kind))}</i></p>"]
        freed = info.kind == SAVED and graph.backward is not None
        if freed:
            parts.append(
                "<p style='color:#b35900'>"
                + html.escape(self.tr("Freed by backward(). The value below was copied right before backward() ran."))
                + "</p>"
            )
        rows = [
            ("shape", "(" + ", ".join(str(size) for size in snapshot.shape) + ")"),
            ("dtype", snapshot.dtype),
            ("device", snapshot.device),
            ("requires_grad", str(snapshot.requires_grad)),
            ("is_leaf", str(snapshot.is_leaf)),
            ("retains_grad", str(snapshot.retains_grad)),
            ("grad_fn", "None" if snapshot.grad_fn is None else f"<{snapshot.grad_fn}>"),
            ("_version", "None" if snapshot.version is None else str(snapshot.version)),
        ]
        parts.append(self._table(rows))
        parts.append(f"<p><b>data</b></p>{self._pre(format_full_value(snapshot.value), snapshot.value_truncated)}")
        if snapshot.value is None and snapshot.numel:
            parts.append("<p>" + html.escape(self.tr("No value: the tensor changed in place after it was captured.")) + "</p>")
        parts.append(f"<p><b>grad</b></p>{self._pre(format_full_value(snapshot.grad), snapshot.grad_truncated)}")
        if info.saved_by:
            links = ", ".join(
                f"{self._link(function_id)}.{html.escape(attribute)}" for function_id, attribute in info.saved_by
            )
            parts.append("<p><b>" + html.escape(self.tr("Saved by:")) + f"</b> {links}</p>")
        parts.extend(self._notes(info))
        return "".join(parts)

    def _pre(self, text: str, truncated: bool) -> str:
        body = f"<pre>{html.escape(text)}</pre>"
        if truncated:
            body += "<p><i>" + html.escape(self.tr("Only the first elements are shown.")) + "</i></p>"
        return body

    # Function nodes

    def _function_html(self, graph, info) -> str:
        parts = [f"<h3>{html.escape(info.title)}</h3>", f"<p><i>{html.escape(self._kind_text(FUNCTION))}</i></p>"]
        parts.append("<p><b>" + html.escape(self.tr("Attributes")) + "</b></p>")
        if info.attributes:
            parts.append(self._table([(name, repr(value)) for name, value in info.attributes.items()]))
        else:
            parts.append("<p>" + html.escape(self.tr("none")) + "</p>")

        parts.append("<p><b>" + html.escape(self.tr("Saved tensors")) + "</b></p>")
        if info.saved_tensors:
            freed = graph.backward is not None
            rows = []
            for attribute, tensor_id in info.saved_tensors.items():
                tensor = graph.nodes[tensor_id].tensor
                value = html.escape(format_full_value(tensor.value)) if tensor is not None else ""
                note = " (" + html.escape(self.tr("freed by backward(), copied before")) + ")" if freed else ""
                rows.append((f"_saved_{attribute}", f"{self._link(tensor_id)}: <code>{value}</code>{note}"))
            parts.append(self._table(rows, escape=False))
        else:
            parts.append("<p>" + html.escape(self.tr("none")) + "</p>")

        leaves = [tail for tail, head, _attributes in graph.edges if head == info.id and graph.nodes[tail].kind == LEAF]
        if info.name == "AccumulateGrad" and leaves:
            parts.append(f"<p><b>variable</b>: {self._link(leaves[0])}</p>")

        parts.append("<p><b>next_functions</b></p>")
        if info.next_functions:
            items = []
            for index, next_id in enumerate(info.next_functions):
                target = "None" if next_id is None else self._link(next_id)
                items.append(f"<li>[{index}] {target}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        else:
            parts.append("<p>()</p>")
        parts.extend(self._notes(info))
        return "".join(parts)

    # Gradient check

    def show_gradcheck(self, report) -> None:
        """Describe an `explorer.autograd.gradcheck.GradcheckReport`."""
        self._node_id = None
        parts = ["<h3>" + html.escape(self.tr("Gradient check")) + "</h3>"]
        parts.append(
            "<p>"
            + html.escape(
                self.tr(
                    "autograd's gradient of the backward() root against a central finite difference "
                    "(f(x+h) - f(x-h)) / 2h, in float64 on the CPU, from fresh runs of the program."
                )
            )
            + "</p>"
        )
        if report.problem is not None:
            parts.append(f"<p style='color:#b35900'>{html.escape(report.problem.localized())}</p>")
            self.setHtml("".join(parts))
            return
        verdict = self.tr("passed") if report.passed else self.tr("failed")
        colour = "#2ca02c" if report.passed else "#c00000"
        parts.append(f"<p><b style='color:{colour}'>{html.escape(verdict)}</b></p>")
        for leaf in report.leaves:
            leaf_verdict = self.tr("passed") if leaf.passed else self.tr("failed")
            rows = [
                ("shape", "(" + ", ".join(str(size) for size in leaf.shape) + ")"),
                (self.tr("elements checked"), str(leaf.checked)),
                (self.tr("max absolute error"), f"{leaf.max_abs_error:.3g}"),
                (self.tr("max relative error"), f"{leaf.max_rel_error:.3g}"),
                ("autograd", ", ".join(format_number(value) for value in leaf.analytic)),
                (self.tr("finite difference"), ", ".join(format_number(value) for value in leaf.numeric)),
            ]
            parts.append(f"<p><b>{html.escape(leaf.name)}</b>: {html.escape(leaf_verdict)}</p>")
            parts.append(self._table(rows))
            if leaf.explanation is not None:
                parts.append(f"<p style='color:#b35900'>{html.escape(leaf.explanation.localized())}</p>")
        for note in report.notes:
            parts.append(f"<p><i>{html.escape(note.localized())}</i></p>")
        self.setHtml("".join(parts))

    # Pieces

    def _link(self, node_id: str) -> str:
        graph = self._graph
        info = graph.nodes.get(node_id) if graph is not None else None
        title = node_id if info is None else info.title
        # Node ids may contain "#" and ":", so links carry the node's position instead.
        index = self._node_ids.index(node_id) if node_id in self._node_ids else -1
        return f"<a href='{NODE_SCHEME}:{index}'>{html.escape(title)}</a>"

    def _notes(self, info) -> list[str]:
        return [f"<p style='color:#b35900'>{html.escape(note.localized())}</p>" for note in info.notes]

    def _table(self, rows: list[tuple[str, str]], escape: bool = True) -> str:
        cells = []
        for name, value in rows:
            shown = html.escape(value) if escape else value
            cells.append(f"<tr><td><b>{html.escape(name)}</b></td><td><code>{shown}</code></td></tr>")
        return "<table cellspacing='2'>" + "".join(cells) + "</table>"

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != NODE_SCHEME:
            return
        try:
            index = int(url.path())
        except ValueError:
            return
        if 0 <= index < len(self._node_ids):
            self.node_requested.emit(self._node_ids[index])
