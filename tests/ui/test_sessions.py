"""File > Save, Open and Open Recent on the real window, with files under tmp_path."""

import json

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.session import SCHEMA_VERSION
from explorer.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 60_000

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    main_window = MainWindow(settings)
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    main_window.show()
    qtbot.waitUntil(main_window.is_loaded, timeout=LOAD_TIMEOUT_MS)
    yield main_window
    main_window.playground.editor.document().setModified(False)
    main_window.close()


def test_save_then_open_restores(window, tmp_path):
    path = tmp_path / "lesson.agx.json"
    window.playground.load_example("retain_grad")
    window.set_editor_font_size(15)
    assert window.sessions.save_as(str(path))
    assert not window.isWindowModified()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION
    assert saved["example"] == "retain_grad"
    assert saved["view"]["editor_font_size"] == 15

    window.playground.set_program("x = 1\n")
    window.set_editor_font_size(11)
    assert window.sessions.open_session(str(path))
    assert window.playground.program() == saved["program"]
    assert window.playground.example_key == "retain_grad"
    assert window.editor_font_size() == 15
    assert "lesson.agx.json" in window.windowTitle()
    assert window.sessions.recent_files()[0] == str(path)
    assert window.recent_menu.actions()[0].data() == str(path)


def test_training_settings_round_trip(window, tmp_path):
    path = tmp_path / "training.agx.json"
    form = window.training.form
    form.epochs_field.setValue(1234)
    form.lr_field.setText("0.05")
    form.optimizer_field.setCurrentIndex(form.optimizer_field.findData("adam"))
    window.training.test_panel.input_field.setText("3, 2, 1")
    assert window.sessions.save_as(str(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["training"]["epochs"] == "1234"
    assert saved["training"]["optimizer"] == "adam"

    form.epochs_field.setValue(10)
    form.lr_field.setText("1")
    form.optimizer_field.setCurrentIndex(form.optimizer_field.findData("sgd"))
    window.training.test_panel.input_field.setText("0")
    assert window.sessions.open_session(str(path))

    assert form.epochs_field.value() == 1234
    assert form.lr_field.text() == "0.05"
    assert form.optimizer_field.currentData() == "adam"
    assert window.training.test_panel.input_field.text() == "3, 2, 1"
    assert not window.training.is_running


@pytest.mark.parametrize(
    "data",
    [
        b'{"schema_version": 1, "program": "x = ',
        json.dumps({"schema_version": 99, "program": "print(1)"}).encode(),
        json.dumps({"schema_version": 1, "program": 5}).encode(),
        b"[" * 50_000,
        b"\xc3\x28 not utf-8",
        json.dumps({"schema_version": 1, "program": "a" * 300_000}).encode(),
    ],
    ids=["truncated", "future", "wrong-type", "deep", "not-utf8", "huge"],
)
def test_bad_file_changes_nothing(qtbot, window, tmp_path, data):
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    before = window.playground.program()
    window.playground.editor.document().setModified(False)

    assert not window.sessions.open_session(str(path))
    assert window.playground.program() == before
    assert window.notice_bar.isVisible()
    assert "bad.json" in window.notice_bar.text()
    assert window.sessions.path == ""
    assert QApplication.activeModalWidget() is None


def test_open_does_not_run(qtbot, window, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"schema_version": 1, "program": "print('ran')\n"}), encoding="utf-8")
    assert window.sessions.open_session(str(path))
    assert not window.playground.is_running()
    assert window.playground.console.toPlainText() == ""
    assert window.playground.last_report is None


def test_save_to_missing_folder_reports(window, tmp_path):
    assert not window.sessions.save_as(str(tmp_path / "no" / "such" / "dir" / "s.json"))
    assert window.notice_bar.isVisible()
    assert not (tmp_path / "no").exists()


def test_save_replaces_whole_file(window, tmp_path):
    path = tmp_path / "kept.json"
    path.write_text("x" * 100_000, encoding="utf-8")
    window.playground.set_program("y = 2\n")
    assert window.sessions.save_as(str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["program"] == "y = 2\n"
    assert [item.name for item in tmp_path.iterdir() if item.name != "settings.ini"] == ["kept.json"]


def test_save_onto_folder_reports(window, tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert not window.sessions.save_as(str(folder))
    assert "folder.json" in window.notice_bar.text()
    assert folder.is_dir()


def answer_prompt(button: QMessageBox.StandardButton, seen: list) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.text())
        box.button(button).click()
    else:
        QTimer.singleShot(10, lambda: answer_prompt(button, seen))


def test_close_with_changes_asks(qtbot, window):
    window.playground.editor.insertPlainText("z = 3\n")
    assert window.isWindowModified()
    seen = []
    QTimer.singleShot(0, lambda: answer_prompt(QMessageBox.StandardButton.Cancel, seen))
    window.close()
    assert seen
    assert window.isVisible()

    QTimer.singleShot(0, lambda: answer_prompt(QMessageBox.StandardButton.Discard, seen))
    window.close()
    assert not window.isVisible()


def test_last_session_reopens(qtbot, settings, tmp_path):
    path = tmp_path / "last.json"
    path.write_text(json.dumps({"schema_version": 1, "program": "w = 7\n"}), encoding="utf-8")
    settings.setValue("session/last", str(path))
    main_window = MainWindow(settings)
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    assert main_window.playground.program() == "w = 7\n"
    assert main_window.sessions.path == str(path)
    main_window.close()


def test_notice_follows_language(qtbot, window, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b"{")
    window.sessions.open_session(str(path))
    assert window.notice_bar.text().startswith("Cannot open broken.json")
    window.set_language("ko")
    try:
        qtbot.waitUntil(lambda: window.notice_bar.text().startswith("broken.json을(를) 열 수 없습니다"), timeout=5000)
        assert "올바른 JSON이 아닙니다" in window.notice_bar.text()
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.notice_bar.text().startswith("Cannot open"), timeout=5000)


def test_new_clears_program_and_path(window, tmp_path):
    path = tmp_path / "first.json"
    assert window.sessions.save_as(str(path))
    window.new_action.trigger()
    assert window.playground.program() == ""
    assert window.sessions.path == ""
    assert window.windowTitle().startswith("Untitled")


def test_open_other_with_changes_can_cancel(qtbot, window, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"schema_version": 1, "program": "q = 1\n"}), encoding="utf-8")
    window.playground.editor.insertPlainText("edited = True\n")
    seen = []
    QTimer.singleShot(0, lambda: answer_prompt(QMessageBox.StandardButton.Cancel, seen))
    assert not window.sessions.open_session(str(path))
    assert seen
    assert "edited = True" in window.playground.program()


def test_missing_device_reported(window, tmp_path):
    path = tmp_path / "gpu.agx.json"
    path.write_text(json.dumps({"schema_version": 1, "program": "x = 1\n", "device": "cuda:99"}), encoding="utf-8")

    assert window.sessions.open_session(str(path))

    assert window.device_selector.currentText() == "cpu"
    assert window.notice_bar.isVisibleTo(window)
    assert "cuda:99" in window.notice_bar.text()
