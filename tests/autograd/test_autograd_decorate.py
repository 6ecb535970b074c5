"""Drawing options: the same graph written again with parts of the labels hidden."""

import torch

from autograd_cells import dot_edges, dot_node_ids, run_cell_05
from explorer.autograd import GraphRecorder
from explorer.autograd.decorate import DrawOptions, find_chains, write_graph_dot


def test_default_options_reproduce_dot(cell_05):
    assert write_graph_dot(cell_05.graph) == cell_05.graph.dot_source


def test_hide_values_and_grads(cell_05):
    source = write_graph_dot(cell_05.graph, DrawOptions(values=False, grads=False))
    assert "data:" not in source
    assert "grad:" not in source
    assert "data:" in cell_05.graph.dot_source
    assert "grad: 7.0" in cell_05.graph.dot_source


def test_hide_attributes(cell_05):
    source = write_graph_dot(cell_05.graph, DrawOptions(attributes=False))
    assert "exponent: 2" in cell_05.graph.dot_source
    assert "exponent" not in source
    assert "PowBackward0" in source


def test_hide_saved_tensors():
    x = torch.tensor(1.0, requires_grad=True)
    z = (x * 2).exp()
    recorder = GraphRecorder()
    graph = recorder.build({"x": x, "z": z}, root=z)
    saved_ids = [node_id for node_id, info in graph.nodes.items() if info.kind == "saved"]
    shown = write_graph_dot(graph)
    hidden = write_graph_dot(graph, DrawOptions(saved=False))

    assert any("style=dashed" in attributes for _t, _h, attributes in dot_edges(shown))
    assert not any("style=dashed" in attributes for _t, _h, attributes in dot_edges(hidden))
    for node_id in saved_ids:
        assert node_id not in dot_node_ids(hidden)


def chain(length: int):
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(length):
        y = y * 1.001
    return GraphRecorder().build({"x": x, "y": y}, root=y, root_name="y")


def test_collapse_chain_of_muls():
    graph = chain(50)
    chains = find_chains(graph, list(graph.edges))
    assert [len(found) for found in chains] == [50]

    source = write_graph_dot(graph, DrawOptions(collapse_chains=True))
    assert "MulBackward0 ×50" in source
    assert len(dot_node_ids(source)) == 4  # y, the collapsed chain, AccumulateGrad, x


def test_collapse_leaves_short_chains(cell_05):
    source = write_graph_dot(cell_05.graph, DrawOptions(collapse_chains=True))
    assert source == cell_05.graph.dot_source


def test_collapse_cell05_fixture_is_independent():
    cell = run_cell_05(GraphRecorder())
    assert find_chains(cell.graph, list(cell.graph.edges)) == []
