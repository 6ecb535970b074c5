"""The backward trace: the engine's real node order and the gradients on each edge."""

import gc
import time
import weakref

import torch

from autograd_cells import run_cell_05, run_cell_06, run_cell_07
from explorer.autograd import GraphRecorder
from explorer.autograd.walk import walk_functions
from explorer.runner import ProgramRunner, ProgramSource


def plain_order(root: torch.Tensor) -> tuple[list[str], object]:
    """Hook the graph the way the recorder does, independently; return ids filled in by backward()."""
    walk = walk_functions((root.grad_fn,))
    ids = {id(fn): f"fn{index}" for index, fn in enumerate(walk.functions)}
    order: list[str] = []
    handles = [fn.register_prehook(lambda grads, fn=fn: order.append(ids[id(fn)])) for fn in walk.functions]
    return order, handles


def test_trace_cell05_order_matches_plain_hooks():
    x = torch.tensor(1.5, requires_grad=True)
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2 + x
    names = {"x": x, "y": y, "z": z}
    recorder = GraphRecorder()
    recorder.before_backward(z, names)
    order, _handles = plain_order(z)
    z.backward()
    graph = recorder.build(names, root=z, root_name="z")

    assert graph.backward is not None
    assert graph.backward.order() == order
    assert graph.backward.complete
    assert len(order) == 4


def test_trace_cell06_order_matches_plain_hooks():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    z = y**2
    names = {"x": x, "y": y, "z": z}
    recorder = GraphRecorder()
    recorder.before_backward(z, names)
    order, _handles = plain_order(z)
    z.backward()
    graph = recorder.build(names, root=z, root_name="z")

    assert graph.backward.order() == order
    assert [step.name for step in graph.backward.steps] == [
        "PowBackward0",
        "AddBackward0",
        "MulBackward0",
        "AccumulateGrad",
    ]


def test_trace_cell06_edge_gradients_match_autograd():
    cell = run_cell_06(GraphRecorder())
    steps = {step.name: step for step in cell.graph.backward.steps}
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    y.retain_grad()
    z = y**2
    z.backward()

    assert steps["PowBackward0"].grad_outputs[0].value == 1.0
    assert steps["PowBackward0"].grad_inputs[0].value == y.grad.item()
    assert steps["AddBackward0"].grad_inputs[0].value == y.grad.item()
    assert steps["MulBackward0"].grad_inputs[0].value == x.grad.item()
    accumulate = steps["AccumulateGrad"]
    assert accumulate.leaf_id == "tensor:x"
    assert accumulate.leaf_grad.value == x.grad.item()


def test_trace_edges_point_at_drawn_edges():
    cell = run_cell_05(GraphRecorder())
    drawn = {(tail, head) for tail, head, _attributes in cell.graph.edges}
    for step in cell.graph.backward.steps:
        for edge in step.edges:
            assert edge is None or edge in drawn


def test_trace_leaf_grads_before_backward():
    x = torch.tensor(2.0, requires_grad=True)
    x.grad = torch.tensor(5.0)
    z = x * x
    recorder = GraphRecorder()
    recorder.before_backward(z, {"x": x, "z": z})
    z.backward()
    graph = recorder.build({"x": x, "z": z}, root=z)

    assert graph.backward.leaf_grads_before["tensor:x"].value == 5.0
    final = [step for step in graph.backward.steps if step.leaf_id == "tensor:x"][-1]
    assert final.leaf_grad.value == 9.0


def test_trace_keeps_only_last_backward():
    x = torch.tensor(2.0, requires_grad=True)
    z = x * 3
    names = {"x": x, "z": z}
    recorder = GraphRecorder()
    recorder.before_backward(z, names)
    z.backward(retain_graph=True)
    recorder.before_backward(z, names)
    z.backward()
    graph = recorder.build(names, root=z)

    assert graph.backward.order() == ["fn0", "fn1"]
    assert graph.backward.steps[-1].leaf_grad.value == 6.0


def test_trace_grad_changed_in_place_loses_value():
    x = torch.ones(100, requires_grad=True)
    z = (x * 2).sum()
    recorder = GraphRecorder()
    recorder.before_backward(z, {"x": x, "z": z})
    z.backward()
    x.grad.zero_()
    graph = recorder.build({"x": x, "z": z}, root=z)

    accumulate = [step for step in graph.backward.steps if step.name == "AccumulateGrad"][0]
    assert accumulate.leaf_grad is not None
    assert accumulate.leaf_grad.value is None


def test_trace_cell07_last_step_only():
    cell = run_cell_07(GraphRecorder(), epochs=20)
    trace = cell.graph.backward

    assert trace is not None
    assert trace.complete
    # The walk numbers the root's grad_fn fn0, and the engine runs it first.
    assert trace.order()[0] == "fn0"
    leaves = {step.leaf_id for step in trace.steps if step.leaf_id}
    assert leaves == {"tensor:w1", "tensor:b1"}
    # zero_grad() sets .grad to None before each backward().
    assert trace.leaf_grads_before == {"tensor:w1": None, "tensor:b1": None}
    w1_step = [step for step in trace.steps if step.leaf_id == "tensor:w1"][0]
    assert w1_step.leaf_grad.value == [[g] for g in cell.names["w1"].grad.flatten().tolist()]


def test_trace_cost_per_regression_step():
    torch.manual_seed(0)
    x = torch.randn(500, 3)
    y = torch.randn(500, 1)
    w = torch.zeros(3, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    recorder = GraphRecorder()

    def step(record: bool) -> None:
        cost = torch.mean((y - (x.matmul(w) + b)) ** 2)
        if record:
            recorder.before_backward(cost, {})
        cost.backward()

    for record in (False, True):
        step(record)
    timings = {}
    for record in (False, True):
        started = time.perf_counter()
        for _ in range(300):
            step(record)
        timings[record] = (time.perf_counter() - started) / 300
    # The capture plus hooks measured about 90 microseconds per step; the
    # bound leaves room for slow CI machines.
    assert timings[True] - timings[False] < 1e-3


def test_runner_reports_trace_for_cells(cells_dir):
    for cell, count in (("05_autograd_basics.py", 4), ("06_non_leaf.py", 4)):
        source = (cells_dir / cell).read_text(encoding="utf-8")
        report = ProgramRunner(with_layout=False).run([ProgramSource(source)])
        assert report.graph.backward is not None, cell
        assert len(report.graph.backward.steps) == count, cell


def test_trace_of_meta_tensors_has_no_values():
    source = "a = torch.ones(3, device='meta', requires_grad=True)\ny = (a * 2).sum()\ny.backward()\n"
    report = ProgramRunner(with_layout=False).run([ProgramSource(source)])

    assert report.error is None
    assert [step.name for step in report.graph.backward.steps] == ["SumBackward0", "MulBackward0", "AccumulateGrad"]
    assert report.tensors["a"].device == "meta"
    assert report.tensors["a"].grad is None


def test_trace_of_failed_backward_keeps_steps_before():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    z = y.exp()
    names = {"x": x, "y": y, "z": z}
    recorder = GraphRecorder()
    recorder.before_backward(z, names)
    y.grad_fn.register_prehook(lambda grads: (_ for _ in ()).throw(RuntimeError("stop here")))
    try:
        z.backward()
    except RuntimeError:
        pass
    graph = recorder.build(names, root=z)
    # ExpBackward0 ran; MulBackward0 raised in its pre-hook, so neither it nor AccumulateGrad ran.
    assert [step.name for step in graph.backward.steps] == ["ExpBackward0"]


def test_graph_freed_with_its_recorder():
    # The hooks must not keep the tracer, and through it the graph, alive.
    x = torch.tensor(2.0, requires_grad=True)
    z = x * 3
    recorder = GraphRecorder()
    recorder.before_backward(z, {"x": x, "z": z})
    z.backward()
    assert recorder.build({"x": x, "z": z}, root=z).backward is not None
    leaf = weakref.ref(x)
    del x, z, recorder
    gc.collect()
    assert leaf() is None
