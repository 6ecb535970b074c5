"""Bookkeeping of backward passes, to explain two silent autograd surprises.

PyTorch raises no warning in either case:

- Gradients accumulate. Each backward adds into a leaf's `.grad`, so a loop
  that never zeroes them trains on the sum of all earlier gradients. The rule
  that warns: a leaf's `.grad` holds the sum of two or more backward passes
  made by the same backward line in one run (a loop, or a line repeated), with
  no reset in between, and the program then reads that `.grad` or calls
  `optimizer.step()` on it. Two backward calls on different lines are taken as
  deliberate, and a reset is `optimizer.zero_grad()`, assigning `.grad`, or any
  in-place operation on the gradient (`w.grad.zero_()`, `w.grad.data.zero_()`).
- `retain_grad()` called after backward keeps nothing: the gradient of a
  non-leaf tensor is kept only by backward passes that run after the call. The
  rule that warns: the program reads `.grad` of a non-leaf tensor that is still
  None, `retain_grad()` was called on it after a backward that went through it,
  and no backward has run since.

Only leaf tensors the program can name are tracked: top-level names, tensors
directly inside top-level lists and tuples, and the parameters of top-level
optimizers. All of this runs in the thread of `Session.run`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text

WARNINGS = "LanguageWarnings"
HINTS = "LanguageHints"

# Nodes visited when checking whether a tensor is part of the last backward's graph.
_MAX_GRAPH_NODES = 10_000


@dataclass
class _LeafRecord:
    leaf: weakref.ref
    grad_id: int
    grad_version: int
    # (run number, line) of each backward pass summed in the current gradient.
    passes: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Accumulation:
    """Backward passes summed in a leaf's gradient: how many, and the line that made them."""

    count: int
    line: int


class GradientTracker:
    """Backward passes and retain_grad calls of one session, across its runs."""

    def __init__(self) -> None:
        self.backward_count = 0
        self.run_number = 0
        self._leaves: dict[int, _LeafRecord] = {}
        self._retained_late: dict[int, tuple[weakref.ref, int]] = {}
        self._last_root: weakref.ref | None = None
        self._in_place_pointers: set[int] = set()

    # Backward passes.

    def snapshot(self, namespace: Mapping[str, object]) -> list[tuple[torch.Tensor, int | None, int]]:
        """Record each tracked leaf's gradient before a backward pass."""
        states = []
        for leaf in _leaves_in(namespace):
            grad = leaf.grad
            states.append((leaf, None if grad is None else id(grad), 0 if grad is None else grad._version))
        return states

    def record_backward(self, root: object, states: list[tuple[torch.Tensor, int | None, int]], line: int) -> None:
        """Record a finished backward pass (`Tensor.backward` or `torch.autograd.backward`)."""
        self.backward_count += 1
        if isinstance(root, torch.Tensor):
            self._last_root = weakref.ref(root)
        for leaf, grad_id, grad_version in states:
            grad = leaf.grad
            if grad is None or (id(grad) == grad_id and grad._version == grad_version):
                continue  # this pass did not reach the leaf
            record = self._leaves.get(id(leaf))
            continued = (
                record is not None
                and record.leaf() is leaf
                and grad_id is not None
                and record.grad_id == grad_id
                and record.grad_version == grad_version
                and grad.data_ptr() not in self._in_place_pointers
            )
            if not continued:
                record = _LeafRecord(weakref.ref(leaf), 0, 0)
                self._leaves[id(leaf)] = record
            record.passes.append((self.run_number, line))
            record.grad_id = id(grad)
            record.grad_version = grad._version
        self._in_place_pointers.clear()

    def note_in_place(self, tensor: torch.Tensor) -> None:
        """Note an in-place method call: on a gradient it counts as a reset, even through `.data`."""
        self._in_place_pointers.add(tensor.data_ptr())

    def accumulation(self, leaf: torch.Tensor) -> Accumulation | None:
        """Return the accumulation the warning rule reports for `leaf`'s current gradient, or None."""
        record = self._leaves.get(id(leaf))
        grad = leaf.grad
        if record is None or record.leaf() is not leaf or grad is None:
            return None
        if id(grad) != record.grad_id or grad._version != record.grad_version:
            return None
        if grad.data_ptr() in self._in_place_pointers:
            return None
        passes = record.passes
        if len(passes) < 2 or passes[-1] != passes[-2] or passes[-1][0] != self.run_number:
            return None
        return Accumulation(len(passes), passes[-1][1])

    # retain_grad.

    def note_retain_grad(self, tensor: torch.Tensor) -> None:
        """Note a retain_grad() call, before it runs, if it comes too late for an earlier backward."""
        if tensor.is_leaf or tensor.retains_grad or tensor.grad_fn is None:
            return
        root = self._last_root() if self._last_root is not None else None
        if root is not None and _reaches(root, tensor.grad_fn):
            self._retained_late[id(tensor)] = (weakref.ref(tensor), self.backward_count)

    def retained_too_late(self, tensor: torch.Tensor) -> bool:
        """Return True if `tensor.grad` is None only because retain_grad() came after backward."""
        entry = self._retained_late.get(id(tensor))
        if entry is None or entry[0]() is not tensor:
            return False
        return entry[1] == self.backward_count


def _leaves_in(namespace: Mapping[str, object]) -> Iterable[torch.Tensor]:
    seen: set[int] = set()
    for value in namespace.values():
        if isinstance(value, torch.Tensor):
            candidates: Iterable[object] = (value,)
        elif type(value) in (list, tuple):
            candidates = value
        elif isinstance(value, torch.optim.Optimizer):
            candidates = [parameter for group in value.param_groups for parameter in group["params"]]
        else:
            continue
        for candidate in candidates:
            if isinstance(candidate, torch.Tensor) and candidate.requires_grad and candidate.is_leaf and id(candidate) not in seen:
                seen.add(id(candidate))
                yield candidate


def _reaches(root: torch.Tensor, target: torch.autograd.graph.Node) -> bool:
    """Return True if `target` is in the graph behind `root` (walked iteratively, capped)."""
    start = root.grad_fn
    if start is None:
        return False
    pending = [start]
    visited = {id(start)}
    while pending and len(visited) <= _MAX_GRAPH_NODES:
        node = pending.pop()
        if node is target:
            return True
        for next_node, _ in node.next_functions:
            if next_node is not None and id(next_node) not in visited:
                visited.add(id(next_node))
                pending.append(next_node)
    return False


# Messages.

_ACCUMULATION_HINT = QT_TRANSLATE_NOOP(
    "LanguageHints",
    "backward adds each new gradient to .grad instead of replacing it. In a training loop, call "
    "optimizer.zero_grad() (or .grad.zero_() on each parameter) before each backward. If you meant "
    "to sum the gradients of several passes, ignore this warning.",
)


def accumulated_grad_text(name: str, accumulation: Accumulation) -> tuple[Text, str, Text]:
    """Return the warning, its category and its hint for reading an accumulated `.grad`."""
    text = Text(
        WARNINGS,
        QT_TRANSLATE_NOOP(
            "LanguageWarnings",
            "{name}.grad is the sum of the gradients of {count} backward passes made on line {line}, "
            "because nothing zeroed it between them",
        ),
        {"name": name, "count": accumulation.count, "line": accumulation.line},
    )
    return text, "PlaygroundWarning", Text(HINTS, _ACCUMULATION_HINT)


def accumulated_step_text(accumulation: Accumulation) -> tuple[Text, str, Text]:
    """Return the warning, its category and its hint for optimizer.step() on accumulated gradients."""
    text = Text(
        WARNINGS,
        QT_TRANSLATE_NOOP(
            "LanguageWarnings",
            "step() updates the parameters with gradients summed over {count} backward passes made on "
            "line {line}, because nothing zeroed them between the passes",
        ),
        {"count": accumulation.count, "line": accumulation.line},
    )
    return text, "PlaygroundWarning", Text(HINTS, _ACCUMULATION_HINT)


def retained_late_text(name: str) -> tuple[Text, str, Text]:
    """Return the warning, its category and its hint for a `.grad` that retain_grad() came too late for."""
    text = Text(
        WARNINGS,
        QT_TRANSLATE_NOOP(
            "LanguageWarnings",
            "{name}.grad is None: retain_grad() was called after the backward pass that went through "
            "{name}, so that pass kept no gradient for it",
        ),
        {"name": name},
    )
    hint = Text(
        HINTS,
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "retain_grad() tells later backward passes to keep the gradient of a non-leaf tensor; it "
            "cannot bring back a gradient that was already computed and dropped. Call "
            "{name}.retain_grad() before backward, then compute the output and call backward again.",
        ),
        {"name": name},
    )
    return text, "PlaygroundWarning", hint


def grad_hint(name: str, tensor: torch.Tensor) -> Text | None:
    """Return the hint for PyTorch's non-leaf `.grad` warning when `tensor` is a moved copy of a leaf, else None."""
    grad_fn = tensor.grad_fn
    if grad_fn is None or type(grad_fn).__name__ != "ToCopyBackward0":
        return None
    if not any(type(node).__name__ == "AccumulateGrad" for node, _ in grad_fn.next_functions if node is not None):
        return None
    return Text(
        HINTS,
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "{name} is not a leaf: .to(), .double(), .float() and .cuda() return a copy that autograd "
            "records, and backward fills .grad only on the original leaf tensor, which the program no "
            "longer has a name for. Create the tensor with the dtype and device you need, for example "
            "torch.ones(3, dtype=torch.float64, device=device, requires_grad=True), or move it first "
            "and call .requires_grad_() on the result.",
        ),
        {"name": name},
    )
