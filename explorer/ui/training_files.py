"""Atomic writes for the Training tab's exports, through QSaveFile."""

from __future__ import annotations

from PySide6.QtCore import QIODevice, QSaveFile
from PySide6.QtWidgets import QWidget


def save_bytes(path: str, data: bytes) -> str | None:
    """Write `data` to `path`, replacing it only once everything is written; returns the error or None."""
    file = QSaveFile(path)
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        return file.errorString()
    if file.write(data) != len(data):
        file.cancelWriting()
        return file.errorString()
    if not file.commit():
        return file.errorString()
    return None


def save_png(widget: QWidget, path: str) -> str | None:
    """Write a PNG image of `widget` to `path`; returns the error or None."""
    file = QSaveFile(path)
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        return file.errorString()
    if not widget.grab().save(file, "PNG"):
        file.cancelWriting()
        return file.errorString() or "PNG encoding failed"
    if not file.commit():
        return file.errorString()
    return None
