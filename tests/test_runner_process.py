"""Programs run in a child process that Stop can end even inside one long torch call."""

import io
import os
import pickle
import signal
import threading
import time

import pytest

from explorer.layout import layout_dot
from explorer.layout import messages as layout_messages
from explorer.layout.messages import ENVIRONMENT_VARIABLE as VARIABLE
from explorer.runner import ProgramRunner, ProgramSource
from explorer.runner_process import RunnerProcess, RunnerProcessError, _ReportUnpickler

# One sort of this many elements takes seconds, far longer than Stop may wait.
LONG_SORT = "print('sorting')\nvalues = torch.rand(40_000_000)\nordered = values.sort()\nprint('sorted')\n"


@pytest.fixture(scope="module")
def process():
    runner_process = RunnerProcess()
    yield runner_process
    runner_process.close()


def cancel_when_printed(text: str, cancel: threading.Event, printed: list[str]):
    def on_output(chunk: str) -> None:
        printed.append(chunk)
        if text in "".join(printed):
            cancel.set()

    return on_output


def test_child_report_matches_local_run(process, cells_dir):
    sources = [ProgramSource((cells_dir / name).read_text(encoding="utf-8"), name) for name in ("05_autograd_basics.py",)]
    printed: list[str] = []

    child = process.run(sources, "cpu", on_output=printed.append)
    local = ProgramRunner(with_layout=False).run(sources)

    assert child.ok
    assert child.output == local.output == "".join(printed)
    assert child.tensors == local.tensors
    assert child.graph.dot_source == local.graph.dot_source
    assert [step.node_id for step in child.graph.backward.steps] == [step.node_id for step in local.graph.backward.steps]


def test_child_errors_keep_hints(process, cells_dir):
    source = (cells_dir / "06_non_leaf.py").read_text(encoding="utf-8")
    report = process.run([ProgramSource(source, "06.py")], "cpu")
    assert [warning.line for warning in report.warnings] == [15]
    assert report.warnings[0].hint is not None

    report = process.run([ProgramSource("x = torch.ones(2, requires_grad=True)\n(x * 2).backward()\n")], "cpu")
    assert report.error.kind == "RuntimeError"
    assert report.error.line == 2
    assert "one element" in report.error.hint.localized()


def test_stop_inside_torch_call_kills_child(process):
    process.run([ProgramSource("x = 1\n")], "cpu")
    first_pid = process.pid()
    cancel = threading.Event()
    printed: list[str] = []

    report = process.run([ProgramSource(LONG_SORT)], "cpu", on_output=cancel_when_printed("sorting", cancel, printed), cancel=cancel)

    assert report.cancelled
    assert report.output == "sorting\n"
    # The sort never finished: its process was killed and replaced.
    assert "sorted" not in "".join(printed)
    after = process.run([ProgramSource("print(torch.tensor([1., 2.]).sum().item())\n")], "cpu")
    assert after.output == "3.0\n"
    assert process.pid() != first_pid


def test_stop_between_steps_keeps_child():
    # A long grace period keeps this check independent of the machine's load.
    process = RunnerProcess(cancel_grace=30.0)
    process.run([ProgramSource("x = 1\n")], "cpu")
    pid = process.pid()
    cancel = threading.Event()
    printed: list[str] = []
    loop = "print('looping')\nt = torch.zeros(1)\nfor i in range(10_000_000):\n    t = t + 1\n"

    report = process.run([ProgramSource(loop)], "cpu", on_output=cancel_when_printed("looping", cancel, printed), cancel=cancel)

    assert report.cancelled
    assert process.pid() == pid
    process.close()


def test_stop_before_run_starts_keeps_child():
    process = RunnerProcess(cancel_grace=30.0)
    process.run([ProgramSource("x = 1\n")], "cpu")
    pid = process.pid()
    cancel = threading.Event()
    cancel.set()

    report = process.run([ProgramSource("for i in range(10_000_000):\n    pass\n")], "cpu", cancel=cancel)

    assert report.cancelled
    assert process.pid() == pid
    process.close()


def test_child_ignores_a_torch_module_in_working_directory(tmp_path, monkeypatch):
    marker = tmp_path / "imported"
    (tmp_path / "torch.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    process = RunnerProcess()

    report = process.run([ProgramSource("print(torch.ones(2).sum().item())\n")], "cpu")

    process.close()
    assert report.output == "2.0\n"
    assert not marker.exists()


def test_child_crash_is_reported(process):
    process.run([ProgramSource("x = 1\n")], "cpu")
    pid = process.pid()

    def on_output(chunk: str) -> None:
        os.kill(pid, signal.SIGKILL)

    with pytest.raises(RunnerProcessError) as raised:
        process.run([ProgramSource(LONG_SORT)], "cpu", on_output=on_output)

    assert str(-signal.SIGKILL) in raised.value.text.localized()
    assert process.run([ProgramSource("print(2 + 2)\n")], "cpu").output == "4\n"


def test_unpickler_rejects_other_classes():
    for value in (os.system, ProgramRunner, pytest.raises):
        with pytest.raises(pickle.UnpicklingError):
            _ReportUnpickler(io.BytesIO(pickle.dumps(value))).load()


def test_layout_overlaps_report_transfer(process, cells_dir):
    source = (cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8")

    report = process.run([ProgramSource(source)], "cpu", layout_timeout=30.0)

    # The embedded Graphviz is a dependency, so a layout is always possible.
    assert report.layout_error is None
    assert len(report.layout.nodes) == report.graph.node_count


@pytest.fixture(scope="module")
def embedded_process():
    """Children started where only the embedded Graphviz is used, so they lay graphs out.

    The variable stays set while the module's tests run: the children that
    replace killed ones inherit it too.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(VARIABLE, "embedded")
        runner_process = RunnerProcess()
        yield runner_process
        runner_process.close()


def test_child_lays_out_embedded(embedded_process, cells_dir):
    source = (cells_dir / "06_non_leaf.py").read_text(encoding="utf-8")

    report = embedded_process.run([ProgramSource(source)], "cpu", layout_timeout=30.0)

    assert report.layout_error is None
    assert report.layout.backend == "embedded"
    # Graphviz is deterministic: the child's layout is the one this process computes.
    assert report.layout == layout_dot(report.graph.dot_source, backend="embedded")


def test_child_layout_timeout_replaces_child(embedded_process, slow_layout_program):
    embedded_process.run([ProgramSource("x = 1\n")], "cpu")
    pid = embedded_process.pid()
    started = time.monotonic()

    report = embedded_process.run([ProgramSource(slow_layout_program)], "cpu", layout_timeout=1.0)

    assert time.monotonic() - started < 10
    assert report.layout is None
    assert report.layout_error == layout_messages.timed_out(1.0)
    # The program's results stay; only the layout is missing.
    assert report.ok
    assert report.graph.node_count > 400
    assert "total" in report.tensors
    assert embedded_process.pid() != pid
    after = embedded_process.run([ProgramSource("x = torch.ones(1, requires_grad=True)\ny = x * 2\n")], "cpu", layout_timeout=30.0)
    assert after.layout is not None
    assert after.layout_error is None


def run_in_thread(process, source: str, cancel: threading.Event | None = None, layout_timeout: float = 60.0):
    """Start `process.run` in a thread; returns the thread and the list its report lands in."""
    reports: list = []
    thread = threading.Thread(
        target=lambda: reports.append(process.run([ProgramSource(source)], "cpu", cancel=cancel, layout_timeout=layout_timeout))
    )
    thread.start()
    return thread, reports


def test_stop_during_child_layout_keeps_report(embedded_process, slow_layout_program):
    embedded_process.run([ProgramSource("x = 1\n")], "cpu")
    pid = embedded_process.pid()
    cancel = threading.Event()
    thread, reports = run_in_thread(embedded_process, slow_layout_program, cancel)
    # The program takes milliseconds, and the layout more than 20 seconds.
    time.sleep(2.0)

    cancel.set()
    stopped = time.monotonic()
    thread.join(10)

    assert time.monotonic() - stopped < 1.0
    (report,) = reports
    assert not report.cancelled
    assert report.ok
    assert report.layout is None
    assert report.layout_error == layout_messages.layout_stopped()
    assert embedded_process.pid() != pid


def test_child_killed_during_layout(embedded_process, slow_layout_program):
    embedded_process.run([ProgramSource("x = 1\n")], "cpu")
    thread, reports = run_in_thread(embedded_process, slow_layout_program)
    time.sleep(2.0)

    os.kill(embedded_process.pid(), signal.SIGKILL)
    thread.join(10)

    (report,) = reports
    assert report.ok
    assert report.layout is None
    assert f"exit code {-signal.SIGKILL}" in report.layout_error.localized()
    assert embedded_process.run([ProgramSource("print(2 + 2)\n")], "cpu").output == "4\n"
