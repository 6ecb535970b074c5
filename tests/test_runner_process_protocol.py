"""The window's side of the program process's protocol, against children that break it."""

import os
import textwrap
import threading
import time

import pytest

from explorer.layout import messages as layout_messages
from explorer.runner import ProgramReport, ProgramSource
from explorer.runner_process import RunnerProcess, RunnerProcessError

# A child that speaks the frame protocol, then acts out the scenario named in FAKE_SCENARIO.
FAKE_CHILD = textwrap.dedent(
    """
    import os, sys, time
    from explorer.child_process import read_frame, take_frame_streams, write_frame
    from explorer.runner import ProgramReport

    frames, commands = take_frame_streams()
    scenario = os.environ["FAKE_SCENARIO"]
    if scenario == "closes_output_before_ready":
        frames.close()
        time.sleep(600)
    if scenario == "garbage_before_ready":
        frames.write(bytes([0, 0, 0, 5]) + b"junk!")
        frames.flush()
        time.sleep(600)
    write_frame(frames, ("ready", os.getpid()))
    while True:
        message = read_frame(commands)
        if message is None:
            sys.exit(0)
        if message[0] != "run":
            continue
        report = ProgramReport(output="from the fake child")
        if scenario == "failed_with_number":
            write_frame(frames, ("failed", 5))
        elif scenario == "output_without_text":
            write_frame(frames, ("output",))
        elif scenario == "report_of_wrong_type":
            write_frame(frames, ("report", "a string"))
        elif scenario == "report_with_wrong_field":
            write_frame(frames, ("report", ProgramReport(tensors="x")))
        elif scenario == "closes_output_and_runs_on":
            frames.close()
            time.sleep(600)
        elif scenario == "laying_out_forever":
            write_frame(frames, ("laying_out",))
            write_frame(frames, ("report", report))
            while True:
                write_frame(frames, ("laying_out",))
                time.sleep(0.002)
        elif scenario == "late_report_then_layout":
            write_frame(frames, ("laying_out",))
            time.sleep(1.0)
            write_frame(frames, ("report", report))
            time.sleep(0.2)
            write_frame(frames, ("layout", None, None))
        elif scenario == "dot_long_before_report":
            write_frame(frames, ("dot", "digraph { a -> b }"))
            time.sleep(1.0)
            write_frame(frames, ("report", report))
        elif scenario == "extra_report":
            write_frame(frames, ("report", report))
            write_frame(frames, ("report", ProgramReport(output="left over")))
    """
)


class FakeChild(RunnerProcess):
    MODULE = "fake_child"


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """Return a function that starts a fake child for one scenario."""
    (tmp_path / "fake_child.py").write_text(FAKE_CHILD, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    started: list[RunnerProcess] = []

    def start(scenario: str) -> RunnerProcess:
        monkeypatch.setenv("FAKE_SCENARIO", scenario)
        process = FakeChild()
        started.append(process)
        return process

    yield start
    for process in started:
        process.close()


def run(process, layout_timeout: float | None = 0.5, cancel: threading.Event | None = None):
    return process.run([ProgramSource("x = 1\n")], "cpu", layout_timeout=layout_timeout, cancel=cancel)


@pytest.mark.parametrize(
    "scenario", ["failed_with_number", "output_without_text", "report_of_wrong_type", "report_with_wrong_field"]
)
def test_malformed_frame_is_error(fake, scenario):
    process = fake(scenario)
    pid = None

    with pytest.raises(RunnerProcessError) as raised:
        process.start()
        pid = process.pid()
        run(process)

    assert "does not accept" in raised.value.text.localized()
    # The child that broke the protocol is replaced.
    assert process.pid() != pid


def test_silent_running_child_is_ended(fake):
    process = fake("closes_output_and_runs_on")
    process.start()
    child = process._child

    with pytest.raises(RunnerProcessError, match="ended unexpectedly"):
        run(process)

    assert child.process.poll() is not None


def test_repeated_laying_out_keeps_deadline(fake):
    process = fake("laying_out_forever")
    started = time.monotonic()

    report = run(process, layout_timeout=0.5)

    assert report.output == "from the fake child"
    assert report.layout_error == layout_messages.timed_out(0.5)
    assert time.monotonic() - started < 10


def test_deadline_counts_from_report(fake):
    process = fake("late_report_then_layout")

    report = run(process, layout_timeout=0.5)

    # The layout frame carried neither JSON nor an error, which reads as invalid output.
    assert report.layout_error == layout_messages.invalid_output("a NoneType instead of bytes")


def test_leftover_frames_are_dropped(fake):
    process = fake("extra_report")

    first = run(process, layout_timeout=None)
    second = run(process, layout_timeout=None)

    assert isinstance(first, ProgramReport)
    assert second.output == first.output == "from the fake child"


def test_layout_before_report_kept(fake):
    # The window lays out the DOT (system dot or embedded, whichever this machine has).
    process = fake("dot_long_before_report")
    shown_early: list = []

    report = process.run([ProgramSource("x = 1\n")], "cpu", layout_timeout=30.0, on_report=shown_early.append)

    assert report.layout_error is None
    assert [node.id for node in report.layout.nodes] == ["a", "b"]
    # The layout was done when the report came, so there was nothing to show early.
    assert shown_early == []


def test_silent_child_before_ready_is_ended(fake):
    process = fake("closes_output_before_ready")
    process.start()
    child = process._child

    with pytest.raises(RunnerProcessError, match="ended unexpectedly"):
        run(process)

    assert child.process.poll() is not None


def test_garbage_before_ready_rejected(fake):
    process = fake("garbage_before_ready")

    with pytest.raises(RunnerProcessError, match="does not accept"):
        run(process)
