"""Threads of the Training tab: the training run itself and the graph of one step.

Both run torch work outside the GUI thread and emit plain data: progress and
results from explorer.training, and an `explorer.runner.ProgramReport` that
contains the graph and its layout.
"""

from __future__ import annotations

import logging
import queue

from PySide6.QtCore import QThread, Signal

from explorer.training import ConfigError, TrainingConfig
from explorer.training.control import TrainingControl, run_training
from explorer.training_process import TrainingProcessError, shared_training_process

log = logging.getLogger(__name__)


class TrainingWorker(QThread):
    """Runs one regression, a batch of epochs at a time, and emits its progress.

    The training runs in the app's warm training process (see
    `explorer.training_process`), which does not share the GUI thread's GIL,
    and this thread forwards requests and progress. Until that process has
    imported torch (a few seconds after start), the training runs in this
    thread instead. `pause()`, `resume()`, `step()` and `cancel()` may be
    called from any thread. They take effect between batches, which last
    about 50 ms, or one epoch when an epoch takes longer. A worker created
    with `paused=True` waits for `resume()` or `step()` before its first
    epoch.
    """

    data_ready = Signal(object, object)  # x and y of the first samples, numpy arrays
    progress_ready = Signal(object)  # TrainingProgress
    paused_changed = Signal(bool)
    run_finished = Signal(object)  # TrainingResult
    run_cancelled = Signal()  # cancelled before the first epoch, so there is no result
    run_failed = Signal(str)

    def __init__(self, config: TrainingConfig, parent=None, *, paused: bool = False, process=None) -> None:
        super().__init__(parent)
        self._config = config
        self._paused = paused
        self._process = process
        # Each request goes to both: the thread path obeys the control, and the process path forwards the queue.
        self._control = TrainingControl(paused=paused)
        self._requests: queue.SimpleQueue = queue.SimpleQueue()

    def _request(self, name: str) -> None:
        getattr(self._control, name)()
        self._requests.put(name)

    def cancel(self) -> None:
        self._request("cancel")

    def pause(self) -> None:
        self._request("pause")

    def resume(self) -> None:
        self._request("resume")

    def step(self) -> None:
        """Run one epoch while paused."""
        self._request("step")

    def run(self) -> None:
        callbacks = {
            "on_data": self.data_ready.emit,
            "on_progress": self.progress_ready.emit,
            "on_paused": self.paused_changed.emit,
        }
        try:
            process = self._process or shared_training_process()
            if process.is_ready():
                result = process.train(self._config, self._requests, paused=self._paused, **callbacks)
            else:
                process.start()
                result = run_training(self._config, self._control, **callbacks)
        except ConfigError as error:
            log.info("Training settings rejected: %s", error)
            self.run_failed.emit("\n".join(problem.localized() for problem in error.errors))
            return
        except TrainingProcessError as error:
            log.error("The training process failed: %s", error)
            self.run_failed.emit(error.text.localized())
            return
        except Exception as error:  # noqa: BLE001 - shown in the tab, then logged
            log.exception("Training failed on %s", self._config.device)
            self.run_failed.emit(f"{type(error).__name__}: {error}")
            return
        if result is None:
            self.run_cancelled.emit()
        else:
            self.run_finished.emit(result)


class StepGraphWorker(QThread):
    """Builds the autograd graph of one training step from given weights, and lays it out.

    The step repeats the trainer's own on a fresh copy of the data, starting
    from `weights` and `bias` (zeros when None), so the running training is
    left untouched. Emits `graph_ready` with a ProgramReport.
    """

    graph_ready = Signal(object)  # explorer.runner.ProgramReport

    def __init__(self, config: TrainingConfig, weights: list[float] | None, bias: float | None,
                 parent=None) -> None:
        super().__init__(parent)
        self._config = config
        self._weights = weights
        self._bias = bias

    def run(self) -> None:
        try:
            report = build_step_report(self._config, self._weights, self._bias)
        except Exception as error:  # noqa: BLE001 - shown in the graph window, then logged
            log.exception("Building the graph of a training step failed")
            report = _failed_report(f"{type(error).__name__}: {error}", self._config.device)
        self.graph_ready.emit(report)


def build_step_report(config: TrainingConfig, weights: list[float] | None, bias: float | None):
    """Run one training step with the graph recorder attached; runs in a worker thread."""
    import time

    import torch

    from explorer.autograd import GraphRecorder
    from explorer.layout import LayoutError, layout_dot
    from explorer.runner import ProgramReport
    from explorer.training import RegressionTrainer

    started = time.perf_counter()
    # One epoch is enough; the trainer's own epochs count is irrelevant here.
    trainer = RegressionTrainer(_one_epoch(config))
    if weights is not None and bias is not None:
        with torch.no_grad():
            trainer.w1.copy_(torch.tensor(weights, dtype=trainer.w1.dtype).view(-1, 1))
            trainer.b1.fill_(bias)
    recorder = GraphRecorder()
    report = ProgramReport(device=config.device)

    def build_graph(cost, names) -> None:
        # Built after backward() and before optimizer.step(), so each leaf shows the
        # value the forward pass used beside its .grad. With minibatches the last one wins.
        report.graph = recorder.build(names, root=cost, root_name="cost")

    trainer.advance(max_epochs=1, before_backward=recorder.before_backward, after_backward=build_graph)
    if report.graph is not None:
        try:
            report.layout = layout_dot(report.graph.dot_source)
        except LayoutError as error:
            report.layout_error = error.text
    report.seconds = time.perf_counter() - started
    return report


def _one_epoch(config: TrainingConfig) -> TrainingConfig:
    from dataclasses import replace

    return replace(config, epochs=1)


def _failed_report(message: str, device: str):
    from explorer.runner import ProgramReport

    report = ProgramReport(device=device)
    report.output = message
    return report


class PredictWorker(QThread):
    """Predicts y for one input under torch.no_grad() from given weights and bias.

    Emits `prediction_ready(inputs, prediction)`; a NaN prediction when the weights are NaN.
    """

    prediction_ready = Signal(object, float)

    def __init__(self, inputs: tuple[float, ...], weights: list[float], bias: float, dtype: str,
                 parent=None) -> None:
        super().__init__(parent)
        self._inputs = inputs
        self._weights = weights
        self._bias = bias
        self._dtype = dtype

    def run(self) -> None:
        import torch

        dtype = getattr(torch, self._dtype)
        w1 = torch.tensor(self._weights, dtype=dtype).view(-1, 1)
        b1 = torch.tensor([self._bias], dtype=dtype)
        test_input = torch.tensor([self._inputs], dtype=dtype)
        with torch.no_grad():
            y_hat = test_input.matmul(w1) + b1
        self.prediction_ready.emit(self._inputs, y_hat.item())
