"""Upper estimates of how long a value's text is, computed before `str()` builds it.

`print([s] * 10**6)` with a long `s` would build gigabytes of text from a small
list; these estimates let the interpreter reject that first.
"""

from __future__ import annotations

import re
import string

import torch

from explorer.i18n import QT_TRANSLATE_NOOP
from explorer.language import limits
from explorer.language.errors import limit_exceeded, not_allowed

# torch prints at most this many elements before it summarizes with "...".
_TENSOR_PRINT_THRESHOLD = 1000
_CHARS_PER_ELEMENT = 24
_OTHER_TEXT_LENGTH = 120


def estimate_text_length(value: object, maximum: int) -> int:
    """Estimate len(repr(value)) from above, stopping soon after it passes `maximum`.

    repr writes a container each time it is referenced, so a list repeated
    with `*` counts once per reference (its length is computed once). A
    container inside itself prints as `[...]`. Data nested deeper than
    MAX_DATA_DEPTH raises the MAX_DATA_DEPTH error.
    """
    return _TextEstimate(maximum).length(value, 0)


class _TextEstimate:
    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self.known: dict[int, int] = {}  # id of a container -> its estimated length
        self.open: set[int] = set()  # ids of the containers being estimated (for cycles)

    def length(self, item: object, depth: int) -> int:
        kind = type(item)
        if kind is str:
            return len(item) + 2
        if kind is int:
            return item.bit_length() // 3 + 2
        if kind in (float, bool, complex) or item is None:
            return 50
        if isinstance(item, torch.Tensor):
            return min(item.numel(), _TENSOR_PRINT_THRESHOLD) * _CHARS_PER_ELEMENT + 200 + 8 * item.dim()
        if not (kind in (list, tuple, set, frozenset, dict) or isinstance(item, tuple)):
            return _OTHER_TEXT_LENGTH
        key = id(item)
        if key in self.open:
            return 5
        known = self.known.get(key)
        if known is not None:
            return known
        if depth >= limits.MAX_DATA_DEPTH:
            raise limit_exceeded("MAX_DATA_DEPTH", depth + 1, limits.MAX_DATA_DEPTH)
        total = 2 + 2 * len(item)
        self.open.add(key)
        children = (child for pair in item.items() for child in pair) if kind is dict else item
        for child in children:
            if total > self.maximum:
                break
            total += self.length(child, depth + 1)
        self.open.discard(key)
        self.known[key] = total
        return total


def check_text(value: object, maximum: int = limits.MAX_SEQUENCE_LENGTH) -> None:
    """Raise if the text of `value` could exceed MAX_SEQUENCE_LENGTH characters."""
    if type(value) is str:
        length = len(value)
    elif type(value) in (int, float, bool) or value is None:
        return
    else:
        length = estimate_text_length(value, maximum)
    if length > maximum:
        raise limit_exceeded("MAX_SEQUENCE_LENGTH", length, maximum)


_NUMBER = re.compile(r"\d+")


def check_format_spec(spec: str) -> None:
    """Raise if a format specification requests a field wider or more precise than MAX_FORMAT_WIDTH."""
    for match in _NUMBER.finditer(spec):
        if len(match.group()) > 6 or int(match.group()) > limits.MAX_FORMAT_WIDTH:
            raise limit_exceeded("MAX_FORMAT_WIDTH", int(match.group()[:30]), limits.MAX_FORMAT_WIDTH)


def check_format_string(template: str) -> None:
    """Reject `str.format` fields that reach attributes or items, or nest fields in a spec."""
    for _literal, field_name, spec, _conversion in string.Formatter().parse(template):
        if field_name is None:
            continue
        if "." in field_name or "[" in field_name:
            raise not_allowed(
                QT_TRANSLATE_NOOP(
                    "LanguageErrors",
                    "format field {field!r} reads an attribute or an item; "
                    "pass the value itself, or use an f-string",
                ),
                field=field_name,
            )
        if spec and "{" in spec:
            raise not_allowed(
                QT_TRANSLATE_NOOP("LanguageErrors", "nested format fields such as {spec!r} are not supported"),
                spec=spec,
            )
        if spec:
            check_format_spec(spec)
