"""The Examples menu and the Playground's list load a program with its explanation."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from explorer.examples import EXAMPLES, example_by_key
from explorer.ui.main_window import MainWindow

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



@pytest.fixture
def window(qtbot, tmp_path):
    main_window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    yield main_window
    main_window.playground.editor.document().setModified(False)
    main_window.close()


def test_menu_has_every_example(window):
    keys = [action.data() for menu in window.example_group_menus.values() for action in menu.actions()]
    assert keys == [example.key for example in EXAMPLES]


def test_menu_action_loads_example(window):
    playground = window.playground
    before = playground.program()
    window.tabs.setCurrentIndex(2)
    window.example_actions["higher_order"].trigger()

    example = example_by_key("higher_order")
    assert playground.program() == example.source()
    assert playground.example_key == "higher_order"
    assert playground.explanation.text() == str(example.explanation)
    assert not playground.explanation.isHidden()
    assert window.tabs.currentWidget() is playground
    assert playground.examples.currentData() == "higher_order"
    assert not playground.is_running()

    playground.editor.undo()
    assert playground.program() == before


def test_combo_loads_example(window):
    playground = window.playground
    index = playground.examples.findData("moved_leaf")
    playground.examples.activated.emit(index)
    assert playground.program() == example_by_key("moved_leaf").source()
    assert "dtype" in playground.explanation.text()


def test_own_program_hides_explanation(window):
    window.playground.set_program("x = 1\n")
    assert window.playground.example_key is None
    assert window.playground.explanation.isHidden()
    assert window.playground.examples.currentIndex() == -1


def test_edited_example_drops_explanation(window):
    assert window.playground.load_example("chain_rule")
    assert window.playground.explanation.isVisibleTo(window)

    window.playground.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.playground.editor.insertPlainText("print(1)\n")

    assert window.playground.example_key is None
    assert window.playground.explanation.isHidden()
    assert window.playground.examples.currentIndex() == -1
