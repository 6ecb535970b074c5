"""Every text the window shows goes through Qt's translators and is relabelled at once."""

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from explorer.ui.main_window import LANGUAGES, MainWindow
from explorer.ui.translations import apply_language

LOAD_TIMEOUT_MS = 60_000
LANGUAGE_NAMES = {name for _, name in LANGUAGES}

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



class MarkingTranslator(QTranslator):
    """Wraps every source text of this app in ⟦ ⟧, so that an untranslated text is easy to find."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context.startswith("Q") or not source:
            return ""  # Qt's own classes keep their texts
        return f"⟦{source}⟧"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def window(qtbot, tmp_path):
    main_window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    main_window.show()
    qtbot.waitUntil(main_window.is_loaded, timeout=LOAD_TIMEOUT_MS)
    yield main_window
    main_window.playground.editor.document().setModified(False)
    main_window.close()
    apply_language("en")


def visible_texts(window) -> dict[str, str]:
    texts = {}
    for action in window.menuBar().actions():
        texts[f"menu {action.text()}"] = action.text()
        for item in action.menu().actions():
            if item.text() and item.text() not in LANGUAGE_NAMES:
                texts[f"item {item.text()}"] = item.text()
            if item.menu() is not None:
                for sub in item.menu().actions():
                    if sub.text() and sub.text() not in LANGUAGE_NAMES and not sub.data():
                        texts[f"sub {sub.text()}"] = sub.text()
    for index in range(window.tabs.count()):
        texts[f"tab {index}"] = window.tabs.tabText(index)
    playground = window.playground
    texts["run button"] = playground.run_button.text()
    texts["stop button"] = playground.stop_button.text()
    texts["editor placeholder"] = playground.editor.placeholderText()
    texts["console placeholder"] = playground.console.placeholderText()
    texts["explanation"] = playground.explanation.text()
    texts["results tab"] = playground.results.tabText(0)
    texts["status"] = window.statusBar().currentMessage()
    texts["title"] = window.windowTitle()
    for index in range(playground.examples.count()):
        if playground.examples.itemText(index):
            texts[f"example {index}"] = playground.examples.itemText(index)
    return texts


def test_every_text_relabelled(qtbot, window):
    marker = MarkingTranslator()
    QApplication.instance().installTranslator(marker)
    try:
        qtbot.waitUntil(lambda: window.tabs.tabText(0).startswith("⟦"), timeout=5000)
        texts = visible_texts(window)
        untranslated = {key: text for key, text in texts.items() if "⟦" not in text}
        assert untranslated == {}
    finally:
        QApplication.instance().removeTranslator(marker)
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Playground", timeout=5000)
    assert all("⟦" not in text for text in visible_texts(window).values())


def test_program_errors_localized(qtbot, window):
    marker = MarkingTranslator()
    QApplication.instance().installTranslator(marker)
    try:
        playground = window.playground
        playground.editor.setPlainText("x = torch.tensor(1.0)\ny = x * 2\ny.backward()\n")
        with qtbot.waitSignal(playground.run_finished, timeout=LOAD_TIMEOUT_MS):
            playground.run_program()
        console = playground.console.toPlainText()
        assert "RuntimeError" in console
        assert "⟦Hint: {hint}⟧" in console or "⟦Hint:" in console
        assert console.count("⟦") >= 2
    finally:
        QApplication.instance().removeTranslator(marker)
        qtbot.waitUntil(lambda: not window.playground.is_running(), timeout=LOAD_TIMEOUT_MS)


def test_korean_menu_and_qt_buttons(qtbot, window):
    window.set_language("ko")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) != "Playground", timeout=5000)
    assert window.menuBar().actions()[0].text() == "파일(&F)"
    assert window.language_actions["ko"].isChecked()

    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save
                      | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "취소"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "닫기"
    box.deleteLater()
    buttons.deleteLater()


def test_language_saved_in_settings(qtbot, window):
    window.set_language("ko")
    assert window._settings.value("language") == "ko"


def test_korean_relabels_new_parts(qtbot, window):
    window.playground.load_example("chain_rule")
    window.set_language("ko")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "플레이그라운드", timeout=5000)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["파일(&F)", "예제(&E)", "프로그램(&P)", "보기(&V)", "도움말(&H)"]
    assert window.playground.editor.placeholderText().startswith("여기에")
    assert window.playground.explanation.text().startswith("z = sin(x**2). backward는")
    assert window.playground.examples.currentText() == "연쇄 법칙"
    assert window.statusBar().currentMessage().startswith("준비됨")
    assert window.windowTitle() == "제목 없음[*] - Autograd Explorer"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Playground", timeout=5000)
    assert window.playground.examples.currentText() == "Chain rule"


def test_status_after_run_follows_language(qtbot, window):
    playground = window.playground
    playground.editor.setPlainText("a = torch.ones(2)\n")
    with qtbot.waitSignal(playground.run_finished, timeout=LOAD_TIMEOUT_MS):
        playground.run_program()
    qtbot.waitUntil(lambda: not playground.is_running(), timeout=LOAD_TIMEOUT_MS)
    assert window.statusBar().currentMessage().startswith("Ran in ")

    window.set_language("ko")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "플레이그라운드", timeout=5000)
    assert window.statusBar().currentMessage().startswith("cpu에서 ")
