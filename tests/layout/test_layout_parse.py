"""Graphviz JSON to GraphLayout: units, y-down coordinates, labels, colours, arrows, malformed output."""

import json
import shutil

import pytest

from explorer.autograd import KIND_FILL_COLORS
from explorer.layout import LayoutError, system
from explorer.layout.colors import GRAPHVIZ_COLORS, resolve_color
from explorer.layout.embedded import get_embedded
from explorer.layout.parse import label_text, parse_layout_json

SOURCE = r'''digraph {
    node [shape=box style=filled]
    top [label="first\nsecond\lthird" fillcolor=lightblue]
    bottom
    top -> bottom
    top -> side [dir=none style=dotted]
}'''


@pytest.fixture(scope="module")
def raw_json() -> bytes:
    return get_embedded().render(SOURCE, "json0", 30)


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


@pytest.mark.parametrize("fmt", ["json0", "json"])
def test_fill_colour_resolved_and_unfilled_node(fmt):
    source = "digraph { a [style=filled fillcolor=lightblue] b [style=filled color=orange] c [style=filled] d }"
    layout = parse_layout_json(get_embedded().render(source, fmt, 30), "embedded")
    assert layout.node("a").fillcolor == "#add8e6"
    assert layout.node("a").pencolor == "#000000"
    # Graphviz fills with the pen colour when there is no fillcolor, else light grey.
    assert layout.node("b").fillcolor == "#ffa500"
    assert layout.node("b").pencolor == "#ffa500"
    assert layout.node("c").fillcolor == "#d3d3d3"
    assert layout.node("d").fillcolor is None


def test_colour_table_covers_node_kinds():
    for name, hex_value in KIND_FILL_COLORS.values():
        assert GRAPHVIZ_COLORS[name] == hex_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#CAFF70", "#caff70"), ("LightBlue", "#add8e6"), ("red:blue", "red"), ("salmon", "salmon"), ("", None), (None, None)],
)
def test_resolve_color(value, expected):
    assert resolve_color(value) == expected


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


@pytest.mark.skipif(shutil.which("dot") is None, reason="the dot program is not on PATH")
def test_arrowheads_match_graphviz_drawing():
    # The system dot (2.43.0 here) draws the arrowhead polygon into -Tjson; the parser computes it from -Tjson0.
    drawn = json.loads(system.render(SOURCE, "json", 30))
    left, _bottom, _right, top = (float(part) for part in drawn["bb"].split(","))
    layout = parse_layout_json(system.render(SOURCE, "json0", 30), "system")
    for raw_edge, edge in zip(drawn["edges"], layout.edges):
        polygons = [operation["points"] for operation in raw_edge.get("_hdraw_", []) if operation["op"] in "Pp"]
        if not polygons:
            assert edge.arrow == []
            continue
        expected = sorted((x - left, top - y) for x, y in polygons[0])
        for (x, y), (expected_x, expected_y) in zip(sorted(edge.arrow), expected):
            assert x == pytest.approx(expected_x, abs=0.02)
            assert y == pytest.approx(expected_y, abs=0.02)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("plain", "plain"),
        (r"a\nb\lc\rd", "a\nb\nc\nd"),
        (r"a\\nb", "a\\nb"),
        (r"say \"hi\"", 'say "hi"'),
        (r"\N in \G", "node in graph"),
        (r"one\ntwo\n\n", "one\ntwo\n"),
    ],
)
def test_label_escapes(label, expected):
    assert label_text(label, "node", "graph") == expected


def test_label_unescaped_without_draw_operations():
    data = {
        "bb": "0,0,100,50",
        "objects": [{"_gvid": 0, "name": "n", "pos": "50,25", "label": "a\\nb\\l\\N\\l", "width": "1", "height": "0.5"}],
        "edges": [],
    }
    node = parse_layout_json(json.dumps(data), "system").node("n")
    assert node.label == "a\nb\nn"
    assert (node.x, node.y, node.width, node.height) == (50, 25, 72, 36)


ODD_EDGE = b'{"bb": "0,0,9,9", "objects": [{"_gvid": 0, "name": "a", "pos": "1,1"}], "edges": [{"tail": 0, "head": 0, "pos": "1,2 3"}]}'


def layout_json(node: dict | None = None, edge_pos: str = "1,1 2,2 3,3 4,4", bb: str = "0,0,9,9") -> bytes:
    """A one-node, one-edge layout whose node takes the keys of `node`."""
    first = {"_gvid": 0, "name": "a", "pos": "1,1", **(node or {})}
    return json.dumps(
        {"bb": bb, "objects": [first], "edges": [{"tail": 0, "head": 0, "pos": edge_pos}]}
    ).encode()


def test_layout_json_helper_parses():
    assert parse_layout_json(layout_json(), "embedded").node("a").x == 1


@pytest.mark.parametrize(
    "output",
    [
        b"",
        b"not json",
        b'{"objects": []}',
        b'{"bb": "0,0,1,1", "edges": [{"tail": 0, "head": 1}]}',
        ODD_EDGE,
        # Values of the wrong type, as a process other than Graphviz could send.
        layout_json({"name": 7}),
        layout_json({"name": ["a"]}),
        layout_json({"label": {"text": "a"}}),
        layout_json({"shape": None}),
        layout_json({"style": 1}),
        layout_json({"pos": [1, 1]}),
        layout_json({"width": "wide"}),
        # Numbers that are not finite would put items nowhere on the scene.
        layout_json({"pos": "inf,1"}),
        layout_json({"height": "nan"}),
        layout_json({"penwidth": "-inf"}),
        layout_json(bb="0,0,nan,9"),
        layout_json(edge_pos="1,1 2,2 3,inf 4,4"),
        layout_json(edge_pos="e,nan,1 1,1 2,2 3,3 4,4"),
        b"[" * 100_000 + b"]" * 100_000,
        # Finite numbers whose differences overflow.
        layout_json(bb="-1e308,1e308,1e308,-1e308"),
        layout_json(edge_pos="1,1 2,2 3,1e308 4,4", bb="-1e308,0,9,9"),
        layout_json(edge_pos="e,-1e308,1 1,1 2,2 3,3 4,4", bb="1e308,0,9,9"),
        # Positions and sizes beyond any layout, and an inverted bounding box.
        layout_json({"pos": "1e300,-1e300"}),
        layout_json({"width": "1e300"}),
        layout_json({"height": "-1"}),
        layout_json({"penwidth": "1e300"}),
        layout_json(bb="100,100,0,0"),
        # Two nodes of one name would leave items behind in the view.
        json.dumps({"bb": "0,0,9,9", "objects": [{"_gvid": 0, "name": "a", "pos": "1,1"}, {"_gvid": 1, "name": "a", "pos": "2,2"}]}).encode(),
        # "\\N" repeated, with a long name, would expand to gigabytes.
        layout_json({"name": "n" * 10_000, "label": "\\N" * 10_000}),
    ],
)
def test_malformed_output_raises(output):
    with pytest.raises(LayoutError, match="not valid layout JSON"):
        parse_layout_json(output, "system")


def test_many_arrow_tips():
    tips = " ".join(f"e,{index},1 s,1,{index}" for index in range(20_000))
    edge = parse_layout_json(layout_json(edge_pos=f"{tips} 1,1 2,2 3,3 4,4"), "embedded").edges[0]
    assert edge.points[0] == (1, 8)
    # The head's tip wins over the tail's, as for one of each.
    assert edge.arrow[1] == (19_999, 8)
