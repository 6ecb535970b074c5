"""Every access to PyTorch's private autograd attributes, in one place.

The graph recorder reads `next_functions`, `AccumulateGrad.variable`, the
`_saved_*` attributes of backward nodes, a tensor's `_version`, `_base` and
`_is_view()`. None of these is a stable public API, so nothing else in the
package touches them. `tests/autograd/test_autograd_internals.py` pins the
behaviour this module relies on to the installed torch version (checked
with torch 2.13).
"""

from __future__ import annotations

from collections.abc import Iterator

import torch

SAVED_PREFIX = "_saved_"

# Per backward-node class: the `_saved_*` attribute names that may hold tensors.
# Filled on first sight of each class, because `dir()` is slow and the
# recorder's capture runs before every backward() of a training loop.
_tensor_attributes_by_class: dict[type, tuple[str, ...]] = {}
_other_attributes_by_class: dict[type, tuple[str, ...]] = {}
_sure_tensor_attributes_by_class: dict[type, frozenset[str]] = {}
# Backward-node classes seen without a `variable` attribute (all but AccumulateGrad).
_classes_without_variable: set[type] = set()


def next_functions(fn: object) -> tuple[tuple[object | None, int], ...]:
    """Return the node's `next_functions`: (node or None, input number) pairs."""
    return getattr(fn, "next_functions", ())


def leaf_variable(fn: object) -> torch.Tensor | None:
    """Return the leaf tensor of an AccumulateGrad node, or None for other nodes."""
    cls = type(fn)
    if cls in _classes_without_variable:
        return None
    variable = getattr(fn, "variable", None)
    if variable is None and not hasattr(fn, "variable"):
        # A failed attribute lookup raises internally, which is slow, and the recorder calls this for every node.
        _classes_without_variable.add(cls)
    return variable if isinstance(variable, torch.Tensor) else None


def function_name(fn: object) -> str:
    """Return the node's class name, as PyTorch prints it in `grad_fn=<...>`."""
    return type(fn).__name__


def _classify_saved_attributes(fn: object) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Return (names that may hold tensors, names that hold other values, names sure to hold tensors)."""
    tensor_names: list[str] = []
    other_names: list[str] = []
    sure_tensor_names: set[str] = set()
    for name in dir(fn):
        if not name.startswith(SAVED_PREFIX):
            continue
        try:
            value = getattr(fn, name)
        except RuntimeError:
            # Only saved tensors raise once backward() has freed them.
            tensor_names.append(name)
            sure_tensor_names.add(name)
            continue
        # None is how PyTorch returns an undefined saved tensor, so a name
        # seen as None may hold a tensor on the next node of this class.
        if value is None or _holds_tensor(value):
            tensor_names.append(name)
            if value is not None:
                sure_tensor_names.add(name)
        else:
            other_names.append(name)
    return tuple(tensor_names), tuple(other_names), frozenset(sure_tensor_names)


def _holds_tensor(value: object) -> bool:
    if isinstance(value, torch.Tensor):
        return True
    if isinstance(value, (tuple, list)):
        return any(isinstance(item, torch.Tensor) for item in value)
    return False


def _attribute_names(fn: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cls = type(fn)
    tensor_names = _tensor_attributes_by_class.get(cls)
    if tensor_names is None:
        tensor_names, other_names, sure_tensor_names = _classify_saved_attributes(fn)
        _other_attributes_by_class[cls] = other_names
        _sure_tensor_attributes_by_class[cls] = sure_tensor_names
        _tensor_attributes_by_class[cls] = tensor_names
    return tensor_names, _other_attributes_by_class[cls]


def iter_saved_tensors(fn: object) -> Iterator[tuple[str, torch.Tensor | None]]:
    """Yield (attribute, tensor) for each tensor the node saved for backward.

    The attribute drops the `_saved_` prefix; tensors in a saved tuple get an
    index, as in "tensors[1]". An attribute whose tensors backward() already
    freed yields (attribute, None). Undefined saved tensors are skipped.
    """
    tensor_names, _ = _attribute_names(fn)
    for name in tensor_names:
        attribute = name[len(SAVED_PREFIX):]
        try:
            value = getattr(fn, name)
        except RuntimeError:
            yield attribute, None
            continue
        if isinstance(value, torch.Tensor):
            yield attribute, value
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                if isinstance(item, torch.Tensor):
                    yield f"{attribute}[{index}]", item


def saved_values(fn: object) -> dict[str, object]:
    """Return the node's saved non-tensor values (exponent, alpha, dim...) by attribute.

    These survive backward(), unlike saved tensors. Values are plain Python:
    ints, floats, bools, strings, None and tuples of them; anything else
    (SymInt, torch.dtype, Scalar wrappers) is turned into int or str.
    """
    tensor_names, other_names = _attribute_names(fn)
    # A name that once held a tensor is a saved-tensor slot in every node of
    # the class, and reading a freed one raises, which is slow.
    sure_tensor_names = _sure_tensor_attributes_by_class[type(fn)]
    values: dict[str, object] = {}
    for name in sorted(tensor_names + other_names):
        if name in sure_tensor_names:
            continue
        try:
            value = getattr(fn, name)
        except RuntimeError:
            continue
        if name in tensor_names and (value is None or _holds_tensor(value)):
            continue
        values[name[len(SAVED_PREFIX):]] = _plain(value)
    return values


def _plain(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (tuple, list)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, torch.SymInt):
        return int(value)
    return str(value)


def tensor_version(tensor: torch.Tensor) -> int | None:
    """Return the tensor's version counter, or None for inference tensors, which have none."""
    try:
        return tensor._version
    except RuntimeError:
        return None


def view_base(tensor: torch.Tensor) -> torch.Tensor | None:
    """Return the tensor a view was taken from, or None if the tensor is not a view."""
    if tensor._is_view():
        return tensor._base
    return None
