"""ProgramRunner hands out the graph's DOT early, so the layout runs beside the rest of the report."""

import threading
import time

import explorer.runner
from explorer.layout import messages as layout_messages
from explorer.runner import ProgramRunner, ProgramSource

CHAIN = (
    "x = torch.tensor(1.0, requires_grad=True)\n"
    "y = x\n"
    "for step in range(5):\n"
    "    y = y * 2\n"
    "y.backward()\n"
)


def test_drawable_graph_comes_before_its_backward_trace():
    seen = []
    runner = ProgramRunner(with_layout=False, on_drawable=seen.append)

    report = runner.run([ProgramSource(CHAIN)])

    assert len(seen) == 1
    early = seen[0]
    assert early.backward is None
    assert early.dot_source == report.graph.dot_source
    assert early.nodes == report.graph.nodes
    # The trace is added afterwards and covers every function of the chain.
    assert report.graph.backward is not None
    assert len(report.graph.backward.steps) == 6


def test_drawable_graph_is_laid_out_with_the_report():
    threads_at_callback = []

    def on_drawable(graph):
        threads_at_callback.append({thread.name for thread in threading.enumerate()})

    report = ProgramRunner(on_drawable=on_drawable).run([ProgramSource(CHAIN)])

    # The layout thread was started before the runner handed the graph out.
    assert "report-layout" in threads_at_callback[0]
    assert report.layout_error is None
    assert len(report.layout.nodes) == report.graph.node_count


def test_no_drawable_graph_for_a_cancelled_run():
    seen = []
    cancel = threading.Event()
    source = CHAIN + "print('backward done')\nfor step in range(100_000):\n    z = step + 1\n"

    def on_output(text: str) -> None:
        if "backward done" in text:
            cancel.set()

    runner = ProgramRunner(on_output=on_output, on_drawable=seen.append)
    report = runner.run([ProgramSource(source)], cancel=cancel)

    assert report.cancelled
    # The graph of the backward() that ran is kept, but neither laid out nor handed out.
    assert report.graph is not None
    assert report.layout is None
    assert report.layout_error == layout_messages.layout_stopped()
    assert seen == []


def test_no_drawable_graph_above_the_drawing_cap(monkeypatch):
    monkeypatch.setattr(explorer.runner, "MAX_DRAWN_NODES", 5)
    seen = []

    report = ProgramRunner(on_drawable=seen.append).run([ProgramSource(CHAIN)])

    assert report.graph.node_count > 5
    assert seen == []
    assert report.layout is None
    assert report.layout_error is None


def test_stop_during_layout_keeps_report(slow_layout_program):
    # Graphviz needs over 20 s for this graph, so here the timeout bounds its layout.
    cancel = threading.Event()
    drawable = threading.Event()
    runner = ProgramRunner(layout_timeout=5.0, on_drawable=lambda graph: drawable.set())
    reports: list = []
    thread = threading.Thread(target=lambda: reports.append(runner.run([ProgramSource(slow_layout_program)], cancel=cancel)))
    thread.start()
    assert drawable.wait(30)
    time.sleep(0.5)

    cancel.set()
    stopped = time.monotonic()
    thread.join(10)

    assert time.monotonic() - stopped < 0.5
    (report,) = reports
    assert report.ok
    assert not report.cancelled
    assert "total" in report.tensors
    assert report.layout is None
    assert report.layout_error == layout_messages.layout_stopped()
