"""layout_dot and render_dot on both Graphviz backends, with real Graphviz."""

import time

import pytest

from explorer.autograd import KIND_FILL_COLORS
from explorer.layout import LayoutError, layout_dot, render_dot
from layout_graphs import cell_05_graph, cell_06_graph, dense_random_graph


@pytest.mark.parametrize("make_graph", [cell_05_graph, cell_06_graph])
def test_every_graph_node_laid_out(backend, make_graph):
    graph = make_graph()
    layout = layout_dot(graph.dot_source, backend=backend)
    assert layout.backend == backend
    assert {node.id for node in layout.nodes} == set(graph.nodes)
    assert len(layout.edges) == graph.edge_count
    assert all(edge.tail in graph.nodes and edge.head in graph.nodes for edge in layout.edges)


def test_nodes_inside_bounding_box(backend):
    layout = layout_dot(cell_05_graph().dot_source, backend=backend)
    assert layout.width > 0
    assert layout.height > 0
    for node in layout.nodes:
        assert node.width > 0
        assert node.height > 0
        assert node.width / 2 - 1 <= node.x <= layout.width - node.width / 2 + 1
        assert node.height / 2 - 1 <= node.y <= layout.height - node.height / 2 + 1


def test_y_points_down(backend):
    # Edges run from the leaves to the output, and Graphviz ranks them top
    # to bottom, so in y-down coordinates the leaf sits above the output.
    layout = layout_dot(cell_05_graph().dot_source, backend=backend)
    assert layout.node("tensor:x").y < layout.node("fn0").y < layout.node("tensor:z").y


def test_edge_splines_and_arrows(backend):
    graph = cell_05_graph()
    layout = layout_dot(graph.dot_source, backend=backend)
    for edge in layout.edges:
        assert len(edge.points) >= 4
        assert (len(edge.points) - 1) % 3 == 0
    saved = [edge for edge in layout.edges if edge.tail == "tensor:y" and graph.nodes[edge.head].name == "PowBackward0"]
    assert len(saved) == 1
    assert saved[0].arrow == []
    assert saved[0].style == "dashed"
    output_edge = next(edge for edge in layout.edges if edge.head == "tensor:z")
    assert len(output_edge.arrow) >= 3
    head = layout.node("tensor:z")
    tip_y = max(y for _, y in output_edge.arrow)
    assert abs(tip_y - (head.y - head.height / 2)) < 2


def test_colours_and_labels(backend):
    layout = layout_dot(cell_06_graph().dot_source, backend=backend)
    assert layout.node("tensor:x").fillcolor == KIND_FILL_COLORS["leaf"][1]
    assert layout.node("tensor:y").fillcolor == KIND_FILL_COLORS["nonleaf"][1]
    assert layout.node("tensor:z").fillcolor == KIND_FILL_COLORS["output"][1]
    assert layout.node("tensor:y").pencolor == KIND_FILL_COLORS["saved"][1]
    assert layout.node("tensor:y").label == "y\ndata: 6.0\ngrad: None"
    assert layout.node("tensor:y").shape == "box"
    assert "filled" in layout.node("tensor:y").style


def test_timeout_stops_graphviz(backend):
    started = time.perf_counter()
    with pytest.raises(LayoutError, match="timed out after 0.3 seconds"):
        layout_dot(dense_random_graph(), timeout=0.3, backend=backend)
    assert time.perf_counter() - started < 5
    assert layout_dot("digraph { a -> b }", backend=backend).node("b")


def test_syntax_error_raises(backend):
    with pytest.raises(LayoutError, match="Graphviz failed") as caught:
        layout_dot("digraph { a -> ", backend=backend)
    assert caught.value.text.context == "GraphLayout"


def test_render_svg(backend):
    svg = render_dot(cell_05_graph().dot_source, "svg", backend=backend)
    assert b"<svg" in svg
    assert b"PowBackward0" in svg


def test_unknown_export_format(backend):
    with pytest.raises(LayoutError, match="unsupported export format 'gif'"):
        render_dot("digraph { a }", "gif", backend=backend)


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_and_pdf_export(backend, fmt, magic):
    if backend == "embedded":
        with pytest.raises(LayoutError, match="can write SVG but not"):
            render_dot("digraph { a }", fmt, backend=backend)
    else:
        assert render_dot(cell_05_graph().dot_source, fmt, backend=backend).startswith(magic)


@pytest.mark.parametrize("make_graph", [cell_05_graph, cell_06_graph])
def test_newrank_keeps_positions(backend, make_graph):
    # The DOT writer sets newrank to save time; it must not move a node of an autograd graph.
    source = make_graph().dot_source
    assert "\tgraph [newrank=true]\n" in source
    classic = layout_dot(source.replace("\tgraph [newrank=true]\n", ""), backend=backend)
    ranked = layout_dot(source, backend=backend)
    assert (ranked.width, ranked.height) == (classic.width, classic.height)
    for node in classic.nodes:
        assert (ranked.node(node.id).x, ranked.node(node.id).y) == (node.x, node.y)
    assert [edge.points for edge in ranked.edges] == [edge.points for edge in classic.edges]
