"""Graphviz layout and export, Qt-free.

`layout_dot` returns positions and edge splines in y-down points from the
system `dot` program or, without it, the embedded WebAssembly Graphviz.
`render_dot` writes SVG, PNG or PDF for export.
"""

from explorer.layout.backends import backend_name, layout_dot, render_dot, resolve_backend
from explorer.layout.model import GraphLayout, LaidOutEdge, LaidOutNode, LayoutError

__all__ = [
    "GraphLayout",
    "LaidOutEdge",
    "LaidOutNode",
    "LayoutError",
    "backend_name",
    "layout_dot",
    "render_dot",
    "resolve_backend",
]
