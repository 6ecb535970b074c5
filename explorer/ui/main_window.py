"""The main window: device selector, the Playground, Training and Device tabs, and a status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from explorer.ui.device_panel import DeviceTab
from explorer.ui.playground import PlaygroundTab
from explorer.ui.training_tab import TrainingTab
from explorer.ui.translations import apply_language
from explorer.ui.workers import DeviceProbeWorker

log = logging.getLogger(__name__)

LANGUAGES = (("en", "English"), ("ko", "한국어"))


class MainWindow(QMainWindow):
    """Reads like a table of contents: each part is built by one method."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or QSettings()
        self._language = str(self._settings.value("language", "en"))
        self._create_tabs()
        self._create_toolbar()
        self._create_actions()
        self._create_menus()
        self._create_status_bar()
        self._read_settings()
        self.retranslate()
        self._start_device_probe()

    def _create_tabs(self) -> None:
        self.playground = PlaygroundTab(self)
        self.training = TrainingTab(self)
        self.device_tab = DeviceTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.playground, "")
        self.tabs.addTab(self.training, "")
        self.tabs.addTab(self.device_tab, "")
        self.setCentralWidget(self.tabs)
        self.playground.status_changed.connect(self._on_playground_status_changed)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self._device_label = QLabel(self)
        self.device_selector = QComboBox(self)
        self.device_selector.addItem("cpu")
        self.device_selector.setMinimumContentsLength(8)
        self.device_selector.currentTextChanged.connect(self._on_device_selector_current_text_changed)
        self.toolbar.addWidget(self._device_label)
        self.toolbar.addWidget(self.device_selector)
        self.addToolBar(self.toolbar)

    def _create_actions(self) -> None:
        self.run_action = QAction(self)
        self.run_action.setShortcut(QKeySequence("F5"))
        self.run_action.triggered.connect(self.playground.run_program)
        self.stop_action = QAction(self)
        self.stop_action.setShortcut(QKeySequence("Shift+F5"))
        self.stop_action.triggered.connect(self.playground.stop_program)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self._language)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._on_language_group_triggered)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.program_menu = bar.addMenu("")
        self.program_menu.addAction(self.run_action)
        self.program_menu.addAction(self.stop_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_group.actions())

    def _create_status_bar(self) -> None:
        self._status_text = ""
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

    def _write_settings(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("language", self._language)
        self._settings.setValue("device", self.device_selector.currentText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Autograd Explorer"))
        self.tabs.setTabText(0, self.tr("Playground"))
        self.tabs.setTabText(1, self.tr("Training"))
        self.tabs.setTabText(2, self.tr("Device"))
        self._device_label.setText(self.tr("Device: "))
        self.device_selector.setToolTip(self.tr("The torch device that programs and training run on"))
        self.file_menu.setTitle(self.tr("&File"))
        self.program_menu.setTitle(self.tr("&Program"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.run_action.setText(self.tr("&Run"))
        self.stop_action.setText(self.tr("&Stop"))
        self.quit_action.setText(self.tr("&Quit"))
        for tab in (self.playground, self.training, self.device_tab):
            retranslate = getattr(tab, "retranslate", None)
            if retranslate is not None:
                retranslate()
        if not self._status_text:
            self.statusBar().showMessage(self.tr("Loading torch…"))

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

    def _start_device_probe(self) -> None:
        self._probe = DeviceProbeWorker(self)
        self._probe.probe_finished.connect(self._on_probe_probe_finished)
        self._probe.probe_failed.connect(self.device_tab.show_error)
        self._probe.start()

    @Slot(object)
    def _on_probe_probe_finished(self, report) -> None:
        self.device_tab.show_report(report)
        saved = str(self._settings.value("device", "cpu"))
        self.device_selector.blockSignals(True)
        self.device_selector.clear()
        self.device_selector.addItems(report.devices)
        self.device_selector.setCurrentText(saved if saved in report.devices else "cpu")
        self.device_selector.blockSignals(False)
        self._on_device_selector_current_text_changed(self.device_selector.currentText())
        self._status_text = self.tr("Ready: torch {version}.").format(version=report.torch_version)
        self.statusBar().showMessage(self._status_text)

    @Slot(str)
    def _on_device_selector_current_text_changed(self, device: str) -> None:
        if not device:
            return
        self.playground.set_device(device)
        self.training.set_device(device)

    @Slot(str)
    def _on_playground_status_changed(self, text: str) -> None:
        self._status_text = text
        self.statusBar().showMessage(text)

    def closeEvent(self, event) -> None:
        self.playground.shutdown()
        self.training.shutdown()
        if self._probe.isRunning():
            self._probe.wait(10000)
        self._write_settings()
        super().closeEvent(event)
