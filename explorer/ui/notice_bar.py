"""A non-modal notice above the tabs for problems the user can fix (a file that cannot be opened)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class NoticeBar(QFrame):
    """One line of text with a close button, hidden until `show_notice` is called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        self.setStyleSheet("QFrame#notice_bar { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self._on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self._close.setToolTip(self.tr("Close this message"))

    def show_notice(self, text: str) -> None:
        self._label.setText(text)
        self.show()

    def text(self) -> str:
        return self._label.text() if self.isVisible() else ""

    @Slot()
    def _on_close_clicked(self) -> None:
        self.hide()
