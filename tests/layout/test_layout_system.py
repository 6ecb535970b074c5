"""The kept `dot -Tjson0` process: reuse, failures, timeouts and concurrent layouts."""

import shutil
import threading
import time

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
