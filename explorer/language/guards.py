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
from explorer.language import budget, limits
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
    name: str = "",
) -> None:
    """Raise a LimitExceeded error if calling `call` would create too large a tensor or do too much work.

    The dry run repeats the call as `call(receiver, *args, **kwargs)` with every
    tensor replaced by a meta tensor of the same shape and dtype. `receiver` is
    the tensor a method is called on, or None for functions. `name` is the
    function or method name, which selects the work formula of a matrix product.
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
        budget.note_created(count, budget.NUMBER_ITEM_BYTES)
        return
    tensors: list[torch.Tensor] = []
    if receiver is not None:
        _tensors_in(receiver, tensors)
    _tensors_in(args, tensors)
    for value in kwargs.values():
        _tensors_in(value, tensors)
    work = _PRODUCT_WORK.get(name) if kind is PRODUCT else None
    if kind is not DRY_RUN:
        bound = _cheap_bound(kind, tensors)
        if bound <= limits.MAX_TENSOR_ELEMENTS and bound * _MAX_ITEMSIZE <= limits.MAX_ALLOCATION_BYTES:
            if work is None or _cheap_flop_bound(tensors) <= limits.MAX_OPERATION_FLOPS:
                return
    outputs = _dry_run(call, receiver, args, kwargs, bool(tensors))
    if work is not None and outputs:
        check_flops(work(tensors, args, outputs[0]), tensors)


def nested_shape(data: object) -> list[int]:
    """Return the shape torch.tensor would infer from nested sequences, following the first items.

    A list that contains itself would be followed forever, so the walk stops
    past MAX_DATA_DEPTH levels.
    """
    shape = []
    while not isinstance(data, (str, torch.Tensor)) and hasattr(data, "__len__") and hasattr(data, "__getitem__"):
        if len(shape) >= limits.MAX_DATA_DEPTH:
            raise limit_exceeded("MAX_DATA_DEPTH", len(shape) + 1, limits.MAX_DATA_DEPTH)
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


def _dry_run(
    call: Callable[..., object], receiver: object, args: tuple, kwargs: dict, has_tensors: bool
) -> list[torch.Tensor]:
    """Repeat the call on meta tensors, check the size of every output and return the outputs."""
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
    return outputs


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
    """Check `left @ right` (or the reflected form) for its result size and its work."""
    if isinstance(right, torch.Tensor):
        check_call(PRODUCT, _matmul_on_meta, None, (left, right), {}, "matmul")


def _matmul_on_meta(_receiver: object, left: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
    return left @ right


# Work of one matrix product. Each formula takes the tensor operands in call
# order (the receiver first for methods), the positional arguments and the
# output computed on the meta device, and returns floating-point operations
# with a multiply and an add counting as two.


def _contract_first(tensors: list[torch.Tensor], _args: tuple, output: torch.Tensor) -> int:
    # matmul, mm, bmm, mv, dot, inner, linear: the first operand's last dimension is summed.
    length = tensors[0].shape[-1] if tensors and tensors[0].dim() else 1
    return 2 * output.numel() * length


def _contract_second(tensors: list[torch.Tensor], _args: tuple, output: torch.Tensor) -> int:
    # addmm(input, mat1, mat2) and baddbmm(input, batch1, batch2) sum over mat1's last dimension.
    length = tensors[1].shape[-1] if len(tensors) > 1 and tensors[1].dim() else 1
    return 2 * output.numel() * length + output.numel()


def _tensordot(tensors: list[torch.Tensor], _args: tuple, output: torch.Tensor) -> int:
    # a is (free_a, summed), b is (summed, free_b) and the output is (free_a, free_b),
    # so numel(a) * numel(b) / numel(output) is the summed size squared.
    if len(tensors) < 2:
        return 0
    summed = math.isqrt(tensors[0].numel() * tensors[1].numel() // max(output.numel(), 1))
    return 2 * output.numel() * summed


def _cdist(tensors: list[torch.Tensor], _args: tuple, output: torch.Tensor) -> int:
    # A difference, a product and a sum for each feature of each pair of rows.
    length = tensors[0].shape[-1] if tensors and tensors[0].dim() else 1
    return 3 * output.numel() * length


def _einsum(tensors: list[torch.Tensor], args: tuple, output: torch.Tensor) -> int:
    """Estimate einsum's work as a loop over every index, once per operand pair.

    The equation form only ("ij,jk->ik"): for the sublist form, or an equation
    this parser does not follow, the estimate is the product of all operand
    sizes, an upper bound.
    """
    equation = args[0] if args and isinstance(args[0], str) else None
    sizes = _einsum_index_sizes(equation, tensors) if equation is not None else None
    if sizes is None:
        return 2 * len(tensors) * math.prod(max(t.numel(), 1) for t in tensors)
    summed = math.prod(size for letter, size in sizes.items() if letter not in _einsum_output(equation))
    return 2 * max(len(tensors) - 1, 1) * output.numel() * max(summed, 1)


def _einsum_output(equation: str) -> str:
    equation = equation.replace(" ", "")
    if "->" in equation:
        return equation.split("->", 1)[1]
    # Implicit output: the letters that appear exactly once, in alphabetical order.
    letters = [c for c in equation if c.isalpha()]
    return "".join(sorted(c for c in set(letters) if letters.count(c) == 1))


def _einsum_index_sizes(equation: str, tensors: list[torch.Tensor]) -> dict[str, int] | None:
    inputs = equation.replace(" ", "").split("->", 1)[0].split(",")
    if len(inputs) != len(tensors):
        return None
    sizes: dict[str, int] = {}
    for subscripts, tensor in zip(inputs, tensors):
        head, ellipsis, tail = subscripts.partition("...")
        if not (head + tail).isalpha() and (head + tail):
            return None
        shape = list(tensor.shape)
        if len(head) + len(tail) > len(shape) or (not ellipsis and len(head) != len(shape)):
            return None
        dims = list(zip(head, shape[: len(head)])) + list(zip(tail, shape[len(shape) - len(tail) :]))
        for letter, size in dims:
            sizes[letter] = max(sizes.get(letter, 1), size)
    return sizes


_PRODUCT_WORK = {
    "matmul": _contract_first,
    "mm": _contract_first,
    "bmm": _contract_first,
    "mv": _contract_first,
    "dot": _contract_first,
    "inner": _contract_first,
    "linear": _contract_first,
    "addmm": _contract_second,
    "baddbmm": _contract_second,
    "tensordot": _tensordot,
    "cdist": _cdist,
    "einsum": _einsum,
}

# Time of one operation relative to float32, rounded up from products of
# 500 x 500 matrices on one CPU thread with torch 2.13 (float16 took about 20
# times as long as float32). Types not listed took about as long as float32.
_FLOP_WEIGHTS = {
    torch.float16: 20,
    torch.bfloat16: 4,
    torch.float64: 2,
    torch.int64: 3,
    torch.int32: 3,
    torch.int16: 2,
    torch.complex64: 4,
    torch.complex128: 8,
}


def _flop_weight(tensors: list[torch.Tensor]) -> int:
    return max((_FLOP_WEIGHTS.get(t.dtype, 1) for t in tensors), default=1)


def _cheap_flop_bound(tensors: list[torch.Tensor]) -> int:
    # Every index of a product belongs to some operand, so looping over all of
    # them once per operand is at most this many operations.
    return 2 * len(tensors) * math.prod(max(t.numel(), 1) for t in tensors) * _flop_weight(tensors)


def check_flops(flops: int, tensors: list[torch.Tensor]) -> None:
    """Raise a LimitExceeded error if a matrix product would take more than MAX_OPERATION_FLOPS."""
    weighted = flops * _flop_weight(tensors)
    if weighted > limits.MAX_OPERATION_FLOPS:
        raise limit_exceeded("MAX_OPERATION_FLOPS", weighted, limits.MAX_OPERATION_FLOPS)


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


def check_created(length: int, item_bytes: int = budget.ITEM_BYTES) -> None:
    """Check the length of a value a bulk operation is about to build, and count it in the run's budget."""
    check_length(length)
    budget.note_created(length, item_bytes)
