"""Text of the node labels: names, shapes, values and gradients in short form.

Labels use PyTorch's own words (`data`, `grad`, attribute names), which stay
untranslated, so they carry no translatable text.
"""

from __future__ import annotations

from explorer.autograd.snapshot import TRUNCATION_MARKER, TensorSnapshot
from explorer.numbers import format_number

# Tensors with at most this many elements show every value in their label;
# bigger ones show the first few and an ellipsis.
LABEL_MAX_ELEMENTS = 6
LABEL_LEADING_VALUES = 3
# Function attributes longer than this are cut in the label (the inspector
# shows them whole).
LABEL_MAX_ATTRIBUTE_CHARS = 24
# Attributes whose name contains one of these describe sizes and strides for
# the backward formula; they clutter the drawing, so only the inspector shows them.
HIDDEN_ATTRIBUTE_MARKERS = ("sym_", "_sizes", "_strides", "_numel", "storage_offset")


def format_value(value: object, numel: int) -> str:
    """Format a snapshot value: every element for small tensors, a prefix otherwise."""
    if value is None:
        return "None"
    if not isinstance(value, list):
        return format_number(value)
    if numel <= LABEL_MAX_ELEMENTS:
        return _format_nested(value)
    leading = _leading_elements(value, LABEL_LEADING_VALUES)
    return "[" + ", ".join(format_number(item) for item in leading) + ", ...]"


def _format_nested(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_format_nested(item) for item in value) + "]"
    return format_number(value)


def _leading_elements(value: list, count: int) -> list:
    """Return the first `count` numbers of a nested list in row-major order."""
    found: list = []
    stack: list[list] = [list(reversed(value))]
    while stack and len(found) < count:
        items = stack[-1]
        if not items:
            stack.pop()
            continue
        item = items.pop()
        if isinstance(item, list):
            stack.append(list(reversed(item)))
        elif item != TRUNCATION_MARKER:
            found.append(item)
    return found


def format_shape(shape: list[int]) -> str:
    return "(" + ", ".join(str(size) for size in shape) + ")"


def tensor_label(title: str | None, snapshot: TensorSnapshot, show_grad: bool, show_value: bool = True) -> list[str]:
    """Return the label lines of a tensor node: name, shape, data and grad."""
    lines: list[str] = []
    if title:
        lines.append(title)
    if snapshot.shape:
        lines.append(f"{format_shape(snapshot.shape)} {snapshot.dtype}")
    if show_value and snapshot.value is not None:
        lines.append("data: " + format_value(snapshot.value, snapshot.numel))
    if show_grad:
        lines.append("grad: " + format_value(snapshot.grad, snapshot.numel))
    return lines


def function_label(name: str, attributes: dict[str, object]) -> list[str]:
    """Return the label lines of a backward node: its class and notable saved values."""
    lines = [name]
    for attribute, value in attributes.items():
        if any(marker in attribute for marker in HIDDEN_ATTRIBUTE_MARKERS):
            continue
        text = format_number(value) if isinstance(value, float) else str(value)
        if len(text) > LABEL_MAX_ATTRIBUTE_CHARS:
            text = text[: LABEL_MAX_ATTRIBUTE_CHARS - 3] + "..."
        lines.append(f"{attribute}: {text}")
    return lines
