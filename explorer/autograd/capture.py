"""The cheap look at a graph's saved tensors taken right before backward() frees them."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from explorer.autograd.internals import iter_saved_tensors, tensor_version
from explorer.autograd.walk import FunctionWalk, walk_functions

# Saved tensors up to this many elements are cloned at capture time. Bigger
# ones are only referenced, and shown later only if their version counter is
# unchanged, because then nothing modified them in place since.
# NOTE: writes through `.data` do not bump the version counter, so a big
# saved tensor changed that way after backward() shows its new value.
MAX_COPIED_ELEMENTS = 64


@dataclass
class SavedEntry:
    """One tensor a backward node saved, as seen before backward().

    `tensor` is the tensor the node unpacks (None if backward already freed
    it), `version` its version counter then, and `copy` a detached clone for
    small tensors.
    """

    attribute: str
    tensor: torch.Tensor | None
    version: int | None
    copy: torch.Tensor | None


@dataclass
class Capture:
    """The saved tensors of every node reachable from one backward() root.

    Holds references to the root, the nodes and the saved tensors, so they
    stay alive (and their ids unique) until the next capture replaces this one.
    """

    root: torch.Tensor
    walk: FunctionWalk
    saved: dict[int, list[SavedEntry]]
    max_functions: int = 0

    def saved_for(self, fn: object) -> list[SavedEntry] | None:
        """Return the entries captured for `fn`, or None if `fn` was not in this graph."""
        if fn not in self.walk:
            return None
        return self.saved.get(id(fn), [])


def capture_saved_tensors(root: torch.Tensor, max_functions: int) -> Capture:
    """Walk the graph under `root` and keep what backward() is about to free."""
    walk = walk_functions((root.grad_fn,), max_functions)
    saved: dict[int, list[SavedEntry]] = {}
    for fn in walk.functions:
        entries = [_entry(attribute, tensor) for attribute, tensor in iter_saved_tensors(fn)]
        if entries:
            saved[id(fn)] = entries
    return Capture(root=root, walk=walk, saved=saved, max_functions=max_functions)


def _entry(attribute: str, tensor: torch.Tensor | None) -> SavedEntry:
    if tensor is None:
        return SavedEntry(attribute, None, None, None)
    copy = None
    if tensor.numel() <= MAX_COPIED_ELEMENTS:
        copy = tensor.detach().clone()
    return SavedEntry(attribute, tensor, tensor_version(tensor), copy)
