"""The table of a program's top-level tensors after a run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from explorer.numbers import format_number

MAX_CELL_CHARS = 80


def format_value(value: object) -> str:
    """Render a snapshot value (number, nested list, None or marker text) compactly."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, list):
        text = "[" + ", ".join(format_value(item) for item in value) + "]"
    else:
        text = str(value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


class TensorTable(QTableWidget):
    """Name, value, shape, dtype, device, requires_grad, is_leaf, grad_fn and grad of each tensor."""

    COLUMNS = ("name", "value", "shape", "dtype", "device", "requires_grad", "is_leaf", "grad_fn", "grad")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.retranslate()

    def retranslate(self) -> None:
        # PyTorch's own attribute names stay as PyTorch writes them in every language.
        headers = [self.tr("name"), self.tr("value"), self.tr("shape"), "dtype", self.tr("device"),
                   "requires_grad", "is_leaf", "grad_fn", "grad"]
        self.setHorizontalHeaderLabels(headers)

    def show_tensors(self, tensors: dict) -> None:
        self.setRowCount(0)
        for name, snapshot in tensors.items():
            row = self.rowCount()
            self.insertRow(row)
            cells = (
                name,
                format_value(snapshot.value),
                "(" + ", ".join(str(size) for size in snapshot.shape) + ")",
                snapshot.dtype,
                snapshot.device,
                str(snapshot.requires_grad),
                str(snapshot.is_leaf),
                snapshot.grad_fn or "None",
                format_value(snapshot.grad),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, name)
                self.setItem(row, column, item)

    def row_texts(self, name: str) -> list[str] | None:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == name:
                return [self.item(row, column).text() for column in range(self.columnCount())]
        return None
