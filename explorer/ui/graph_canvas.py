"""The autograd graph drawn as Qt graphics items from a Graphviz layout.

Each node is one item that draws its outline and its label lines, and each
edge is one path item with its arrowhead as a child. So the view can zoom,
pan, hit-test, highlight paths and mark the backward replay. The layout
arrives as plain data (`explorer.layout.GraphLayout`, y pointing down, in
points) from a worker thread; this module only draws it, in the GUI thread.
A 3000-operation chain has about 6000 nodes, so creating an item costs only
a few Qt calls: pens, brushes and text widths are shared between items.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.gcpause import gc_paused

ZOOM_STEP = 1.25
MIN_SCALE = 0.02
MAX_SCALE = 20.0
FIT_MAX_SCALE = 1.6
SCENE_MARGIN = 12.0
# Label lines shorter than this many device pixels are not drawn: they are
# unreadable, and a zoomed-out view of a long chain would spend its paint
# time on them.
MIN_TEXT_PIXELS = 2.0
LABEL_PADDING = 4.0
# Text widths a canvas remembers; the 6003 labels of a chain of 3000 operations have 10 distinct lines.
MAX_CACHED_WIDTHS = 20_000

EDGE_COLOR = QColor("#444444")
TEXT_COLOR = QColor("#000000")
HOVER_COLOR = QColor("#1f77b4")
SEARCH_COLOR = QColor("#d62728")
RUNNING_COLOR = QColor("#9400d3")
GRADIENT_TEXT_COLOR = QColor("#9400d3")
DONE_COLOR = QColor("#2ca02c")

# The prefix of the gradient line in tensor labels, as `explorer.autograd.labels` writes it.
GRAD_PREFIX = "grad: "

# Looked up once: reading a PySide6 enum member costs about as much as a Qt call.
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_SELECTED_STATE = QStyle.StateFlag.State_Selected
# Edge line styles by kind: solid, dashed (saved for backward), dotted (view of a tensor).
SOLID, DASHED, DOTTED = 0, 1, 2
_PEN_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)


def _color(name: str | None, fallback: str = "white") -> QColor:
    color = QColor(name or fallback)
    return color if color.isValid() else QColor(fallback)


def graph_font() -> QFont:
    """Return the label font: fixed width and 10 scene units high, the fontsize torchviz sets for Graphviz."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    # Scene units are Graphviz points.
    font.setPixelSize(10)
    return font


class DrawingStyle:
    """The font, text metrics, pens and brushes that the items of one canvas share.

    Qt copies pens and brushes by reference counting, so sharing them saves
    creating one per item. Text widths are kept per string because labels
    repeat ("MulBackward0", "data: 1.001") across a long chain.
    """

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.line_height = self.metrics.height()
        self.ascent = self.metrics.ascent()
        self.text_pen = QPen(TEXT_COLOR)
        # The normal pen of an edge of each kind (SOLID, DASHED, DOTTED), and of its arrowhead.
        self.edge_pens = tuple(QPen(EDGE_COLOR, 1.0, pen_style) for pen_style in _PEN_STYLES)
        self.arrow_pen = QPen(EDGE_COLOR, 1.0)
        self.arrow_brush = QBrush(EDGE_COLOR)
        self._widths: dict[str, float] = {}
        self._brushes: dict[int | str | None, QBrush] = {}
        self._pens: dict[tuple, QPen] = {}

    def text_width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= MAX_CACHED_WIDTHS:
                # Values make most labels distinct across runs; start over rather than grow forever.
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def brush(self, color: QColor | str | None) -> QBrush:
        """Return the solid brush of `color` (a QColor, a name or "#rrggbb", or None for white)."""
        key = color.rgba() if isinstance(color, QColor) else color
        brush = self._brushes.get(key)
        if brush is None:
            brush = self._brushes[key] = QBrush(color if isinstance(color, QColor) else _color(color))
        return brush

    def pen(self, color: QColor | str | None, width: float = 1.0, kind: int = SOLID) -> QPen:
        """Return a pen of `color` (a QColor, a name, or None for black), `width` and line `kind`."""
        key = (color.rgba() if isinstance(color, QColor) else color, width, kind)
        pen = self._pens.get(key)
        if pen is None:
            qt_color = color if isinstance(color, QColor) else _color(color, "black")
            pen = self._pens[key] = QPen(qt_color, width, _PEN_STYLES[kind])
        return pen


class NodeItem(QGraphicsPathItem):
    """One laid-out node: its outline filled with the node's colour, and its label lines.

    The label's line positions are computed when the node is first painted,
    so nodes that are never on screen never measure their text.
    """

    def __init__(self, node, style: DrawingStyle) -> None:
        super().__init__()
        self._style = style
        self.setAcceptHoverEvents(True)
        self.setFlag(_SELECTABLE, True)
        self.setZValue(1)
        self.set_node(node)

    def set_node(self, node) -> None:
        """Draw `node` (an `explorer.layout.LaidOutNode`) with this item, replacing what it drew."""
        left, top = node.x - node.width / 2, node.y - node.height / 2
        path = QPainterPath()
        if node.shape in ("ellipse", "oval", "circle"):
            path.addEllipse(left, top, node.width, node.height)
        else:
            path.addRect(left, top, node.width, node.height)
        self.setPath(path)
        label = node.label
        self.node_id = node.id
        self.label = label
        style = self._style
        node_style = node.style or ""
        filled = "filled" in node_style or node.fillcolor is not None
        self.setBrush(style.brush(node.fillcolor or "lightgrey") if filled else style.brush(None))
        width = 2.0 if "bold" in node_style else node.penwidth
        self._normal_pen = style.pen(node.pencolor, width)
        self.setPen(self._normal_pen)
        self.setToolTip(label)
        self._lines = label.split("\n")
        # (scale, label origin, baseline origin of each line), set on first paint.
        self._placement: tuple[float, QPointF, list[QPointF]] | None = None

    @property
    def rect(self) -> QRectF:
        """The node's box in scene coordinates."""
        return self.path().boundingRect()

    def _place_lines(self) -> tuple[float, QPointF, list[QPointF]]:
        # Graphviz centres each line and sizes the box with its own font
        # metrics; Qt's differ a little, so shrink the label if it would overflow.
        style = self._style
        rect = self.rect
        widths = [style.text_width(line) for line in self._lines]
        total_height = style.line_height * len(self._lines)
        scale = min(
            1.0,
            (rect.width() - LABEL_PADDING) / max(max(widths, default=1.0), 1.0),
            (rect.height() - LABEL_PADDING / 2) / max(total_height, 1.0),
        )
        centre = rect.center()
        # Baseline origins relative to the label's top centre, before scaling.
        origins = [QPointF(-width / 2, index * style.line_height + style.ascent) for index, width in enumerate(widths)]
        return scale, QPointF(centre.x(), centre.y() - total_height * scale / 2), origins

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # The outline colour shows selection; Qt's dotted selection box would hide it.
        option.state &= ~_SELECTED_STATE
        super().paint(painter, option, widget)
        if self._placement is None:
            self._placement = self._place_lines()
        scale, label_origin, line_origins = self._placement
        style = self._style
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail * style.line_height * scale < MIN_TEXT_PIXELS:
            return
        painter.save()
        painter.setFont(style.font)
        painter.setPen(style.text_pen)
        painter.translate(label_origin)
        if scale != 1.0:
            painter.scale(scale, scale)
        for origin, line in zip(line_origins, self._lines):
            painter.drawText(origin, line)
        painter.restore()

    def label_lines(self) -> list[str]:
        return list(self._lines)

    def set_grad_line(self, text: str) -> bool:
        """Replace the text after `grad: ` in the label; returns False if the label has no such line."""
        for index, line in enumerate(self._lines):
            if line.startswith(GRAD_PREFIX):
                self._lines[index] = GRAD_PREFIX + text
                self._placement = None
                self.update()
                return True
        return False

    def set_mark(self, color: QColor | None, width: float = 3.0) -> None:
        """Outline the node in `color`, or restore its own outline for None."""
        self.setPen(self._normal_pen if color is None else self._style.pen(color, width))

    def hoverEnterEvent(self, event) -> None:
        canvas = self._canvas()
        if canvas is not None:
            canvas.highlight_paths(self.node_id)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        canvas = self._canvas()
        if canvas is not None:
            canvas.clear_path_highlight()
        super().hoverLeaveEvent(event)

    def _canvas(self) -> GraphCanvas | None:
        scene = self.scene()
        if scene is None:
            return None
        views = scene.views()
        return views[0] if views and isinstance(views[0], GraphCanvas) else None


class EdgeItem(QGraphicsPathItem):
    """One laid-out edge: its B-spline path and, as a child, its arrowhead."""

    def __init__(self, edge, style: DrawingStyle) -> None:
        super().__init__()
        self._style = style
        self.arrow: QGraphicsPathItem | None = None
        self.gradient_label: QGraphicsSimpleTextItem | None = None
        self.set_edge(edge)

    def set_edge(self, edge) -> None:
        """Draw `edge` (an `explorer.layout.LaidOutEdge`) with this item, replacing what it drew."""
        path = QPainterPath()
        points = edge.points
        if points:
            path.moveTo(*points[0])
            for index in range(1, len(points) - 2, 3):
                path.cubicTo(*points[index], *points[index + 1], *points[index + 2])
        self.setPath(path)
        self.tail = edge.tail
        self.head = edge.head
        style = self._style
        line_style = edge.style or ""
        self.dashed = "dashed" in line_style
        self.dotted = "dotted" in line_style
        self._kind = SOLID
        if self.dashed:
            self._kind = DASHED
        elif self.dotted:
            self._kind = DOTTED
        self.setPen(style.edge_pens[self._kind])
        if edge.arrow:
            head = QPainterPath()
            head.moveTo(*edge.arrow[0])
            for point in edge.arrow[1:]:
                head.lineTo(*point)
            head.closeSubpath()
            if self.arrow is None:
                self.arrow = QGraphicsPathItem(head, self)
            else:
                self.arrow.setPath(head)
            self.arrow.setPen(style.arrow_pen)
            self.arrow.setBrush(style.arrow_brush)
        elif self.arrow is not None:
            self._remove_child(self.arrow)
            self.arrow = None
        if self.gradient_label is not None:
            self._remove_child(self.gradient_label)
            self.gradient_label = None

    def _remove_child(self, child: QGraphicsItem) -> None:
        child.setParentItem(None)
        if child.scene() is not None:
            child.scene().removeItem(child)

    @property
    def middle(self) -> QPointF:
        """The point halfway along the edge, where its gradient text goes."""
        return self.path().pointAtPercent(0.5) if not self.path().isEmpty() else QPointF()

    def set_mark(self, color: QColor | None, width: float = 2.5) -> None:
        """Draw the edge in `color` and `width`, or in its normal style for None."""
        style = self._style
        if color is None:
            self.setPen(style.edge_pens[self._kind])
            pen, brush = style.arrow_pen, style.arrow_brush
        else:
            self.setPen(style.pen(color, width, self._kind))
            pen, brush = style.pen(color), style.brush(color)
        if self.arrow is not None:
            self.arrow.setPen(pen)
            self.arrow.setBrush(brush)

    def set_gradient_text(self, text: str | None, font: QFont) -> None:
        """Show `text` next to the middle of the edge, or remove it for None."""
        if text is None:
            if self.gradient_label is not None:
                self._remove_child(self.gradient_label)
                self.gradient_label = None
            return
        if self.gradient_label is None:
            self.gradient_label = QGraphicsSimpleTextItem(self)
            self.gradient_label.setFont(font)
            self.gradient_label.setBrush(QBrush(GRADIENT_TEXT_COLOR))
            self.gradient_label.setZValue(3)
        self.gradient_label.setText(text)
        self.gradient_label.setPos(self.middle + QPointF(4.0, -6.0))


class GraphCanvas(QGraphicsView):
    """Zoomable, pannable view of one laid-out graph.

    Wheel and Ctrl+wheel zoom around the pointer, dragging pans, and the
    +, - and 0 keys zoom in, out and back to 100%. Hovering a node
    highlights every path through it.
    """

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._font = graph_font()
        self._style = DrawingStyle(self._font)
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: list[EdgeItem] = []
        self._incoming: dict[str, list[EdgeItem]] = {}
        self._outgoing: dict[str, list[EdgeItem]] = {}
        self._highlighted: tuple[set[str], list[EdgeItem]] = (set(), [])
        self._search_marked: str | None = None
        self._step_nodes: dict[str, QColor] = {}

    # Building the scene

    def show_layout(self, layout) -> None:
        """Draw `layout`, one item per node and edge, and fit it in the view.

        The items of the graph shown before are reused, first to last, and
        only the surplus is deleted. A re-run usually draws a graph of the
        same size, and deleting a 6000-node graph's items takes about as
        long as creating them.
        """
        with gc_paused():
            scene = self.scene()
            self._forget_marks()
            # Setting the rectangle first spares the scene growing it with every item.
            scene.setSceneRect(
                QRectF(-SCENE_MARGIN, -SCENE_MARGIN, layout.width + 2 * SCENE_MARGIN, layout.height + 2 * SCENE_MARGIN)
            )
            style = self._style
            old_edges = self.edge_items
            old_nodes = list(self.node_items.values())
            self.edge_items = []
            self.node_items = {}
            self._incoming = {}
            self._outgoing = {}
            for index, edge in enumerate(layout.edges):
                if index < len(old_edges):
                    item = old_edges[index]
                    item.set_edge(edge)
                else:
                    item = EdgeItem(edge, style)
                    scene.addItem(item)
                self.edge_items.append(item)
                self._outgoing.setdefault(item.tail, []).append(item)
                self._incoming.setdefault(item.head, []).append(item)
            for index, node in enumerate(layout.nodes):
                if index < len(old_nodes):
                    item = old_nodes[index]
                    item.set_node(node)
                else:
                    item = NodeItem(node, style)
                    scene.addItem(item)
                self.node_items[node.id] = item
            for item in old_edges[len(layout.edges):] + old_nodes[len(layout.nodes):]:
                scene.removeItem(item)
        self.fit()

    def clear(self) -> None:
        """Delete every item."""
        self.scene().clear()
        self.node_items.clear()
        self.edge_items.clear()
        self._incoming.clear()
        self._outgoing.clear()
        self._forget_marks()

    def _forget_marks(self) -> None:
        # The items' own pens are reset by the next code that draws with them.
        self.scene().clearSelection()
        self._highlighted = (set(), [])
        self._search_marked = None
        self._step_nodes.clear()

    # Zoom and pan

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

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.reset_zoom()
        else:
            super().keyPressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.node_clicked.emit(item.node_id)

    # Path highlight on hover

    def paths_through(self, node_id: str) -> tuple[set[str], list[EdgeItem]]:
        """Return the nodes and edges on every path through `node_id`: its ancestors and descendants."""
        nodes = {node_id}
        edges: list[EdgeItem] = []
        for adjacency, far_end in ((self._incoming, "tail"), (self._outgoing, "head")):
            queue = deque([node_id])
            seen = {node_id}
            while queue:
                current = queue.popleft()
                for edge in adjacency.get(current, ()):
                    edges.append(edge)
                    other = getattr(edge, far_end)
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
            nodes |= seen
        return nodes, edges

    def highlight_paths(self, node_id: str) -> None:
        self.clear_path_highlight()
        nodes, edges = self.paths_through(node_id)
        for edge in edges:
            edge.set_mark(HOVER_COLOR, 2.0)
        for other in nodes:
            item = self.node_items.get(other)
            if item is not None and other not in self._step_nodes and other != self._search_marked:
                item.set_mark(HOVER_COLOR, 2.0)
        self._highlighted = (nodes, edges)

    @Slot()
    def clear_path_highlight(self) -> None:
        nodes, edges = self._highlighted
        for edge in edges:
            edge.set_mark(None)
        for other in nodes:
            self._restore_node(other)
        self._highlighted = (set(), [])

    def highlighted_nodes(self) -> set[str]:
        return set(self._highlighted[0])

    def _restore_node(self, node_id: str) -> None:
        item = self.node_items.get(node_id)
        if item is None:
            return
        if node_id in self._step_nodes:
            item.set_mark(self._step_nodes[node_id])
        elif node_id == self._search_marked:
            item.set_mark(SEARCH_COLOR)
        else:
            item.set_mark(None)

    # Search

    def focus_node(self, node_id: str) -> None:
        """Select `node_id`, centre the view on it and outline it."""
        item = self.node_items.get(node_id)
        if item is None:
            return
        previous = self._search_marked
        self._search_marked = node_id
        if previous is not None:
            self._restore_node(previous)
        self.scene().clearSelection()
        item.setSelected(True)
        item.set_mark(SEARCH_COLOR)
        self.centerOn(item)

    def clear_search_mark(self) -> None:
        previous = self._search_marked
        self._search_marked = None
        if previous is not None:
            self._restore_node(previous)

    # Backward replay marks

    def set_step_marks(self, running: str | None, done: set[str]) -> None:
        """Outline the node the engine runs now and, more lightly, the ones it has run."""
        old = set(self._step_nodes)
        self._step_nodes = {node_id: DONE_COLOR for node_id in done}
        if running is not None:
            self._step_nodes[running] = RUNNING_COLOR
        for node_id in old | set(self._step_nodes):
            self._restore_node(node_id)

    def set_edge_gradients(self, gradients: dict[tuple[str, str], str]) -> None:
        """Label the edges in `gradients` (tail, head) with their text and clear every other label."""
        for edge in self.edge_items:
            text = gradients.get((edge.tail, edge.head))
            edge.set_gradient_text(text, self._font)
            edge.set_mark(RUNNING_COLOR if text is not None else None)

    def edge_gradient_texts(self) -> dict[tuple[str, str], str]:
        return {
            (edge.tail, edge.head): edge.gradient_label.text()
            for edge in self.edge_items
            if edge.gradient_label is not None
        }
