"""A laid-out graph in y-down points, and the error every layout failure raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from explorer.i18n import Text

Point = tuple[float, float]


class LaidOutNode(NamedTuple):
    """A node's box: centre (x, y) and size in points, y growing downwards.

    `label` is the drawn text, lines separated by "\\n". `fillcolor` is the
    fill Graphviz resolved, as "#rrggbb" (or "#rrggbbaa"), None when the node
    is not filled. A named tuple rather than a frozen dataclass, because a
    6000-node graph creates 12000 of these and the edges below, and a named
    tuple is created in less than half the time.
    """

    id: str
    x: float
    y: float
    width: float
    height: float
    shape: str
    label: str
    fillcolor: str | None
    style: str
    pencolor: str | None = None
    penwidth: float = 1.0


class LaidOutEdge(NamedTuple):
    """An edge as a cubic B-spline: control points p0, then three per segment.

    `arrow` is the arrowhead polygon, empty for `dir=none` edges.
    """

    tail: str
    head: str
    points: list[Point]
    arrow: list[Point]
    style: str


@dataclass(frozen=True)
class GraphLayout:
    """Graphviz's layout of a graph: its size in points, nodes and edges.

    `backend` is "system" (the dot program) or "embedded" (WebAssembly).
    """

    width: float
    height: float
    backend: str
    nodes: list[LaidOutNode] = field(default_factory=list)
    edges: list[LaidOutEdge] = field(default_factory=list)

    def node(self, node_id: str) -> LaidOutNode:
        """Return the node with this id; raises KeyError if there is none."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


class LayoutError(Exception):
    """Graphviz could not lay out or render a graph; `text` is the reason, for the user."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text
