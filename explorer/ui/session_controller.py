"""File > New, Open, Open Recent, Save and Save As for session files.

The controller owns the current file path and the recent-files list in
QSettings; the window provides the contents through two callables. A file that
cannot be read or written is reported through `failed` (the window shows it in
its notice bar) and leaves the open session unchanged. Opening never runs the
program.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QSaveFile, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer.session import FILE_SUFFIX, MAX_FILE_BYTES, SessionData, SessionError, dump_session, load_session

log = logging.getLogger(__name__)

MAX_RECENT_FILES = 8
RECENT_KEY = "session/recent"
LAST_KEY = "session/last"


class SessionController(QObject):
    """Reads and writes session files for a window; every method runs in the GUI thread."""

    path_changed = Signal(str)  # "" for a new, unsaved session
    recent_changed = Signal()
    failed = Signal(str)  # a message for the user, already translated
    saved = Signal(str)

    def __init__(
        self,
        window: QWidget,
        settings: QSettings,
        collect: Callable[[], SessionData],
        apply: Callable[[SessionData], None],
        is_modified: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._collect = collect
        self._apply = apply
        self._is_modified = is_modified
        self._path = ""
        # Builds the last failure's message in the current language; None before any failure.
        self.last_failure: Callable[[], str] | None = None

    @property
    def path(self) -> str:
        return self._path

    def _set_path(self, path: str) -> None:
        self._path = path
        if path:
            self._settings.setValue(LAST_KEY, path)
            self._remember(path)
        self.path_changed.emit(path)

    # Recent files

    def recent_files(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # INI files store a one-item list as a plain string
            value = [value]
        return [str(item) for item in (value or []) if item][:MAX_RECENT_FILES]

    def last_session(self) -> str:
        return str(self._settings.value(LAST_KEY, "") or "")

    def _remember(self, path: str) -> None:
        recent = [item for item in self.recent_files() if item != path]
        self._settings.setValue(RECENT_KEY, [path, *recent][:MAX_RECENT_FILES])
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        self._settings.setValue(RECENT_KEY, [])
        self.recent_changed.emit()

    # Commands

    def new_session(self) -> bool:
        if not self.maybe_save():
            return False
        self._apply(SessionData())
        self._set_path("")
        return True

    def restore_last(self) -> bool:
        """Reopen the session saved or opened last, if its file still exists; never prompts."""
        last = self.last_session()
        if not last or not Path(last).is_file():
            return False
        session = self.read(last)
        if session is None:
            return False
        self._apply(session)
        self._set_path(last)
        return True

    def open_session(self, path: str | None = None) -> bool:
        """Open `path`, or ask for one; False when cancelled or the file was rejected."""
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Open Session"), self._directory(), self._filter()
            )
            if not path:
                return False
        session = self.read(path)
        if session is None:
            return False
        self._apply(session)
        self._set_path(path)
        return True

    def read(self, path: str) -> SessionData | None:
        """Load the session at `path`; on failure emit `failed` and return None."""
        try:
            with open(path, "rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            log.info("Cannot read session %s: %s", path, error)
            reason = error.strerror or str(error)
            self._fail(lambda: self.tr("Cannot open {file}: {reason}").format(file=Path(path).name, reason=reason))
            return None
        try:
            return load_session(data)
        except SessionError as error:
            log.info("Rejected session %s: %s", path, error)
            message = error.message
            self._fail(
                lambda: self.tr("Cannot open {file}: {reason}").format(file=Path(path).name, reason=message.localized())
            )
            return None

    def save(self) -> bool:
        if not self._path:
            return self.save_as()
        return self._write(self._path)

    def save_as(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Save Session"), self._path or self._directory(), self._filter()
            )
            if not path:
                return False
            if not path.endswith(".json"):
                path += FILE_SUFFIX
        if not self._write(path):
            return False
        self._set_path(path)
        return True

    def _write(self, path: str) -> bool:
        # QSaveFile writes to a temporary file and renames it on commit, so a
        # failed or interrupted save leaves the previous file intact.
        file = QSaveFile(path)
        if not file.open(QIODevice.OpenModeFlag.WriteOnly):
            return self._write_failed(path, file.errorString())
        data = dump_session(self._collect())
        if file.write(data) != len(data):
            file.cancelWriting()
            return self._write_failed(path, file.errorString())
        if not file.commit():
            return self._write_failed(path, file.errorString())
        log.info("Saved session %s", path)
        self.saved.emit(path)
        return True

    def _write_failed(self, path: str, reason: str) -> bool:
        log.warning("Cannot save session %s: %s", path, reason)
        self._fail(lambda: self.tr("Cannot save {file}: {reason}").format(file=Path(path).name, reason=reason))
        return False

    def _fail(self, message: Callable[[], str]) -> None:
        # Kept as a function so the window can show it again in another language.
        self.last_failure = message
        self.failed.emit(message())

    def maybe_save(self) -> bool:
        """Ask whether to save unsaved changes; False when the user cancels."""
        if not self._is_modified():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved Changes"),
            self.tr("The program has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _directory(self) -> str:
        last = self.last_session()
        return str(Path(last).parent) if last else str(Path.home())

    def _filter(self) -> str:
        return self.tr("Sessions (*.json);;All files (*)")
