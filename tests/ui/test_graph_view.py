"""The graph view on real runs: legend, zoom, pan, search, hover, inspector, options."""

import threading

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer.autograd.decorate import DrawOptions
from explorer.autograd.model import KIND_FILL_COLORS
from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_view import GraphView

LAYOUT_TIMEOUT_MS = 30_000


def run_report(source: str, **runner_options):
    return ProgramRunner(**runner_options).run([ProgramSource(source)])


@pytest.fixture
def view(qtbot):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    graph_view.resize(1000, 700)
    graph_view.show()
    yield graph_view
    graph_view.wait_for_workers()


@pytest.fixture
def cell05_view(view, cells_dir):
    view.show_report(run_report((cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8")))
    return view


@pytest.fixture
def cell06_view(view, cells_dir):
    view.show_report(run_report((cells_dir / "06_non_leaf.py").read_text(encoding="utf-8")))
    return view


def node_center(view, node_id: str) -> QPoint:
    item = view.canvas.node_items[node_id]
    return view.canvas.mapFromScene(item.sceneBoundingRect().center())


def test_legend_names_every_fill_colour(cell06_view):
    legend_colours = {colour for colour, _text in cell06_view.legend_entries()}
    assert legend_colours == {hex_value for _name, hex_value in KIND_FILL_COLORS.values()}
    drawn = {item.brush().color().name() for item in cell06_view.canvas.node_items.values()}
    assert drawn <= legend_colours


def test_wheel_and_keys_zoom(qtbot, cell05_view):
    canvas = cell05_view.canvas
    before = canvas.scale_factor()
    centre = QPointF(canvas.viewport().rect().center())
    wheel = QWheelEvent(
        centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    canvas.wheelEvent(wheel)
    assert canvas.scale_factor() == pytest.approx(before * 1.25)

    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.scale_factor() == pytest.approx(before)
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.scale_factor() == pytest.approx(1.0)
    canvas.fit()
    assert canvas.scale_factor() <= 1.6


def test_drag_pans(cell06_view):
    canvas = cell06_view.canvas
    canvas.reset_zoom()
    canvas.zoom(4.0)
    bar = canvas.verticalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    viewport = canvas.viewport()
    start = QPointF(200, 200)
    end = QPointF(200, 100)
    for kind, position, buttons in (
        (QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        global_position = viewport.mapToGlobal(position)
        event = QMouseEvent(
            kind, position, global_position, Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)
    assert bar.value() != before


def test_search_selects_and_cycles(qtbot, cell05_view):
    view = cell05_view
    view.search.setText("accumulategrad")
    first = view.current_match()
    assert first is not None
    assert view.graph().nodes[first].name == "AccumulateGrad"
    assert view.canvas.node_items[first].isSelected()
    assert view.inspector.node_id == first

    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    second = view.current_match()
    assert second != first
    assert view.graph().nodes[second].name == "AccumulateGrad"
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.current_match() == first


def test_search_by_variable_name(cell06_view):
    view = cell06_view
    view.search.setText("y")
    assert "tensor:y" in view.find_nodes("y")
    # The function node, and z, whose grad_fn it is.
    assert sorted(view.find_nodes("PowBackward")) == ["fn0", "tensor:z"]
    assert view.find_nodes("no such name") == []


def test_hover_highlights_paths(qtbot, cell06_view):
    view = cell06_view
    mul = [node_id for node_id, info in view.graph().nodes.items() if info.name == "MulBackward0"][0]
    qtbot.mouseMove(view.canvas.viewport(), node_center(view, mul))
    qtbot.waitUntil(lambda: view.canvas.highlighted_nodes() != set(), timeout=5000)
    highlighted = view.canvas.highlighted_nodes()
    names = {view.graph().nodes[node_id].title for node_id in highlighted}
    # Ancestors: x and its AccumulateGrad, the saved scalar; descendants: y, Add, Pow, z.
    assert {"x", "AccumulateGrad", "MulBackward0", "AddBackward0", "y", "PowBackward0", "z"} <= names

    qtbot.mouseMove(view.canvas.viewport(), QPoint(2, 2))
    qtbot.waitUntil(lambda: view.canvas.highlighted_nodes() == set(), timeout=5000)


def test_paths_through_leaf_skip_siblings(cell05_view):
    canvas = cell05_view.canvas
    nodes, _edges = canvas.paths_through("tensor:x")
    assert "tensor:y" not in nodes
    assert "tensor:z" in nodes


def test_click_tensor_shows_fields(qtbot, cell05_view):
    view = cell05_view
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=node_center(view, "tensor:y"))
    assert view.inspector.node_id == "tensor:y"
    text = view.inspector.toPlainText()
    for field in ("shape", "dtype", "float32", "device", "cpu", "requires_grad", "is_leaf", "retains_grad", "grad_fn", "_version"):
        assert field in text
    assert "3.5" in text
    assert "7.0" in text


def test_click_function_shows_saved_after_backward(qtbot, cell05_view):
    view = cell05_view
    pow_id = [node_id for node_id, info in view.graph().nodes.items() if info.name == "PowBackward0"][0]
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=node_center(view, pow_id))
    text = view.inspector.toPlainText()
    assert "PowBackward0" in text
    assert "exponent" in text
    assert "_saved_self" in text
    assert "3.5" in text
    assert "freed by backward()" in text
    assert "next_functions" in text
    assert "AccumulateGrad" in text


def test_saved_tensor_marked_freed(view):
    report = run_report("x = torch.tensor(2.0, requires_grad=True)\nz = (x * 3).exp()\nz.backward()\n")
    view.show_report(report)
    saved = [node_id for node_id, info in report.graph.nodes.items() if info.kind == "saved"]
    assert saved
    view.select_node(saved[0])
    assert "Freed by backward()" in view.inspector.toPlainText()


def test_large_tensor_value_scrolls(view):
    report = run_report("w = torch.ones(40, 40, requires_grad=True)\nz = (w * 2).sum()\nz.backward()\n")
    view.show_report(report)
    view.select_node("tensor:w")
    text = view.inspector.toPlainText()
    assert "(40, 40)" in text
    assert "Only the first elements are shown." in text
    assert view.inspector.verticalScrollBar().maximum() > 0


def test_toggle_values_relayouts(qtbot, cell05_view):
    view = cell05_view
    assert any("data:" in item.label for item in view.canvas.node_items.values())
    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["values"].setChecked(False)
    assert not any("data:" in item.label for item in view.canvas.node_items.values())
    assert any("grad:" in item.label for item in view.canvas.node_items.values())
    assert view.export_bytes("dot").decode().count("data:") == 0

    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["saved"].setChecked(False)
    assert not any(item.dashed for item in view.canvas.edge_items)


def test_toggle_attributes_and_grads(qtbot, cell05_view):
    view = cell05_view
    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["attributes"].setChecked(False)
    assert not any("exponent" in item.label for item in view.canvas.node_items.values())
    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["grads"].setChecked(False)
    assert not any("grad:" in item.label for item in view.canvas.node_items.values())


def test_new_run_resets_options(qtbot, cell05_view, cells_dir):
    view = cell05_view
    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["values"].setChecked(False)
    view.show_report(run_report((cells_dir / "06_non_leaf.py").read_text(encoding="utf-8")))
    assert view.option_actions["values"].isChecked()
    assert any("data:" in item.label for item in view.canvas.node_items.values())


def test_no_grad_fn_message(view):
    view.show_report(run_report("a = torch.ones(2)\n"))
    assert view.node_count() == 0
    assert "no tensor in this program has a grad_fn" in view._message.text()


def test_source_page_shows_reason(view):
    cancel = threading.Event()
    stop_after_backward = "x = torch.ones(2, requires_grad=True)\ny = (x * 3).sum()\ny.backward()\nprint('done')\n"
    report = ProgramRunner(on_output=lambda text: cancel.set()).run(
        [ProgramSource(stop_after_backward + "for i in range(1_000_000):\n    i = i + 1\n")], cancel=cancel
    )
    assert report.cancelled and report.layout is None

    view.show_report(report)

    assert view.node_count() == 0
    assert view._source.toPlainText() == report.graph.dot_source
    note = view._source_note.text()
    assert note.splitlines() == ["Stopped before Graphviz finished laying out the graph.", "The graph's DOT source is below."]
    # Without a reason, the note explains how to get Graphviz.
    view.show_source("digraph { a }", "")
    assert "Install Graphviz" in view._source_note.text()


def test_view_closed_during_layout(qtbot, cells_dir):
    graph_view = GraphView()
    graph_view.show_report(run_report((cells_dir / "06_non_leaf.py").read_text(encoding="utf-8")))
    graph_view.set_options(DrawOptions(values=False))
    assert graph_view.is_laying_out()
    worker = next(iter(graph_view._workers))
    with qtbot.waitSignal(worker.destroyed, timeout=LAYOUT_TIMEOUT_MS):
        graph_view.deleteLater()
        del graph_view


def test_laying_out_note_delay_and_language(qtbot, view, cells_dir):
    from explorer.ui.translations import apply_language

    view.show_laying_out(423)
    # A layout that ends within the delay never shows the note.
    assert "laying out" not in view._message.text()
    qtbot.waitUntil(lambda: view._message.text() == "Graphviz is laying out the graph (423 nodes)…", timeout=5000)

    apply_language("ko")
    try:
        # The main window calls retranslate() on a language change.
        view.retranslate()
        assert view._message.text() == "Graphviz가 그래프를 배치하는 중입니다(노드 423개)…"
    finally:
        apply_language("en")
        view.retranslate()

    view.show_report(run_report((cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8")))
    assert view.node_count() >= 5


def test_failed_run_ends_laying_out(qtbot, cell05_view):
    cell05_view.show_laying_out(6)
    assert not cell05_view.canvas.isEnabled()

    cell05_view.stop_laying_out()
    qtbot.wait(400)

    assert cell05_view._message.text().startswith("Run a program to see its autograd graph.")
    assert cell05_view.canvas.isEnabled()
    assert cell05_view._show_button.isEnabled()
