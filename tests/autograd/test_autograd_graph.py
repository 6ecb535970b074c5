"""GraphRecorder.build on graphs beyond the tutorial: roots, saved tensors, captures."""

import dataclasses

import pytest
import torch

from autograd_cells import dot_edges, dot_node_ids, function_node
from explorer.autograd import GraphRecorder, GraphSnapshot, TensorSnapshot


def test_no_root_and_no_capture_gives_none():
    assert GraphRecorder().build({"a": 1}) is None


def test_root_defaults_to_last_capture():
    recorder = GraphRecorder()
    x = torch.tensor(2.0, requires_grad=True)
    loss = x * 3
    recorder.before_backward(loss, {})
    loss.backward()
    graph = recorder.build({"x": x, "loss": loss})
    assert graph.root_id == "tensor:loss"
    assert graph.root_name == "loss"


def test_root_without_grad_fn_is_one_node():
    tensor = torch.tensor([1.0, 2.0])
    graph = GraphRecorder().build({"t": tensor}, root=tensor, root_name="t")
    assert list(graph.nodes) == ["tensor:t"]
    assert graph.nodes["tensor:t"].kind == "output"
    assert graph.edge_count == 0
    assert dot_node_ids(graph.dot_source) == ["tensor:t"]


def test_leaf_root_with_requires_grad():
    x = torch.tensor(1.0, requires_grad=True)
    graph = GraphRecorder().build({}, root=x)
    assert list(graph.nodes) == ["output"]
    assert "grad: None" in graph.dot_source


def test_unnamed_tensors_get_stable_ids():
    recorder = GraphRecorder()
    a = torch.tensor(1.0, requires_grad=True)
    b = torch.tensor(2.0, requires_grad=True)
    first = recorder.build({}, root=(a * b).sin())
    second = recorder.build({}, root=(a * b).sin())
    assert first.dot_source == second.dot_source
    assert {"output", "leaf0", "leaf1", "fn0", "fn1"} <= set(first.nodes)


def test_saved_output_reuses_output_node():
    recorder = GraphRecorder()
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    e = x.exp()
    recorder.before_backward(e, {"x": x, "e": e})
    e.sum().backward()
    graph = recorder.build({"x": x, "e": e}, root=e, root_name="e")
    exp_node = function_node(graph, "ExpBackward0")
    assert exp_node.saved_tensors == {"result": "tensor:e"}
    assert not any(node.kind == "saved" for node in graph.nodes.values())


def test_small_saved_value_is_the_one_backward_used():
    recorder = GraphRecorder()
    data = torch.tensor([1.0, 2.0])
    w = torch.tensor([3.0, 4.0], requires_grad=True)
    loss = (data * w).sum()
    names = {"data": data, "w": w, "loss": loss}
    recorder.before_backward(loss, names)
    loss.backward()
    data.add_(10)
    graph = recorder.build(names, root=loss, root_name="loss")
    data_node = graph.nodes["tensor:data"]
    assert data_node.kind == "saved"
    assert data_node.tensor.value == [1.0, 2.0]


def test_big_saved_value_modified_in_place_is_withheld():
    recorder = GraphRecorder()
    data = torch.ones(500)
    w = torch.ones(500, requires_grad=True)
    loss = (data * w).sum()
    names = {"data": data, "w": w, "loss": loss}
    recorder.before_backward(loss, names)
    loss.backward()
    data.add_(10)
    node = recorder.build(names, root=loss, root_name="loss").nodes["tensor:data"]
    assert node.tensor.value is None
    assert node.tensor.shape == [500]
    assert len(node.notes) == 1
    assert "modified in place" in str(node.notes[0])


def test_freed_saved_tensors_are_noted():
    y = torch.tensor(3.5, requires_grad=True)
    z = y**3
    z.backward()
    graph = GraphRecorder().build({"y": y, "z": z}, root=z, root_name="z")
    pow_node = function_node(graph, "PowBackward0")
    assert pow_node.saved_tensors == {}
    assert "freed" in str(pow_node.notes[0])


def test_live_saved_tensors_without_backward():
    y = torch.tensor(3.5, requires_grad=True)
    z = y**3
    graph = GraphRecorder().build({"y": y, "z": z}, root=z, root_name="z")
    assert function_node(graph, "PowBackward0").saved_tensors == {"self": "tensor:y"}


def test_capture_before_second_backward_keeps_running():
    recorder = GraphRecorder()
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2
    z.backward()
    recorder.before_backward(z, {"y": y, "z": z})
    graph = recorder.build({"y": y, "z": z}, root=z, root_name="z")
    assert "freed" in str(function_node(graph, "PowBackward0").notes[0])


def test_before_backward_ignores_non_tensor_root():
    recorder = GraphRecorder()
    recorder.before_backward([1, 2], {})
    assert recorder.build({}) is None


def test_shared_input_drawn_once_with_two_edges():
    a = torch.tensor(2.0, requires_grad=True)
    square = a * a
    graph = GraphRecorder().build({"a": a, "square": square}, root=square, root_name="square")
    mul = function_node(graph, "MulBackward0")
    assert mul.saved_tensors == {"other": "tensor:a", "self": "tensor:a"}
    assert dot_node_ids(graph.dot_source).count("tensor:a") == 1
    accumulate = mul.next_functions[0]
    assert mul.next_functions == (accumulate, accumulate)
    assert dot_edges(graph.dot_source).count((accumulate, mul.id, "")) == 2


def test_view_root_draws_its_base():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    doubled = a * 2
    column = doubled.view(2, 1)
    names = {"a": a, "doubled": doubled, "column": column}
    graph = GraphRecorder().build(names, root=column, root_name="column")
    assert graph.nodes["tensor:doubled"].kind == "nonleaf"
    assert ("tensor:doubled", "tensor:column", "style=dotted") in dot_edges(graph.dot_source)
    ids = dot_node_ids(graph.dot_source)
    assert len(ids) == len(set(ids))


def test_two_names_for_one_tensor():
    x = torch.tensor(1.0, requires_grad=True)
    alias = x
    out = x * 2
    graph = GraphRecorder().build({"x": x, "alias": alias, "out": out}, root=out)
    assert graph.nodes["tensor:x"].names == ("x", "alias")
    assert graph.nodes["tensor:x"].title == "x, alias"


def test_node_cap_truncates_and_notes():
    a = torch.tensor(1.0, requires_grad=True)
    c = a
    for _ in range(100):
        c = c + 1
    graph = GraphRecorder(max_functions=20).build({}, root=c)
    functions = [node for node in graph.nodes.values() if node.kind == "function"]
    assert len(functions) == 20
    assert graph.truncated
    assert graph.dot_writer == "iterative"
    assert "20" in str(graph.notes[0])
    assert set(dot_node_ids(graph.dot_source)) == set(graph.nodes)


def test_snapshot_holds_no_live_tensors(cell_06):
    def walk(value):
        assert not isinstance(value, torch.Tensor)
        if dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    assert isinstance(cell_06.graph, GraphSnapshot)
    assert isinstance(cell_06.graph.nodes["tensor:x"].tensor, TensorSnapshot)
    walk(cell_06.graph)


def test_rebound_root_name_keeps_ids_unique():
    x = torch.tensor(2.0, requires_grad=True)
    first = x * 3
    second = first + 1
    # The program called backward() on `second`, then bound the name
    # `second` to `first`, which is upstream in the same graph.
    names = {"x": x, "second": first}
    graph = GraphRecorder().build(names, root=second, root_name="second")
    ids = dot_node_ids(graph.dot_source)
    assert len(ids) == len(set(ids))
    assert graph.root_id == "tensor:second"
    assert graph.nodes["tensor:second"].kind == "output"
    renamed = [node for node in graph.nodes.values() if node.kind == "nonleaf"]
    assert [node.id for node in renamed] == ["tensor:second#2"]


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_graph_saved_values():
    recorder = GraphRecorder()
    data = torch.tensor([1.0, 2.0], device="cuda")
    w = torch.tensor([3.0, 4.0], device="cuda", requires_grad=True)
    loss = (data * w).sum()
    names = {"data": data, "w": w, "loss": loss}
    recorder.before_backward(loss, names)
    loss.backward()
    data.add_(10)
    graph = recorder.build(names, root=loss, root_name="loss")
    assert graph.nodes["tensor:data"].tensor.value == [1.0, 2.0]
    assert graph.nodes["tensor:data"].tensor.device == "cuda:0"
    assert graph.nodes["tensor:w"].tensor.grad == [1.0, 2.0]
