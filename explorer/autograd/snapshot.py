"""Plain-data copies of tensors, safe to hand to another thread or print as JSON."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from explorer.autograd.internals import tensor_version

# Tensors with more elements than this keep only their leading entries.
MAX_VALUE_ELEMENTS = 100
# Written at the end of every nested list whose dimension was cut short,
# the way `print(tensor)` shows elided entries.
TRUNCATION_MARKER = "..."


@dataclass(frozen=True)
class TensorSnapshot:
    """A tensor's metadata, value and gradient at one moment, as plain Python data.

    `value` and `grad` are a number for 0-d tensors, a nested list otherwise,
    and None when there is nothing to show (`grad` not populated, or the value
    was not kept). Lists of big tensors hold only the leading entries of each
    dimension, followed by TRUNCATION_MARKER, and then `value_truncated` or
    `grad_truncated` is True.
    """

    shape: list[int]
    dtype: str
    device: str
    value: object
    requires_grad: bool
    is_leaf: bool
    retains_grad: bool
    grad: object
    grad_fn: str | None
    version: int | None
    numel: int = 0
    value_truncated: bool = False
    grad_truncated: bool = False

    def to_json(self) -> dict:
        """Return the dict the `run --json` output uses for a tensor."""
        return {
            "shape": list(self.shape),
            "dtype": self.dtype,
            "device": self.device,
            "value": self.value,
            "requires_grad": self.requires_grad,
            "is_leaf": self.is_leaf,
            "retains_grad": self.retains_grad,
            "grad": self.grad,
            "grad_fn": self.grad_fn,
        }


def snapshot_tensor(
    tensor: torch.Tensor,
    *,
    value_from: torch.Tensor | None = None,
    keep_value: bool = True,
    version: int | None = None,
) -> TensorSnapshot:
    """Copy `tensor` into a TensorSnapshot: detached, on the CPU, capped in size.

    `value_from` supplies the value instead of `tensor` (a copy taken earlier,
    while the metadata still comes from `tensor`); `keep_value=False` records
    no value at all. `version` overrides the version counter read now.
    Reading `.grad` of a non-leaf tensor that does not retain its gradient
    makes PyTorch warn, so the gradient is read only when PyTorch keeps one.
    """
    if not isinstance(tensor, torch.Tensor):
        raise TypeError(f"snapshot_tensor expects a torch.Tensor, got {type(tensor).__name__}")

    value, value_truncated = None, False
    if keep_value:
        value, value_truncated = tensor_to_python(tensor if value_from is None else value_from)

    grad, grad_truncated = None, False
    if tensor.is_leaf or tensor.retains_grad:
        grad_tensor = tensor.grad
        if grad_tensor is not None:
            grad, grad_truncated = tensor_to_python(grad_tensor)

    grad_fn = tensor.grad_fn
    return TensorSnapshot(
        shape=list(tensor.shape),
        dtype=dtype_name(tensor.dtype),
        device=device_name(tensor.device),
        value=value,
        requires_grad=tensor.requires_grad,
        is_leaf=tensor.is_leaf,
        retains_grad=tensor.retains_grad,
        grad=grad,
        grad_fn=None if grad_fn is None else type(grad_fn).__name__,
        version=tensor_version(tensor) if version is None else version,
        numel=tensor.numel(),
        value_truncated=value_truncated,
        grad_truncated=grad_truncated,
    )


_dtype_names: dict[torch.dtype, str] = {}
_device_names: dict[torch.device, str] = {}


def dtype_name(dtype: torch.dtype) -> str:
    """Return "float32" for torch.float32."""
    name = _dtype_names.get(dtype)
    if name is None:
        name = _dtype_names[dtype] = str(dtype).removeprefix("torch.")
    return name


def device_name(device: torch.device) -> str:
    """Return "cpu" or "cuda:0" for a torch.device."""
    name = _device_names.get(device)
    if name is None:
        name = _device_names[device] = str(device)
    return name


def tensor_to_python(tensor: torch.Tensor, max_elements: int = MAX_VALUE_ELEMENTS) -> tuple[object, bool]:
    """Return (value, truncated): a number or nested list of at most `max_elements` numbers.

    Only the kept entries are copied to the CPU. Meta tensors, which have no
    data, and tensors in layouts other than strided give (None, False).
    """
    if tensor.is_cpu and tensor.layout == torch.strided and tensor.numel() <= max_elements and not tensor.is_complex():
        # The common case, and the one a 6000-node graph repeats: nothing to cut or convert.
        return tensor.tolist(), False
    data = tensor.detach()
    if data.is_meta:
        return None, False
    if data.layout != torch.strided:
        if data.numel() > max_elements:
            return None, False
        data = data.to_dense()

    cut_dimensions: list[bool] = [False] * data.dim()
    if data.numel() > max_elements:
        data, cut_dimensions = _leading_block(data, max_elements)

    value = data.cpu().tolist()
    if data.is_complex():
        value = _map_nested(value, str)
    if any(cut_dimensions):
        value = _mark_cuts(value, cut_dimensions)
    return value, any(cut_dimensions)


def _leading_block(data: torch.Tensor, max_elements: int) -> tuple[torch.Tensor, list[bool]]:
    """Slice the leading entries of every dimension so that at most `max_elements` remain.

    Small dimensions are kept whole and the rest of the budget is shared by
    the larger ones: a (500, 3) tensor keeps 33 rows of 3.
    """
    sizes = list(data.shape)
    keep = list(sizes)
    budget = max_elements
    by_size = sorted(range(len(sizes)), key=lambda index: sizes[index])
    for position, index in enumerate(by_size):
        remaining_dimensions = len(sizes) - position
        share = int(budget ** (1.0 / remaining_dimensions) + 1e-9)
        keep[index] = min(sizes[index], max(1, share))
        budget = max(1, budget // keep[index])
    block = data[tuple(slice(0, count) for count in keep)]
    return block, [count < size for count, size in zip(keep, sizes)]


def _mark_cuts(value: object, cut_dimensions: list[bool]) -> object:
    """Append TRUNCATION_MARKER to every list of a dimension that was cut."""
    # Walk the nested lists level by level; the depth is the tensor's ndim.
    level: list[list] = [value] if isinstance(value, list) else []
    for cut in cut_dimensions:
        next_level: list[list] = []
        for items in level:
            next_level.extend(item for item in items if isinstance(item, list))
            if cut:
                items.append(TRUNCATION_MARKER)
        level = next_level
    return value


def _map_nested(value: object, convert) -> object:
    if isinstance(value, list):
        return [_map_nested(item, convert) for item in value]
    return convert(value)
