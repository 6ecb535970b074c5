"""Write a GraphSnapshot's DOT with drawing options: what the labels show, chains collapsed.

Runs on plain data only, so the GUI can re-decorate a graph in a worker
thread long after the program's tensors are gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.autograd import dot, labels
from explorer.autograd.model import FUNCTION, KIND_FILL_COLORS, SAVED, GraphSnapshot, NodeInfo

# Collapsing keeps chains shorter than this as they are.
MIN_COLLAPSED_CHAIN = 3

# Graphs with more nodes than this are not laid out unless their repeated
# chains are collapsed: a 3000-operation chain (about 6000 nodes) takes
# 2 to 11 seconds in Graphviz and draws, but ten times that would not.
MAX_DRAWN_NODES = 8000


@dataclass(frozen=True)
class DrawOptions:
    """Switches for the parts of the graph the drawing shows.

    `attributes`: saved non-tensor values in function labels. `saved`:
    saved-tensor nodes and their dashed edges. `values` and `grads`: the
    `data:` and `grad:` lines of tensor labels. `collapse_chains`: runs of at
    least MIN_COLLAPSED_CHAIN function nodes of one class, each feeding only
    the next, drawn as one node "Name ×count".
    """

    attributes: bool = True
    saved: bool = True
    values: bool = True
    grads: bool = True
    collapse_chains: bool = False


DEFAULT_OPTIONS = DrawOptions()


def is_saved_edge(attributes: dict[str, str]) -> bool:
    """Return True for the dashed edge from a saved tensor to the function that saved it."""
    return attributes.get("style") == "dashed" and attributes.get("dir") == "none"


def node_attributes(info: NodeInfo, options: DrawOptions) -> dict[str, str]:
    """Return the DOT attributes (label and colours) of one node."""
    if info.kind == FUNCTION:
        values = info.attributes if options.attributes else {}
        return {"label": dot.label(labels.function_label(info.name or info.title, values))}
    snapshot = info.tensor
    lines = labels.tensor_label(
        info.label_title,
        snapshot,
        show_grad=info.show_grad and options.grads,
        show_value=options.values,
    )
    attributes = {"label": dot.label(lines), "fillcolor": KIND_FILL_COLORS[info.kind][0]}
    if info.saved_by and info.kind != SAVED and options.saved:
        # Also saved for backward: keep the kind's fill, mark it with the saved colour.
        attributes["color"] = KIND_FILL_COLORS[SAVED][0]
        attributes["penwidth"] = "2"
    return attributes


def write_graph_dot(graph: GraphSnapshot, options: DrawOptions = DEFAULT_OPTIONS) -> str:
    """Return the DOT text of `graph` drawn with `options`."""
    hidden = set()
    if not options.saved:
        hidden = {node_id for node_id, info in graph.nodes.items() if info.kind == SAVED}
    edges = [
        (tail, head, attributes)
        for tail, head, attributes in graph.edges
        if tail not in hidden and head not in hidden and (options.saved or not is_saved_edge(attributes))
    ]
    statements = [
        (node_id, node_attributes(info, options)) for node_id, info in graph.nodes.items() if node_id not in hidden
    ]
    if options.collapse_chains:
        statements, edges = collapse_chains(graph, statements, edges)
    return dot.write_dot(statements, edges)


def find_chains(graph: GraphSnapshot, edges: list[tuple[str, str, dict[str, str]]]) -> list[list[str]]:
    """Return maximal runs of same-class function nodes, each linked only to the next.

    A run member may have other incoming edges only from non-function nodes
    (saved tensors, leaves), which then attach to the collapsed node.
    Runs shorter than MIN_COLLAPSED_CHAIN are left out.
    """
    outgoing: dict[str, list[str]] = {}
    incoming: dict[str, list[str]] = {}
    for tail, head, _attributes in edges:
        outgoing.setdefault(tail, []).append(head)
        incoming.setdefault(head, []).append(tail)

    def function_inputs(node_id: str) -> list[str]:
        return [tail for tail in incoming.get(node_id, []) if graph.nodes[tail].kind == FUNCTION]

    def next_in_chain(node_id: str) -> str | None:
        heads = outgoing.get(node_id, [])
        if len(heads) != 1:
            return None
        head = heads[0]
        info, head_info = graph.nodes[node_id], graph.nodes[head]
        if head_info.kind != FUNCTION or head_info.name != info.name:
            return None
        if function_inputs(head) != [node_id]:
            return None
        return head

    chains: list[list[str]] = []
    in_chain: set[str] = set()
    for node_id, info in graph.nodes.items():
        if info.kind != FUNCTION or node_id in in_chain:
            continue
        # Start only at the chain's first node: its function input is not of the same run.
        inputs = function_inputs(node_id)
        if len(inputs) == 1 and next_in_chain(inputs[0]) == node_id:
            continue
        chain = [node_id]
        current = next_in_chain(node_id)
        while current is not None and current not in in_chain:
            chain.append(current)
            current = next_in_chain(current)
        if len(chain) >= MIN_COLLAPSED_CHAIN:
            chains.append(chain)
            in_chain.update(chain)
    return chains


def chain_representatives(graph: GraphSnapshot, options: DrawOptions = DEFAULT_OPTIONS) -> dict[str, str]:
    """Return node id -> id of the drawn node that stands for it, for nodes hidden in collapsed chains."""
    if not options.collapse_chains:
        return {}
    edges = [
        (tail, head, attributes)
        for tail, head, attributes in graph.edges
        if options.saved or (graph.nodes[tail].kind != SAVED and not is_saved_edge(attributes))
    ]
    representatives: dict[str, str] = {}
    for chain in find_chains(graph, edges):
        for node_id in chain[1:]:
            representatives[node_id] = chain[0]
    return representatives


def collapse_chains(
    graph: GraphSnapshot,
    statements: list[tuple[str, dict[str, str]]],
    edges: list[tuple[str, str, dict[str, str]]],
) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[str, str, dict[str, str]]]]:
    """Replace each chain by its first node, labelled with the class name and the count.

    Saved tensors whose every edge leads into a chain disappear with it.
    """
    representative: dict[str, str] = {}
    counts: dict[str, int] = {}
    for chain in find_chains(graph, edges):
        for node_id in chain:
            representative[node_id] = chain[0]
        counts[chain[0]] = len(chain)
    if not counts:
        return statements, edges

    # Saved tensors used only inside chains are the chains' intermediates: drop them too.
    saved_heads: dict[str, set[str]] = {}
    for tail, head, _attributes in edges:
        if graph.nodes[tail].kind == SAVED:
            saved_heads.setdefault(tail, set()).add(head)
    dropped = {node_id for node_id, heads in saved_heads.items() if heads <= representative.keys()}

    new_statements = []
    for node_id, attributes in statements:
        if representative.get(node_id, node_id) != node_id or node_id in dropped:
            continue
        if node_id in counts:
            name = graph.nodes[node_id].name or node_id
            attributes = {"label": dot.label([f"{name} ×{counts[node_id]}"]), "style": '"filled,bold"'}
        new_statements.append((node_id, attributes))
    new_edges = []
    seen: set[tuple[str, str, str]] = set()
    for tail, head, attributes in edges:
        if tail in dropped:
            continue
        tail, head = representative.get(tail, tail), representative.get(head, head)
        if tail == head:
            continue
        key = (tail, head, repr(sorted(attributes.items())))
        if key in seen:
            continue
        seen.add(key)
        new_edges.append((tail, head, attributes))
    return new_statements, new_edges
