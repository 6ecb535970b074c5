"""Export the drawn graph as SVG, PNG, PDF or DOT, drawn by Qt exactly as the view shows it.

`scene_bytes` renders a QGraphicsScene; `layout_bytes` first builds the
scene from a `GraphLayout` and needs only a QApplication (the command line
creates one on the offscreen platform), so PNG and PDF work without the
system Graphviz. `write_file` writes through QSaveFile, so a failed export
leaves any earlier file intact.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSaveFile, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QGraphicsScene

PNG_SCALES = (1, 2, 4)
FORMATS = ("svg", "png", "pdf", "dot")
# A PNG wider or taller than this many pixels is rejected: QImage needs
# width x height x 4 bytes, and a 4x export of a long chain could need gigabytes.
MAX_PNG_SIDE = 32000


class ExportError(Exception):
    """The graph could not be exported; the message, in English, gives the reason."""


def _render(scene: QGraphicsScene, painter: QPainter, target: QRectF) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


def scene_bytes(scene: QGraphicsScene, fmt: str, scale: int = 1) -> bytes:
    """Render the whole scene to SVG, PNG (at `scale` pixels per point) or PDF bytes."""
    fmt = fmt.lower()
    rect = scene.sceneRect()
    if fmt == "png":
        width, height = round(rect.width() * scale), round(rect.height() * scale)
        if max(width, height) > MAX_PNG_SIDE:
            raise ExportError(f"the PNG would be {width} x {height} pixels; use a smaller scale, SVG or PDF")
        image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        _render(scene, painter, QRectF(0, 0, width, height))
        painter.end()
        return _image_png(image)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt == "svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(rect.size().toSize())
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle("autograd graph")
        painter = QPainter(generator)
        _render(scene, painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.end()
    elif fmt == "pdf":
        writer = QPdfWriter(buffer)
        writer.setResolution(72)
        page = QPageSize(QSizeF(rect.width(), rect.height()), QPageSize.Unit.Point, "graph")
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle("autograd graph")
        painter = QPainter(writer)
        _render(scene, painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.end()
    else:
        raise ExportError(f"cannot draw the graph as {fmt!r}; use svg, png or pdf")
    buffer.close()
    return bytes(buffer.data())


def _image_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def layout_bytes(layout, fmt: str, scale: int = 1) -> bytes:
    """Draw a GraphLayout as the view would, without a window, and return the file's bytes."""
    ensure_application()
    from explorer.ui.graph_canvas import GraphCanvas

    canvas = GraphCanvas()
    try:
        canvas.show_layout(layout)
        return scene_bytes(canvas.scene(), fmt, scale)
    finally:
        canvas.deleteLater()


def ensure_application() -> QApplication:
    """Return the running QApplication, creating one on the offscreen platform if there is none."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["autograd-explorer"])
    return app


def write_file(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically; raises ExportError with Qt's reason on failure."""
    file = QSaveFile(path)
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError(f"cannot open {path} for writing: {file.errorString()}")
    written = file.write(data)
    if written != len(data):
        error = file.errorString()
        file.cancelWriting()
        raise ExportError(f"writing {path} failed: {error}")
    if not file.commit():
        raise ExportError(f"saving {path} failed: {file.errorString()}")
