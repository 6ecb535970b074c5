"""gc_paused: nesting, overlapping threads, and a collector that was off before."""

import gc
import threading

import pytest

from explorer.gcpause import gc_paused


@pytest.fixture(autouse=True)
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_pause_disables_and_resumes():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_resume_at_outermost():
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumes_after_exception():
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("inside the pause")
    assert gc.isenabled()


def test_collector_off_before_stays_off():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_threads_resume_after_last():
    first_inside = threading.Event()
    release_first = threading.Event()

    def pause_in_thread() -> None:
        with gc_paused():
            first_inside.set()
            release_first.wait(10)

    worker = threading.Thread(target=pause_in_thread)
    worker.start()
    assert first_inside.wait(10)
    with gc_paused():
        pass
    # The worker's pause is still open.
    assert not gc.isenabled()
    release_first.set()
    worker.join(10)
    assert gc.isenabled()
