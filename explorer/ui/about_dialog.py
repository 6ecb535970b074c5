"""Help > About: the versions of the app, torch, Qt and PySide6, and the Graphviz backend in use."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

import explorer
from explorer.ui.forms import form_value


class AboutDialog(QDialog):
    """Non-modal box of version facts. Never imports torch or runs Graphviz itself.

    The window passes what its loader found: torch's version once torch is
    imported, and the Graphviz backend's description (None while the loader
    is still looking, "" when no backend works).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self._torch_version: str | None = None
        self._backend: str | None = None
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addWidget(buttons)
        self.retranslate()

    def set_versions(self, torch_version: str | None, backend: str | None) -> None:
        self._torch_version = torch_version
        self._backend = backend
        self._fill()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Autograd Explorer"))
        self._intro.setText(
            self.tr("Autograd Explorer runs PyTorch tutorial code in a safe playground and shows the autograd "
                    "graph it builds.")
        )
        self._fill()

    def value_of(self, label: str) -> str | None:
        """Return the text shown beside `label`, for tests and screen readers."""
        return form_value(self._form, label)

    def _fill(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        if self._backend is None:
            backend = self.tr("looking…")
        else:
            backend = self._backend or self.tr("none found: graphs are shown as DOT text")
        rows = (
            ("Autograd Explorer", explorer.__version__),
            ("torch", self._torch_version or self.tr("loading…")),
            ("Qt", qVersion()),
            ("PySide6", PySide6.__version__),
            ("Python", sys.version.split()[0]),
            ("Graphviz", backend),
        )
        for label, value in rows:
            field = QLabel(value, self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(label, field)
