"""Graphviz JSON to GraphLayout: units, y-down coordinates, labels, malformed output."""

import json

import pytest

from explorer.layout import LayoutError
from explorer.layout.embedded import get_embedded
from explorer.layout.parse import parse_layout_json

SOURCE = r'''digraph {
    node [shape=box style=filled]
    top [label="first\nsecond\lthird" fillcolor=lightblue]
    bottom
    top -> bottom
    top -> side [dir=none style=dotted]
}'''


@pytest.fixture(scope="module")
def raw_json() -> bytes:
    return get_embedded().render(SOURCE, "json", 30)


def raw_object(raw: bytes, name: str) -> dict:
    return next(item for item in json.loads(raw)["objects"] if item["name"] == name)


def test_positions_flip_to_y_down(raw_json):
    raw = json.loads(raw_json)
    left, bottom, right, top = (float(part) for part in raw["bb"].split(","))
    layout = parse_layout_json(raw_json, "embedded")
    assert layout.width == right - left
    assert layout.height == top - bottom
    raw_x, raw_y = (float(part) for part in raw_object(raw_json, "bottom")["pos"].split(","))
    node = layout.node("bottom")
    assert node.x == pytest.approx(raw_x - left)
    assert node.y == pytest.approx(top - raw_y)


def test_sizes_in_points(raw_json):
    raw = raw_object(raw_json, "top")
    node = parse_layout_json(raw_json, "embedded").node("top")
    assert node.width == pytest.approx(float(raw["width"]) * 72)
    assert node.height == pytest.approx(float(raw["height"]) * 72)


def test_label_lines_and_default_label(raw_json):
    layout = parse_layout_json(raw_json, "embedded")
    assert layout.node("top").label == "first\nsecond\nthird"
    assert layout.node("bottom").label == "bottom"


def test_fill_colour_resolved_and_unfilled_node():
    layout = parse_layout_json(get_embedded().render("digraph { a [style=filled fillcolor=lightblue] b }", "json", 30), "embedded")
    assert layout.node("a").fillcolor == "#add8e6"
    assert layout.node("b").fillcolor is None


def test_edges_by_name_with_spline_and_arrow(raw_json):
    layout = parse_layout_json(raw_json, "embedded")
    arrow_edge = next(edge for edge in layout.edges if edge.head == "bottom")
    plain_edge = next(edge for edge in layout.edges if edge.head == "side")
    assert arrow_edge.tail == "top"
    assert len(arrow_edge.points) == 4
    assert arrow_edge.arrow
    assert arrow_edge.style == "solid"
    assert plain_edge.arrow == []
    assert plain_edge.style == "dotted"
    # The spline starts at the tail's lower edge, below it in y-down points.
    tail = layout.node("top")
    assert arrow_edge.points[0][1] >= tail.y


def test_label_unescaped_without_draw_operations():
    data = {
        "bb": "0,0,100,50",
        "objects": [{"_gvid": 0, "name": "n", "pos": "50,25", "label": "a\\nb\\l\\N\\l", "width": "1", "height": "0.5"}],
        "edges": [],
    }
    node = parse_layout_json(json.dumps(data), "system").node("n")
    assert node.label == "a\nb\nn"
    assert (node.x, node.y, node.width, node.height) == (50, 25, 72, 36)


@pytest.mark.parametrize("output", [b"", b"not json", b'{"objects": []}', b'{"bb": "0,0,1,1", "edges": [{"tail": 0, "head": 1}]}'])
def test_malformed_output_raises(output):
    with pytest.raises(LayoutError, match="not valid layout JSON"):
        parse_layout_json(output, "system")
