"""The gradient check started from the graph view runs in a worker and fills the side panel."""

import pytest
from PySide6.QtCore import Qt

from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_view import GraphView

CHECK_TIMEOUT_MS = 30_000


@pytest.fixture
def view(qtbot):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    graph_view.show()
    yield graph_view
    graph_view.wait_for_workers()


def test_check_button_shows_result(qtbot, view, cells_dir):
    source = (cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8")
    view.show_report(ProgramRunner().run([ProgramSource(source)]))
    assert view.gradcheck_button.isEnabled()
    with qtbot.waitSignal(view.gradcheck_finished, timeout=CHECK_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(view.gradcheck_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].passed
    text = view.inspector.toPlainText()
    assert "passed" in text
    assert "max absolute error" in text
    qtbot.waitUntil(lambda: not view.is_checking(), timeout=CHECK_TIMEOUT_MS)
    assert view.gradcheck_button.isEnabled()


def test_check_explains_kink(qtbot, view):
    source = "x = torch.tensor([0.0, 2.0], requires_grad=True)\nz = torch.relu(x).sum()\nz.backward()\n"
    view.show_report(ProgramRunner().run([ProgramSource(source)]))
    with qtbot.waitSignal(view.gradcheck_finished, timeout=CHECK_TIMEOUT_MS):
        view.check_gradients()
    text = view.inspector.toPlainText()
    assert "failed" in text
    assert "not differentiable" in text


def test_check_disabled_without_graph(view):
    view.show_report(ProgramRunner().run([ProgramSource("a = 1\n")]))
    assert not view.gradcheck_button.isEnabled()
