"""The Training tab: the tutorial's linear regression, trained live.

A `TrainingWorker` thread runs `explorer.training.RegressionTrainer` and emits
each batch of progress as plain data, about 20 times a second. The tab stores
what arrives. While a run is live, it redraws the plots when a batch arrives,
but not twice within `REDRAW_INTERVAL_MS`, so a fast run cannot flood the GUI
thread. Start, Pause, Resume, Stop, Reset and Step drive the worker. Each is
enabled only in the states where it does something.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.training import TrainingConfig, export_script, loss_csv
from explorer.ui.training_files import save_bytes, save_png
from explorer.ui.training_form import TrainingForm
from explorer.ui.training_graph import StepGraphController
from explorer.ui.training_plots import MAX_SHOWN_WEIGHTS, TrainingPlots
from explorer.ui.training_test_panel import TestPanel
from explorer.ui.training_worker import TrainingWorker
from explorer.ui.workers import detach_running_thread

log = logging.getLogger(__name__)

# The minimum time between live redraws. The worker sends a batch every 50 ms or more
# (explorer.training.trainer.BATCH_SECONDS), so a live redraw normally happens in the
# slot that receives a batch, and this bound only stops bunched arrivals from flooding.
REDRAW_INTERVAL_MS = 25
# Live redraws update the labels on one frame in this many.
LABEL_FRAMES = 4
SHUTDOWN_TIMEOUT_MS = 10_000
ERROR_STYLE = "color: #c62828;"

IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"


class TrainingTab(QWidget):
    """Settings, controls, live plots, the test prediction, the graph of a step and exports.

    Every method runs in the GUI thread; torch work happens in worker threads.
    """

    training_started = Signal()
    training_progressed = Signal(object)  # TrainingProgress, about 20 times a second
    training_paused = Signal(int)  # the epoch reached
    training_finished = Signal(object)  # TrainingResult, also for a stopped or diverged run
    training_failed = Signal(str)
    training_reset = Signal()
    graph_shown = Signal(object)  # ProgramReport of one step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker: TrainingWorker | None = None
        self._state = IDLE
        self._reset_after_stop = False
        self._run_config: TrainingConfig | None = None
        self._latest = None  # TrainingProgress of the current or last run
        self._result = None  # TrainingResult of the last run
        self._failure = ""
        self._form_valid = False
        # Workers that did not end within SHUTDOWN_TIMEOUT_MS; kept referenced, because
        # deleting a running QThread aborts the process.
        self.graph = StepGraphController(self)
        self.graph.graph_shown.connect(self.graph_shown)
        self._frames = 0

        self.form = TrainingForm(self)
        self.form.changed.connect(self._on_form_changed)
        self.test_panel = TestPanel(self)
        self.test_panel.changed.connect(self._on_form_changed)
        self.plots = TrainingPlots(self)
        self._create_controls()
        self._create_readouts()
        self._create_graph_controls()
        self._create_export_controls()
        self._create_layout()
        # Draws progress that arrived too soon after the last live redraw.
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self._on_redraw_timer_timeout)
        self._last_live_redraw = -float("inf")  # time.perf_counter() seconds
        self.retranslate()

    # Construction

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self, objectName=name)
        button.clicked.connect(slot)
        return button

    def _create_controls(self) -> None:
        self._start_button = self._button("start_button", self._on_start_button_clicked)
        self._pause_button = self._button("pause_button", self._on_pause_button_clicked)
        self._resume_button = self._button("resume_button", self._on_resume_button_clicked)
        self._stop_button = self._button("stop_button", self._on_stop_button_clicked)
        self._reset_button = self._button("reset_button", self._on_reset_button_clicked)
        self._step_button = self._button("step_button", self._on_step_button_clicked)
        self._progress_bar = QProgressBar(self, objectName="progress_bar")
        self._progress_bar.setRange(0, TrainingConfig.epochs)
        self._progress_bar.setValue(0)
        self._rate_label = QLabel(self, objectName="rate_label")
        self._status_label = QLabel(self, objectName="status_label")
        self._status_label.setWordWrap(True)
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error_label = QLabel(self, objectName="error_label")
        self._error_label.setWordWrap(True)
        self._error_label.setStyleSheet(ERROR_STYLE)
        self._error_label.hide()

    def _create_readouts(self) -> None:
        self._values_box = QGroupBox(self)
        grid = QGridLayout(self._values_box)
        self._value_names = [QLabel(self) for _ in range(3)]
        self._weights_value = QLabel("–", self, objectName="weights_value")
        self._bias_value = QLabel("–", self, objectName="bias_value")
        self._loss_value = QLabel("–", self, objectName="loss_value")
        values = (self._weights_value, self._bias_value, self._loss_value)
        for row, (name, value) in enumerate(zip(self._value_names, values)):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)

    def _create_graph_controls(self) -> None:
        self._graph_button = self._button("graph_button", self._on_graph_button_clicked)
        self._graph_every_field = QSpinBox(self, objectName="graph_every_field")
        self._graph_every_field.setRange(0, 10_000_000)
        self._graph_every_field.setGroupSeparatorShown(True)
        self._graph_every_field.setValue(0)

    def _create_export_controls(self) -> None:
        self._export_script_button = self._button("export_script_button", self._on_export_script_button_clicked)
        self._export_csv_button = self._button("export_csv_button", self._on_export_csv_button_clicked)
        self._export_png_button = self._button("export_png_button", self._on_export_png_button_clicked)

    def _create_layout(self) -> None:
        run_buttons = QGridLayout()
        for index, button in enumerate((self._start_button, self._pause_button, self._resume_button,
                                        self._step_button, self._stop_button, self._reset_button)):
            run_buttons.addWidget(button, index // 3, index % 3)
        graph_row = QHBoxLayout()
        graph_row.addWidget(self._graph_button)
        self._graph_every_label = QLabel(self)
        self._graph_every_label.setBuddy(self._graph_every_field)
        graph_row.addWidget(self._graph_every_label)
        graph_row.addWidget(self._graph_every_field)
        export_row = QHBoxLayout()
        for button in (self._export_script_button, self._export_csv_button, self._export_png_button):
            export_row.addWidget(button)

        side = QVBoxLayout()
        side.addWidget(self.form)
        side.addWidget(self._error_label)
        side.addLayout(run_buttons)
        side.addWidget(self._progress_bar)
        side.addWidget(self._rate_label)
        side.addWidget(self._status_label)
        side.addWidget(self._values_box)
        side.addWidget(self.test_panel)
        side.addLayout(graph_row)
        side.addLayout(export_row)
        side.addStretch(1)
        side_panel = QWidget(self)
        side_panel.setLayout(side)
        side_panel.setMinimumWidth(330)
        side_panel.setMaximumWidth(460)

        layout = QHBoxLayout(self)
        layout.addWidget(side_panel)
        layout.addWidget(self.plots, 1)

    # Texts

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self._start_button.setText(self.tr("Start"))
        self._pause_button.setText(self.tr("Pause"))
        self._resume_button.setText(self.tr("Resume"))
        self._stop_button.setText(self.tr("Stop"))
        self._reset_button.setText(self.tr("Reset"))
        self._step_button.setText(self.tr("Step"))
        self._step_button.setToolTip(self.tr("Train one epoch, then pause"))
        self._reset_button.setToolTip(self.tr("Clear the plots and results, back to the initial weights"))
        self._values_box.setTitle(self.tr("Parameters"))
        self._value_names[0].setText(self.tr("Weights"))
        self._value_names[1].setText(self.tr("Bias"))
        self._value_names[2].setText(self.tr("Loss"))
        self._graph_button.setText(self.tr("Graph of a step…"))
        self._graph_button.setToolTip(self.tr("Open the autograd graph of one training step"))
        self._graph_every_label.setText(self.tr("refresh every"))
        self._graph_every_field.setSuffix(self.tr(" epochs"))
        self._graph_every_field.setSpecialValueText(self.tr("never"))
        self._graph_every_field.setToolTip(
            self.tr("While training runs, redraw the open graph every this many epochs; 0 never redraws it"))
        self._export_script_button.setText(self.tr("Script…"))
        self._export_script_button.setToolTip(self.tr("Save the run as a plain PyTorch script that reproduces it"))
        self._export_csv_button.setText(self.tr("CSV…"))
        self._export_csv_button.setToolTip(self.tr("Save each epoch's loss as CSV"))
        self._export_png_button.setText(self.tr("PNG…"))
        self._export_png_button.setToolTip(self.tr("Save the plots as a PNG image"))
        self._validate_form()
        self._show_progress()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Public interface

    def settings_texts(self) -> dict[str, str]:
        """Return the form's settings and the test input as text, for a session file."""
        texts = self.form.field_texts()
        texts["test_input"] = self.test_panel.input_field.text()
        return texts

    def apply_settings_texts(self, texts: dict[str, str]) -> None:
        """Fill the form and the test input from a session's settings, without starting a run."""
        self.form.set_field_texts(texts)
        if "test_input" in texts:
            self.test_panel.input_field.setText(texts["test_input"])

    def set_device(self, device: str) -> None:
        """Use `device` (a torch device string such as "cpu" or "cuda:0") for the next run."""
        self.form.set_device(device)

    @property
    def is_running(self) -> bool:
        return self._worker is not None

    @property
    def state(self) -> str:
        """One of "idle", "running", "paused" and "stopping"."""
        return self._state

    def start_training(self, *, paused: bool = False) -> bool:
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
        self.graph.forget_epoch()
        self.test_panel.clear()
        self.plots.reset(config.features, config.true_weights, config.true_bias, config.epochs)
        self._progress_bar.setRange(0, config.epochs)
        self._progress_bar.setValue(0)

        self._worker = TrainingWorker(config, paused=paused)
        self._worker.data_ready.connect(self._on_worker_data_ready)
        self._worker.progress_ready.connect(self._on_worker_progress_ready)
        self._worker.paused_changed.connect(self._on_worker_paused_changed)
        self._worker.run_finished.connect(self._on_worker_run_finished)
        self._worker.run_cancelled.connect(self._on_worker_run_cancelled)
        self._worker.run_failed.connect(self._on_worker_run_failed)
        self._state = PAUSED if paused else RUNNING
        self._worker.start()
        log.info("Training started: %s", config)
        self._update_controls()
        self._show_progress()
        self._show_status()
        self.training_started.emit()
        return True

    def pause_training(self) -> None:
        if self._state != RUNNING:
            return
        self._state = PAUSED
        self._worker.pause()
        self._update_controls()
        self._show_status()

    def resume_training(self) -> None:
        if self._state != PAUSED:
            return
        self._state = RUNNING
        self._worker.resume()
        self._update_controls()
        self._show_status()

    def step_training(self) -> bool:
        """Train one epoch: from a paused run, or as the first epoch of a new paused run."""
        if self._state == IDLE:
            if not self.start_training(paused=True):
                return False
        elif self._state != PAUSED:
            return False
        self._worker.step()
        return True

    def stop_training(self) -> None:
        """Ask the worker to stop after its current batch; training_finished follows."""
        if self._state not in (RUNNING, PAUSED):
            return
        self._state = STOPPING
        self._worker.cancel()
        self._update_controls()
        self._show_status()

    def reset_training(self) -> None:
        """Clear the plots and results; a paused run is stopped first."""
        if self._state == PAUSED:
            self._reset_after_stop = True
            self.stop_training()
            return
        if self._state != IDLE:
            return
        self._clear()

    def _clear(self) -> None:
        self._reset_after_stop = False
        self._run_config = None
        self._latest = None
        self._result = None
        self._failure = ""
        config = self._validate_form() or TrainingConfig()
        self.plots.reset(config.features, config.true_weights, config.true_bias, config.epochs)
        self.test_panel.clear()
        self._progress_bar.setRange(0, config.epochs)
        self._update_controls()
        self._show_progress()
        self._show_status()
        self.training_reset.emit()

    def shutdown(self) -> None:
        """Stop the workers and wait for their threads to end; for the window's closeEvent."""
        self._redraw_timer.stop()
        self.test_panel.shutdown()
        worker = self._worker
        self._worker = None
        if worker is not None:
            worker.cancel()
            if not worker.wait(SHUTDOWN_TIMEOUT_MS):
                log.warning("Training thread still running %d ms after cancel", SHUTDOWN_TIMEOUT_MS)
                detach_running_thread(worker)
        graph_worker = self.graph.shutdown(SHUTDOWN_TIMEOUT_MS)
        if graph_worker is not None:
            log.warning("Graph thread still running %d ms after the tab closed", SHUTDOWN_TIMEOUT_MS)
            detach_running_thread(graph_worker)
        self._state = IDLE
        self._update_controls()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # Form

    def _validate_form(self) -> TrainingConfig | None:
        """Show the form's problems under it; returns the config when there are none."""
        test_input = self.test_panel.test_input()
        config, errors = self.form.read(test_input)
        errors = self.test_panel.input_errors() + errors
        self._error_label.setText("\n".join(errors))
        self._error_label.setVisible(bool(errors))
        self._form_valid = config is not None
        self._update_controls()
        return config

    @Slot()
    def _on_form_changed(self) -> None:
        self._validate_form()

    def _update_controls(self) -> None:
        state = self._state
        idle = state == IDLE
        self.form.setEnabled(idle)
        self._start_button.setEnabled(idle and self._form_valid)
        self._pause_button.setEnabled(state == RUNNING)
        self._resume_button.setEnabled(state == PAUSED)
        self._step_button.setEnabled(state == PAUSED or (idle and self._form_valid))
        self._stop_button.setEnabled(state in (RUNNING, PAUSED))
        has_run = self._latest is not None or self._result is not None or bool(self._failure)
        self._reset_button.setEnabled(state == PAUSED or (idle and has_run))
        self._graph_button.setEnabled(state != STOPPING and (self._form_valid or self._run_config is not None))
        self._export_script_button.setEnabled(idle and (self._form_valid or self._result is not None))
        self._export_csv_button.setEnabled(idle and self._result is not None)
        self._export_png_button.setEnabled(self._latest is not None)

    # Buttons

    @Slot()
    def _on_start_button_clicked(self) -> None:
        self.start_training()

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        self.pause_training()

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        self.resume_training()

    @Slot()
    def _on_step_button_clicked(self) -> None:
        self.step_training()

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.stop_training()

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        self.reset_training()

    @Slot()
    def _on_graph_button_clicked(self) -> None:
        self.show_step_graph()

    # Worker signals

    @Slot(object, object)
    def _on_worker_data_ready(self, x, y) -> None:
        if self._worker is None:
            return
        self.plots.set_data(x, y)

    @Slot(object)
    def _on_worker_progress_ready(self, progress) -> None:
        if self._worker is None:
            return
        self._latest = progress
        self.plots.add_progress(progress)
        if self._state == PAUSED:
            # A step while paused: draw everything it changed.
            self._redraw()
        else:
            self._schedule_live_redraw()
        self.graph.refresh_if_due(self._run_config, progress, self._graph_every_field.value())
        self.training_progressed.emit(progress)

    @Slot(bool)
    def _on_worker_paused_changed(self, paused: bool) -> None:
        if self._worker is None or not paused:
            return
        epoch = self._latest.epoch if self._latest is not None else 0
        self._redraw()
        self._show_status()
        self._update_controls()
        self.training_paused.emit(epoch)

    @Slot(object)
    def _on_worker_run_finished(self, result) -> None:
        if self._worker is None:
            return
        self._finish_run()
        if self._reset_after_stop:
            self._clear()
            return
        self._result = result
        log.info("Training finished: %d epochs in %.2f s, loss %.3g, stopped early: %s, diverged: %s",
                 result.epochs, result.seconds, result.final_loss, result.stopped_early, result.diverged)
        self._show_progress()
        self._show_status()
        self._update_controls()
        self.training_finished.emit(result)

    @Slot()
    def _on_worker_run_cancelled(self) -> None:
        if self._worker is None:
            return
        self._finish_run()
        self._clear()

    @Slot(str)
    def _on_worker_run_failed(self, message: str) -> None:
        if self._worker is None:
            return
        self._finish_run()
        self._failure = message
        self._show_status()
        self._update_controls()
        self.training_failed.emit(message)

    def _finish_run(self) -> None:
        worker = self._worker
        self._worker = None
        self._state = IDLE
        # run() has returned once its last signal arrives here, so this wait ends at once.
        worker.wait()
        worker.deleteLater()
        self._redraw_timer.stop()
        self._redraw()
        self._update_controls()

    # Drawing

    def _schedule_live_redraw(self) -> None:
        """Redraw now if the last live redraw is REDRAW_INTERVAL_MS old, else when it will be.

        Redrawing in the slot that received the progress, rather than from a
        separate timer, wakes the GUI thread once per batch instead of twice.
        Every wake-up takes a CPU from the training thread and runs cold
        Python code while holding the GIL.
        """
        if self._redraw_timer.isActive():
            return
        waited_ms = (time.perf_counter() - self._last_live_redraw) * 1000
        if waited_ms >= REDRAW_INTERVAL_MS:
            self._live_redraw()
        else:
            self._redraw_timer.start(max(1, round(REDRAW_INTERVAL_MS - waited_ms)))

    @Slot()
    def _on_redraw_timer_timeout(self) -> None:
        self._live_redraw()

    def _live_redraw(self) -> None:
        self._last_live_redraw = time.perf_counter()
        if self.plots.dirty:
            self._redraw(full=False)

    def _redraw(self, *, full: bool = True) -> None:
        self.plots.redraw(full=full)
        # A new label text relayouts the whole tab, and that GUI work slows the training
        # thread (they share the GIL and the CPUs). Live redraws so update the labels on
        # one frame in LABEL_FRAMES, about 5 times a second. Updated on every third frame,
        # they cost the GUI thread about 16 ms of CPU time a second, and about 10 ms on
        # every sixth (benchmarks/training_throughput.py setup, 2-CPU x86_64).
        self._frames += 1
        if full or self._frames % LABEL_FRAMES == 1:
            self._show_progress()

    def _show_progress(self) -> None:
        progress = self._latest
        if progress is None:
            self._progress_bar.setValue(0)
            # Before the first batch, the worker may still be loading torch and drawing the data.
            starting = self._state == RUNNING
            self._progress_bar.setFormat(self.tr("Starting…") if starting else self.tr("Not started"))
            self._rate_label.setText("")
            for label in (self._weights_value, self._bias_value, self._loss_value):
                label.setText("–")
            return
        self._progress_bar.setValue(progress.epoch)
        self._progress_bar.setFormat(self.tr("Epoch {epoch:,} of {total:,}").format(
            epoch=progress.epoch, total=progress.total_epochs))
        rate = progress.epochs_per_second
        if self._state == RUNNING and rate > 0:
            left = (progress.total_epochs - progress.epoch) / rate
            self._rate_label.setText(self.tr("{rate:,.0f} epochs/s, {left} left").format(
                rate=rate, left=_duration(left)))
        else:
            self._rate_label.setText(self.tr("{rate:,.0f} epochs/s, {seconds:.2f} s").format(
                rate=rate, seconds=progress.elapsed))
        self._weights_value.setText(_format_weights(progress.weights))
        self._bias_value.setText(format_number(progress.bias))
        self._loss_value.setText(f"{progress.loss:.3e}")
        config = self._run_config
        if config is not None:
            self.test_panel.show_prediction(config, config.test_input, progress.weights, progress.bias,
                                            progress.prediction)

    def _show_status(self) -> None:
        style = ""
        if self._state == STOPPING:
            text = self.tr("Stopping…")
        elif self._state == PAUSED:
            epoch = self._latest.epoch if self._latest is not None else 0
            text = self.tr("Paused at epoch {epoch:,}. Resume, Step one epoch, Stop or Reset.").format(epoch=epoch)
        elif self._state == RUNNING:
            text = self.tr("Training on {device}…").format(device=self._run_config.device)
        elif self._failure:
            text = self.tr("Training failed: {message}").format(message=self._failure)
            style = ERROR_STYLE
        elif self._result is not None:
            text = self._result_status(self._result)
            style = ERROR_STYLE if self._result.diverged else ""
        else:
            text = self.tr("Choose the settings and press Start.")
        self._status_label.setText(text)
        self._status_label.setStyleSheet(style)

    def _result_status(self, result) -> str:
        if result.divergence is not None:
            return result.divergence.message(self._run_config.lr).localized()
        if result.stopped_early:
            return self.tr("Stopped at epoch {epoch:,} after {seconds:.2f} s.").format(
                epoch=result.epochs, seconds=result.seconds)
        return self.tr("Finished {epochs:,} epochs in {seconds:.2f} s on {device}.").format(
            epochs=result.epochs, seconds=result.seconds, device=result.device)

    # Graph of a step

    def show_step_graph(self) -> bool:
        """Build the graph of one step from the current weights in a worker; graph_shown follows."""
        config = self._run_config or self._validate_form()
        if config is None:
            return False
        self.graph.request(config, self._latest)
        return True

    # Export

    @Slot()
    def _on_export_script_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the run as a script"), "regression.py",
                                              self.tr("Python files (*.py)"))
        if path:
            self.export_script_to(path)

    @Slot()
    def _on_export_csv_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the loss history"), "loss.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv_to(path)

    @Slot()
    def _on_export_png_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the plots"), "training.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            self.export_png_to(path)

    def export_script_to(self, path: str) -> bool:
        """Write the last run (up to the epoch it reached) or the form's run as a PyTorch script."""
        if self._result is not None and self._run_config is not None:
            source = export_script(self._run_config, epochs=self._result.epochs)
        else:
            config = self._validate_form()
            if config is None:
                return False
            source = export_script(config)
        return self._write(path, source.encode("utf-8"))

    def export_csv_to(self, path: str) -> bool:
        """Write every epoch's loss of the last run as CSV."""
        if self._result is None:
            return False
        return self._write(path, loss_csv(self._result.loss_history).encode("utf-8"))

    def export_png_to(self, path: str) -> bool:
        """Write the three plots as one PNG image."""
        self._redraw()
        return self._report_write(path, save_png(self.plots, path))

    def _write(self, path: str, data: bytes) -> bool:
        return self._report_write(path, save_bytes(path, data))

    def _report_write(self, path: str, reason: str | None) -> bool:
        if reason is None:
            return True
        log.warning("Could not write %s: %s", path, reason)
        self._status_label.setText(self.tr("Could not write {path}: {reason}").format(path=path, reason=reason))
        self._status_label.setStyleSheet(ERROR_STYLE)
        return False


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_number(value: float, decimals: int = 6) -> str:
    """Format with fixed decimals, or in scientific notation when the value is huge (a diverged run)."""
    if abs(value) >= 1e6:
        return f"{value:.4e}"
    return f"{value:.{decimals}f}"


def _format_weights(weights: list[float]) -> str:
    shown = ", ".join(format_number(weight) for weight in weights[:MAX_SHOWN_WEIGHTS])
    if len(weights) > MAX_SHOWN_WEIGHTS:
        shown += f", … ({len(weights)})"
    return f"[{shown}]"
