"""Memory budgets of a session: live tensor bytes and the sequence bytes a run builds.

Tensor memory is counted per storage, so views share the bytes of their base.
A weak reference on each storage subtracts its bytes when torch frees it. Lists
and strings cannot be weakly referenced, so their budget counts what bulk
operations build during one run, whether or not the program keeps it.

NOTE: only tensors that an expression of the program evaluates to are
counted. Gradients that backward() stores in `.grad` and optimizer state
(Adam keeps two tensors per parameter) are not, though they are at most a few
times the size of the counted parameters.

The budget of the running program is found through a context variable that
`Session.run` sets, so size checks deep in `guards` reach it without an
interpreter argument. Outside a run they check sizes only.
"""

from __future__ import annotations

import contextvars
import gc
import threading
import weakref

import torch

from explorer.language import limits
from explorer.language.errors import limit_exceeded

_TENSOR_TYPE = torch.Tensor

# Estimated bytes per item that a bulk operation builds.
ITEM_BYTES = 8  # a reference in a list, tuple, set or dict
CHARACTER_BYTES = 1
NUMBER_ITEM_BYTES = 32  # a reference and a new float or int object, as tolist() makes

# Results that are never tensors, skipped first because most results are one of them.
_SCALAR_TYPES = frozenset({int, float, bool, str, type(None)})


class MemoryBudget:
    """The memory counters of one session."""

    def __init__(self) -> None:
        # data_ptr of each tracked storage -> its bytes, and the weak reference
        # to each storage -> its data_ptr.
        self._storages: dict[int, int] = {}
        self._pointers: dict[weakref.ref, int] = {}
        # A storage may be freed in another thread (the GUI dropping an old
        # result) while a run counts new ones. Reentrant, because freeing can
        # happen inside the counting itself (gc.collect below).
        self._lock = threading.RLock()
        self.tensor_bytes = 0
        self.created_sequence_bytes = 0

    def start_run(self) -> None:
        self.created_sequence_bytes = 0

    def track(self, value: object) -> None:
        """Count the storage of a tensor result, or of the tensors directly inside a tuple or list result."""
        value_type = value.__class__
        if value_type is _TENSOR_TYPE:
            self._track_tensor(value)
        elif value_type in _SCALAR_TYPES:
            return
        elif isinstance(value, _TENSOR_TYPE):
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
        reference = weakref.ref(storage, self._release)
        with self._lock:
            self._storages[pointer] = size
            self._pointers[reference] = pointer
            self.tensor_bytes += size
        if self.tensor_bytes > limits.MAX_TOTAL_TENSOR_BYTES:
            # Tensors in reference cycles wait for the garbage collector: give it one chance.
            gc.collect()
            if self.tensor_bytes > limits.MAX_TOTAL_TENSOR_BYTES:
                raise limit_exceeded("MAX_TOTAL_TENSOR_BYTES", self.tensor_bytes, limits.MAX_TOTAL_TENSOR_BYTES)

    def _release(self, reference: weakref.ref) -> None:
        with self._lock:
            pointer = self._pointers.pop(reference, None)
            size = self._storages.pop(pointer, 0)
            self.tensor_bytes -= size

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
