"""GraphRecorder: capture saved tensors before backward(), build the graph after the run."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import torch

from explorer.autograd.builder import MAKE_DOT_MAX_FUNCTIONS, GraphBuilder
from explorer.autograd.capture import Capture, capture_saved_tensors
from explorer.autograd.model import GraphSnapshot
from explorer.autograd.trace import BackwardTracer
from explorer.autograd.walk import MAX_GRAPH_FUNCTIONS
from explorer.gcpause import gc_paused

logger = logging.getLogger(__name__)

# Failures of the capture hook logged in full; later ones are only counted.
MAX_LOGGED_CAPTURE_FAILURES = 3


class GraphRecorder:
    """Records the autograd graph of a playground program.

    `before_backward` is the interpreter's hook: it runs in the program's
    thread right before every backward() and keeps only the latest capture.
    `build` runs after the program, in the same thread, and returns plain
    data that may cross to the GUI thread. The recorder holds references to
    the last captured graph until the next capture or `reset()`.
    """

    def __init__(
        self,
        max_functions: int = MAX_GRAPH_FUNCTIONS,
        make_dot_max_functions: int = MAKE_DOT_MAX_FUNCTIONS,
    ) -> None:
        self.max_functions = max_functions
        self.make_dot_max_functions = make_dot_max_functions
        self._capture: Capture | None = None
        self._capture_failures = 0
        self._tracer = BackwardTracer()

    def before_backward(self, root: object, names: Mapping[str, object] | None = None) -> None:
        """Keep the saved tensors of the graph under `root`, which backward() will free.

        Also hooks every node to record the backward() about to run (see
        `explorer.autograd.trace`). Costs tens of microseconds for a small
        graph: the walk, one clone per small saved tensor and the hooks.
        Any exception is caught and logged, and the graph is then drawn without
        captured saved tensors, so the program runs on.
        """
        if not isinstance(root, torch.Tensor):
            return
        try:
            self._capture = capture_saved_tensors(root, self.max_functions)
            self._tracer.install(self._capture.walk)
        except Exception:  # noqa: BLE001 - a recorder bug must not stop the learner's program
            self._capture = None
            self._capture_failures += 1
            if self._capture_failures <= MAX_LOGGED_CAPTURE_FAILURES:
                logger.exception("capturing saved tensors before backward() failed")
            elif self._capture_failures % 1000 == 0:
                logger.error("capturing saved tensors failed %d times", self._capture_failures)

    def reset(self) -> None:
        """Drop the last capture, its backward trace and the tensors they keep alive."""
        self._capture = None
        self._tracer.reset()
        self._capture_failures = 0

    def build(
        self,
        names: Mapping[str, object] | None,
        root: torch.Tensor | tuple[torch.Tensor, ...] | None = None,
        root_name: str | None = None,
        on_drawable: Callable[[GraphSnapshot], None] | None = None,
    ) -> GraphSnapshot | None:
        """Return the graph under `root`, or None when there is no root tensor.

        Without `root`, the tensor of the last captured backward() is used.
        Without `root_name`, the root is named after the first program name
        bound to it. A tuple of tensors draws every one as an output. Saved
        tensors come from the capture when it covers the node, else from
        the live graph. `on_drawable` receives the graph and its DOT before
        the backward trace is added (see `GraphBuilder.build`).
        """
        capture = self._capture
        if root is None and capture is not None:
            root = capture.root
        if isinstance(root, (tuple, list)):
            # Several outputs are drawn together; anything but tensors leaves no graph.
            if not root or not all(isinstance(item, torch.Tensor) for item in root):
                return None
            root = tuple(root)
        elif not isinstance(root, torch.Tensor):
            return None
        main_root = root[0] if isinstance(root, tuple) else root
        builder = GraphBuilder(
            names or {},
            root,
            root_name,
            capture,
            self.max_functions,
            self.make_dot_max_functions,
            tracer=self._tracer if capture is not None and capture.root is main_root else None,
        )
        with gc_paused():
            return builder.build(on_drawable)
