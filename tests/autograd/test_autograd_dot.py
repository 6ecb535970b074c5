"""torchviz.make_dot's structure, the iterative writer's, and deep graphs."""

import logging
import sys
from collections import Counter

import pytest
import torch

from autograd_cells import dot_edges, dot_node_ids, run_cell_05, run_cell_06, run_cell_07
from explorer.autograd import GraphRecorder
from explorer.autograd.walk import walk_functions

CHAIN_LENGTH = 3000


def view_graph():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    doubled = a * 2
    column = doubled.view(2, 1)
    return {"a": a, "doubled": doubled, "column": column}, column


def leaf_view_graph():
    w = torch.ones(4, requires_grad=True)
    view = w.view(2, 2)
    return {"w": w, "view": view}, view


def unnamed_graph():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    return {}, ((a * b).exp() + a).sum()


def chain(length):
    a = torch.tensor(1.0, requires_grad=True)
    c = a
    for _ in range(length):
        c = c * 1.0001
    return a, c


@pytest.mark.parametrize("make", [view_graph, leaf_view_graph, unnamed_graph])
def test_iterative_writer_matches_make_dot(make):
    names, root = make()
    with_make_dot = GraphRecorder().build(names, root=root)
    iterative = GraphRecorder(make_dot_max_functions=0).build(names, root=root)
    assert with_make_dot.dot_writer == "torchviz"
    assert iterative.dot_writer == "iterative"
    assert Counter(dot_node_ids(iterative.dot_source)) == Counter(dot_node_ids(with_make_dot.dot_source))
    assert Counter(dot_edges(iterative.dot_source)) == Counter(dot_edges(with_make_dot.dot_source))
    assert iterative.nodes == with_make_dot.nodes


@pytest.mark.parametrize("run_cell", [run_cell_05, run_cell_06, lambda recorder: run_cell_07(recorder, epochs=3)])
def test_iterative_writer_matches_make_dot_on_cells(run_cell):
    with_make_dot = run_cell(GraphRecorder()).graph
    iterative = run_cell(GraphRecorder(make_dot_max_functions=0)).graph
    assert Counter(dot_node_ids(iterative.dot_source)) == Counter(dot_node_ids(with_make_dot.dot_source))
    assert Counter(dot_edges(iterative.dot_source)) == Counter(dot_edges(with_make_dot.dot_source))


def test_walk_needs_no_recursion():
    _, tip = chain(CHAIN_LENGTH)
    limit = sys.getrecursionlimit()
    assert CHAIN_LENGTH > limit
    walk = walk_functions([tip.grad_fn])
    assert len(walk.functions) == CHAIN_LENGTH + 1
    assert not walk.truncated


def test_deep_chain_uses_iterative_writer():
    recorder = GraphRecorder()
    a, tip = chain(CHAIN_LENGTH)
    names = {"a": a, "tip": tip}
    recorder.before_backward(tip, names)
    tip.backward()
    graph = recorder.build(names, root=tip, root_name="tip")
    assert graph.dot_writer == "iterative"
    functions = [node for node in graph.nodes.values() if node.kind == "function"]
    assert len(functions) == CHAIN_LENGTH + 1
    assert graph.nodes["tensor:a"].tensor.grad == pytest.approx(a.grad.item())
    ids = dot_node_ids(graph.dot_source)
    assert len(ids) == len(set(ids)) == graph.node_count


def test_make_dot_recursion_error_falls_back(caplog):
    a, tip = chain(CHAIN_LENGTH)
    with caplog.at_level(logging.INFO, logger="explorer.autograd.builder"):
        forced = GraphRecorder(make_dot_max_functions=10**9).build({"a": a}, root=tip)
    default = GraphRecorder().build({"a": a}, root=tip)
    assert "recursion limit" in caplog.text
    assert forced.dot_writer == "iterative"
    assert forced.dot_source == default.dot_source


def test_dot_is_well_formed(cell_05):
    source = cell_05.graph.dot_source
    assert source.startswith("digraph autograd {\n")
    assert source.rstrip().endswith("}")
    assert source.count("{") == source.count("}") == 1
