"""Read Graphviz's `-Tjson0` output (or `-Tjson`, a superset) into a GraphLayout.

Graphviz writes points with y growing upwards from the bounding box's lower
edge and node sizes in inches. The layout moves the origin to the top-left
corner, flips y and gives every length in points (1/72 inch).

The parser reads only the attributes that `-Tjson0` writes, not the xdot
drawing operations that `-Tjson` adds: those make the output four times
longer and slower to write and to read. So colours come from
`explorer.layout.colors`, labels are unescaped here, and arrowheads are
computed with Graphviz's formula for its default "normal" arrow.

The output may come from the Playground's child process, so every value is
checked: anything but the strings and finite numbers Graphviz writes raises
LayoutError.
"""

from __future__ import annotations

import json
import math
import re

from explorer.layout import messages
from explorer.layout.colors import DEFAULT_FILL, DEFAULT_PEN, resolve_color
from explorer.layout.model import GraphLayout, LaidOutEdge, LaidOutNode, LayoutError, Point

POINTS_PER_INCH = 72.0

# Graphviz's "normal" arrowhead: ARROW_LENGTH points long, its half-width
# ARROW_WIDTH times that. With these the polygons equal the `_hdraw_` ones of
# Graphviz 2.43.0; Graphviz 12.2.1 draws its arrows 1.5 points further back
# from the tip, so that the stroked outline stays off the node.
ARROW_LENGTH = 10.0
ARROW_WIDTH = 0.35

# Bounds on what a layout may contain. Graphviz's layouts of the largest
# graphs the explorer draws stay under a million points across, and their
# labels under a few thousand characters. The bounds keep hostile input
# from overflowing coordinates or expanding "\\N" into gigabytes.
MAX_COORDINATE = 1e9
MAX_LABEL_CHARS = 100_000

# One escape in a DOT label: a backslash and the character after it.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_LINE_ENDS = frozenset("nlr")
_OTHER_THAN_NEWLINE = re.compile(r"\\[^n]", re.DOTALL)


def parse_layout_json(output: bytes | str, backend: str) -> GraphLayout:
    """Convert Graphviz JSON into a GraphLayout; raises LayoutError on malformed output."""
    try:
        data = json.loads(output)
        return _parse(data, backend)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as error:
        raise LayoutError(messages.invalid_output(f"{type(error).__name__}: {error}")) from None


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _check_coordinates(numbers: list[float]) -> None:
    """Raise ValueError unless every number is finite and within MAX_COORDINATE of 0."""
    # The sum is NaN or infinite if any number is, so max and min then see finite numbers only.
    if numbers and not (
        math.isfinite(sum(numbers)) and max(numbers) <= MAX_COORDINATE and min(numbers) >= -MAX_COORDINATE
    ):
        raise ValueError("a coordinate that is not a finite number of reasonable size")


def _parse(data: dict, backend: str) -> GraphLayout:
    left, bottom, right, top = bounds = [float(part) for part in _text(data["bb"]).split(",")]
    _check_coordinates(bounds)
    if right < left or top < bottom:
        raise ValueError(f"a bounding box with a negative size: {data['bb']!r}")
    graph_name = _text(data.get("name", ""))

    names_by_gvid: dict[int, str] = {}
    names: set[str] = set()
    nodes: list[LaidOutNode] = []
    for item in data.get("objects", ()):
        if "pos" not in item or "nodes" in item:
            continue  # clusters and subgraphs have no position of their own
        name, pos, style = item["name"], item["pos"], item.get("style", "")
        label, shape = item.get("label", "\\N"), item.get("shape", "ellipse")
        # The checks are inline because this loop runs once per node, thousands of times for big graphs.
        if not (type(name) is str and type(pos) is str and type(style) is str and type(label) is str and type(shape) is str):
            raise TypeError(f"node {name!r} has a value that is not a string")
        if name in names:
            raise ValueError(f"two nodes named {name!r}")
        names.add(name)
        names_by_gvid[item["_gvid"]] = name
        x, y = pos.split(",")
        color = resolve_color(item.get("color"))
        fill = None
        if "filled" in style:
            fill = resolve_color(item.get("fillcolor")) or color or DEFAULT_FILL
        x, y = float(x) - left, top - float(y)
        width = float(item.get("width", 0.75)) * POINTS_PER_INCH
        height = float(item.get("height", 0.5)) * POINTS_PER_INCH
        penwidth = float(item.get("penwidth", 1.0))
        # Chained comparisons are False for NaN too.
        if not (
            -MAX_COORDINATE <= x <= MAX_COORDINATE
            and -MAX_COORDINATE <= y <= MAX_COORDINATE
            and 0 <= width <= MAX_COORDINATE
            and 0 <= height <= MAX_COORDINATE
            and 0 <= penwidth <= MAX_COORDINATE
        ):
            raise ValueError(f"node {name!r} has a position or size that is not finite, negative or too large")
        # Positional, in LaidOutNode's field order: keywords made each call 2.5 times slower.
        nodes.append(
            LaidOutNode(
                name, x, y, width, height, shape, label_text(label, name, graph_name), fill, style, color or DEFAULT_PEN, penwidth
            )
        )

    edges: list[LaidOutEdge] = []
    for item in data.get("edges", ()):
        pos, style = item.get("pos", ""), item.get("style", "solid")
        if not (type(pos) is str and type(style) is str):
            raise TypeError("an edge has a value that is not a string")
        points, arrow = _edge_geometry(pos, left, top)
        edges.append(LaidOutEdge(names_by_gvid[item["tail"]], names_by_gvid[item["head"]], points, arrow, style))

    return GraphLayout(width=right - left, height=top - bottom, backend=backend, nodes=nodes, edges=edges)


def _edge_geometry(pos: str, left: float, top: float) -> tuple[list[Point], list[Point]]:
    """Return the spline's control points and the arrowhead polygon from an edge's `pos`.

    `pos` is "e,x,y s,x,y p0 p1 ...": the optional end and start points are
    the tips of the head and tail arrows, and the rest is a cubic B-spline.
    Only the first spline is read where `pos` lists several (";").
    """
    head_tip = tail_tip = None
    parts = pos.split(";", 1)[0].split()
    tips = 0
    while tips < len(parts) and parts[tips][:2] in ("e,", "s,"):
        kind, x, y = parts[tips].split(",")
        x, y = float(x), float(y)
        # Chained comparisons are False for NaN too.
        if not (-MAX_COORDINATE <= x <= MAX_COORDINATE and -MAX_COORDINATE <= y <= MAX_COORDINATE):
            raise ValueError(f"edge position with a number that is not finite or too large: {pos!r}")
        tip = (x - left, top - y)
        if kind == "e":
            head_tip = tip
        else:
            tail_tip = tip
        tips += 1
    # All remaining numbers at once: x and y alternate.
    numbers = list(map(float, " ".join(parts[tips:]).replace(",", " ").split()))
    if len(numbers) % 2:
        raise ValueError(f"edge position with an odd number of coordinates: {pos!r}")
    _check_coordinates(numbers)
    points: list[Point] = [(x - left, top - y) for x, y in zip(numbers[0::2], numbers[1::2])]
    arrow: list[Point] = []
    if head_tip is not None and points:
        arrow = arrowhead(points[-1], head_tip)
    elif tail_tip is not None and points:
        arrow = arrowhead(points[0], tail_tip)
    return points, arrow


def arrowhead(base: Point, tip: Point) -> list[Point]:
    """Return Graphviz's "normal" arrowhead from the spline's end `base` to `tip` as a triangle."""
    dx, dy = base[0] - tip[0], base[1] - tip[1]
    scale = ARROW_LENGTH / (math.hypot(dx, dy) + 1e-4)
    dx, dy = dx * scale, dy * scale
    back_x, back_y = tip[0] + dx, tip[1] + dy
    side_x, side_y = -dy * ARROW_WIDTH, dx * ARROW_WIDTH
    return [(back_x - side_x, back_y - side_y), tip, (back_x + side_x, back_y + side_y)]


def label_text(label: str, name: str, graph_name: str = "") -> str:
    """Return a DOT label as drawn: "\\n", "\\l" and "\\r" end lines, "\\N" is the node's name.

    A line end at the very end adds no empty line, as in Graphviz.
    """
    if "\\" not in label:
        return label
    if _OTHER_THAN_NEWLINE.search(label) is None:
        # Only "\n" escapes, as in every label the explorer writes.
        return label.replace("\\n", "\n").removesuffix("\n")

    expanded = len(label) + label.count("\\N") * len(name) + label.count("\\G") * len(graph_name)
    if expanded > MAX_LABEL_CHARS:
        raise ValueError(f"a label longer than {MAX_LABEL_CHARS} characters once \\N and \\G are replaced")

    def replace(match: re.Match) -> str:
        character = match.group(1)
        if character in _LINE_ENDS:
            return "\n"
        if character == "N":
            return name
        if character == "G":
            return graph_name
        return character

    return _ESCAPE.sub(replace, label).removesuffix("\n")
