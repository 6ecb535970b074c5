"""The tutorial's autograd cells 05-07, recorded and checked against PyTorch's own values."""

import time

import torch

from autograd_cells import dot_edges, dot_node_ids, function_node, run_cell_07
from explorer.autograd import TRUNCATION_MARKER, GraphRecorder


def test_cell_05_leaves_and_grads(cell_05):
    graph, names = cell_05.graph, cell_05.names
    x_node = graph.nodes["tensor:x"]
    y_node = graph.nodes["tensor:y"]
    assert x_node.kind == "leaf"
    assert y_node.kind == "leaf"
    assert x_node.tensor.grad == names["x"].grad.item() == 1.0
    assert y_node.tensor.grad == names["y"].grad.item() == 7.0


def test_cell_05_output(cell_05):
    graph = cell_05.graph
    z_node = graph.nodes["tensor:z"]
    assert graph.root_id == "tensor:z"
    assert graph.root_name == "z"
    assert z_node.kind == "output"
    assert z_node.tensor.grad_fn == "AddBackward0"
    assert z_node.tensor.value == cell_05.names["z"].item()


def test_cell_05_pow_exponent_and_saved_y(cell_05):
    graph = cell_05.graph
    pow_node = function_node(graph, "PowBackward0")
    assert pow_node.attributes["exponent"] == 2
    assert pow_node.saved_tensors == {"self": "tensor:y"}
    assert (pow_node.id, "self") in graph.nodes["tensor:y"].saved_by
    assert (("tensor:y", pow_node.id, "dir=none style=dashed")) in dot_edges(graph.dot_source)


def test_cell_05_saved_leaf_drawn_once(cell_05):
    ids = dot_node_ids(cell_05.graph.dot_source)
    assert ids.count("tensor:y") == 1
    assert len(ids) == len(set(ids))
    assert not any(node.kind == "saved" for node in cell_05.graph.nodes.values())


def test_cell_05_dot_ids_match_nodes(cell_05):
    graph = cell_05.graph
    ids = dot_node_ids(graph.dot_source)
    assert set(ids) == set(graph.nodes)
    assert graph.node_count == len(graph.nodes) == 7
    assert graph.edge_count == len(dot_edges(graph.dot_source))


def test_cell_05_function_ids_in_walk_order(cell_05):
    graph = cell_05.graph
    assert graph.nodes["fn0"].name == "AddBackward0"
    assert graph.nodes["fn1"].name == "PowBackward0"
    assert graph.nodes["fn0"].next_functions == ("fn1", "fn2")
    assert graph.nodes["fn2"].name == "AccumulateGrad"


def test_cell_05_labels_show_name_value_grad(cell_05):
    source = cell_05.graph.dot_source
    assert '"tensor:x" [label="x\\ndata: 1.5\\ngrad: 1.0" fillcolor=lightblue]' in source
    assert 'label="PowBackward0\\nexponent: 2"' in source


def test_cell_06_named_nonleaf(cell_06):
    graph = cell_06.graph
    y_node = graph.nodes["tensor:y"]
    assert y_node.kind == "nonleaf"
    assert y_node.tensor.value == 6.0
    assert y_node.tensor.grad is None
    assert y_node.tensor.grad_fn == "AddBackward0"
    add_id = function_node(graph, "AddBackward0").id
    assert (add_id, "tensor:y", "") in dot_edges(graph.dot_source)
    assert "fillcolor=lightgoldenrod1" in source_line(graph.dot_source, "tensor:y")


def test_cell_06_x_grad(cell_06):
    x_node = cell_06.graph.nodes["tensor:x"]
    assert x_node.tensor.grad == cell_06.names["x"].grad.item() == 24.0


def test_cell_06_pow_saved_y(cell_06):
    pow_node = function_node(cell_06.graph, "PowBackward0")
    assert pow_node.saved_tensors == {"self": "tensor:y"}


def test_cell_07_graph(cell_07):
    graph = cell_07.graph
    assert graph.root_id == "tensor:cost"
    assert [graph.nodes[f"fn{i}"].name for i in range(5)] == [
        "MeanBackward0",
        "PowBackward0",
        "SubBackward0",
        "AddBackward0",
        "MmBackward0",
    ]
    assert graph.nodes["tensor:w1"].kind == "leaf"
    assert graph.nodes["tensor:b1"].kind == "leaf"
    assert graph.nodes["tensor:y_hat"].kind == "nonleaf"
    assert graph.nodes["tensor:w1"].tensor.grad == cell_07.names["w1"].grad.tolist()


def test_cell_07_saved_tensors(cell_07):
    graph = cell_07.graph
    mm = function_node(graph, "MmBackward0")
    assert mm.saved_tensors == {"self": "tensor:x"}
    x_node = graph.nodes["tensor:x"]
    assert x_node.kind == "saved"
    assert x_node.tensor.shape == [500, 3]
    assert x_node.tensor.value_truncated
    assert x_node.tensor.value[-1] == TRUNCATION_MARKER

    pow_node = function_node(graph, "PowBackward0")
    saved_id = pow_node.saved_tensors["self"]
    saved = graph.nodes[saved_id]
    assert saved.kind == "saved"
    assert saved.title == "PowBackward0._saved_self"
    expected = (cell_07.names["y"] - cell_07.names["y_hat"]).detach()
    assert saved.tensor.value[0] == [expected[0, 0].item()]


def test_cell_07_capture_is_cheap():
    recorder = GraphRecorder()
    run_cell_07(recorder, epochs=5)
    x = torch.randn(500, 3)
    y = torch.randn(500, 1)
    w1 = torch.zeros((3, 1), requires_grad=True)
    b1 = torch.zeros(1, requires_grad=True)
    cost = torch.mean((y - (x.matmul(w1) + b1)) ** 2)
    names = {"x": x, "y": y, "w1": w1, "b1": b1, "cost": cost}
    calls = 2000
    started = time.perf_counter()
    for _ in range(calls):
        recorder.before_backward(cost, names)
    per_call = (time.perf_counter() - started) / calls
    # The capture plus installing one backward hook per node (7 nodes)
    # measured 20 to 40 microseconds on the build machine under load; the
    # bound leaves room for slower machines.
    assert per_call < 120e-6, f"before_backward took {per_call * 1e6:.1f} us per call"


def source_line(dot_source: str, node_id: str) -> str:
    prefix = f'\t"{node_id}" ['
    lines = [line for line in dot_source.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1
    return lines[0]
