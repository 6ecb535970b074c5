"""DOT sources for the layout tests: the tutorial's graphs and graphs that stress Graphviz."""

import random
import re

import torch

from explorer.autograd import GraphRecorder, GraphSnapshot

# A record label nested this deep exhausts the embedded Graphviz's wasm stack.
TRAPPING_RECORD_DEPTH = 20000


def cell_05_graph() -> GraphSnapshot:
    recorder = GraphRecorder()
    x = torch.tensor(1.5, requires_grad=True)
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2 + x
    names = {"x": x, "y": y, "z": z}
    recorder.before_backward(z, names)
    z.backward()
    return recorder.build(names, root=z, root_name="z")


def cell_06_graph() -> GraphSnapshot:
    recorder = GraphRecorder()
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    z = y**2
    names = {"x": x, "y": y, "z": z}
    recorder.before_backward(z, names)
    z.backward()
    return recorder.build(names, root=z, root_name="z")


def torchviz_graph_source() -> str:
    """torchviz.make_dot's graph of the tutorial's non-leaf cell, with fixed node ids.

    make_dot names nodes by Python id(). Numbering them in order of first
    appearance makes the source, and so the embedded Graphviz's behaviour on
    it, the same on every run. The numbers keep the 15 digits of a CPython
    id on 64-bit Linux: with 4-digit ids the upstream trap does not occur.
    """
    from torchviz import make_dot

    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    source = make_dot(y**2).source
    numbers: dict[str, str] = {}

    def renumber(match: re.Match) -> str:
        return numbers.setdefault(match.group(0), str(140000000000000 + len(numbers)))

    return re.sub(r"\b\d{6,}\b", renumber, source)


def dense_random_graph(nodes: int = 300, edges: int = 900, seed: int = 7) -> str:
    """A random digraph that takes Graphviz's dot many seconds to lay out."""
    generator = random.Random(seed)
    lines = [f"n{generator.randrange(nodes)} -> n{generator.randrange(nodes)}" for _ in range(edges)]
    return "digraph {\n" + "\n".join(lines) + "\n}"


def trapping_record_graph() -> str:
    depth = TRAPPING_RECORD_DEPTH
    return 'digraph { a [shape=record label="' + "{" * depth + "x" + "}" * depth + '"] }'
