"""Take the screenshots used by the README and the user guide from the real app.

Runs the main window on Qt's offscreen platform (unless QT_QPA_PLATFORM is
set), drives it as a user would, and saves PNG files, English first and
then Korean with a ".ko" suffix:

    python scripts/screenshots.py [OUTPUT_DIR]      (default: docs/images)

The Korean shots use the compiled translation that ships with the package, so
run `make translations` first when source texts have changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from explorer.training_process import shared_training_process  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402
from explorer.ui.translations import apply_language  # noqa: E402

TIMEOUT_MS = 120_000
WINDOW_SIZE = (1200, 760)


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


def settle(milliseconds: int = 300) -> None:
    """Let layouts, the graph's layout worker and repaints finish."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def run_example(window: MainWindow, key: str) -> None:
    playground = window.playground
    window.tabs.setCurrentWidget(playground)
    playground.load_example(key)
    finished = []
    playground.run_finished.connect(finished.append)
    playground.run_program()
    wait_for(lambda: finished and not playground.is_running())
    playground.run_finished.disconnect(finished.append)
    settle(800)


def take(widget: QWidget, directory: Path, name: str, language: str) -> None:
    settle()
    suffix = "" if language == "en" else f".{language}"
    path = directory / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    print(path)


def shoot(language: str, directory: Path, settings: QSettings) -> None:
    apply_language(language)
    settings.setValue("language", language)
    window = MainWindow(settings)
    window.resize(*WINDOW_SIZE)
    # Grabbed before show(), which starts loading torch: in the second language
    # torch is already imported and the loading state would not be seen.
    starting = directory / ("starting.png" if language == "en" else f"starting.{language}.png")
    window.grab().save(str(starting))
    print(starting)
    window.show()
    wait_for(window.is_loaded)

    run_example(window, "autograd_basics")
    take(window, directory, "playground", language)
    run_example(window, "non_leaf")
    take(window, directory, "playground-non-leaf", language)
    run_example(window, "inplace_error")
    take(window, directory, "example-error", language)
    window.playground.results.setCurrentIndex(1)
    run_example(window, "retain_grad")
    take(window, directory, "tensors", language)
    window.playground.results.setCurrentIndex(0)

    window.tabs.setCurrentIndex(1)
    # The tab trains in the training process once that has started, as it does a few seconds after start-up.
    wait_for(shared_training_process().is_ready, 120_000)
    finished = []
    window.training.training_finished.connect(finished.append)
    window.training.start_training()
    wait_for(lambda: bool(finished))
    take(window, directory, "training", language)

    window.tabs.setCurrentWidget(window.device_tab)
    take(window, directory, "device", language)

    wait_for(lambda: window.backend is not None)
    take(window.show_about(), directory, "about", language)

    window.playground.editor.document().setModified(False)
    window.close()


def main() -> int:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")
    directory.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
        for language in ("en", "ko"):
            shoot(language, directory, settings)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
