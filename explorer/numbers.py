"""Number formatting shared by the graph labels and the tensor table; imports neither torch nor Qt."""

from __future__ import annotations


def format_number(number: object) -> str:
    """Format a tensor element roughly as `print(tensor)` would: 1.5, 7.0, 0.3333, 1.000e-06."""
    if isinstance(number, bool) or not isinstance(number, float):
        return str(number)
    if number != number or number in (float("inf"), float("-inf")):
        return str(number)
    magnitude = abs(number)
    if number == int(number) and magnitude < 1e6:
        return f"{number:.1f}"
    if 1e-4 <= magnitude < 1e6:
        text = f"{number:.4f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return f"{number:.3e}"
