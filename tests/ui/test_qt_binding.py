"""The installed PySide6 keeps reference counts of True and None intact.

PySide6-Essentials 6.12.0 under CPython 3.11 loses a reference on every
signal emit and every Python override of a C++ virtual, and the app then
aborts with "none_dealloc" while plotting. CPython 3.12 made both objects
immortal, where their counts never change.
"""

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="True and None are immortal on CPython 3.12+")

REPEATS = 200
# Other code may take or drop a reference or two meanwhile; the broken
# binding loses one per call, so the count would fall by REPEATS.
TOLERANCE = 10


class Emitter(QObject):
    changed = Signal(object)


class PaintedWidget(QWidget):
    def paintEvent(self, event) -> None:
        pass


def test_signal_emit_keeps_true_refcount(qapp):
    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(REPEATS):
        emitter.changed.emit(1)
    assert abs(sys.getrefcount(True) - before) <= TOLERANCE


def test_virtual_override_keeps_none_refcount(qtbot):
    widget = PaintedWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.repaint()
    before = sys.getrefcount(None)
    for _ in range(REPEATS):
        widget.repaint()
    assert abs(sys.getrefcount(None) - before) <= TOLERANCE
