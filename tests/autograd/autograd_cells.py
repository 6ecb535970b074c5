"""The tutorial's autograd cells, run with plain torch and recorded like the interpreter would.

The interpreter calls `GraphRecorder.before_backward` right before each
backward(); these helpers make the same call by hand.
"""

import re
from dataclasses import dataclass

import torch

from explorer.autograd import GraphRecorder, GraphSnapshot


@dataclass
class RecordedCell:
    names: dict
    graph: GraphSnapshot


def run_cell_05(recorder: GraphRecorder) -> RecordedCell:
    x = torch.tensor(1.5, requires_grad=True)
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2 + x
    names = {"x": x, "y": y, "z": z}
    recorder.before_backward(z, names)
    z.backward()
    return RecordedCell(names, recorder.build(names, root=z, root_name="z"))


def run_cell_06(recorder: GraphRecorder) -> RecordedCell:
    x = torch.tensor(1.5, requires_grad=True)  # Leaf Tensor
    y = x * 2 + 3
    z = y**2
    names = {"x": x, "y": y, "z": z}
    recorder.before_backward(z, names)
    z.backward()
    return RecordedCell(names, recorder.build(names, root=z, root_name="z"))


def run_cell_07(recorder: GraphRecorder, epochs: int = 300) -> RecordedCell:
    """The regression cell, with fewer epochs than the tutorial's 10000."""
    torch.manual_seed(1120)
    R, C = 500, 3
    x = torch.randn((R, C), dtype=torch.float)
    y = torch.tensor([(2 * sum(i) + 1).item() for i in x], dtype=torch.float).view(-1, 1)
    w1 = torch.zeros((C, 1), dtype=torch.float, requires_grad=True)
    b1 = torch.zeros(1, dtype=torch.float, requires_grad=True)
    optimizer = torch.optim.SGD([w1, b1], lr=1e-3)
    names = {"x": x, "y": y, "w1": w1, "b1": b1, "optimizer": optimizer}
    for epoch in range(epochs):
        y_hat = x.matmul(w1) + b1
        cost = torch.mean((y - y_hat) ** 2)
        optimizer.zero_grad()
        names.update(epoch=epoch, y_hat=y_hat, cost=cost)
        recorder.before_backward(cost, names)
        cost.backward()
        optimizer.step()
    return RecordedCell(names, recorder.build(names, root=cost, root_name="cost"))


_NODE_STATEMENT = re.compile(r'^\t"([^"]+)"(?: \[|$)', re.MULTILINE)
_EDGE_STATEMENT = re.compile(r'^\t"([^"]+)" -> "([^"]+)"(?: \[(.*)\])?$', re.MULTILINE)


def dot_node_ids(dot_source: str) -> list[str]:
    """Every node statement's id, in order, duplicates kept."""
    return [match.group(1) for match in _NODE_STATEMENT.finditer(dot_source)]


def dot_edges(dot_source: str) -> list[tuple[str, str, str]]:
    """Every edge statement as (tail, head, attribute text)."""
    return [(m.group(1), m.group(2), m.group(3) or "") for m in _EDGE_STATEMENT.finditer(dot_source)]


def function_node(graph: GraphSnapshot, name: str):
    matches = [node for node in graph.nodes.values() if node.kind == "function" and node.name == name]
    assert len(matches) == 1, f"expected one {name} node, found {len(matches)}"
    return matches[0]
