"""Graphviz colour names resolved to "#rrggbb", for layouts read without drawing operations.

`-Tjson0` output repeats a node's `color` and `fillcolor` as written in the
DOT source, so names such as "darkolivegreen1" are not resolved. The table
contains the X11 names the explorer's DOT writer uses, with the values that
Graphviz 2.43.0 and 12.2.1 write for them in `-Tjson` drawing operations.
"""

from __future__ import annotations

import functools

GRAPHVIZ_COLORS: dict[str, str] = {
    "black": "#000000",
    "white": "#ffffff",
    "lightblue": "#add8e6",
    "lightgoldenrod1": "#ffec8b",
    "darkolivegreen1": "#caff70",
    "orange": "#ffa500",
    "lightgrey": "#d3d3d3",
    "lightgray": "#d3d3d3",
}

# Graphviz fills a `style=filled` node that has neither fillcolor nor color with this.
DEFAULT_FILL = "#d3d3d3"
DEFAULT_PEN = "#000000"


@functools.lru_cache(maxsize=256)
def resolve_color(value: str | None) -> str | None:
    """Return `value` as "#rrggbb" when it is hex or a name in the table, else unchanged.

    Names outside the table stay as written. The Qt view resolves them as
    SVG colour names, which match X11 except for a few (gray, green,
    maroon and purple differ). A colour list ("red:blue") keeps its first entry.
    """
    if not value:
        return None
    first = value.split(":", 1)[0].strip()
    if first.startswith("#"):
        return first.lower()
    return GRAPHVIZ_COLORS.get(first.lower(), first)
