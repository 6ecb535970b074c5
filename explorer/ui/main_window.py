"""The main window: menus, toolbar, the Playground, Training and Device tabs, and a status bar.

The window paints before torch is imported, because nothing this module
imports at the top loads torch. A DeviceProbeWorker starts importing torch
when the window is shown, in parallel with the first paint. The window then
enables Run, and builds the graph view and the Training tab once their
modules are loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from explorer.examples import EXAMPLES, GROUP_TITLES, GROUPS
from explorer.session import MAX_FONT_SIZE, MIN_FONT_SIZE, SessionData, ViewOptions
from explorer.ui.about_dialog import AboutDialog
from explorer.ui.device_panel import DeviceTab
from explorer.ui.notice_bar import NoticeBar
from explorer.ui.playground import PlaygroundTab
from explorer.ui.session_controller import SessionController
from explorer.ui.translations import apply_language, route_text_through_qt
from explorer.ui.workers import DeviceProbeWorker

log = logging.getLogger(__name__)

# Language names are written in their own language, as language menus do.
LANGUAGES = (("en", "English"), ("ko", "한국어"))
TRAINING_TAB = 1
DEFAULT_FONT_SIZE = 11


class MainWindow(QMainWindow):
    """Reads like a table of contents: each part is built by one method."""

    torch_ready = Signal()  # Run is enabled
    modules_loaded = Signal()  # the graph view and the Training tab exist

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        route_text_through_qt()
        self._settings = settings or QSettings()
        self._language = str(self._settings.value("language", "en"))
        self._torch_version: str | None = None
        self._backend: str | None = None
        self._probe: DeviceProbeWorker | None = None
        self._about: AboutDialog | None = None
        # Builds the status line in the current language; None shows the loading or ready state.
        self._status_builder: Callable[[], str] | None = None
        # A session's device, applied once the device list is known.
        self._pending_device: str | None = None
        self.training = None  # TrainingTab, built once its modules are loaded
        self._pending_training: dict[str, str] = {}  # a session's settings for that tab
        self._create_tabs()
        self._create_sessions()
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._read_settings()
        self.retranslate()

    # Construction

    def _create_tabs(self) -> None:
        self.playground = PlaygroundTab(self)
        self._training_placeholder: QLabel | None = QLabel(self)
        self.device_tab = DeviceTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.playground, "")
        self.tabs.addTab(self._training_placeholder, "")
        self.tabs.addTab(self.device_tab, "")
        self.notice_bar = NoticeBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.playground.status_changed.connect(self._on_playground_status_changed)
        self.playground.editor.document().modificationChanged.connect(self.setWindowModified)

    def _create_sessions(self) -> None:
        self.sessions = SessionController(
            self, self._settings, self.collect_session, self.apply_session,
            self.playground.editor.document().isModified,
        )
        self.sessions.failed.connect(self.notice_bar.show_notice)
        self.sessions.saved.connect(self._on_sessions_saved)
        self.sessions.path_changed.connect(self._on_sessions_path_changed)
        self.sessions.recent_changed.connect(self._fill_recent_menu)

    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(self.sessions.new_session, QKeySequence.StandardKey.New)
        self.open_action = self._action(lambda: self.sessions.open_session(), QKeySequence.StandardKey.Open)
        self.save_action = self._action(self.sessions.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(lambda: self.sessions.save_as(), QKeySequence.StandardKey.SaveAs)
        self.clear_recent_action = self._action(self.sessions.clear_recent)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)

        self.run_action = self._action(self.playground.run_program, "F5")
        self.run_action.setEnabled(False)
        self.stop_action = self._action(self.playground.stop_program, "Shift+F5")
        self.stop_action.setEnabled(False)

        # The graph view binds Ctrl+= / Ctrl+- / Ctrl+9 while it has focus; these
        # window-wide keys use Ctrl+Alt so the two sets never clash.
        self.zoom_in_action = self._action(lambda: self._graph_call("zoom_in"), "Ctrl+Alt+=")
        self.zoom_out_action = self._action(lambda: self._graph_call("zoom_out"), "Ctrl+Alt+-")
        self.fit_action = self._action(lambda: self._graph_call("fit"), "Ctrl+Alt+0")
        self.font_larger_action = self._action(lambda: self.set_editor_font_size(self.editor_font_size() + 1),
                                               "Ctrl+Shift+Up")
        self.font_smaller_action = self._action(lambda: self.set_editor_font_size(self.editor_font_size() - 1),
                                                "Ctrl+Shift+Down")
        self.about_action = self._action(self.show_about)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self._language)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._on_language_group_triggered)

        self.example_actions: dict[str, QAction] = {}
        for example in EXAMPLES:
            action = QAction(self)
            action.setData(example.key)
            action.triggered.connect(self._on_example_action_triggered)
            self.example_actions[example.key] = action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        for action in (self.new_action, self.open_action):
            self.file_menu.addAction(action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self._fill_recent_menu()

        self.examples_menu = bar.addMenu("")
        self.example_group_menus: dict[str, QMenu] = {}
        for group in GROUPS:
            menu = self.examples_menu.addMenu("")
            self.example_group_menus[group] = menu
            menu.addActions([self.example_actions[e.key] for e in EXAMPLES if e.group == group])

        self.program_menu = bar.addMenu("")
        self.program_menu.addAction(self.run_action)
        self.program_menu.addAction(self.stop_action)

        self.view_menu = bar.addMenu("")
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.font_larger_action)
        self.view_menu.addAction(self.font_smaller_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_group.actions())

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.run_action)
        self.toolbar.addAction(self.stop_action)
        self.toolbar.addSeparator()
        self._device_label = QLabel(self)
        self.device_selector = QComboBox(self)
        self.device_selector.addItem("cpu")
        self.device_selector.setMinimumContentsLength(8)
        self.device_selector.currentTextChanged.connect(self._on_device_selector_current_text_changed)
        self.toolbar.addWidget(self._device_label)
        self.toolbar.addWidget(self.device_selector)
        self.addToolBar(self.toolbar)
        self.playground.running_changed.connect(self._update_run_actions)

    def _create_status_bar(self) -> None:
        self.statusBar().showMessage("")

    def _read_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.set_editor_font_size(self._settings_int("editor/font_size", DEFAULT_FONT_SIZE))
        self.sessions.restore_last()
        self._update_title()

    def _settings_int(self, key: str, default: int) -> int:
        try:
            return int(self._settings.value(key, default))
        except (TypeError, ValueError):
            return default

    def _write_settings(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("language", self._language)
        self._settings.setValue("device", self.device_selector.currentText())
        self._settings.setValue("editor/font_size", self.editor_font_size())

    # Texts

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Playground"))
        self.tabs.setTabText(1, self.tr("Training"))
        self.tabs.setTabText(2, self.tr("Device"))
        if self._training_placeholder is not None:
            self._training_placeholder.setText(self.tr("Loading torch…"))
        self._device_label.setText(self.tr("Device: "))
        self.device_selector.setToolTip(self.tr("The torch device that programs and training run on"))

        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("&Examples"))
        self.program_menu.setTitle(self.tr("&Program"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))

        self.new_action.setText(self.tr("&New"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.clear_recent_action.setText(self.tr("Clear Recent"))
        self.quit_action.setText(self.tr("&Quit"))
        self.run_action.setText(self.tr("&Run"))
        self.run_action.setToolTip(self.tr("Run the program (F5)"))
        self.stop_action.setText(self.tr("&Stop"))
        self.stop_action.setToolTip(self.tr("Stop the running program (Shift+F5)"))
        self.zoom_in_action.setText(self.tr("Zoom &In on the Graph"))
        self.zoom_out_action.setText(self.tr("Zoom &Out of the Graph"))
        self.fit_action.setText(self.tr("&Fit the Graph"))
        self.font_larger_action.setText(self.tr("La&rger Editor Font"))
        self.font_smaller_action.setText(self.tr("S&maller Editor Font"))
        self.about_action.setText(self.tr("&About Autograd Explorer"))

        for group, menu in self.example_group_menus.items():
            menu.setTitle(GROUP_TITLES[group].localized())
        for example in EXAMPLES:
            self.example_actions[example.key].setText(example.title.localized())
        self._fill_recent_menu()

        for tab in (self.playground, self.training, self.device_tab, self.notice_bar, self._about):
            if tab is not None:
                tab.retranslate()
        if self.notice_bar.isVisible() and self.sessions.last_failure is not None:
            self.notice_bar.show_notice(self.sessions.last_failure())
        self._update_title()
        self._show_status()

    def _update_title(self) -> None:
        path = self.sessions.path
        name = Path(path).name if path else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] - Autograd Explorer").format(name=name))

    def _show_status(self) -> None:
        if self._status_builder is not None:
            self.statusBar().showMessage(self._status_builder())
        elif self._torch_version is None:
            self.statusBar().showMessage(self.tr("Loading torch… Run is enabled when it is ready."))
        else:
            self.statusBar().showMessage(self.tr("Ready: torch {version}.").format(version=self._torch_version))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        self.language_actions[language].setChecked(True)
        self._settings.setValue("language", language)
        apply_language(language)

    @Slot(QAction)
    def _on_language_group_triggered(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    # Start-up: torch loads in a worker while the window paints

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Measured with benchmarks/startup.py: starting here rather than after the
        # first paint makes Run ready sooner and leaves the first paint as fast.
        if self._probe is None:
            self._probe = DeviceProbeWorker(self)
            self._start_device_probe()

    def _start_device_probe(self) -> None:
        self._probe.probe_finished.connect(self._on_probe_probe_finished)
        self._probe.probe_failed.connect(self._on_probe_probe_failed)
        self._probe.modules_loaded.connect(self._on_probe_modules_loaded)
        self._probe.backend_found.connect(self._on_probe_backend_found)
        self._probe.start()

    def is_loaded(self) -> bool:
        """True once torch is imported and the graph view and Training tab exist."""
        return self.training is not None and self.playground.graph_view is not None

    @Slot(object)
    def _on_probe_probe_finished(self, report) -> None:
        self.device_tab.show_report(report)
        from_session = self._pending_device
        saved = from_session or str(self._settings.value("device", "cpu"))
        self._pending_device = None
        self.device_selector.blockSignals(True)
        self.device_selector.clear()
        self.device_selector.addItems(report.devices)
        self.device_selector.setCurrentText(saved if saved in report.devices else "cpu")
        self.device_selector.blockSignals(False)
        if from_session is not None and from_session not in report.devices:
            self._notify_missing_device(from_session)
        self._on_device_selector_current_text_changed(self.device_selector.currentText())
        self._torch_version = report.torch_version
        self.playground.set_torch_ready()
        self._update_run_actions()
        self._show_status()
        if self._about is not None:
            self._about.set_versions(self._torch_version, self._backend)
        self.torch_ready.emit()

    @Slot(str)
    def _on_probe_probe_failed(self, message: str) -> None:
        self.device_tab.show_error(message)
        self._status_builder = lambda: self.tr("torch could not be loaded: {message}").format(message=message)
        self._show_status()

    @Slot()
    def _on_probe_modules_loaded(self) -> None:
        from explorer.ui.highlighter import completion_words
        from explorer.ui.training_tab import TrainingTab

        self.playground.attach_graph_view()
        self.playground.editor.set_completion_words(completion_words())
        self.training = TrainingTab(self)
        self.training.set_device(self.device_selector.currentText())
        self.training.apply_settings_texts(self._pending_training)
        # The tab's form and plots need about 820 pixels of height; scrolling
        # keeps them usable on a shorter screen instead of forcing the window taller.
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.training)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(TRAINING_TAB)
        self.tabs.insertTab(TRAINING_TAB, scroll, self.tr("Training"))
        self.tabs.setCurrentIndex(current)
        self._training_placeholder.deleteLater()
        self._training_placeholder = None
        self.modules_loaded.emit()

    @property
    def backend(self) -> str | None:
        """The Graphviz backend's description; None until the loader has looked."""
        return self._backend

    @Slot(str)
    def _on_probe_backend_found(self, name: str) -> None:
        self._backend = name
        if self._about is not None:
            self._about.set_versions(self._torch_version, self._backend)

    # Sessions

    def collect_session(self) -> SessionData:
        return SessionData(
            program=self.playground.program(),
            device=self.device_selector.currentText() or "cpu",
            example=self.playground.example_key,
            view=ViewOptions(tab=self.tabs.currentIndex(), editor_font_size=self.editor_font_size()),
            training=self._training_settings(),
        )

    def _training_settings(self) -> dict[str, str]:
        if self.training is not None:
            return self.training.settings_texts()
        # The tab is built once torch has loaded; until then keep what a session gave.
        return dict(self._pending_training)

    def apply_session(self, session: SessionData) -> None:
        """Show `session` without running it."""
        self.playground.set_program(session.program, session.example)
        self._pending_training = dict(session.training)
        if self.training is not None:
            self.training.apply_settings_texts(session.training)
        self.notice_bar.hide()
        if self.device_selector.findText(session.device) >= 0:
            self.device_selector.setCurrentText(session.device)
        elif self._torch_version is None:
            self._pending_device = session.device
        else:
            self._notify_missing_device(session.device)
        if 0 <= session.view.tab < self.tabs.count():
            self.tabs.setCurrentIndex(session.view.tab)
        self.set_editor_font_size(session.view.editor_font_size)

    def _notify_missing_device(self, device: str) -> None:
        self.notice_bar.show_notice(
            self.tr("This session used the device {device}, which is not available here; programs run on {current}.")
            .format(device=device, current=self.device_selector.currentText() or "cpu")
        )

    @Slot(str)
    def _on_sessions_saved(self, path: str) -> None:
        self.playground.editor.document().setModified(False)
        self._status_builder = lambda: self.tr("Saved {file}.").format(file=Path(path).name)
        self._show_status()

    @Slot(str)
    def _on_sessions_path_changed(self, path: str) -> None:
        self._update_title()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.sessions.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(self._on_recent_action_triggered)
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.recent_menu.setEnabled(bool(recent))

    @Slot()
    def _on_recent_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.sessions.open_session(str(action.data()))

    # Examples, editor and graph

    @Slot()
    def _on_example_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.tabs.setCurrentWidget(self.playground)
            self.playground.load_example(str(action.data()))

    def editor_font_size(self) -> int:
        return self.playground.editor.font().pointSize()

    def set_editor_font_size(self, size: int) -> None:
        size = min(max(size, MIN_FONT_SIZE), MAX_FONT_SIZE)
        self.playground.editor.set_font_size(size)

    def _graph_call(self, name: str) -> None:
        graph_view = self.playground.graph_view
        if graph_view is not None:
            getattr(graph_view.canvas, name)()

    # Runs and status

    @Slot()
    def _update_run_actions(self) -> None:
        running = self.playground.is_running()
        self.run_action.setEnabled(self.playground.torch_ready and not running)
        self.stop_action.setEnabled(running)

    @Slot(str)
    def _on_device_selector_current_text_changed(self, device: str) -> None:
        if not device:
            return
        self.playground.set_device(device)
        if self.training is not None:
            self.training.set_device(device)

    @Slot(str)
    def _on_playground_status_changed(self, text: str) -> None:
        self._status_builder = self.playground.status_text
        self._show_status()

    def show_about(self) -> AboutDialog:
        if self._about is None:
            self._about = AboutDialog(self)
        self._about.set_versions(self._torch_version, self._backend)
        self._about.show()
        self._about.raise_()
        return self._about

    def closeEvent(self, event) -> None:
        if not self.sessions.maybe_save():
            event.ignore()
            return
        self.playground.shutdown()
        if self.training is not None:
            self.training.shutdown()
        if self._probe is not None and self._probe.isRunning():
            self._probe.requestInterruption()
            self._probe.wait(30000)
        self._write_settings()
        super().closeEvent(event)
