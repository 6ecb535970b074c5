"""The test panel: an input predicted under torch.no_grad(), the true value and the error."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from explorer.training import ConfigError, TrainingConfig, parse_test_input
from explorer.ui.training_worker import PredictWorker
from explorer.ui.workers import detach_running_thread

log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_MS = 5_000


class TestPanel(QGroupBox):
    """Shows the model's prediction for the test input beside what the true weights give.

    During a run the prediction comes with each batch of progress. When the
    input changes after a run, a PredictWorker computes it again from the
    run's weights, so the GUI thread never runs torch.
    """

    changed = Signal()
    prediction_shown = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input_field = QLineEdit(self, objectName="test_input_field")
        self.input_field.setText(", ".join(f"{value:g}" for value in TrainingConfig().test_input))
        self.input_field.textChanged.connect(self._on_input_field_text_changed)
        self.prediction_value = self._value_label("prediction_value")
        self.expected_value = self._value_label("expected_value")
        self.error_value = self._value_label("error_value")
        self._config: TrainingConfig | None = None
        self._weights: list[float] | None = None
        self._bias = 0.0
        self._worker: PredictWorker | None = None
        self._pending = False

        self._form = QFormLayout(self)
        self._labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self._labels, (self.input_field, self.prediction_value,
                                               self.expected_value, self.error_value)):
            self._form.addRow(label, field)
        self.retranslate()

    def _value_label(self, name: str) -> QLabel:
        label = QLabel("–", self, objectName=name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def retranslate(self) -> None:
        self.setTitle(self.tr("Test prediction"))
        texts = (self.tr("Input x"), self.tr("Model, under torch.no_grad()"),
                 self.tr("True weights give"), self.tr("Error"))
        for label, text in zip(self._labels, texts):
            label.setText(text)
        self.input_field.setToolTip(self.tr("Numbers separated by commas, one per feature"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def test_input(self) -> tuple[float, ...] | None:
        """Return the parsed input, or None when it does not parse."""
        try:
            return parse_test_input(self.input_field.text())
        except ConfigError:
            return None

    def input_errors(self) -> list[str]:
        try:
            parse_test_input(self.input_field.text())
        except ConfigError as error:
            return [problem.localized() for problem in error.errors]
        return []

    def clear(self) -> None:
        self._config = None
        self._weights = None
        for label in (self.prediction_value, self.expected_value, self.error_value):
            label.setText("–")

    def show_prediction(self, config: TrainingConfig, inputs: tuple[float, ...], weights: list[float],
                        bias: float, prediction: float) -> None:
        """Show a prediction the trainer computed for `inputs` with `weights` and `bias`."""
        self._config = config
        self._weights = weights
        self._bias = bias
        if inputs != self.test_input():
            self._predict()
            return
        self._show(inputs, prediction)

    def _show(self, inputs: tuple[float, ...], prediction: float) -> None:
        config = self._config
        if config is None or len(inputs) != config.features:
            return
        expected = math.fsum(w * x for w, x in zip(config.true_weights, inputs)) + config.true_bias
        self.prediction_value.setText(_format(prediction))
        self.expected_value.setText(_format(expected))
        self.error_value.setText(f"{prediction - expected:+.2e}")
        self.prediction_shown.emit(prediction)

    def _predict(self) -> None:
        inputs = self.test_input()
        if self._weights is None or self._config is None or inputs is None:
            return
        if len(inputs) != self._config.features:
            for label in (self.prediction_value, self.expected_value, self.error_value):
                label.setText("–")
            return
        if self._worker is not None:
            # One prediction at a time; the newest input is predicted when this one ends.
            self._pending = True
            return
        self._worker = PredictWorker(inputs, self._weights, self._bias, self._config.dtype)
        self._worker.prediction_ready.connect(self._on_worker_prediction_ready)
        self._worker.start()

    @Slot(object, float)
    def _on_worker_prediction_ready(self, inputs, prediction: float) -> None:
        worker = self._worker
        self._worker = None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        if self._pending:
            self._pending = False
            self._predict()
            return
        self._show(inputs, prediction)

    @Slot()
    def _on_input_field_text_changed(self) -> None:
        self.changed.emit()
        self._predict()

    def shutdown(self) -> None:
        worker = self._worker
        self._worker = None
        if worker is not None and not worker.wait(SHUTDOWN_TIMEOUT_MS):
            log.warning("Prediction thread still running %d ms after the window closed", SHUTDOWN_TIMEOUT_MS)
            detach_running_thread(worker)


def _format(value: float) -> str:
    # Scientific notation keeps a diverged run's huge predictions from widening the panel.
    return f"{value:.4e}" if abs(value) >= 1e6 else f"{value:.4f}"
