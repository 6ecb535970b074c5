"""Breadth-first walk over an autograd graph, with a cap on the number of nodes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from explorer.autograd.internals import next_functions

# Backward nodes walked at most; graphs beyond this are shown cut short.
MAX_GRAPH_FUNCTIONS = 5000


@dataclass
class FunctionWalk:
    """The backward nodes reachable from some start nodes, in breadth-first order.

    `functions` contains the node objects themselves, which keeps them alive, so
    `id()` of a node stays unique while the walk exists. `inputs` maps `id(fn)`
    to its `next_functions` entries (None where an input needs no gradient);
    an entry past the cap is also None. `truncated` is True when the cap cut
    the walk short.
    """

    functions: list[object] = field(default_factory=list)
    index: dict[int, int] = field(default_factory=dict)
    inputs: dict[int, list[object | None]] = field(default_factory=dict)
    truncated: bool = False

    def __contains__(self, fn: object) -> bool:
        return id(fn) in self.index and self.functions[self.index[id(fn)]] is fn


def walk_functions(starts: Iterable[object | None], max_functions: int = MAX_GRAPH_FUNCTIONS) -> FunctionWalk:
    """Walk every backward node reachable from `starts` without recursion."""
    walk = FunctionWalk()
    queue: deque[object] = deque()

    def visit(fn: object) -> bool:
        if id(fn) in walk.index:
            return True
        if len(walk.functions) >= max_functions:
            walk.truncated = True
            return False
        walk.index[id(fn)] = len(walk.functions)
        walk.functions.append(fn)
        queue.append(fn)
        return True

    for start in starts:
        if start is not None:
            visit(start)
    while queue:
        fn = queue.popleft()
        entries: list[object | None] = []
        for child, _input_nr in next_functions(fn):
            if child is not None and visit(child):
                entries.append(child)
            else:
                entries.append(None)
        walk.inputs[id(fn)] = entries
    return walk
