"""The kept `dot -Tjson0` process: reuse, failures, timeouts and concurrent layouts."""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from explorer.layout import LayoutError, layout_dot, system
from layout_graphs import cell_06_graph, dense_random_graph

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None or not system.KEEP_PROCESS, reason="needs the dot program and select() on pipes"
)


@pytest.fixture(autouse=True)
def fresh_process():
    system.close_kept_process()
    yield
    system.close_kept_process()


def kept_process():
    return system._kept_process


def dot_processes() -> int:
    """Count this process's children named dot, running or not yet reaped."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # the process ended meanwhile
        name = fields[0].split("(", 1)[1]
        parent = int(fields[1].split()[1])
        count += name == "dot" and parent == os.getpid()
    return count


def test_layouts_reuse_one_process():
    first = layout_dot("digraph { a -> b }", backend="system")
    process = kept_process()
    assert process is not None
    second = layout_dot(cell_06_graph().dot_source, backend="system")
    assert kept_process() is process
    assert process.layouts == 2
    assert first.node("b").y > first.node("a").y
    assert len(second.nodes) == 8


def test_kept_output_equals_one_shot_output():
    source = cell_06_graph().dot_source
    layout_dot("digraph { a -> b }", backend="system")
    kept = system.layout_json(source, 30)
    one_shot = system.render(source, "json0", 30)
    assert kept == one_shot


def test_syntax_error_replaces_process():
    layout_dot("digraph { a -> b }", backend="system")
    broken = kept_process()
    with pytest.raises(LayoutError, match="syntax error"):
        layout_dot("digraph { a -> ", backend="system")
    assert kept_process() is None
    assert layout_dot("digraph { c -> d }", backend="system").node("d")
    assert kept_process() is not broken


def test_timeout_kills_process():
    with pytest.raises(LayoutError, match="timed out after 0.3 seconds"):
        layout_dot(dense_random_graph(), timeout=0.3, backend="system")
    assert kept_process() is None
    assert layout_dot("digraph { a -> b }", backend="system").node("b")


def test_busy_process_leaves_layout_to_new_one():
    layout_dot("digraph { a -> b }", backend="system")
    process = kept_process()
    results = []
    # Holding the lock makes the kept process busy, as a long layout in another thread would.
    with system._kept_process_lock:
        worker = threading.Thread(target=lambda: results.append(layout_dot("digraph { x -> y }", backend="system")))
        worker.start()
        worker.join(30)
    assert results and results[0].node("y")
    assert process.layouts == 1


def test_limit_starts_new_process(monkeypatch):
    monkeypatch.setattr(system, "MAX_LAYOUTS_PER_PROCESS", 2)
    for _ in range(2):
        layout_dot("digraph { a -> b }", backend="system")
    first = kept_process()
    layout_dot("digraph { a -> b }", backend="system")
    assert kept_process() is not first
    assert kept_process().layouts == 1


def test_graph_without_newline_and_unicode_label():
    layout = layout_dot('digraph { a [label="기울기 ×3"] }', backend="system")
    assert layout.node("a").label == "기울기 ×3"


def test_close_during_layout_ends_it():
    # A layout thread still running at exit must not hold the interpreter up.
    layout_dot("digraph { a -> b }", backend="system")
    errors = []

    def slow_layout() -> None:
        try:
            layout_dot(dense_random_graph(), timeout=60, backend="system")
        except LayoutError as error:
            errors.append(error)

    worker = threading.Thread(target=slow_layout)
    worker.start()
    deadline = time.monotonic() + 10
    while not system._kept_process_lock.locked() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert system._kept_process_lock.locked()
    started = time.perf_counter()
    system.close_kept_process(wait=0.2)
    worker.join(30)
    assert not worker.is_alive()
    assert time.perf_counter() - started < 10
    assert errors
    assert layout_dot("digraph { c -> d }", backend="system").node("d")


@pytest.mark.parametrize("kept", [True, False])
def test_cancel_stops_dot_at_once(monkeypatch, kept):
    monkeypatch.setattr(system, "KEEP_PROCESS", kept)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    before = dot_processes()
    started = time.monotonic()

    with pytest.raises(LayoutError, match="Stopped before Graphviz finished"):
        layout_dot(dense_random_graph(), timeout=60, backend="system", cancel=cancel)

    assert time.monotonic() - started < 5
    # The dot that worked on it is gone, not left running to its timeout.
    assert dot_processes() <= before
