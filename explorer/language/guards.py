"""Size checks that run before a call or an operation does its work.

Tensor calls are grouped by how their output size relates to their inputs
(the guard kind). Cheap bounds come first. Only when a bound exceeds a limit
is the call repeated on the "meta" device, which computes output shapes and
dtypes without allocating any data.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import limits
from explorer.language.errors import ERRORS, ProgramError, limit_exceeded

# Guard kinds.
SAFE = "safe"  # output no larger than the largest input
BROADCAST = "broadcast"  # elementwise over several tensors: the broadcast shape
PRODUCT = "product"  # matmul and friends: output up to the product of the inputs
CONCAT = "concat"  # output is the sum of the inputs
CONVERT = "convert"  # same shape, the dtype may grow
DRY_RUN = "dry_run"  # output shape comes from size arguments: always checked on meta
TOLIST = "tolist"  # a Python list with one object per element
BACKWARD = "backward"  # autograd entry points; SAFE plus the before_backward hook
DATA = "data"  # torch.tensor(data): the shape of nested Python sequences

_MAX_ITEMSIZE = 16  # complex128


def _tensors_in(values: object, found: list[torch.Tensor]) -> None:
    if isinstance(values, torch.Tensor):
        found.append(values)
    elif isinstance(values, (list, tuple)):
        for value in values:
            if isinstance(value, torch.Tensor):
                found.append(value)
            elif isinstance(value, (list, tuple)):
                _tensors_in(value, found)


def check_call(
    kind: str,
    call: Callable[..., object],
    receiver: object,
    args: tuple,
    kwargs: dict,
) -> None:
    """Raise a LimitExceeded error if calling `call` would create too large a tensor.

    The dry run repeats the call as `call(receiver, *args, **kwargs)` with every
    tensor replaced by a meta tensor of the same shape and dtype. `receiver` is
    the tensor a method is called on, or None for functions.
    """
    if kind is SAFE or kind is BACKWARD:
        return
    if kind is DATA:
        data = args[0] if args else kwargs.get("data")
        dtype = kwargs.get("dtype")
        check_tensor_size(nested_shape(data), dtype if isinstance(dtype, torch.dtype) else torch.float64)
        return
    if kind is TOLIST:
        count = receiver.numel()
        if count > limits.MAX_SEQUENCE_LENGTH:
            raise limit_exceeded("MAX_SEQUENCE_LENGTH", count, limits.MAX_SEQUENCE_LENGTH)
        return
    tensors: list[torch.Tensor] = []
    if receiver is not None:
        _tensors_in(receiver, tensors)
    _tensors_in(args, tensors)
    for value in kwargs.values():
        _tensors_in(value, tensors)
    if kind is not DRY_RUN:
        bound = _cheap_bound(kind, tensors)
        if bound <= limits.MAX_TENSOR_ELEMENTS and bound * _MAX_ITEMSIZE <= limits.MAX_ALLOCATION_BYTES:
            return
    _dry_run(call, receiver, args, kwargs, bool(tensors))


def nested_shape(data: object) -> list[int]:
    """Return the shape torch.tensor would infer from nested sequences, following the first items."""
    shape = []
    while not isinstance(data, (str, torch.Tensor)) and hasattr(data, "__len__") and hasattr(data, "__getitem__"):
        length = len(data)
        shape.append(length)
        if length == 0:
            break
        data = data[0]
    if isinstance(data, torch.Tensor):
        shape.extend(data.shape)
    return shape


def _cheap_bound(kind: str, tensors: list[torch.Tensor]) -> int:
    if not tensors:
        return 0
    if kind is CONVERT:
        return max(t.numel() for t in tensors)
    if kind is CONCAT:
        return sum(t.numel() for t in tensors)
    if kind is BROADCAST:
        first = tensors[0].shape
        if all(t.shape == first for t in tensors):
            return tensors[0].numel()
    bound = 1
    for tensor in tensors:
        bound *= max(tensor.numel(), 1)
    return bound


def _to_meta(value: object) -> object:
    if isinstance(value, torch.Tensor):
        return torch.empty_like(value, device="meta")
    if isinstance(value, (list, tuple)) and any(isinstance(v, (torch.Tensor, list, tuple)) for v in value):
        return type(value)(_to_meta(v) for v in value) if type(value) in (list, tuple) else value
    return value


def _dry_run(call: Callable[..., object], receiver: object, args: tuple, kwargs: dict, has_tensors: bool) -> None:
    meta_kwargs = {name: _to_meta(value) for name, value in kwargs.items()}
    if not has_tensors:
        meta_kwargs["device"] = "meta"
    try:
        with torch.no_grad():
            result = call(_to_meta(receiver), *(_to_meta(a) for a in args), **meta_kwargs)
    except (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError) as error:
        message = str(error)
        if isinstance(error, NotImplementedError) or "meta" in message:
            raise ProgramError(
                "LimitExceeded",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP(
                        "LanguageErrors",
                        "limit MAX_TENSOR_ELEMENTS: the size of this result could not be checked "
                        "before computing it, and it may be too large. Use smaller tensors.",
                    ),
                ),
            ) from None
        raise
    outputs: list[torch.Tensor] = []
    _tensors_in(result, outputs)
    for output in outputs:
        check_tensor_size(output.shape, output.dtype)


def check_tensor_size(shape: torch.Size | tuple[int, ...], dtype: torch.dtype) -> None:
    """Raise a LimitExceeded error if a tensor of this shape and dtype is over a limit."""
    count = math.prod(shape)
    if count > limits.MAX_TENSOR_ELEMENTS:
        raise limit_exceeded("MAX_TENSOR_ELEMENTS", count, limits.MAX_TENSOR_ELEMENTS)
    size = count * dtype.itemsize
    if size > limits.MAX_ALLOCATION_BYTES:
        raise limit_exceeded("MAX_ALLOCATION_BYTES", size, limits.MAX_ALLOCATION_BYTES)


def check_binary_tensors(left: torch.Tensor, right: object) -> None:
    """Check the broadcast result of an operator between a tensor and another value."""
    if isinstance(right, torch.Tensor):
        left_count = left.numel()
        right_count = right.numel()
        if left_count * right_count <= limits.MAX_TENSOR_ELEMENTS or left.shape == right.shape:
            if max(left_count, right_count) * _MAX_ITEMSIZE <= limits.MAX_ALLOCATION_BYTES:
                return
        try:
            shape = torch.broadcast_shapes(left.shape, right.shape)
        except RuntimeError:
            return  # the operator raises torch's own shape error
        check_tensor_size(shape, torch.promote_types(left.dtype, right.dtype))


def check_matmul(left: torch.Tensor, right: object) -> None:
    if isinstance(right, torch.Tensor) and left.numel() * right.numel() > limits.MAX_TENSOR_ELEMENTS:
        _dry_run(_matmul_on_meta, None, (left, right), {}, True)


def _matmul_on_meta(_receiver: object, left: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
    return left @ right


def check_int_power(base: int, exponent: int) -> None:
    """Raise before computing an integer power whose result would exceed MAX_INT_BITS."""
    if exponent <= 0 or base in (0, 1, -1):
        return
    bits = exponent * max(abs(base).bit_length() - 1, 1)
    if exponent > limits.MAX_INT_BITS or bits > limits.MAX_INT_BITS:
        raise limit_exceeded("MAX_INT_BITS", bits if bits > exponent else exponent, limits.MAX_INT_BITS)


def check_int_bits(bits: int) -> None:
    if bits > limits.MAX_INT_BITS:
        raise limit_exceeded("MAX_INT_BITS", bits, limits.MAX_INT_BITS)


def check_length(length: int) -> None:
    if length > limits.MAX_SEQUENCE_LENGTH:
        raise limit_exceeded("MAX_SEQUENCE_LENGTH", length, limits.MAX_SEQUENCE_LENGTH)
