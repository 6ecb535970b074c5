"""Odd graphs: several outputs, a saved leaf, a root without grad_fn, very long chains."""

import torch

from autograd_cells import dot_edges, dot_node_ids
from explorer.autograd import GraphRecorder
from explorer.runner import ProgramRunner, ProgramSource


def test_tuple_of_outputs_drawn_together():
    x = torch.tensor(2.0, requires_grad=True)
    a = x * 3
    b = x.exp()
    graph = GraphRecorder().build({"x": x, "a": a, "b": b}, root=(a, b))

    outputs = [node_id for node_id, info in graph.nodes.items() if info.kind == "output"]
    assert sorted(outputs) == ["tensor:a", "tensor:b"]
    names = {info.name for info in graph.nodes.values() if info.kind == "function"}
    assert {"MulBackward0", "ExpBackward0", "AccumulateGrad"} <= names
    # One shared leaf and one AccumulateGrad feed both outputs.
    assert [info.name for info in graph.nodes.values()].count("AccumulateGrad") == 1
    assert dot_node_ids(graph.dot_source).count("tensor:x") == 1


def test_tuple_of_outputs_iterative_writer():
    x = torch.tensor(2.0, requires_grad=True)
    a = x * 3
    b = x.exp()
    graph = GraphRecorder(make_dot_max_functions=0).build({"x": x, "a": a, "b": b}, root=(a, b))
    assert graph.dot_writer == "iterative"
    heads = {head for _tail, head, _attributes in dot_edges(graph.dot_source)}
    assert {"tensor:a", "tensor:b"} <= heads


def test_runner_root_names_a_tuple():
    source = "x = torch.tensor(2.0, requires_grad=True)\npair = (x * 3, x.exp())\n"
    report = ProgramRunner(with_layout=False, graph_root="pair").run([ProgramSource(source)])
    outputs = [info for info in report.graph.nodes.values() if info.kind == "output"]
    assert len(outputs) == 2


def test_saved_leaf_appears_once(cell_05):
    graph = cell_05.graph
    y_nodes = [info for info in graph.nodes.values() if "y" in info.names]
    assert len(y_nodes) == 1
    y = y_nodes[0]
    assert y.kind == "leaf"
    assert y.title == "y"
    assert [attribute for _fn, attribute in y.saved_by] == ["self"]
    assert dot_node_ids(graph.dot_source).count(y.id) == 1


def test_root_without_grad_fn_lays_out_alone():
    source = "x = torch.tensor(1.0, requires_grad=True)\n"
    report = ProgramRunner(graph_root="x").run([ProgramSource(source)])
    assert report.graph.node_count == 1
    assert [node.id for node in report.layout.nodes] == ["tensor:x"]


def test_chain_of_3000_builds_iteratively():
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(3000):
        y = y + 1
    recorder = GraphRecorder()
    recorder.before_backward(y, {"x": x, "y": y})
    y.backward()
    graph = recorder.build({"x": x, "y": y}, root=y, root_name="y")
    assert graph.dot_writer == "iterative"
    assert graph.node_count == 3003
    assert len(graph.backward.steps) == 3001
    assert graph.backward.order()[0] == "fn0"
