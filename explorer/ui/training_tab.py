"""The Training tab: the tutorial's linear regression, trained live.

A `TrainingWorker` thread runs `explorer.training.train` and emits each batch of
progress as plain data. The tab only stores what arrives and redraws the plots
from a timer at about 30 Hz, so a fast run cannot flood the GUI thread.
"""

from __future__ import annotations

import logging
import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGraphicsItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.training import ConfigError, DecimatedSeries, TrainingConfig, parse_test_input
from explorer.training.config import MAX_DATA_VALUES, MAX_EPOCHS

log = logging.getLogger(__name__)

REDRAW_INTERVAL_MS = 33
# Rows kept for each plot; DecimatedSeries thins older rows beyond this.
LOSS_PLOT_POINTS = 4096
PARAMETER_PLOT_POINTS = 2048
# Curves and labels beyond this many weights would be unreadable.
MAX_SHOWN_WEIGHTS = 8
# Log-scale plots cannot show 0; a float32 loss that underflows is drawn at the smallest float32.
LOSS_FLOOR = float(np.finfo(np.float32).tiny)
# QSpinBox stores a 32-bit int, so the seed field stops below the largest seed torch accepts.
MAX_SEED_FIELD = 2**31 - 1
SHUTDOWN_TIMEOUT_MS = 10_000


class TrainingWorker(QThread):
    """Runs one regression in its own thread and emits plain-data progress and results.

    `cancel()` may be called from any thread. Training stops after the current
    batch, which lasts about 30 ms once torch has loaded and the data is drawn.
    """

    progress_ready = Signal(object)  # TrainingProgress
    run_finished = Signal(object)  # TrainingResult
    run_failed = Signal(str)

    def __init__(self, config: TrainingConfig, parent=None) -> None:
        super().__init__(parent)
        self._config = config
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            # Imported here so that the tab can be built before torch loads.
            from explorer.training import train

            result = train(self._config, cancel=self._cancel, progress=self.progress_ready.emit)
        except ConfigError as error:
            log.info("Training settings rejected: %s", error)
            self.run_failed.emit("\n".join(problem.localized() for problem in error.errors))
            return
        except Exception as error:  # noqa: BLE001 - shown in the tab, then logged
            log.exception("Training failed on %s", self._config.device)
            self.run_failed.emit(f"{type(error).__name__}: {error}")
            return
        self.run_finished.emit(result)


class TrainingTab(QWidget):
    """Settings form, Start and Stop, live loss and parameter plots, and the test prediction.

    Every method runs in the GUI thread; torch work happens in a TrainingWorker.
    """

    training_started = Signal()
    training_progressed = Signal(object)  # TrainingProgress, about 30 times a second
    training_finished = Signal(object)  # TrainingResult, also for a stopped or diverged run
    training_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._device = "cpu"
        self._worker: TrainingWorker | None = None
        self._stopping = False
        self._run_config: TrainingConfig | None = None
        self._latest = None  # TrainingProgress of the current or last run
        self._result = None  # TrainingResult of the last run
        self._failure = ""
        self._form_valid = False
        self._plots_dirty = False
        # A worker that did not end within SHUTDOWN_TIMEOUT_MS; kept referenced, because
        # deleting a running QThread aborts the process.
        self._unfinished_worker: TrainingWorker | None = None
        self._loss_series = DecimatedSeries(LOSS_PLOT_POINTS)
        self._parameter_series = DecimatedSeries(PARAMETER_PLOT_POINTS, columns=2)
        self._parameter_curves: list[pg.PlotDataItem] = []

        self._create_form()
        self._create_controls()
        self._create_readouts()
        self._create_plots()
        self._create_layout()
        self._create_timer()
        self.retranslate()
        self._validate_form()

    # Construction

    def _create_form(self) -> None:
        self._samples_field = QSpinBox(self, objectName="samples_field")
        self._samples_field.setRange(1, MAX_DATA_VALUES)
        self._samples_field.setValue(TrainingConfig.samples)
        self._features_field = QSpinBox(self, objectName="features_field")
        self._features_field.setRange(1, MAX_DATA_VALUES)
        self._features_field.setValue(TrainingConfig.features)
        self._epochs_field = QSpinBox(self, objectName="epochs_field")
        self._epochs_field.setRange(1, MAX_EPOCHS)
        self._epochs_field.setValue(TrainingConfig.epochs)
        self._lr_field = QLineEdit(f"{TrainingConfig.lr:g}", self, objectName="lr_field")
        self._seed_field = QSpinBox(self, objectName="seed_field")
        self._seed_field.setRange(0, MAX_SEED_FIELD)
        self._seed_field.setValue(TrainingConfig.seed)
        self._test_input_field = QLineEdit(self, objectName="test_input_field")
        self._test_input_field.setText(", ".join(f"{value:g}" for value in TrainingConfig().test_input))
        self._device_value = QLabel(self._device, self, objectName="device_value")
        for spin_box in (self._samples_field, self._features_field, self._epochs_field, self._seed_field):
            spin_box.setGroupSeparatorShown(True)
            spin_box.valueChanged.connect(self._on_form_field_changed)
        for line_edit in (self._lr_field, self._test_input_field):
            line_edit.textChanged.connect(self._on_form_field_changed)

        self._settings_box = QGroupBox(self)
        self._form = QFormLayout(self._settings_box)
        self._form_labels = [QLabel(self) for _ in range(7)]
        fields = (self._samples_field, self._features_field, self._epochs_field, self._lr_field,
                  self._seed_field, self._test_input_field, self._device_value)
        for label, field in zip(self._form_labels, fields):
            label.setBuddy(field)
            self._form.addRow(label, field)

        self._error_label = QLabel(self, objectName="error_label")
        self._error_label.setWordWrap(True)
        self._error_label.setStyleSheet("color: #c62828;")
        self._error_label.hide()

    def _create_controls(self) -> None:
        self._start_button = QPushButton(self, objectName="start_button")
        self._start_button.clicked.connect(self._on_start_button_clicked)
        self._stop_button = QPushButton(self, objectName="stop_button")
        self._stop_button.clicked.connect(self._on_stop_button_clicked)
        self._stop_button.setEnabled(False)
        self._progress_bar = QProgressBar(self, objectName="progress_bar")
        self._progress_bar.setRange(0, TrainingConfig.epochs)
        self._progress_bar.setValue(0)
        self._rate_label = QLabel(self, objectName="rate_label")
        self._status_label = QLabel(self, objectName="status_label")
        self._status_label.setWordWrap(True)

    def _create_readouts(self) -> None:
        self._values_box = QGroupBox(self)
        grid = QGridLayout(self._values_box)
        self._value_names = [QLabel(self) for _ in range(3)]
        self._weights_value = QLabel(self, objectName="weights_value")
        self._bias_value = QLabel(self, objectName="bias_value")
        self._loss_value = QLabel(self, objectName="loss_value")
        values = (self._weights_value, self._bias_value, self._loss_value)
        for row, (name, value) in enumerate(zip(self._value_names, values)):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)

        self._prediction_box = QGroupBox(self)
        box_layout = QVBoxLayout(self._prediction_box)
        self._prediction_value = QLabel(self, objectName="prediction_value")
        self._prediction_value.setWordWrap(True)
        self._prediction_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout.addWidget(self._prediction_value)

    def _create_plots(self) -> None:
        background = self.palette().color(QPalette.ColorRole.Base)
        foreground = self.palette().color(QPalette.ColorRole.Text)

        self._loss_plot = pg.PlotWidget(self, background=background)
        self._loss_plot.setObjectName("loss_plot")
        loss_item = self._loss_plot.getPlotItem()
        loss_item.setLogMode(x=False, y=True)
        loss_item.showGrid(x=True, y=True, alpha=0.25)
        self._loss_curve = loss_item.plot(pen=pg.mkPen("#1565c0", width=2), connect="finite")

        self._parameter_plot = pg.PlotWidget(self, background=background)
        self._parameter_plot.setObjectName("parameter_plot")
        parameter_item = self._parameter_plot.getPlotItem()
        parameter_item.showGrid(x=True, y=True, alpha=0.25)
        self._legend = parameter_item.addLegend(offset=(-10, 10), labelTextColor=foreground)
        self._weight_target_line = pg.InfiniteLine(angle=0, movable=False,
                                                   pen=pg.mkPen(foreground, style=Qt.PenStyle.DashLine))
        self._bias_target_line = pg.InfiniteLine(angle=0, movable=False,
                                                 pen=pg.mkPen("#ef6c00", style=Qt.PenStyle.DashLine))
        parameter_item.addItem(self._weight_target_line)
        parameter_item.addItem(self._bias_target_line)

        for plot in (self._loss_plot, self._parameter_plot):
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(foreground)
                axis.setTextPen(foreground)
                # Tick labels are the costliest part of a repaint; cached as a pixmap, they are
                # drawn again only when the axis range changes.
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setMenuEnabled(False)
            plot.setMinimumSize(320, 200)
        self._create_parameter_curves(TrainingConfig.features, TrainingConfig.true_weight,
                                      TrainingConfig.true_bias)

    def _create_parameter_curves(self, features: int, true_weight: float, true_bias: float) -> None:
        """Create one curve per shown weight and one for the bias; runs once per run, not per redraw."""
        item = self._parameter_plot.getPlotItem()
        for curve in self._parameter_curves:
            item.removeItem(curve)
        self._legend.clear()
        shown = min(features, MAX_SHOWN_WEIGHTS)
        self._parameter_curves = []
        for index in range(shown):
            pen = pg.mkPen(pg.intColor(index, hues=max(shown, 3), values=1, maxValue=200), width=2)
            self._parameter_curves.append(item.plot(pen=pen, name=f"w{index + 1}"))
        self._parameter_curves.append(item.plot(pen=pg.mkPen("#ef6c00", width=2), name="b"))
        self._parameter_series = DecimatedSeries(PARAMETER_PLOT_POINTS, columns=shown + 1)
        self._weight_target_line.setValue(true_weight)
        self._bias_target_line.setValue(true_bias)

    def _create_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self._start_button)
        buttons.addWidget(self._stop_button)

        side = QVBoxLayout()
        side.addWidget(self._settings_box)
        side.addWidget(self._error_label)
        side.addLayout(buttons)
        side.addWidget(self._progress_bar)
        side.addWidget(self._rate_label)
        side.addWidget(self._status_label)
        side.addWidget(self._values_box)
        side.addWidget(self._prediction_box)
        side.addStretch(1)
        side_panel = QWidget(self)
        side_panel.setLayout(side)
        side_panel.setMinimumWidth(300)
        side_panel.setMaximumWidth(420)

        plots = QSplitter(Qt.Orientation.Vertical, self)
        plots.addWidget(self._loss_plot)
        plots.addWidget(self._parameter_plot)
        plots.setChildrenCollapsible(False)

        layout = QHBoxLayout(self)
        layout.addWidget(side_panel)
        layout.addWidget(plots, 1)

    def _create_timer(self) -> None:
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._on_redraw_timer_timeout)

    # Texts

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        form_texts = (
            self.tr("Samples"), self.tr("Features"), self.tr("Epochs"), self.tr("Learning rate"),
            self.tr("Seed"), self.tr("Test input"), self.tr("Device"),
        )
        for label, text in zip(self._form_labels, form_texts):
            label.setText(text)
        self._settings_box.setTitle(self.tr("Settings"))
        self._lr_field.setToolTip(self.tr("SGD step size, such as 0.001 or 1e-3"))
        self._test_input_field.setToolTip(
            self.tr("Numbers separated by commas, one per feature, predicted after training"))
        self._samples_field.setToolTip(self.tr("Number of random samples x drawn from N(0, 1)"))
        self._features_field.setToolTip(self.tr("Number of values in each sample, and of weights to learn"))
        self._epochs_field.setToolTip(self.tr("Number of SGD steps, each over all samples"))
        self._seed_field.setToolTip(
            self.tr("Seed of the torch.Generator that draws the samples; the global seed is left alone"))
        self._device_value.setToolTip(self.tr("Set in the toolbar. A change applies to the next run."))
        self._start_button.setText(self.tr("Start"))
        self._stop_button.setText(self.tr("Stop"))
        self._values_box.setTitle(self.tr("Parameters"))
        self._value_names[0].setText(self.tr("Weights"))
        self._value_names[1].setText(self.tr("Bias"))
        self._value_names[2].setText(self.tr("Loss"))
        self._prediction_box.setTitle(self.tr("Test prediction"))

        loss_item = self._loss_plot.getPlotItem()
        loss_item.setTitle(self.tr("Loss (MSE, log scale)"))
        loss_item.setLabel("bottom", self.tr("epoch"))
        loss_item.setLabel("left", self.tr("loss"))
        parameter_item = self._parameter_plot.getPlotItem()
        parameter_item.setTitle(self.tr("Weights and bias (dashed: targets)"))
        parameter_item.setLabel("bottom", self.tr("epoch"))
        parameter_item.setLabel("left", self.tr("value"))

        self._validate_form()
        self._show_progress()
        self._show_status()
        self._show_prediction()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Public interface

    def set_device(self, device: str) -> None:
        """Use `device` (a torch device string such as "cpu" or "cuda:0") for the next run."""
        self._device = device
        self._device_value.setText(device)

    @property
    def is_running(self) -> bool:
        return self._worker is not None

    def start_training(self) -> bool:
        """Start a run with the form's settings; returns False when they are invalid or a run is active."""
        if self._worker is not None:
            return False
        config = self._validate_form()
        if config is None:
            return False

        self._run_config = config
        self._latest = None
        self._result = None
        self._failure = ""
        self._stopping = False
        self._loss_series.clear()
        self._create_parameter_curves(config.features, config.true_weight, config.true_bias)
        self._progress_bar.setRange(0, config.epochs)
        self._progress_bar.setValue(0)
        # The epoch axes span the whole run from the start, so curves grow to the right
        # and the axes need not be redrawn as each batch arrives.
        for plot in (self._loss_plot, self._parameter_plot):
            plot.getPlotItem().setXRange(0, config.epochs, padding=0.02)
        self._redraw_plots()

        self._worker = TrainingWorker(config)
        self._worker.progress_ready.connect(self._on_worker_progress_ready)
        self._worker.run_finished.connect(self._on_worker_run_finished)
        self._worker.run_failed.connect(self._on_worker_run_failed)
        self._worker.start()
        self._redraw_timer.start()
        log.info("Training started: %s", config)
        self._update_controls()
        self._show_progress()
        self._show_status()
        self._show_prediction()
        self.training_started.emit()
        return True

    def stop_training(self) -> None:
        """Ask the running worker to stop after its current batch; training_finished follows."""
        if self._worker is None or self._stopping:
            return
        self._stopping = True
        self._worker.cancel()
        self._update_controls()
        self._show_status()

    def shutdown(self) -> None:
        """Stop the worker and wait for its thread to end; for the window's closeEvent."""
        worker = self._worker
        if worker is None:
            return
        self._worker = None
        self._redraw_timer.stop()
        worker.cancel()
        if not worker.wait(SHUTDOWN_TIMEOUT_MS):
            log.warning("Training thread still running %d ms after cancel", SHUTDOWN_TIMEOUT_MS)
            self._unfinished_worker = worker
        self._update_controls()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # Form

    def _read_form(self) -> tuple[TrainingConfig | None, list[str]]:
        """Build a config from the form; returns it with no errors, or None with the messages."""
        errors: list[str] = []
        features = self._features_field.value()
        # A field that does not parse is replaced by a valid stand-in, so that the
        # other settings are still checked and every problem shows at once.
        lr = TrainingConfig.lr
        lr_text = self._lr_field.text().strip()
        if not lr_text:
            errors.append(self.tr("Enter a learning rate, such as 0.001."))
        else:
            try:
                lr = float(lr_text)
            except ValueError:
                errors.append(self.tr("Learning rate {text!r} is not a number. Enter a value such as 0.001.")
                              .format(text=lr_text))
        test_input = (0.0,) * features
        try:
            test_input = parse_test_input(self._test_input_field.text())
        except ConfigError as error:
            errors += [problem.localized() for problem in error.errors]

        config = TrainingConfig(
            samples=self._samples_field.value(),
            features=features,
            epochs=self._epochs_field.value(),
            lr=lr,
            seed=self._seed_field.value(),
            device=self._device,
            test_input=test_input,
        )
        # The device comes from the toolbar's list of detected devices; the worker checks it again.
        errors += [problem.localized() for problem in config.validate(include_device=False)]
        if errors:
            return None, errors
        return config, []

    @Slot()
    def _on_form_field_changed(self) -> None:
        self._validate_form()

    @Slot()
    def _on_start_button_clicked(self) -> None:
        self.start_training()

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.stop_training()

    def _validate_form(self) -> TrainingConfig | None:
        """Show the form's problems under it; returns the config when there are none."""
        config, errors = self._read_form()
        self._error_label.setText("\n".join(errors))
        self._error_label.setVisible(bool(errors))
        self._form_valid = config is not None
        self._update_controls()
        return config

    def _update_controls(self) -> None:
        running = self._worker is not None
        self._settings_box.setEnabled(not running)
        self._start_button.setEnabled(not running and self._form_valid)
        self._stop_button.setEnabled(running and not self._stopping)

    # Worker signals

    @Slot(object)
    def _on_worker_progress_ready(self, progress) -> None:
        if self._worker is None:
            return
        self._latest = progress
        self._loss_series.extend(np.arange(progress.first_epoch, progress.epoch + 1), progress.losses)
        shown = self._parameter_series.columns - 1
        parameters = progress.parameters
        columns = np.column_stack((parameters[:, :shown], parameters[:, -1]))
        self._parameter_series.extend(progress.parameter_epochs, columns)
        self._plots_dirty = True
        self.training_progressed.emit(progress)

    @Slot(object)
    def _on_worker_run_finished(self, result) -> None:
        if self._worker is None:
            return
        self._finish_run()
        self._result = result
        log.info("Training finished: %d epochs in %.2f s, loss %.3g, stopped early: %s",
                 result.epochs, result.seconds, result.final_loss, result.stopped_early)
        self._show_progress()
        self._show_status()
        self._show_prediction()
        self.training_finished.emit(result)

    @Slot(str)
    def _on_worker_run_failed(self, message: str) -> None:
        if self._worker is None:
            return
        self._finish_run()
        self._failure = message
        self._show_status()
        self.training_failed.emit(message)

    def _finish_run(self) -> None:
        worker = self._worker
        self._worker = None
        self._stopping = False
        # run() has returned once its last signal arrives here, so this wait ends at once.
        worker.wait()
        worker.deleteLater()
        self._redraw_timer.stop()
        self._redraw_plots()
        self._update_controls()

    # Drawing

    @Slot()
    def _on_redraw_timer_timeout(self) -> None:
        if self._plots_dirty:
            self._redraw_plots()
            self._show_progress()

    def _redraw_plots(self) -> None:
        self._plots_dirty = False
        epochs, losses = self._loss_series.data()
        losses = losses[:, 0]
        # NaN breaks the curve (connect="finite") where a diverging run's loss overflows.
        losses = np.where(np.isfinite(losses), np.maximum(losses, LOSS_FLOOR), np.nan)
        self._loss_curve.setData(epochs, losses)

        epochs, values = self._parameter_series.data()
        for column, curve in enumerate(self._parameter_curves):
            curve.setData(epochs, values[:, column])

    def _show_progress(self) -> None:
        progress = self._latest
        if progress is None:
            self._progress_bar.setValue(0)
            # Before the first batch, the worker may still be loading torch and drawing the data.
            starting = self._worker is not None
            self._progress_bar.setFormat(self.tr("Starting…") if starting else self.tr("Not started"))
            self._rate_label.setText("")
            for label in (self._weights_value, self._bias_value, self._loss_value):
                label.setText("–")
            return
        self._progress_bar.setValue(progress.epoch)
        self._progress_bar.setFormat(self.tr("Epoch {epoch:,} of {total:,}").format(
            epoch=progress.epoch, total=progress.total_epochs))
        self._rate_label.setText(self.tr("{rate:,.0f} epochs/s, {seconds:.2f} s").format(
            rate=progress.epochs_per_second, seconds=progress.elapsed))
        self._weights_value.setText(_format_weights(progress.weights))
        self._bias_value.setText(f"{progress.bias:.6f}")
        self._loss_value.setText(f"{progress.loss:.3e}")

    def _show_status(self) -> None:
        color = ""
        if self._worker is not None:
            text = self.tr("Stopping…") if self._stopping else self.tr("Training on {device}…").format(
                device=self._run_config.device)
        elif self._failure:
            text = self.tr("Training failed: {message}").format(message=self._failure)
            color = "color: #c62828;"
        elif self._result is not None:
            text = self._result_status(self._result)
            color = "color: #c62828;" if self._result.diverged else ""
        else:
            text = self.tr("Choose the settings and press Start.")
        self._status_label.setText(text)
        self._status_label.setStyleSheet(color)

    def _result_status(self, result) -> str:
        if result.diverged:
            return self.tr("Diverged at epoch {epoch:,}: the loss became infinite or NaN. "
                           "Try a smaller learning rate.").format(epoch=result.epochs)
        if result.stopped_early:
            return self.tr("Stopped at epoch {epoch:,} after {seconds:.2f} s.").format(
                epoch=result.epochs, seconds=result.seconds)
        return self.tr("Finished {epochs:,} epochs in {seconds:.2f} s on {device}.").format(
            epochs=result.epochs, seconds=result.seconds, device=result.device)

    def _show_prediction(self) -> None:
        result = self._result
        config = self._run_config
        if result is None or config is None:
            self._prediction_value.setText(self.tr("Shown after training."))
            return
        inputs = ", ".join(f"{value:g}" for value in config.test_input)
        prediction = self.tr("Prediction for [{inputs}] under torch.no_grad(): {prediction:.4f}").format(
            inputs=inputs, prediction=result.prediction)
        expected = self.tr("The true weights give {expected:.4f}.").format(expected=result.expected_prediction)
        self._prediction_value.setText(f"{prediction}\n{expected}")


def _format_weights(weights: list[float]) -> str:
    shown = ", ".join(f"{weight:.6f}" for weight in weights[:MAX_SHOWN_WEIGHTS])
    if len(weights) > MAX_SHOWN_WEIGHTS:
        shown += f", … ({len(weights)})"
    return f"[{shown}]"
