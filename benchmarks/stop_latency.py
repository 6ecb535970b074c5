"""How long Stop takes to end a playground run, against how long the run would have gone on.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/stop_latency.py [--repeat 3]

The main window runs each program below. The program prints "go" right before
its long part; once the console shows it, the benchmark clicks Stop. It times
how long it takes until (a) the window receives the stopped run's report and
(b) Run is enabled again. Beside it, the long part alone is
timed in plain PyTorch in this process, which is how much longer the run would
have lasted without a hard stop. Prints one JSON object; the target is a stop
under 100 ms in every case.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# name -> (program, the long part alone as plain PyTorch for the baseline)
CASES = {
    "loop of small operations": (
        "print('go')\nt = torch.zeros(1)\nfor i in range(1_000_000):\n    t = t + 1\n",
        "t0 = time.perf_counter()\nt = torch.zeros(1)\nfor i in range(1_000_000):\n    t = t + 1\n",
    ),
    "topk of 10**7 out of 10**8 elements": (
        "x = torch.rand(100_000_000)\nprint('go')\ny = x.topk(10_000_000)\n",
        "x = torch.rand(100_000_000)\nt0 = time.perf_counter()\ny = x.topk(10_000_000)\n",
    ),
    "sort of 4*10**7 elements": (
        "x = torch.rand(40_000_000)\nprint('go')\ny = x.sort()\n",
        "x = torch.rand(40_000_000)\nt0 = time.perf_counter()\ny = x.sort()\n",
    ),
    "backward through 200 large operations": (
        "x = torch.rand(2_000_000, requires_grad=True)\ny = x\nfor i in range(200):\n"
        "    y = (y * 1.0001).sin()\nloss = y.sum()\nprint('go')\nloss.backward()\n",
        "x = torch.rand(2_000_000, requires_grad=True)\ny = x\nfor i in range(200):\n"
        "    y = (y * 1.0001).sin()\nloss = y.sum()\nt0 = time.perf_counter()\nloss.backward()\n",
    ),
}


def wait_until(app, condition, timeout: float) -> None:
    """Process events until `condition()` holds; QTest.qWait would starve the worker threads."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not reach the expected state")


def plain_seconds(code: str) -> float:
    """Seconds the long part of a case takes in plain PyTorch, from its `t0` to its end."""
    import torch

    namespace = {"torch": torch, "time": time}
    exec(code, namespace)  # noqa: S102 - the benchmark's own fixed programs, not user input
    return time.perf_counter() - namespace["t0"]


def stop_once(app, window, program: str) -> tuple[float, float]:
    from explorer.runner_process import shared_runner_process

    # A stop inside a torch call replaces the child process. Until the new one
    # is ready, programs run in the worker thread, which Stop cannot interrupt.
    wait_until(app, shared_runner_process().is_ready, 120)
    playground = window.playground
    reports = []
    playground.run_finished.connect(reports.append)
    playground.editor.setPlainText(program)
    playground.run_button.click()
    wait_until(app, lambda: "go" in playground.console.toPlainText(), 120)
    # The program printed its marker and is now inside its long part.
    time.sleep(0.1)
    clicked = time.perf_counter()
    playground.stop_button.click()
    wait_until(app, lambda: bool(reports), 60)
    reported = time.perf_counter() - clicked
    wait_until(app, playground.run_button.isEnabled, 60)
    enabled = time.perf_counter() - clicked
    playground.run_finished.disconnect(reports.append)
    if not reports[0].cancelled:
        raise RuntimeError(f"the run ended before Stop, error: {reports[0].error}")
    return reported, enabled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import tempfile

    import torch
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from explorer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings_dir = tempfile.mkdtemp()
    window = MainWindow(QSettings(os.path.join(settings_dir, "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    wait_until(app, window.is_loaded, 120)
    wait_until(app, window.playground.run_button.isEnabled, 120)

    results = {}
    for name, (program, plain) in CASES.items():
        stops = [stop_once(app, window, program) for _ in range(args.repeat)]
        results[name] = {
            "stop_to_report_ms": [round(1000 * reported, 1) for reported, _ in stops],
            "stop_to_run_enabled_ms": [round(1000 * enabled, 1) for _, enabled in stops],
            "median_stop_to_run_enabled_ms": round(1000 * statistics.median(e for _, e in stops), 1),
            "long_part_in_plain_pytorch_s": round(plain_seconds(plain), 3),
        }
    window.playground.editor.document().setModified(False)
    window.close()
    print(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "torch": torch.__version__},
        "cases": results,
    }, indent=2))


if __name__ == "__main__":
    main()
