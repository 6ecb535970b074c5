"""Training throughput of the GUI against the bare tutorial loop, event-loop stalls and memory.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/training_throughput.py

It measures, in one run:
1. epochs per second of the tutorial's loop (cell 07: full batch, SGD, lr 1e-3)
   written out plainly, on the same data as the app. It runs in a fresh
   Python process that imports only torch and the app's data generator, as a
   learner runs the tutorial. For comparison it also runs in this process,
   where the window, Qt and pyqtgraph are loaded;
2. epochs per second of the Training tab: the app's training process trains
   (the script waits until it has started, as it has a few seconds after the
   app opens) while the window is open offscreen with the Training tab shown,
   and the plots redraw and repaint as they do on screen;
3. the maximum stall of the GUI event loop, from a 5 ms QTimer whose ticks
   should arrive 5 ms apart, in a second GUI run of the same training;
4. the resident memory of the app (this process plus the training process)
   after 10,000 and after 1,000,000 epochs of one GUI run, against before the
   run.

Each repeat runs the bare loop, a GUI run and a GUI run with the stall timer.
The stall timer wakes the GUI thread 200 times a second to run Python, which
takes CPU time from the training process as no real session does,
so the throughput runs go without it. `ratio_with_stall_timer` shows its cost.

Prints one JSON object. The ratio compares the trainer's own epochs per
second (time spent training) and also wall-clock epochs per second (from
Start to the finished signal), each as the best of the repeats, and
`ratios_per_repeat` lists each repeat's ratio. `loss_plot_paints_per_second`
counts the paint events of the loss plot, which shows that the plots were
drawn, and `gui_thread_cpu_ms_per_second` the CPU time of the GUI thread.
Each `..._cpu_wait_ms` is how much of the longest stall the GUI thread spent
waiting for a CPU, which other processes cause.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def app_rss_mb(training_pid: int) -> dict[str, float]:
    """Resident memory of this process, of the training process and both together."""
    window, training = rss_mb(), rss_mb(training_pid)
    return {"window": window, "training_process": training, "total": window + training}


def bare_loop_in_fresh_process(epochs: int) -> float:
    """Return epochs per second of `bare_loop` in a new Python process, after a warm-up there."""
    completed = subprocess.run(
        [sys.executable, __file__, "--bare-only", str(epochs)],
        capture_output=True, text=True, check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    return float(completed.stdout.split()[-1])


def bare_loop(epochs: int) -> float:
    """Return epochs per second of the tutorial's loop on the app's data."""
    import torch
    from torch import optim

    from explorer.training import TrainingConfig
    from explorer.training.trainer import make_data

    x, y = make_data(TrainingConfig(), torch.device("cpu"))
    w1 = torch.zeros((3, 1), requires_grad=True)
    b1 = torch.zeros(1, requires_grad=True)
    optimizer = optim.SGD([w1, b1], lr=1e-3)
    started = time.perf_counter()
    for _ in range(epochs):
        y_hat = x.matmul(w1) + b1
        cost = torch.mean((y - y_hat) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return epochs / (time.perf_counter() - started)


def count_paints(widget):
    """Install an event filter on `widget` that counts its paint events in its `count`."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter()
    widget.installEventFilter(counter)
    return counter


def show_training_tab(window) -> None:
    """Make the Training tab the current page, so that its plots are painted.

    The tab sits inside a scroll area, which is the tab widget's page.
    """
    tabs = window.tabs
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is window.training or page.isAncestorOf(window.training):
            tabs.setCurrentIndex(index)
            break
    if not window.training.plots.loss_plot.isVisible():
        raise RuntimeError("the Training tab's plots are not visible, so they would not be painted")


def cpu_wait_seconds() -> float:
    """Return how long the calling thread has waited for a CPU while runnable, or NaN off Linux."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as schedstat:
            return int(schedstat.read().split()[1]) / 1e9
    except OSError:
        return float("nan")


class StallMeter:
    """A 5 ms timer in the GUI thread; the longest gap between ticks minus 5 ms is the stall.

    For the longest stall it also keeps how long the GUI thread waited for a
    CPU meanwhile (Linux only). A stall that is mostly such waiting came from
    other processes on the machine, not from work in the GUI thread.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.longest = 0.0
        self.longest_cpu_wait = 0.0
        self._last = None
        self._last_cpu_wait = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0.0
        self.longest_cpu_wait = 0.0
        self._last = time.perf_counter()
        self._last_cpu_wait = cpu_wait_seconds()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        cpu_wait = cpu_wait_seconds()
        stall = now - self._last - 0.005
        if stall > self.longest:
            self.longest = stall
            self.longest_cpu_wait = cpu_wait - self._last_cpu_wait
        self._last = now
        self._last_cpu_wait = cpu_wait


def gui_run(tab, app, epochs: int, on_progress=None):
    """Train `epochs` in the tab and return (result, wall seconds)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QSpinBox

    tab.findChild(QSpinBox, "epochs_field").setValue(epochs)
    loop = QEventLoop()
    results = []
    tab.training_finished.connect(results.append)
    tab.training_finished.connect(loop.quit)
    tab.training_failed.connect(loop.quit)
    if on_progress is not None:
        tab.training_progressed.connect(on_progress)
    started = time.perf_counter()
    tab.start_training()
    loop.exec()
    wall = time.perf_counter() - started
    tab.training_finished.disconnect(results.append)
    tab.training_finished.disconnect(loop.quit)
    tab.training_failed.disconnect(loop.quit)
    if on_progress is not None:
        tab.training_progressed.disconnect(on_progress)
    return results[0], wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=100_000, help="epochs of each throughput run")
    parser.add_argument("--long-epochs", type=int, default=1_000_000, help="epochs of the memory run")
    parser.add_argument("--repeats", type=int, default=3,
                        help="rounds of a bare run, a GUI run and a GUI run with the stall timer, keeping the best of each")
    parser.add_argument("--bare-only", type=int, metavar="EPOCHS",
                        help="print epochs per second of the bare loop in this process and exit")
    args = parser.parse_args()
    if args.bare_only:
        sys.path.insert(0, os.getcwd())
        bare_loop(2000)
        print(bare_loop(args.bare_only))
        return

    import torch
    from PySide6.QtWidgets import QApplication

    from explorer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    if not window.is_loaded():
        # The window builds the Training tab once a worker has imported torch.
        from PySide6.QtCore import QEventLoop

        loaded = QEventLoop()
        window.modules_loaded.connect(loaded.quit)
        loaded.exec()
    tab = window.training
    from explorer.training_process import shared_training_process

    training_process = shared_training_process()
    training_process.start()
    while not training_process.is_ready():
        time.sleep(0.05)
    training_pid = training_process.pid()
    show_training_tab(window)
    meter = StallMeter()
    paints = count_paints(tab.plots.loss_plot.viewport())

    bare_loop(2000)  # warm-up: first calls allocate and load kernels
    gui_run(tab, app, 2000)
    if training_process.runs == 0:
        raise RuntimeError("the Training tab did not train in the training process")

    bare_rates, window_bare_rates, gui_rates, wall_rates, paint_rates, gui_cpu = [], [], [], [], [], []
    metered_rates, stalls = [], []
    for _ in range(args.repeats):
        bare_rates.append(bare_loop_in_fresh_process(args.epochs))
        window_bare_rates.append(bare_loop(args.epochs))

        paints.count = 0
        cpu_started = time.thread_time()
        result, wall = gui_run(tab, app, args.epochs)
        gui_cpu.append((time.thread_time() - cpu_started) / wall)
        gui_rates.append(result.epochs_per_second)
        wall_rates.append(result.epochs / wall)
        paint_rates.append(paints.count / wall)

        meter.start()
        result, wall = gui_run(tab, app, args.epochs)
        meter.stop()
        metered_rates.append(result.epochs_per_second)
        stalls.append((meter.longest, meter.longest_cpu_wait))

    runs_in_process = training_process.runs
    rss = {"before": app_rss_mb(training_pid)}

    def on_progress(progress) -> None:
        if "after_10000" not in rss and progress.epoch >= 10_000:
            rss["after_10000"] = app_rss_mb(training_pid)

    meter.start()
    long_result, long_wall = gui_run(tab, app, args.long_epochs, on_progress)
    meter.stop()
    rss[f"after_{args.long_epochs}"] = app_rss_mb(training_pid)
    if training_process.runs != runs_in_process + 1 or training_process.pid() != training_pid:
        raise RuntimeError("the long run did not train in the training process")
    window.close()

    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "epochs_per_run": args.epochs,
        "bare_epochs_per_second": max(bare_rates),
        "bare_in_window_process_epochs_per_second": max(window_bare_rates),
        "gui_epochs_per_second": max(gui_rates),
        "gui_wall_epochs_per_second": max(wall_rates),
        "ratio": max(gui_rates) / max(bare_rates),
        "wall_ratio": max(wall_rates) / max(bare_rates),
        "ratios_per_repeat": [gui / bare for gui, bare in zip(gui_rates, bare_rates)],
        "ratio_with_stall_timer": max(metered_rates) / max(bare_rates),
        "longest_stall_ms": max(stalls)[0] * 1000,
        "longest_stall_cpu_wait_ms": max(stalls)[1] * 1000,
        "loss_plot_paints_per_second": min(paint_rates),
        "gui_thread_cpu_ms_per_second": max(gui_cpu) * 1000,
        "long_run_epochs": long_result.epochs,
        "long_run_epochs_per_second": long_result.epochs_per_second,
        "long_run_wall_seconds": long_wall,
        "long_run_longest_stall_ms": meter.longest * 1000,
        "long_run_longest_stall_cpu_wait_ms": meter.longest_cpu_wait * 1000,
        "rss_mb": rss,
        "rss_growth_mb": rss[f"after_{args.long_epochs}"]["total"] - rss.get("after_10000", rss["before"])["total"],
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
