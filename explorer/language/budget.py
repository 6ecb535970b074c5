"""Memory budgets of a session: live tensor bytes and the sequence bytes a run builds.

Tensor memory is counted per storage, so views share the bytes of their base.
A weak reference on each storage subtracts its bytes when torch frees it. Lists
and strings cannot be weakly referenced, so their budget counts what bulk
operations build during one run, whether or not the program keeps it.

The budget of the running program is found through a context variable that
`Session.run` sets, so size checks deep in `guards` reach it without an
interpreter argument. Outside a run they check sizes only.
"""

from __future__ import annotations

import contextvars
import gc
import weakref

import torch

from explorer.language import limits
from explorer.language.errors import limit_exceeded

_TENSOR_TYPE = torch.Tensor

# Estimated bytes per item that a bulk operation builds.
ITEM_BYTES = 8  # a reference in a list, tuple, set or dict
CHARACTER_BYTES = 1
NUMBER_ITEM_BYTES = 32  # a reference and a new float or int object, as tolist() makes


class MemoryBudget:
    """The memory counters of one session."""

    def __init__(self) -> None:
        # data_ptr of each tracked storage -> (weak reference, bytes)
        self._storages: dict[int, tuple[weakref.ref, int]] = {}
        self.tensor_bytes = 0
        self.created_sequence_bytes = 0

    def start_run(self) -> None:
        self.created_sequence_bytes = 0

    def track(self, value: object) -> None:
        """Count the storage of a tensor result, or of the tensors directly inside a tuple or list result."""
        if isinstance(value, _TENSOR_TYPE):
            self._track_tensor(value)
        elif isinstance(value, (tuple, list)) and len(value) <= 64:
            for item in value:
                if isinstance(item, _TENSOR_TYPE):
                    self._track_tensor(item)

    def _track_tensor(self, tensor: torch.Tensor) -> None:
        storage = tensor.untyped_storage()
        pointer = storage.data_ptr()
        # Meta tensors and empty storages have no data (pointer 0).
        if not pointer or pointer in self._storages:
            return
        size = storage.nbytes()
        # CPython calls the callback as soon as the storage is freed, before the
        # allocator can hand the same address to a new storage.
        reference = weakref.ref(storage, lambda _reference, pointer=pointer: self._release(pointer))
        self._storages[pointer] = (reference, size)
        self.tensor_bytes += size
        if self.tensor_bytes > limits.MAX_TOTAL_TENSOR_BYTES:
            # Tensors in reference cycles wait for the garbage collector: give it one chance.
            gc.collect()
            if self.tensor_bytes > limits.MAX_TOTAL_TENSOR_BYTES:
                raise limit_exceeded("MAX_TOTAL_TENSOR_BYTES", self.tensor_bytes, limits.MAX_TOTAL_TENSOR_BYTES)

    def _release(self, pointer: int) -> None:
        entry = self._storages.pop(pointer, None)
        if entry is not None:
            self.tensor_bytes -= entry[1]

    def note_created(self, count: int, item_bytes: int) -> None:
        self.created_sequence_bytes += count * item_bytes
        if self.created_sequence_bytes > limits.MAX_CREATED_SEQUENCE_BYTES:
            raise limit_exceeded(
                "MAX_CREATED_SEQUENCE_BYTES", self.created_sequence_bytes, limits.MAX_CREATED_SEQUENCE_BYTES
            )


current_budget: contextvars.ContextVar[MemoryBudget | None] = contextvars.ContextVar("current_budget", default=None)


def note_created(count: int, item_bytes: int = ITEM_BYTES) -> None:
    """Count `count` items that a bulk operation of the running program is about to build."""
    budget = current_budget.get()
    if budget is not None:
        budget.note_created(count, item_bytes)
