"""Worker threads: they outlive their widgets safely, and hand work to the child processes once ready."""

import os
import signal

from PySide6.QtCore import QObject

from explorer.runner import ProgramSource
from explorer.runner_process import RunnerProcess
from explorer.training import TrainingConfig
from explorer.training_process import TrainingProcess
from explorer.ui import workers
from explorer.ui.training_worker import TrainingWorker
from explorer.ui.workers import OutputBuffer, ProgramWorker, detach_running_thread, wait_for_detached_threads

LONG_PROGRAM = "t = torch.zeros(1)\nfor i in range(10000000):\n    t = t + 1\n"


def test_detached_thread_survives_parent(qtbot):
    owner = QObject()
    worker = ProgramWorker([ProgramSource(LONG_PROGRAM)], "cpu", OutputBuffer(), owner)
    with qtbot.waitSignal(worker.started, timeout=10_000):
        worker.start()

    assert worker.parent() is owner
    detach_running_thread(worker)
    del owner

    assert worker.parent() is None
    assert worker in workers._detached_threads
    worker.cancel()
    assert wait_for_detached_threads(timeout_ms=30_000)
    assert not worker.isRunning()
    qtbot.waitUntil(lambda: worker not in workers._detached_threads, timeout=5_000)


def test_finished_thread_is_not_detached(qtbot):
    worker = ProgramWorker([ProgramSource("x = 1\n")], "cpu", OutputBuffer())
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()

    detach_running_thread(worker)

    assert worker not in workers._detached_threads


def test_worker_uses_child_once_ready(qtbot):
    process = RunnerProcess()
    try:
        first = ProgramWorker([ProgramSource("x = torch.ones(2)\n")], "cpu", OutputBuffer(), process=process)
        with qtbot.waitSignal(first.run_finished, timeout=30_000) as early:
            first.start()
        # The child was not ready yet, so the program ran in the worker thread.
        assert early.args[0].ok
        assert early.args[0].process_id == os.getpid()

        qtbot.waitUntil(process.is_ready, timeout=60_000)
        second = ProgramWorker([ProgramSource("x = torch.ones(2)\n")], "cpu", OutputBuffer(), process=process)
        with qtbot.waitSignal(second.run_finished, timeout=30_000) as late:
            second.start()
        assert late.args[0].ok
        assert late.args[0].process_id == process.pid()
        assert late.args[0].tensors["x"].value == [1.0, 1.0]

        # A child that Stop or a crash replaced is waited for, not bypassed.
        old_pid = process.pid()
        os.kill(old_pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: not process.is_ready(), timeout=30_000)
        third = ProgramWorker([ProgramSource("x = torch.ones(2)\n")], "cpu", OutputBuffer(), process=process)
        with qtbot.waitSignal(third.run_finished, timeout=60_000) as after:
            third.start()
        assert after.args[0].ok
        assert after.args[0].process_id == process.pid()
        assert after.args[0].process_id not in (old_pid, os.getpid())
        first.wait()
        second.wait()
        third.wait()
    finally:
        process.close()


def test_training_worker_uses_process_once_ready(qtbot):
    process = TrainingProcess()
    try:
        config = TrainingConfig(epochs=200, seed=3)
        first = TrainingWorker(config, process=process)
        with qtbot.waitSignal(first.run_finished, timeout=30_000) as early:
            first.start()
        # The process was not ready yet, so the run trained in the worker thread.
        assert process.runs == 0
        assert early.args[0].epochs == 200

        qtbot.waitUntil(process.is_ready, timeout=60_000)
        second = TrainingWorker(config, process=process)
        with qtbot.waitSignal(second.run_finished, timeout=30_000) as late:
            second.start()
        assert process.runs == 1
        assert late.args[0].weights == early.args[0].weights
        assert late.args[0].loss_history.tolist() == early.args[0].loss_history.tolist()
        first.wait()
        second.wait()
    finally:
        process.close()
