"""Time a program's autograd graph from source to drawn view, against torchviz plus Graphviz SVG.

Usage:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph_latency.py [--repeat 3] [--backend auto]

For each case (tutorial cells 05 and 06, chains of 30, 300 and 3000
multiplications) the script measures, alternately and in one process:

- explorer: `ProgramRunner.run` on the program's source (interpreted run,
  graph capture and decoration, Graphviz JSON layout) and then
  `GraphView.show_report`, which creates the graphics items; the clock stops
  once the view holds every node.
- torchviz: the same computation in plain PyTorch, `torchviz.make_dot` on
  its result with saved tensors and attributes shown (so both sides draw
  the saved tensors) and `graphviz.Digraph.pipe(format="svg")`, the usual
  way to see a graph in a notebook. The system `dot` draws the SVG.

Each timed run starts after `gc.collect()`, so that neither side pays for
collections that the other side's objects made necessary. The explorer
pauses the collector while it creates a graph's objects
(`explorer.gcpause`), so the collections those objects call for run after
its clock stops. The "collection after" column is the median time of a full
`gc.collect()` right after each explorer run, outside both timings: the
cost that the pause moved out of the explorer's time is part of it.

It prints the medians, their ratio (explorer / torchviz) and the range of
the ratios of the runs, pair by pair, as a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import threading
import time

import torch

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CELLS_DIR = os.path.join(os.path.dirname(__file__), "..", "explorer", "resources", "examples", "tutorial")
CHAIN_LENGTHS = (30, 300, 3000)
# torchviz.make_dot recurses once per graph level; a 3000-operation chain needs
# a deeper Python stack than the default, on a thread with a big native stack.
RECURSION_LIMIT = 100_000
THREAD_STACK_BYTES = 512 << 20


def chain_source(length: int) -> str:
    return (
        "x = torch.tensor(1.0, requires_grad=True)\n"
        "y = x\n"
        f"for step in range({length}):\n"
        "    y = y * 1.001\n"
        "y.backward()\n"
    )


def plain_cell_05() -> torch.Tensor:
    x = torch.tensor(1.5, requires_grad=True)
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2 + x
    return z


def plain_cell_06() -> torch.Tensor:
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    z = y**2
    return z


def plain_chain(length: int):
    def build() -> torch.Tensor:
        x = torch.tensor(1.0, requires_grad=True)
        y = x
        for _step in range(length):
            y = y * 1.001
        return y

    return build


def cases() -> list[tuple[str, str, object]]:
    def read(name: str) -> str:
        with open(os.path.join(CELLS_DIR, name), encoding="utf-8") as file:
            return file.read()

    found = [
        ("cell 05", read("05_autograd_basics.py"), plain_cell_05),
        ("cell 06", read("06_non_leaf.py"), plain_cell_06),
    ]
    found += [(f"chain of {length}", chain_source(length), plain_chain(length)) for length in CHAIN_LENGTHS]
    return found


def time_explorer(view, source: str, process=None) -> float:
    """Time source to drawn graph, in this process or, as the window does, through `process`."""
    from explorer.runner import ProgramRunner, ProgramSource

    gc.collect()
    started = time.perf_counter()
    if process is None:
        report = ProgramRunner().run([ProgramSource(source)])
    else:
        report = process.run([ProgramSource(source)], "cpu", layout_timeout=30.0)
    view.show_report(report)
    elapsed = time.perf_counter() - started
    if view.node_count() != report.graph.node_count:
        raise RuntimeError(f"the view drew {view.node_count()} of {report.graph.node_count} nodes")
    return elapsed


def time_torchviz(build) -> float:
    from torchviz import make_dot

    gc.collect()
    started = time.perf_counter()
    root = build()
    # make_dot reads the saved tensors, which backward() frees, so it runs first.
    svg = make_dot(root, show_attrs=True, show_saved=True).pipe(format="svg")
    root.backward()
    elapsed = time.perf_counter() - started
    if b"<svg" not in svg:
        raise RuntimeError("Graphviz wrote no SVG")
    return elapsed


def run_in_big_stack(function):
    result: list[object] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(function())
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            errors.append(error)

    threading.stack_size(THREAD_STACK_BYTES)
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    threading.stack_size(0)
    if errors:
        raise errors[0]
    return result[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side per case (default: 3)")
    parser.add_argument("--backend", default=None, help="Graphviz backend for the explorer: auto, system or embedded")
    parser.add_argument(
        "--process",
        action="store_true",
        help="run the programs in the window's child process, as the Playground does",
    )
    args = parser.parse_args()
    if args.backend:
        os.environ["AUTOGRAD_EXPLORER_GRAPHVIZ"] = args.backend
    sys.setrecursionlimit(RECURSION_LIMIT)

    from PySide6.QtWidgets import QApplication

    from explorer.layout import backend_name
    from explorer.ui.graph_view import GraphView

    app = QApplication.instance() or QApplication([])
    process = None
    if args.process:
        from explorer.runner_process import RunnerProcess

        process = RunnerProcess()
        process.start()
        while not process.is_ready():
            time.sleep(0.05)
        # The child freezes its start-up objects once it has been idle this long.
        time.sleep(1.0)
    view = GraphView()
    view.resize(1000, 700)
    view.show()

    print(f"Graphviz for the explorer: {backend_name()}; torch {torch.__version__}; {platform.processor() or platform.machine()}")
    print()
    print("| case | nodes | explorer (s) | torchviz + SVG (s) | ratio | ratio range | collection after (s) |")
    print("|---|---|---|---|---|---|---|")
    for name, source, build in cases():
        ours: list[float] = []
        theirs: list[float] = []
        collections: list[float] = []
        for _ in range(args.repeat):
            ours.append(time_explorer(view, source, process))
            app.processEvents()
            started = time.perf_counter()
            gc.collect()
            collections.append(time.perf_counter() - started)
            theirs.append(run_in_big_stack(lambda build=build: time_torchviz(build)))
        ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
        ratios = [mine / baseline for mine, baseline in zip(ours, theirs)]
        print(
            f"| {name} | {view.node_count()} | {ours_median:.3f} | {theirs_median:.3f} "
            f"| {ours_median / theirs_median:.2f} | {min(ratios):.2f}-{max(ratios):.2f} "
            f"| {statistics.median(collections):.3f} |"
        )
        sys.stdout.flush()
    view.close()
    if process is not None:
        process.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
