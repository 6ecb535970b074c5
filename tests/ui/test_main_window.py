"""The main window driven as a user would: run the tutorial's cells, read the results."""

import pytest
from PySide6.QtCore import QSettings, Qt

from explorer.runner_process import shared_runner_process
from explorer.ui.main_window import MainWindow
from explorer.ui.translations import apply_language

RUN_TIMEOUT_MS = 60_000

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main_window = MainWindow(settings)
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    main_window.show()
    qtbot.waitUntil(main_window.is_loaded, timeout=RUN_TIMEOUT_MS)
    yield main_window
    main_window.playground.editor.document().setModified(False)
    main_window.close()
    apply_language("en")


def run_source(qtbot, window, source: str):
    playground = window.playground
    playground.editor.setPlainText(source)
    with qtbot.waitSignal(playground.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(playground.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not playground.is_running(), timeout=RUN_TIMEOUT_MS)
    return blocker.args[0]


def test_window_has_tabs_and_device(window):
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert titles == ["Playground", "Training", "Device"]
    assert window.device_selector.itemText(0) == "cpu"
    assert window.statusBar().currentMessage().startswith("Ready")


def test_cell05_shows_values_and_graph(qtbot, window, cells_dir):
    report = run_source(qtbot, window, (cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8"))
    playground = window.playground

    assert report.ok
    console = playground.console.toPlainText()
    assert "x에 계산된 기울기: 1.0" in console
    assert "y에 계산된 기울기: 7.0" in console
    assert "grad_fn=<AddBackward0>" in console
    assert playground.tensor_table.row_texts("x")[-1] == "1.0"
    assert playground.tensor_table.row_texts("y")[-1] == "7.0"
    assert playground.tensor_table.row_texts("z")[7] == "AddBackward0"
    assert playground.graph_view.node_count() >= 5
    labels = [item.toolTip() for item in playground.graph_view.canvas.node_items.values()]
    assert any("PowBackward0" in label for label in labels)


def test_cell06_shows_warning_on_line_15(qtbot, window, cells_dir):
    report = run_source(qtbot, window, (cells_dir / "06_non_leaf.py").read_text(encoding="utf-8"))
    console = window.playground.console.toPlainText()

    assert report.ok
    assert "x에 계산된 기울기: 24.0" in console
    assert "y에 계산된 기울기: None" in console
    assert "<playground>:15: UserWarning:" in console
    assert window.playground.tensor_table.row_texts("y")[-1] == "None"
    labels = [item.toolTip() for item in window.playground.graph_view.canvas.node_items.values()]
    assert any(label.startswith("y") for label in labels)


def test_syntax_error_keeps_text_and_underlines(qtbot, window):
    source = "x = torch.tensor(1.0, requires_grad=True)\ny = (x * 2\n"
    report = run_source(qtbot, window, source)
    playground = window.playground

    assert report.error.kind == "SyntaxError"
    assert playground.editor.toPlainText() == source
    assert playground.editor.error_span() is not None
    assert "SyntaxError" in playground.console.toPlainText()
    assert playground.run_button.isEnabled()


def test_unknown_name_reports_line(qtbot, window):
    report = run_source(qtbot, window, "a = torch.tensor(1.0)\nb = a + missing\n")
    assert report.error.kind == "NameError"
    assert report.error.line == 2
    assert "line 2" in window.playground.console.toPlainText()


def test_stop_cancels_long_program(qtbot, window):
    playground = window.playground
    playground.editor.setPlainText("t = torch.zeros(1)\nfor i in range(10000000):\n    t = t + 1\n")
    with qtbot.waitSignal(playground.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        playground.run_button.click()
        qtbot.waitUntil(lambda: playground.stop_button.isEnabled(), timeout=5000)
        playground.stop_button.click()
    assert blocker.args[0].cancelled
    qtbot.waitUntil(lambda: playground.run_button.isEnabled(), timeout=5000)


def test_stop_ends_a_long_torch_call(qtbot, window):
    playground = window.playground
    process = shared_runner_process()
    qtbot.waitUntil(process.is_ready, timeout=RUN_TIMEOUT_MS)
    pid = process.pid()
    # One sort over this many elements runs for seconds without a step in between.
    playground.editor.setPlainText("print('sorting')\nvalues = torch.rand(40_000_000)\nordered = values.sort()\nprint('sorted')\n")
    with qtbot.waitSignal(playground.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        playground.run_button.click()
        qtbot.waitUntil(lambda: "sorting" in playground.console.toPlainText(), timeout=RUN_TIMEOUT_MS)
        playground.stop_button.click()

    assert blocker.args[0].cancelled
    assert blocker.args[0].process_id == pid
    qtbot.waitUntil(lambda: playground.run_button.isEnabled(), timeout=5000)
    console = playground.console.toPlainText()
    assert "Stopped." in console
    assert "sorted" not in console
    # The sort was ended by killing its process, which a fresh one replaces.
    qtbot.waitUntil(process.is_ready, timeout=RUN_TIMEOUT_MS)
    assert process.pid() != pid
    assert run_source(qtbot, window, "print(6 * 7)\n").output == "42\n"


def test_child_process_run_draws_graph(qtbot, window, cells_dir):
    process = shared_runner_process()
    qtbot.waitUntil(process.is_ready, timeout=RUN_TIMEOUT_MS)

    report = run_source(qtbot, window, (cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8"))

    assert report.process_id == process.pid()
    assert report.layout is not None
    assert window.playground.graph_view.node_count() == report.graph.node_count


def test_results_before_layout_and_stop(qtbot, window, slow_layout_program):
    playground = window.playground
    qtbot.waitUntil(shared_runner_process().is_ready, timeout=RUN_TIMEOUT_MS)
    playground.editor.setPlainText(slow_layout_program + "print('done')\n")

    with qtbot.waitSignal(playground.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        playground.run_button.click()
        # The program takes milliseconds, and Graphviz more than 20 seconds.
        qtbot.waitUntil(lambda: "Laying out the graph" in playground.status_text(), timeout=RUN_TIMEOUT_MS)
        assert playground.tensor_table.row_texts("total")
        assert "done" in playground.console.toPlainText()
        assert playground.stop_button.isEnabled()
        qtbot.waitUntil(lambda: "Graphviz is laying out the graph" in playground.graph_view._message.text(), timeout=5000)
        # Nothing may act on the previous graph meanwhile.
        assert not playground.graph_view.gradcheck_button.isEnabled()
        assert not playground.graph_view._export_button.isEnabled()
        assert not playground.graph_view._show_button.isEnabled()
        playground.stop_button.click()

    report = blocker.args[0]
    assert report.ok
    assert report.layout is None
    assert playground.status_text().endswith("The graph was not drawn; the Graph tab says why.")
    assert playground.graph_view._source_note.text().startswith("Stopped before Graphviz finished")
    assert playground.tensor_table.row_texts("total")
    assert "Stopped." not in playground.console.toPlainText()
    assert playground.graph_view._export_button.isEnabled()
    qtbot.waitUntil(lambda: playground.run_button.isEnabled(), timeout=5000)


def test_language_switch_relabels(qtbot, window):
    window.set_language("ko")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) != "Playground", timeout=5000)
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert titles == ["플레이그라운드", "학습", "장치"]
    assert window.playground.run_button.text() == "실행"
    assert window.menuBar().actions()[0].text() == "파일(&F)"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Playground", timeout=5000)
    assert window.playground.run_button.text() == "Run"


def test_malformed_report_shows_failed_run(window):
    from explorer.runner import ProgramReport

    playground = window.playground
    playground._on_worker_run_finished(ProgramReport(tensors="not a dict"))

    assert playground.status_text() == "The run failed. See the console."
    assert "Internal error: " in playground.console.toPlainText()
