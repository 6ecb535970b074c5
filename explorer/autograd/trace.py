"""Record what the autograd engine did during one backward(): node order and gradients.

`BackwardTracer.install` registers a hook (`torch.autograd.graph.Node.register_hook`)
on every node of the graph about to run backward. The engine calls it right
after it runs the node, in the order it really runs them, with the gradients
that arrived at the node (grad_outputs) and the ones it passes to its
`next_functions` (grad_inputs). `BackwardTrace` is that record as plain data
for the views. Pre-hooks would add nothing but cost: each engine thread runs
one node at a time, so the order of post-hook calls is the order of runs.

Cost: each hook keeps the values of small CPU gradients as Python numbers,
a clone of other gradients of at most MAX_COPIED_ELEMENTS elements (the
engine later accumulates into some gradient buffers in place) and a
reference to bigger ones. On the tutorial's regression step (7 nodes), the
saved-tensor capture plus installing and running the hooks measured 30 to 55
microseconds per step (torch 2.13, 2-CPU machine shared with other jobs),
so all 10000 steps of that cell cost about 0.3 to 0.5 s more. Every backward
is traced and the last one kept, because the recorder cannot tell which
backward() will be the last.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

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


class _Kept:
    """A gradient kept by a hook, in the cheapest form that stays correct.

    Small CPU tensors keep their values as Python numbers (`value`, with
    `shape`, `dtype` and `numel`), which costs less than a clone. Other small
    tensors keep a clone in `tensor`, because the engine later accumulates
    into some gradient buffers in place. Big ones keep a reference in
    `tensor` and its `version`, and show no value if it has changed since.
    """

    __slots__ = ("tensor", "version", "is_copy", "value", "shape", "dtype", "numel")

    def __init__(self, tensor=None, version=None, is_copy=False, value=None, shape=None, dtype=None, numel=0) -> None:
        self.tensor = tensor
        self.version = version
        self.is_copy = is_copy
        self.value = value
        self.shape = shape
        self.dtype = dtype
        self.numel = numel


def _keep(tensor: torch.Tensor | None) -> _Kept | None:
    if tensor is None:
        return None
    numel = tensor.numel()
    if numel > MAX_COPIED_ELEMENTS:
        return _Kept(tensor, tensor_version(tensor))
    if tensor.is_cpu and tensor.layout == torch.strided and not tensor.is_complex():
        return _Kept(value=tensor.tolist(), shape=tensor.shape, dtype=tensor.dtype, numel=numel)
    return _Kept(tensor.detach().clone(), is_copy=True)


def _snapshot(kept: _Kept | None) -> TensorSnapshot | None:
    if kept is None:
        return None
    if kept.tensor is None:
        return _value_snapshot(kept.value, list(kept.shape), dtype_name(kept.dtype), "cpu", kept.numel)
    tensor = kept.tensor
    if kept.is_copy and tensor.is_cpu and tensor.layout == torch.strided and not tensor.is_complex():
        return _value_snapshot(tensor.tolist(), list(tensor.shape), dtype_name(tensor.dtype), str(tensor.device), tensor.numel())
    if kept.is_copy or kept.version is None or tensor_version(tensor) == kept.version:
        return snapshot_tensor(tensor.detach())
    # Changed in place since the hook ran (a later `.grad.zero_()`): the value is unknown.
    return snapshot_tensor(tensor.detach(), keep_value=False)


def _value_snapshot(value: object, shape: list[int], dtype: str, device: str, numel: int) -> TensorSnapshot:
    """Snapshot a small gradient from its values: a 3000-node trace has 9000 of them."""
    return TensorSnapshot(
        shape=shape,
        dtype=dtype,
        device=device,
        value=value,
        requires_grad=False,
        is_leaf=True,
        retains_grad=False,
        grad=None,
        grad_fn=None,
        version=None,
        numel=numel,
    )


class _Recording:
    """The events of one backward(), appended by the hooks.

    The hooks reference this object and never the tracer or the walk. A
    reference from the graph's nodes back to the tracer would form a cycle
    through C++, which the garbage collector cannot free. An event is
    (walk index, kept grad_outputs, kept grad_inputs, kept leaf grad).
    """

    __slots__ = ("events", "failed", "failures")

    def __init__(self, failures: list[int]) -> None:
        self.events: list[tuple] = []
        self.failed = False
        # Shared with the tracer, which counts failures across backward() calls.
        self.failures = failures

    def record_failure(self) -> None:
        """Note a hook that raised; call from its `except` block, so the traceback is logged."""
        self.failed = True
        self.failures[0] += 1
        if self.failures[0] <= MAX_LOGGED_HOOK_FAILURES:
            logger.exception("recording a backward step failed")


def _node_hook(recording: _Recording, index: int, variable: torch.Tensor | None):
    """Return the post-hook of walk node `index`; `variable` is its leaf for AccumulateGrad, else None."""
    events = recording.events

    def on_node_finished(grad_inputs: tuple, grad_outputs: tuple) -> None:
        try:
            leaf_grad = None if variable is None else _keep(variable.grad)
            events.append((index, tuple(map(_keep, grad_outputs)), tuple(map(_keep, grad_inputs)), leaf_grad))
        except Exception:  # noqa: BLE001 - an exception here would fail the learner's backward()
            recording.record_failure()

    return on_node_finished


class BackwardTracer:
    """Hooks every node of one graph and collects what backward() does with it.

    `install` runs in the program's thread before backward(); the hooks run
    in the autograd engine's thread (the same one on CPU). Installing again
    removes the previous hooks first, so only the latest backward() is kept.
    """

    def __init__(self) -> None:
        self._handles: list[object] = []
        self._walk: FunctionWalk | None = None
        self._failures = [0]
        self._recording = _Recording(self._failures)
        self._leaf_grads_before: dict[int, _Kept | None] = {}

    def install(self, walk: FunctionWalk) -> None:
        """Hook every node of `walk` for the backward() about to run."""
        self.remove()
        self._walk = walk
        self._recording = recording = _Recording(self._failures)
        self._leaf_grads_before = {}
        handles = self._handles
        for index, fn in enumerate(walk.functions):
            variable = leaf_variable(fn)
            try:
                handles.append(fn.register_hook(_node_hook(recording, index, variable)))
            except AttributeError:
                continue  # not a torch.autograd.graph.Node
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
        self._recording = _Recording(self._failures)
        self._leaf_grads_before = {}

    def trace(self, function_ids: dict[int, str], leaf_ids: dict[int, str]) -> BackwardTrace | None:
        """Return the recorded backward() as plain data, or None if nothing ran.

        `function_ids` maps `id()` of backward nodes to drawn node ids, and
        `leaf_ids` maps `id()` of leaf tensors to theirs. Nodes missing from
        the drawing (beyond the node cap) are left out of the steps.
        """
        walk = self._walk
        events = self._recording.events
        if walk is None or not events:
            return None
        functions = walk.functions
        inputs = walk.inputs
        steps: list[BackwardStep] = []
        for index, grad_outputs, grad_inputs, leaf_grad in events:
            fn = functions[index]
            node_id = function_ids.get(id(fn))
            if node_id is None:
                continue
            edges: list[tuple[str, str] | None] = []
            for child in inputs.get(id(fn), ()):
                child_id = None if child is None else function_ids.get(id(child))
                edges.append(None if child_id is None else (child_id, node_id))
            variable = leaf_variable(fn)
            steps.append(
                BackwardStep(
                    node_id=node_id,
                    name=function_name(fn),
                    grad_outputs=tuple(map(_snapshot, grad_outputs)),
                    grad_inputs=tuple(map(_snapshot, grad_inputs)),
                    edges=tuple(edges),
                    leaf_id=None if variable is None else leaf_ids.get(id(variable)),
                    leaf_grad=_snapshot(leaf_grad),
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
        complete = not self._recording.failed
        return BackwardTrace(steps=tuple(steps), leaf_grads_before=before, complete=complete)
