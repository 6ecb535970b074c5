"""The code editor: syntax colours, completion of allow-listed names, font size and shortcuts."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from explorer.ui.code_editor import CodeEditor
from explorer.ui.highlighter import COMMENT, KEYWORD, NUMBER, STRING, TORCH, completion_words
from explorer.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 60_000

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



def colour_at(editor: CodeEditor, line: int, column: int):
    block = editor.document().findBlockByNumber(line)
    for format_range in block.layout().formats():
        if format_range.start <= column < format_range.start + format_range.length:
            return format_range.format.foreground().color()
    return None


@pytest.fixture
def editor(qtbot):
    widget = CodeEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_highlighter_colours_tokens(editor):
    editor.setPlainText("for i in range(3):  # loop\n    x = torch.ones(2) * 1.5\ns = 'a # b'\n")
    assert colour_at(editor, 0, 0) == KEYWORD.foreground().color()
    assert colour_at(editor, 0, 22) == COMMENT.foreground().color()
    assert colour_at(editor, 1, 8) == TORCH.foreground().color()
    assert colour_at(editor, 1, 26) == NUMBER.foreground().color()
    assert colour_at(editor, 2, 7) == STRING.foreground().color()
    assert colour_at(editor, 1, 4) is None


def test_completion_words_from_allow_lists():
    words = completion_words()
    assert "torch.tensor" in words
    assert "retain_grad" in words
    assert "backward" in words
    assert "print" in words
    assert "torch.load" not in words
    assert not any(word.startswith("_") for word in words)


def test_completer_inserts_name(qtbot, editor):
    editor.set_completion_words(completion_words())
    qtbot.keyClicks(editor, "torch.zero")
    assert editor.completer.popup().isVisible()
    assert editor.completer.currentCompletion().startswith("torch.zero")
    qtbot.keyClick(editor.completer.popup(), Qt.Key.Key_Return)
    assert editor.toPlainText() in ("torch.zeros", "torch.zeros_like")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_settings_survive_restart(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=discard_changes)
    window.show()
    qtbot.waitUntil(window.is_loaded, timeout=LOAD_TIMEOUT_MS)
    window.font_larger_action.trigger()
    window.font_larger_action.trigger()
    size = window.editor_font_size()
    window.close()
    assert settings.value("device") == "cpu"

    again = MainWindow(settings)
    qtbot.addWidget(again, before_close_func=discard_changes)
    assert again.editor_font_size() == size
    # The offscreen screen clamps restored geometry, so only its storage is checked.
    assert settings.value("window/geometry") is not None
    assert settings.value("window/state") is not None
    again.close()


def test_shortcuts_bound(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=discard_changes)
    assert window.run_action.shortcut() == QKeySequence("F5")
    assert window.stop_action.shortcut() == QKeySequence("Shift+F5")
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert not window.zoom_in_action.shortcut().isEmpty()
    assert not window.fit_action.shortcut().isEmpty()
    window.close()
