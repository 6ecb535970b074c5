"""The graph model handed to the views: plain data, no live tensors."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.autograd.snapshot import TensorSnapshot
from explorer.autograd.trace import BackwardTrace
from explorer.i18n import Text

LEAF = "leaf"
NONLEAF = "nonleaf"
OUTPUT = "output"
SAVED = "saved"
FUNCTION = "function"
NODE_KINDS = (LEAF, NONLEAF, OUTPUT, SAVED, FUNCTION)

# Graphviz fill colour of each node kind, with its hex value for views that
# draw without Graphviz's colour table. Leaf, output, saved and function
# colours follow torchviz's legend; torchviz draws no non-leaf tensors.
KIND_FILL_COLORS: dict[str, tuple[str, str]] = {
    LEAF: ("lightblue", "#add8e6"),
    NONLEAF: ("lightgoldenrod1", "#ffec8b"),
    OUTPUT: ("darkolivegreen1", "#caff70"),
    SAVED: ("orange", "#ffa500"),
    FUNCTION: ("lightgrey", "#d3d3d3"),
}


@dataclass(frozen=True)
class NodeInfo:
    """One node of the drawn graph: a tensor or a backward function.

    `name` is the program name of a tensor (the first one, when several names
    are bound to it) or the class name of a function. `names` lists every
    program name bound to the tensor. `title` is a one-line heading in code
    terms (a name, `PowBackward0._saved_self`, `tensor(grad_fn=<AddBackward0>)`).

    Function nodes carry `attributes` (saved non-tensor values such as
    exponent or alpha), `saved_tensors` (saved attribute -> node id of the
    tensor) and `next_functions` (node ids in PyTorch's order, None where an
    input needs no gradient). Tensor nodes carry `tensor` and `saved_by`,
    the (function node id, attribute) pairs that saved them. `label_title`
    is the first line of the drawn label (None for none) and `show_grad`
    whether the label has a `grad:` line.
    """

    id: str
    kind: str
    name: str | None
    title: str
    tensor: TensorSnapshot | None
    names: tuple[str, ...] = ()
    attributes: dict[str, object] = field(default_factory=dict)
    saved_tensors: dict[str, str] = field(default_factory=dict)
    next_functions: tuple[str | None, ...] = ()
    saved_by: tuple[tuple[str, str], ...] = ()
    notes: tuple[Text, ...] = ()
    label_title: str | None = None
    show_grad: bool = False


@dataclass(frozen=True)
class GraphSnapshot:
    """An autograd graph ready to lay out and inspect.

    `dot_source` is the decorated DOT; every node id in it is a key of
    `nodes`. `dot_writer` is "torchviz" when torchviz.make_dot supplied the
    structure, "iterative" when the graph was too deep for it. `truncated` is
    True when the walk stopped at its node cap; `notes` explains such gaps.
    `edges` are the drawn edges (tail id, head id, DOT attributes), from
    which `explorer.autograd.decorate` writes the DOT again with other
    drawing options. `backward` is the recorded run of the last backward()
    on this graph, None when the program never called it.
    """

    root_name: str | None
    dot_source: str
    nodes: dict[str, NodeInfo]
    node_count: int
    edge_count: int
    root_id: str = ""
    dot_writer: str = "torchviz"
    truncated: bool = False
    notes: tuple[Text, ...] = ()
    edges: tuple[tuple[str, str, dict[str, str]], ...] = ()
    backward: BackwardTrace | None = None
