"""Worker threads outlive their widgets safely when a program does not stop at once."""

from PySide6.QtCore import QObject

from explorer.runner import ProgramSource
from explorer.ui import workers
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
