"""Measure start-up: time to the window's first paint, to Run being enabled and to a first run's result.

Each is reported against `python -c "import torch"` timed in the same run,
alternating the two so that disk caches warm both alike:

    python benchmarks/startup.py [--repeat N]

Times are wall-clock seconds from starting the child process, so both sides
include the interpreter's own start. The app side runs on Qt's offscreen
platform unless QT_QPA_PLATFORM is set, with settings in a temporary
directory. Prints a Markdown table row per statistic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from explorer.ui.main_window import MainWindow

settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
window = MainWindow(settings)
marks = {}

class PaintWatch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
        return False

watch = PaintWatch()
window.installEventFilter(watch)

def ready():
    marks["ready"] = time.time()
    window.playground.editor.setPlainText("x = torch.ones(2, requires_grad=True)\n(x * 2).sum().backward()\n")
    window.playground.run_program()

def first_run(report):
    marks["run"] = time.time()
    print(f"paint={marks['paint']!r} ready={marks['ready']!r} run={marks['run']!r}", flush=True)
    window.playground.editor.document().setModified(False)
    window.close()
    app.quit()

window.torch_ready.connect(ready)
window.playground.run_finished.connect(first_run)
window.show()
QTimer.singleShot(120_000, app.quit)
app.exec()
"""


def time_torch_import() -> float:
    start = time.time()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    return time.time() - start


def time_app(settings_path: str) -> tuple[float, float, float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, settings_path], check=True, capture_output=True, text=True, env=env
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("paint="))
    fields = dict(item.split("=") for item in line.split())
    return float(fields["paint"]) - start, float(fields["ready"]) - start, float(fields["run"]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side (default: 5)")
    args = parser.parse_args()

    time_torch_import()  # warm the file cache for both sides
    torch_times, paint_times, ready_times, run_times = [], [], [], []
    with tempfile.TemporaryDirectory() as directory:
        for index in range(args.repeat):
            torch_times.append(time_torch_import())
            paint, ready, first_run = time_app(os.path.join(directory, f"settings{index}.ini"))
            paint_times.append(paint)
            ready_times.append(ready)
            run_times.append(first_run)

    baseline = statistics.median(torch_times)
    paint = statistics.median(paint_times)
    ready = statistics.median(ready_times)
    first_run = statistics.median(run_times)
    print("| measure | median (s) | ratio to `import torch` |")
    print("|---|---|---|")
    print(f"| `python -c \"import torch\"` | {baseline:.2f} | 1.00 |")
    print(f"| first paint | {paint:.2f} | {paint / baseline:.2f} |")
    print(f"| ready (Run enabled) | {ready:.2f} | {ready / baseline:.2f} |")
    print(f"| first run finished | {first_run:.2f} | {first_run / baseline:.2f} |")
    print(f"runs: {args.repeat}; all torch: {[round(t, 2) for t in torch_times]}; "
          f"paint: {[round(t, 2) for t in paint_times]}; ready: {[round(t, 2) for t in ready_times]}; "
          f"first run: {[round(t, 2) for t in run_times]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
