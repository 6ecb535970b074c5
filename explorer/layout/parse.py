"""Read Graphviz's `-Tjson` output into a GraphLayout.

Graphviz writes points with y growing upwards from the bounding box's lower
edge and node sizes in inches. The layout moves the origin to the top-left
corner, flips y and gives every length in points (1/72 inch). Colours come
from the xdot drawing operations (`_draw_`), where Graphviz has already
resolved names such as "darkolivegreen1" to "#caff70".
"""

from __future__ import annotations

import json
import re

from explorer.layout import messages
from explorer.layout.model import GraphLayout, LaidOutEdge, LaidOutNode, LayoutError, Point

POINTS_PER_INCH = 72.0

# Escapes that end a label line in DOT: centred, left- and right-justified.
_LINE_BREAK = re.compile(r"\\[nlr]")


def parse_layout_json(output: bytes | str, backend: str) -> GraphLayout:
    """Convert Graphviz JSON into a GraphLayout; raises LayoutError on malformed output."""
    try:
        data = json.loads(output)
        return _parse(data, backend)
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise LayoutError(messages.invalid_output(f"{type(error).__name__}: {error}")) from None


def _parse(data: dict, backend: str) -> GraphLayout:
    left, bottom, right, top = (float(part) for part in data["bb"].split(","))

    def to_screen(x: float, y: float) -> Point:
        return (round(x - left, 3), round(top - y, 3))

    names_by_gvid: dict[int, str] = {}
    nodes: list[LaidOutNode] = []
    for item in data.get("objects", []):
        if "nodes" in item or "subgraphs" in item or "pos" not in item:
            continue  # clusters and subgraphs have no position of their own
        names_by_gvid[item["_gvid"]] = item["name"]
        x, y = (float(part) for part in item["pos"].split(","))
        screen_x, screen_y = to_screen(x, y)
        fill, pen = _node_colors(item)
        nodes.append(
            LaidOutNode(
                id=item["name"],
                x=screen_x,
                y=screen_y,
                width=float(item.get("width", 0.75)) * POINTS_PER_INCH,
                height=float(item.get("height", 0.5)) * POINTS_PER_INCH,
                shape=item.get("shape", "ellipse"),
                label=_label_text(item),
                fillcolor=fill,
                style=item.get("style", ""),
                pencolor=pen,
                penwidth=float(item.get("penwidth", 1.0)),
            )
        )

    edges: list[LaidOutEdge] = []
    for item in data.get("edges", []):
        points: list[Point] = []
        for operation in item.get("_draw_", []):
            if operation.get("op") in ("b", "B"):
                points.extend(to_screen(x, y) for x, y in operation["points"])
        arrow: list[Point] = []
        for key in ("_hdraw_", "_tdraw_"):
            for operation in item.get(key, []):
                if operation.get("op") in ("P", "p") and not arrow:
                    arrow = [to_screen(x, y) for x, y in operation["points"]]
        edges.append(
            LaidOutEdge(
                tail=names_by_gvid[item["tail"]],
                head=names_by_gvid[item["head"]],
                points=points,
                arrow=arrow,
                style=item.get("style", "solid"),
            )
        )

    return GraphLayout(width=right - left, height=top - bottom, backend=backend, nodes=nodes, edges=edges)


def _node_colors(item: dict) -> tuple[str | None, str | None]:
    """Return (fill, pen) colours from the node's drawing operations."""
    fill = pen = None
    for operation in item.get("_draw_", []):
        if operation.get("op") == "C" and fill is None:
            fill = operation.get("color")
        elif operation.get("op") == "c" and pen is None:
            pen = operation.get("color")
    if "filled" not in item.get("style", ""):
        fill = None
    return fill, pen


def _label_text(item: dict) -> str:
    """Return the label as drawn: the text operations' lines, else the unescaped label."""
    lines = [operation["text"] for operation in item.get("_ldraw_", []) if operation.get("op") == "T"]
    if lines:
        return "\n".join(lines)
    label = item.get("label", "\\N")
    label = label.replace("\\N", item["name"])
    label = _LINE_BREAK.sub("\n", label).replace("\\\\", "\\")
    return label.removesuffix("\n")
