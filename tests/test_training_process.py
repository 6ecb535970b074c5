"""The Training tab's runs train in a child process, with the same results as in this one."""

import io
import os
import pickle
import queue
import signal
import threading

import numpy as np
import pytest

from explorer.training import ConfigError, TrainingConfig
from explorer.training.control import TrainingControl, run_training
from explorer.child_process import array_from_bytes, read_frame, write_frame
from explorer.training_process import STOP_GRACE_SECONDS, TrainingProcess, TrainingProcessError, _ResultUnpickler


@pytest.fixture(scope="module")
def process():
    training_process = TrainingProcess()
    training_process.start()
    yield training_process
    training_process.close()


class Recorder:
    """Collects what a run hands out."""

    def __init__(self) -> None:
        self.data = []
        self.progress = []
        self.paused = []

    def callbacks(self) -> dict:
        return {
            "on_data": lambda x, y: self.data.append((x, y)),
            "on_progress": self.progress.append,
            "on_paused": self.paused.append,
        }


def test_child_trains_like_this_process(process):
    config = TrainingConfig(epochs=3000, seed=7, optimizer="adam", lr=0.01)
    child, local = Recorder(), Recorder()

    result = process.train(config, queue.SimpleQueue(), **child.callbacks())
    expected = run_training(config, TrainingControl(), **local.callbacks())

    assert result.epochs == expected.epochs == 3000
    assert result.weights == expected.weights
    assert result.bias == expected.bias
    np.testing.assert_array_equal(result.loss_history, expected.loss_history)
    np.testing.assert_array_equal(child.data[0][0], local.data[0][0])
    assert child.progress[-1].finished
    assert sum(len(progress.losses) for progress in child.progress) == 3000


def test_divergence_crosses_from_the_child(process):
    result = process.train(TrainingConfig(epochs=5000, lr=1.0), queue.SimpleQueue(), **Recorder().callbacks())

    assert result.diverged
    assert result.stopped_epoch == result.epochs < 5000
    assert "Training diverged at epoch" in result.divergence.message(1.0).localized()


def test_pause_step_resume_and_cancel(process):
    requests = queue.SimpleQueue()
    recorder = Recorder()
    paused = threading.Event()
    stepped = threading.Event()

    def on_paused(flag: bool) -> None:
        recorder.paused.append(flag)
        if flag:
            paused.set()

    def on_progress(progress) -> None:
        recorder.progress.append(progress)
        if progress.epoch == 1:
            stepped.set()

    outcome = {}

    def train() -> None:
        outcome["result"] = process.train(
            TrainingConfig(epochs=10_000_000), requests, paused=True,
            on_data=lambda x, y: None, on_progress=on_progress, on_paused=on_paused,
        )

    thread = threading.Thread(target=train)
    thread.start()
    assert paused.wait(30)
    requests.put("step")
    assert stepped.wait(30)
    assert [progress.epoch for progress in recorder.progress] == [1]
    requests.put("resume")
    requests.put("cancel")
    thread.join(30)

    result = outcome["result"]
    assert result.stopped_early
    assert 1 <= result.epochs < 10_000_000
    assert recorder.paused[0] is True


def test_cancel_before_the_first_epoch_gives_no_result(process):
    requests = queue.SimpleQueue()
    requests.put("cancel")

    result = process.train(TrainingConfig(epochs=100), requests, paused=True, **Recorder().callbacks())

    assert result is None


def test_invalid_settings_raise_config_error(process):
    with pytest.raises(ConfigError) as raised:
        process.train(TrainingConfig(epochs=10, device="cuda:99"), queue.SimpleQueue(), **Recorder().callbacks())

    assert "Device 'cuda:99' is not available" in raised.value.errors[0].localized()


class LongRun:
    """A long training in its own process and thread, started and past its first batch."""

    def __init__(self) -> None:
        self.process = TrainingProcess()
        self.process.start()
        self.requests = queue.SimpleQueue()
        self.error: TrainingProcessError | None = None
        started = threading.Event()
        self.thread = threading.Thread(target=self._train, args=(started,))
        self.thread.start()
        assert started.wait(60)
        self.pid = self.process.pid()

    def _train(self, started: threading.Event) -> None:
        try:
            self.process.train(TrainingConfig(epochs=10_000_000), self.requests, on_data=lambda x, y: None,
                               on_progress=lambda progress: started.set(), on_paused=lambda flag: None)
        except TrainingProcessError as error:
            self.error = error

    def next_run_epochs(self) -> int:
        """Train a short run afterwards and return its epochs."""
        return self.process.train(TrainingConfig(epochs=10), queue.SimpleQueue(), **Recorder().callbacks()).epochs


def test_killed_child_is_reported_and_replaced():
    run = LongRun()
    try:
        os.kill(run.pid, signal.SIGKILL)
        run.thread.join(30)

        assert "ended unexpectedly" in run.error.text.localized()
        # A fresh child starts in the background and trains the next run.
        assert run.next_run_epochs() == 10
        assert run.process.pid() != run.pid
    finally:
        run.process.close()


def test_stop_ends_a_child_that_does_not_respond():
    run = LongRun()
    try:
        os.kill(run.pid, signal.SIGSTOP)
        run.requests.put("cancel")
        run.thread.join(STOP_GRACE_SECONDS + 10)

        assert not run.thread.is_alive()
        assert "did not stop within 2.0 s" in run.error.text.localized()
        assert run.next_run_epochs() == 10
        assert run.process.pid() != run.pid
    finally:
        run.process.close()


def test_stop_waits_for_a_slow_epoch(process):
    # Minibatches of one sample: each epoch takes seconds, longer than STOP_GRACE_SECONDS.
    config = TrainingConfig(samples=40_000, features=1, batch_size=1, epochs=100, test_input=(1.0,))
    requests = queue.SimpleQueue()

    def on_data(x, y) -> None:
        threading.Timer(0.2, requests.put, args=("cancel",)).start()

    result = process.train(config, requests, on_data=on_data, on_progress=lambda progress: None,
                           on_paused=lambda flag: None)

    # The child acknowledged the stop, so it was not killed: the epoch under way finished.
    assert result.epochs == 1
    assert result.stopped_early
    assert result.seconds > STOP_GRACE_SECONDS


def frame_bytes(message: object) -> io.BytesIO:
    stream = io.BytesIO()
    write_frame(stream, message)
    stream.seek(0)
    return stream


def test_arrays_cross_as_plain_bytes():
    arrays = [np.arange(5, dtype=np.float32), np.arange(6.0).reshape(2, 3).T, np.array([3, -1], dtype=np.int64),
              np.zeros(0, dtype=np.float32), np.array([True, False])]

    received = read_frame(frame_bytes(("arrays", arrays)), _ResultUnpickler)[1]

    for sent, got in zip(arrays, received):
        assert got.dtype == sent.dtype
        np.testing.assert_array_equal(got, sent)
        assert got.flags.writeable


@pytest.mark.parametrize(
    ("dtype", "shape", "data"),
    [
        ("|O", (1,), b"A" * 8),  # object pointers from raw bytes
        ([("a", "<f8"), ("b", "|O")], (1,), b"A" * 16),  # structured, with an object field
        ("<f4", (3,), b"A" * 8),  # fewer bytes than the shape needs
        ("<f4", (-1,), b"A" * 4),
        ("<U4", (1,), b"A" * 16),
        ("<f4", (300_000_000, 0), b""),  # an empty array claiming a huge length
        ("<f4", [3], b"A" * 12),
    ],
)
def test_array_rebuild_rejects_unsafe_input(dtype, shape, data):
    with pytest.raises(pickle.UnpicklingError):
        array_from_bytes(dtype, shape, data)


def test_unpickler_takes_only_training_results():
    for value in (os.system, TrainingProcess, np.dtype("f4"), np.arange(3.0), np.array([object()], dtype=object)):
        # numpy's own pickles are rejected too: their dtype state can forge object pointers.
        with pytest.raises(pickle.UnpicklingError):
            _ResultUnpickler(io.BytesIO(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))).load()
