"""Train the Training tab's regression in a child process.

In a thread of the window's process, the training loop shares the GIL with
the GUI thread, which holds it while it handles each batch and paints the
plots. Measured on two CPUs with the plots updating about 20 times a second,
the training thread waited for the GIL 3.6% of the time. A child process has
a GIL of its own.

The child imports torch once and runs one training at a time with
`explorer.training.control.run_training`. The parent sends ("train", id,
config, paused) and then ("pause" | "resume" | "step" | "cancel", id). The
child sends "data", "progress" and "paused" frames, acknowledges "cancel"
with "stopping" from its command thread, and ends each run with "finished"
(a TrainingResult, or None when no epoch ran), "config_error" or "failed". Frames travel as `explorer.child_process`
describes; the parent unpickles only the classes in `_RESULT_CLASSES`.

Run the child with `python -m explorer.training_process`.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from explorer.child_process import (
    EXITED,
    ChildProcess,
    WarmChild,
    read_frame,
    restricted_unpickler,
    take_frame_streams,
    write_frame,
)
from explorer.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    import numpy as np

    from explorer.training.config import TrainingConfig
    from explorer.training.trainer import TrainingProgress, TrainingResult

log = logging.getLogger(__name__)

# How often the parent forwards requests while it waits for the next frame.
POLL_SECONDS = 0.01
# How long the child may take to acknowledge a stop request before it is
# killed. Its command thread acknowledges at once; the run itself then stops
# after the current epoch, which can take seconds with small minibatches.
STOP_GRACE_SECONDS = 2.0
REQUESTS = frozenset({"pause", "resume", "step", "cancel"})

# Everything progress and results contain besides plain Python values.
_RESULT_CLASSES = {
    ("explorer.training.trainer", "TrainingProgress"),
    ("explorer.training.trainer", "TrainingResult"),
    ("explorer.training.divergence", "Divergence"),
    ("explorer.i18n", "Text"),
    # numpy arrays, which write_frame sends as a dtype string, a shape and the bytes.
    ("explorer.child_process", "array_from_bytes"),
}

_ResultUnpickler = restricted_unpickler(_RESULT_CLASSES, "a training run")


class TrainingProcessError(Exception):
    """The training process ended unexpectedly or could not start."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def _stop_timed_out(seconds: float) -> TrainingProcessError:
    return TrainingProcessError(
        Text(
            "TrainingProcess",
            QT_TRANSLATE_NOOP(
                "TrainingProcess",
                "The process that trains the model did not stop within {seconds} s, so it was ended. "
                "Start the training again to start a fresh one.",
            ),
            {"seconds": seconds},
        )
    )


def _crashed(returncode: int | None) -> TrainingProcessError:
    return TrainingProcessError(
        Text(
            "TrainingProcess",
            QT_TRANSLATE_NOOP(
                "TrainingProcess",
                "The process that trains the model ended unexpectedly (exit code {code}). "
                "Start the training again to start a fresh one.",
            ),
            {"code": returncode},
        )
    )


class TrainingProcess(WarmChild):
    """A warm child process that trains one regression at a time.

    `train` blocks until the run ends; call it from one worker thread at a
    time. Call `start` early, so that the child has imported torch when the
    user presses Start.
    """

    MODULE = "explorer.training_process"
    UNPICKLER = _ResultUnpickler

    def __init__(self, python: str | None = None) -> None:
        super().__init__(python)
        self._run_ids = itertools.count(1)
        # Runs sent to a child so far.
        self.runs = 0

    def train(
        self,
        config: TrainingConfig,
        requests: queue.SimpleQueue,
        *,
        paused: bool = False,
        on_data: Callable[[np.ndarray, np.ndarray], None],
        on_progress: Callable[[TrainingProgress], None],
        on_paused: Callable[[bool], None],
    ) -> TrainingResult | None:
        """Train in the child like `run_training`, and return None when no epoch ran.

        "pause", "resume", "step" and "cancel" put on `requests` (from any
        thread) reach the child within POLL_SECONDS. A child that has not
        acknowledged "cancel" within STOP_GRACE_SECONDS is hung, and is
        killed. Raises ConfigError for invalid settings and TrainingProcessError
        when the child dies or is killed that way.
        """
        from explorer.training.config import ConfigError

        self.start()
        child = self._child
        while not child.ready.wait(POLL_SECONDS):
            if not child.alive():
                raise self._lost(child)
        run_id = next(self._run_ids)
        self.runs += 1
        self._send(child, ("train", run_id, config, paused))
        kill_at: float | None = None
        acknowledged = False
        while True:
            # Requests made before the run reached the child follow its "train" frame, in order.
            while True:
                try:
                    request = requests.get_nowait()
                except queue.Empty:
                    break
                if request in REQUESTS:
                    self._send(child, (request, run_id))
                if request == "cancel" and kill_at is None and not acknowledged:
                    kill_at = time.monotonic() + STOP_GRACE_SECONDS
            if kill_at is not None and time.monotonic() >= kill_at:
                log.warning("The training process did not stop within %s s; killing it", STOP_GRACE_SECONDS)
                child.kill()
                self._lost(child)
                raise _stop_timed_out(STOP_GRACE_SECONDS)
            try:
                message = child.messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if message is EXITED:
                raise self._lost(child)
            kind, message_run = message[0], message[1]
            if message_run != run_id:
                continue
            if kind == "stopping":
                acknowledged, kill_at = True, None
            elif kind == "data":
                on_data(message[2], message[3])
            elif kind == "progress":
                on_progress(message[2])
            elif kind == "paused":
                on_paused(message[2])
            elif kind == "finished":
                return message[2]
            elif kind == "config_error":
                raise ConfigError(message[2])
            elif kind == "failed":
                raise TrainingProcessError(message[2])

    def _send(self, child: ChildProcess, message: object) -> None:
        try:
            child.send(message)
        except OSError:
            # The child has died; its reader reports EXITED next.
            log.warning("The training process closed its input")

    def _lost(self, child: ChildProcess) -> TrainingProcessError:
        """Replace a dead child and return the error that reports its end."""
        returncode = child.exit_code()
        self._replace(child)
        return _crashed(returncode)


def shared_training_process() -> TrainingProcess:
    """Return the app's one TrainingProcess, created on first use and closed at exit."""
    return TrainingProcess.shared()


# --- the child ---------------------------------------------------------------


def _child_main() -> None:
    frames, commands = take_frame_streams()

    from explorer.training.config import ConfigError, TrainingConfig
    from explorer.training.control import TrainingControl, run_training

    # Load torch, the optimizer's lazy imports and the first kernels before reporting ready.
    run_training(TrainingConfig(epochs=2), TrainingControl(),
                 on_data=lambda x, y: None, on_progress=lambda progress: None, on_paused=lambda paused: None)

    send_lock = threading.Lock()

    def send(message: object) -> None:
        with send_lock:
            write_frame(frames, message)

    jobs: queue.Queue = queue.Queue()
    controls: dict[int, TrainingControl] = {}
    controls_lock = threading.Lock()

    def read_commands() -> None:
        while True:
            message = read_frame(commands)
            if message is None:
                # The parent is gone: nothing is left to report to.
                os._exit(0)
            kind, run_id = message[0], message[1]
            with controls_lock:
                if kind == "train":
                    control = controls[run_id] = TrainingControl(paused=message[3])
                    jobs.put((run_id, message[2], control))
                    continue
                control = controls.get(run_id)
            if control is not None and kind in REQUESTS:
                getattr(control, kind)()
                if kind == "cancel":
                    # Tells the parent that this process is alive and the run ends after its epoch.
                    send(("stopping", run_id))

    threading.Thread(target=read_commands, name="commands", daemon=True).start()
    send(("ready", os.getpid()))
    while True:
        run_id, config, control = jobs.get()
        try:
            result = run_training(
                config,
                control,
                on_data=lambda x, y: send(("data", run_id, x, y)),
                on_progress=lambda progress: send(("progress", run_id, progress)),
                on_paused=lambda paused: send(("paused", run_id, paused)),
            )
            send(("finished", run_id, result))
        except ConfigError as error:
            send(("config_error", run_id, error.errors))
        except Exception as error:  # noqa: BLE001 - reported to the parent, which shows it
            log.exception("Training run %d failed", run_id)
            send(("failed", run_id, Text("TrainingProcess", "{error}", {"error": f"{type(error).__name__}: {error}"})))
        finally:
            with controls_lock:
                controls.pop(run_id, None)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _child_main()
