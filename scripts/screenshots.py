"""Take the screenshots used by the README and the user guide from the real app.

Runs the main window on Qt's offscreen platform (unless QT_QPA_PLATFORM says
otherwise), drives it as a user would, and saves PNG files:

    python scripts/screenshots.py [OUTPUT_DIR]      (default: docs/images)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer.examples import EXAMPLES  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402
from explorer.ui.translations import apply_language  # noqa: E402

TIMEOUT_MS = 120_000


def wait_for(condition, timeout_ms: int = TIMEOUT_MS) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def check() -> None:
        waited[0] += 20
        if condition() or waited[0] > timeout_ms:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the app did not reach the expected state in time")


def run_example(window: MainWindow, index: int) -> None:
    playground = window.playground
    playground.examples.setCurrentIndex(index)
    playground.editor.setPlainText(EXAMPLES[index].source())
    finished = []
    playground.run_finished.connect(finished.append)
    playground.run_program()
    wait_for(lambda: finished and not playground.is_running())
    playground.run_finished.disconnect(finished.append)


def take(window: MainWindow, directory: Path, name: str, language: str) -> None:
    QApplication.processEvents()
    suffix = "" if language == "en" else f".{language}"
    path = directory / f"{name}{suffix}.png"
    window.grab().save(str(path))
    print(path)


def main() -> int:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")
    directory.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
        for language in ("en", "ko"):
            apply_language(language)
            settings.setValue("language", language)
            window = MainWindow(settings)
            window.resize(1400, 860)
            window.show()
            wait_for(lambda: window.device_tab.value_of("torch") is not None)

            run_example(window, 0)
            take(window, directory, "playground", language)
            run_example(window, 1)
            take(window, directory, "playground-non-leaf", language)

            window.tabs.setCurrentWidget(window.training)
            training = window.training
            finished = []
            training.training_finished.connect(finished.append)
            training.start_training()
            wait_for(lambda: bool(finished))
            take(window, directory, "training", language)

            window.tabs.setCurrentWidget(window.device_tab)
            take(window, directory, "device", language)
            window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
