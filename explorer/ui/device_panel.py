"""The Device tab: what the tutorial's first cells printed, read from torch directly."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from explorer.ui.forms import form_value


class DeviceTab(QWidget):
    """torch, torchvision and torchtext versions, CUDA, cuDNN, each GPU, and MPS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = None
        self._error: str | None = None
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.retranslate()

    @Slot(object)
    def show_report(self, report) -> None:
        self._report = report
        self._error = None
        self._fill()

    @Slot(str)
    def show_error(self, message: str) -> None:
        self._report = None
        self._error = message
        self._fill()

    def retranslate(self) -> None:
        self._intro.setText(
            self.tr(
                "This is what `!nvidia-smi`, `!nvcc -V` and the version cell of the tutorial "
                "show, read from torch without a shell."
            )
        )
        self._fill()

    def value_of(self, label: str) -> str | None:
        """Return the text shown beside `label`, for tests and screen readers."""
        return form_value(self._form, label)

    def _fill(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        if self._error is not None:
            self._form.addRow(self.tr("Error"), QLabel(self._error))
            return
        report = self._report
        if report is None:
            self._form.addRow(QLabel(self.tr("Loading torch…")))
            return
        not_installed = self.tr("not installed")
        yes, no = self.tr("yes"), self.tr("no")
        rows = [
            ("torch", report.torch_version),
            ("torchvision", report.torchvision_version or not_installed),
            ("torchtext", report.torchtext_version or not_installed),
            ("Python", report.python_version),
            (self.tr("CUDA available"), yes if report.cuda_available else no),
            (self.tr("CUDA version (torch build)"), report.cuda_version or "-"),
            (self.tr("cuDNN version"), str(report.cudnn_version) if report.cudnn_version else "-"),
        ]
        for gpu in report.gpus:
            memory = self.tr("{gib:.1f} GiB").format(gib=gpu.total_memory_bytes / 2**30)
            details = self.tr("{name}, {memory}, compute capability {capability}").format(
                name=gpu.name, memory=memory, capability=gpu.capability
            )
            rows.append((f"cuda:{gpu.index}", details))
        if not report.gpus:
            rows.append((self.tr("GPUs"), self.tr("none found")))
        rows.append((self.tr("MPS available"), yes if report.mps_available else no))
        rows.append((self.tr("Devices for programs"), ", ".join(report.devices)))
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(label, field)
