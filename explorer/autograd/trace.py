"""Record what the autograd engine did during one backward(): node order and gradients.

`BackwardTracer.install` registers a hook (`torch.autograd.graph.Node.register_hook`)
on every node of the graph about to run backward. The engine calls it right
after it runs the node, in the order it really runs them, with the gradients
that arrived at the node (grad_outputs) and the ones it passes to its
`next_functions` (grad_inputs). `BackwardTrace` is that record as plain data
for the views. Pre-hooks would add nothing but cost: each engine thread runs
one node at a time, so the order of post-hook calls is the order of runs.

Cost: each hook keeps references, plus a clone of tensors of at most
MAX_COPIED_ELEMENTS elements, because the engine later accumulates into some
gradient buffers in place. On the tutorial's regression step (7 nodes)
installing and running the hooks measured 30 to 55 microseconds per step
(torch 2.13, CPU build machine under load), about a third of an interpreted
step, so all 10000 steps of that cell cost about 0.5 s more. Every backward
is traced and the last one kept, because the recorder cannot tell which
backward() will be the last.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import partial

import torch

from explorer.autograd.capture import MAX_COPIED_ELEMENTS
from explorer.autograd.internals import function_name, leaf_variable, tensor_version
from explorer.autograd.snapshot import TensorSnapshot, dtype_name, snapshot_tensor
from explorer.autograd.walk import FunctionWalk

logger = logging.getLogger(__name__)

# Hook failures logged in full; later ones are only counted.
MAX_LOGGED_HOOK_FAILURES = 3


@dataclass(frozen=True)
class BackwardStep:
    """One node the engine ran, in the order it ran.

    `grad_outputs` are the gradients that arrived at the node, one per output
    of the forward operation. `grad_inputs` are the gradients it computed,
    one per entry of its `next_functions`. `edges[i]` is the drawn edge that
    `grad_inputs[i]` travels along, as (tail id, head id), or None where the
    input needs no gradient. For an AccumulateGrad node, `leaf_id` is the
    leaf tensor's node and `leaf_grad` that leaf's `.grad` right after the
    node accumulated into it.
    """

    node_id: str
    name: str
    grad_outputs: tuple[TensorSnapshot | None, ...]
    grad_inputs: tuple[TensorSnapshot | None, ...]
    edges: tuple[tuple[str, str] | None, ...] = ()
    leaf_id: str | None = None
    leaf_grad: TensorSnapshot | None = None


@dataclass(frozen=True)
class BackwardTrace:
    """The recorded run of one backward(), for replay in the view.

    `leaf_grads_before` maps each leaf's node id to its `.grad` before that
    backward() (None where it had none). `complete` is False when a hook
    failed to record a step, so steps are missing.
    """

    steps: tuple[BackwardStep, ...]
    leaf_grads_before: dict[str, TensorSnapshot | None] = field(default_factory=dict)
    complete: bool = True

    def order(self) -> list[str]:
        """Return the node ids in the order the engine ran them."""
        return [step.node_id for step in self.steps]


@dataclass
class _Kept:
    """A gradient kept by a hook: a clone when small, else a reference and its version."""

    tensor: torch.Tensor
    version: int | None
    is_copy: bool


def _keep(tensor: torch.Tensor | None) -> _Kept | None:
    if tensor is None:
        return None
    if tensor.numel() <= MAX_COPIED_ELEMENTS:
        return _Kept(tensor.detach().clone(), None, True)
    return _Kept(tensor, tensor_version(tensor), False)


def _snapshot(kept: _Kept | None) -> TensorSnapshot | None:
    if kept is None:
        return None
    if kept.is_copy and kept.tensor.layout == torch.strided and not kept.tensor.is_complex():
        return _copy_snapshot(kept.tensor)
    if kept.is_copy or kept.version is None or tensor_version(kept.tensor) == kept.version:
        return snapshot_tensor(kept.tensor.detach())
    # Changed in place since the hook ran (a later `.grad.zero_()`): the value is unknown.
    return snapshot_tensor(kept.tensor.detach(), keep_value=False)


def _copy_snapshot(copy: torch.Tensor) -> TensorSnapshot:
    """Snapshot a small detached clone directly: a 3000-node trace has 9000 of them."""
    return TensorSnapshot(
        shape=list(copy.shape),
        dtype=dtype_name(copy.dtype),
        device=str(copy.device),
        value=copy.tolist(),
        requires_grad=False,
        is_leaf=True,
        retains_grad=False,
        grad=None,
        grad_fn=None,
        version=None,
        numel=copy.numel(),
    )


@dataclass
class _Event:
    index: int
    grad_outputs: tuple[_Kept | None, ...] = ()
    grad_inputs: tuple[_Kept | None, ...] = ()
    leaf_grad: _Kept | None = None


class BackwardTracer:
    """Hooks every node of one graph and collects what backward() does with it.

    `install` runs in the program's thread before backward(); the hooks run
    in the autograd engine's thread (the same one on CPU). Installing again
    removes the previous hooks first, so only the latest backward() is kept.
    """

    def __init__(self) -> None:
        self._handles: list[object] = []
        self._walk: FunctionWalk | None = None
        self._events: list[_Event] = []
        self._leaf_grads_before: dict[int, _Kept | None] = {}
        self._hook_failures = 0
        self._failed_since_install = False

    def install(self, walk: FunctionWalk) -> None:
        """Hook every node of `walk` for the backward() about to run."""
        self.remove()
        self._walk = walk
        self._events = []
        self._leaf_grads_before = {}
        self._failed_since_install = False
        handles = self._handles
        on_finished = self._on_node_finished
        for index, fn in enumerate(walk.functions):
            try:
                handles.append(fn.register_hook(partial(on_finished, index)))
            except AttributeError:
                continue  # not a torch.autograd.graph.Node
            if type(fn).__name__ == "AccumulateGrad":
                variable = leaf_variable(fn)
                if variable is not None:
                    self._leaf_grads_before[index] = _keep(variable.grad)

    def remove(self) -> None:
        """Remove the hooks; the collected events stay."""
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def reset(self) -> None:
        """Remove the hooks and forget the graph and events."""
        self.remove()
        self._walk = None
        self._events = []
        self._leaf_grads_before = {}

    def _on_node_finished(self, index: int, grad_inputs: tuple, grad_outputs: tuple) -> None:
        try:
            event = _Event(
                index,
                grad_outputs=tuple(_keep(grad) for grad in grad_outputs),
                grad_inputs=tuple(_keep(grad) for grad in grad_inputs),
            )
            if grad_inputs == () and self._walk is not None:
                # Only AccumulateGrad has no inputs to pass gradients to.
                variable = leaf_variable(self._walk.functions[index])
                if variable is not None:
                    event.leaf_grad = _keep(variable.grad)
            self._events.append(event)
        except Exception:  # noqa: BLE001 - an exception here would fail the learner's backward()
            self._failed_since_install = True
            self._hook_failures += 1
            if self._hook_failures <= MAX_LOGGED_HOOK_FAILURES:
                logger.exception("recording a backward step failed")

    def trace(self, function_ids: dict[int, str], leaf_ids: dict[int, str]) -> BackwardTrace | None:
        """Return the recorded backward() as plain data, or None if nothing ran.

        `function_ids` maps `id()` of backward nodes to drawn node ids, and
        `leaf_ids` maps `id()` of leaf tensors to theirs. Nodes missing from
        the drawing (beyond the node cap) are left out of the steps.
        """
        walk = self._walk
        if walk is None or not self._events:
            return None
        steps: list[BackwardStep] = []
        for event in self._events:
            fn = walk.functions[event.index]
            node_id = function_ids.get(id(fn))
            if node_id is None:
                continue
            children = walk.inputs.get(id(fn), [])
            edges: list[tuple[str, str] | None] = []
            for child in children:
                child_id = None if child is None else function_ids.get(id(child))
                edges.append(None if child_id is None else (child_id, node_id))
            variable = leaf_variable(fn)
            steps.append(
                BackwardStep(
                    node_id=node_id,
                    name=function_name(fn),
                    grad_outputs=tuple(_snapshot(kept) for kept in event.grad_outputs),
                    grad_inputs=tuple(_snapshot(kept) for kept in event.grad_inputs),
                    edges=tuple(edges),
                    leaf_id=None if variable is None else leaf_ids.get(id(variable)),
                    leaf_grad=_snapshot(event.leaf_grad),
                )
            )
        before: dict[str, TensorSnapshot | None] = {}
        for index, kept in self._leaf_grads_before.items():
            variable = leaf_variable(walk.functions[index])
            leaf_id = None if variable is None else leaf_ids.get(id(variable))
            if leaf_id is not None:
                before[leaf_id] = _snapshot(kept)
        # NOTE: post-hooks run only after a node succeeds, so a backward() that
        # raised ends before its failing node, and nothing marks that here.
        complete = not self._failed_since_install
        return BackwardTrace(steps=tuple(steps), leaf_grads_before=before, complete=complete)
