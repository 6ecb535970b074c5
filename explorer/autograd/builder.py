"""Turn a live autograd graph into a GraphSnapshot: node ids, labels, colours, DOT."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import torch

from explorer.autograd import dot
from explorer.autograd.capture import Capture, SavedEntry
from explorer.autograd.decorate import write_graph_dot
from explorer.autograd.internals import (
    function_name,
    iter_saved_tensors,
    leaf_variable,
    saved_values,
    tensor_version,
    view_base,
)
from explorer.autograd.model import (
    FUNCTION,
    LEAF,
    NONLEAF,
    OUTPUT,
    SAVED,
    GraphSnapshot,
    NodeInfo,
)
from explorer.autograd.snapshot import TensorSnapshot, snapshot_tensor
from explorer.autograd.trace import BackwardTrace, BackwardTracer
from explorer.autograd.walk import walk_functions
from explorer.i18n import QT_TRANSLATE_NOOP, Text

logger = logging.getLogger(__name__)

# Translation context; QT_TRANSLATE_NOOP repeats it as a literal because
# pyside6-lupdate reads only literals.
CONTEXT = "AutogradGraph"

# Graphs with more backward nodes than this skip torchviz.make_dot and use
# the iterative writer, which draws the same nodes and edges. make_dot
# recurses once per graph level, and it cost about 12 microseconds per node
# more than the iterative writer (torch 2.13, torchviz 0.0.3, 2-CPU machine):
# 0.2 ms for a tutorial cell, 3.6 ms for a chain of 300 operations.
MAKE_DOT_MAX_FUNCTIONS = 100

SAVED_EDGE = {"dir": "none", "style": "dashed"}


def _note_truncated(limit: int) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "AutogradGraph",
            "the graph has more than {limit} grad_fn nodes; only the {limit} closest to the root are shown",
        ),
        {"limit": limit},
    )


def _note_freed() -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "AutogradGraph",
            "saved tensors not shown: backward() freed them before the graph was captured",
        ),
    )


def _note_modified() -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "AutogradGraph",
            "value not shown: the tensor was modified in place after backward() used it",
        ),
    )


@dataclass
class _TensorNode:
    node_id: str
    tensor: torch.Tensor
    kind: str
    names: list[str]
    saved_by: list[tuple[str, str]] = field(default_factory=list)
    saved_attribute: str | None = None
    snapshot: TensorSnapshot | None = None
    notes: list[Text] = field(default_factory=list)


class GraphBuilder:
    """Builds one GraphSnapshot; create one per build, in the thread that owns the tensors."""

    def __init__(
        self,
        names: Mapping[str, object],
        root: torch.Tensor | tuple[torch.Tensor, ...],
        root_name: str | None,
        capture: Capture | None,
        max_functions: int,
        make_dot_max_functions: int = MAKE_DOT_MAX_FUNCTIONS,
        tracer: BackwardTracer | None = None,
    ) -> None:
        # Several outputs (a tuple of tensors) are drawn together; the first is the main root.
        self._roots = tuple(root) if isinstance(root, (tuple, list)) else (root,)
        root = self._roots[0]
        self._root = root
        self._tracer = tracer
        self._capture = capture
        self._max_functions = max_functions
        self._make_dot_max_functions = make_dot_max_functions

        self._names_by_object: dict[int, list[str]] = {}
        self._named: list[tuple[str, torch.Tensor]] = []
        for name, value in names.items():
            if isinstance(value, torch.Tensor):
                self._names_by_object.setdefault(id(value), []).append(name)
                self._named.append((name, value))
        if root_name is None:
            root_names = self._names_by_object.get(id(root), [])
            root_name = root_names[0] if root_names else None
        self._root_name = root_name

        self._tensors: dict[int, _TensorNode] = {}
        self._tensor_order: list[_TensorNode] = []
        self._unnamed_counts: dict[str, int] = {}
        self._used_ids: set[str] = set()
        self._extra_edges: list[tuple[str, str, dict[str, str]]] = []
        self._function_saved: dict[str, dict[str, str]] = {}
        self._function_notes: dict[str, list[Text]] = {}
        # Storage key -> tensor, built on the first saved tensor that needs it.
        self._storage_index: dict[tuple, torch.Tensor] | None = None

    def build(self, on_drawable: Callable[[GraphSnapshot], None] | None = None) -> GraphSnapshot:
        """Return the graph with its backward trace.

        `on_drawable` is called with the graph and its DOT before the backward
        trace is added, so that a caller can start the layout meanwhile.
        """
        root = self._root
        base = view_base(root)
        capture = self._capture
        same_start = capture is not None and capture.root is root and base is None and len(self._roots) == 1
        if same_start and capture.max_functions == self._max_functions:
            # The capture walked the same graph from the same start right before backward().
            self._walk = capture.walk
        else:
            starts = [root.grad_fn, None if base is None else base.grad_fn]
            starts += [extra.grad_fn for extra in self._roots[1:]]
            self._walk = walk_functions(starts, self._max_functions)
        self._function_ids = {id(fn): f"fn{index}" for index, fn in enumerate(self._walk.functions)}

        self._register_tensors(base)
        self._register_saved_tensors()

        structure, writer = self._structure(base)
        infos = self._describe_nodes(structure)
        edges = structure.edges + self._extra_edges
        notes = (_note_truncated(self._max_functions),) if self._walk.truncated else ()
        snapshot = GraphSnapshot(
            root_name=self._root_name,
            dot_source="",
            nodes=infos,
            node_count=len(infos),
            edge_count=len(edges),
            root_id=self._tensors[id(root)].node_id,
            dot_writer=writer,
            truncated=self._walk.truncated,
            notes=notes,
            edges=tuple(edges),
            backward=None,
        )
        snapshot = replace(snapshot, dot_source=write_graph_dot(snapshot))
        if on_drawable is not None:
            on_drawable(snapshot)
        return replace(snapshot, backward=self._backward_trace())

    def _backward_trace(self) -> BackwardTrace | None:
        if self._tracer is None:
            return None
        leaf_ids = {id(node.tensor): node.node_id for node in self._tensor_order}
        return self._tracer.trace(self._function_ids, leaf_ids)

    # Tensor nodes

    def _register(self, tensor: torch.Tensor, kind: str, unnamed_prefix: str, preferred_name: str | None = None) -> _TensorNode:
        existing = self._tensors.get(id(tensor))
        if existing is not None:
            return existing
        names = list(self._names_by_object.get(id(tensor), []))
        if preferred_name is not None:
            names = [preferred_name] + [name for name in names if name != preferred_name]
        if names:
            node_id = f"tensor:{names[0]}"
        else:
            count = self._unnamed_counts.get(unnamed_prefix, 0)
            self._unnamed_counts[unnamed_prefix] = count + 1
            node_id = unnamed_prefix if unnamed_prefix == "output" else f"{unnamed_prefix}{count}"
        if node_id in self._used_ids:
            # The root keeps the name it had at backward() even after the
            # program bound that name to another tensor of the graph, so the
            # second tensor with that name gets "#2".
            suffix = 2
            while f"{node_id}#{suffix}" in self._used_ids:
                suffix += 1
            node_id = f"{node_id}#{suffix}"
        self._used_ids.add(node_id)
        node = _TensorNode(node_id=node_id, tensor=tensor, kind=kind, names=names)
        self._tensors[id(tensor)] = node
        self._tensor_order.append(node)
        if self._storage_index is not None:
            key = _storage_key(tensor)
            if key is not None:
                self._storage_index.setdefault(key, tensor)
        return node

    def _register_tensors(self, base: torch.Tensor | None) -> None:
        self._register(self._root, OUTPUT, "output", self._root_name)
        for extra in self._roots[1:]:
            self._register(extra, OUTPUT, "output")
        for fn in self._walk.functions:
            variable = leaf_variable(fn)
            if variable is not None:
                self._register(variable, LEAF, "leaf")
        if base is not None:
            self._register(base, LEAF if base.is_leaf else NONLEAF, "tensor")
        for _name, tensor in self._named:
            if id(tensor) in self._tensors or tensor.grad_fn is None:
                continue
            if tensor.grad_fn not in self._walk:
                continue
            node = self._register(tensor, NONLEAF, "tensor")
            self._extra_edges.append((self._function_ids[id(tensor.grad_fn)], node.node_id, {}))

    # Saved tensors

    def _register_saved_tensors(self) -> None:
        for fn in self._walk.functions:
            fn_id = self._function_ids[id(fn)]
            entries = None if self._capture is None else self._capture.saved_for(fn)
            if entries is None:
                entries = [SavedEntry(attribute, tensor, None, None) for attribute, tensor in iter_saved_tensors(fn)]
            for entry in entries:
                if entry.tensor is None:
                    self._function_notes.setdefault(fn_id, [_note_freed()])
                    continue
                node = self._saved_node(entry, fn)
                node.saved_by.append((fn_id, entry.attribute))
                self._function_saved.setdefault(fn_id, {})[entry.attribute] = node.node_id
                self._extra_edges.append((node.node_id, fn_id, dict(SAVED_EDGE)))

    def _saved_node(self, entry: SavedEntry, fn: object) -> _TensorNode:
        tensor = entry.tensor
        known = self._tensors.get(id(tensor))
        if known is not None:
            return known
        match = self._same_storage(tensor)
        if match is not None and id(match) in self._tensors:
            return self._tensors[id(match)]

        node = self._register(tensor if match is None else match, SAVED, "saved")
        node.saved_attribute = f"{function_name(fn)}._saved_{entry.attribute}"
        if entry.copy is not None:
            node.snapshot = snapshot_tensor(tensor, value_from=entry.copy, version=entry.version)
        elif entry.version is None or tensor_version(tensor) == entry.version:
            node.snapshot = snapshot_tensor(tensor, version=entry.version)
        else:
            node.snapshot = snapshot_tensor(tensor, keep_value=False, version=entry.version)
            node.notes.append(_note_modified())
        return node

    def _same_storage(self, tensor: torch.Tensor) -> torch.Tensor | None:
        """Return a drawn or named tensor with the same data, shape and strides, if any.

        A saved output (such as ExpBackward0's result) unpacks as a new tensor
        object over the output's memory, so identity alone misses it.
        """
        key = _storage_key(tensor)
        if key is None:
            return None
        if self._storage_index is None:
            self._storage_index = {}
            for _name, named in reversed(self._named):
                named_key = _storage_key(named)
                if named_key is not None:
                    self._storage_index[named_key] = named
            # Drawn tensors win over named ones with the same storage.
            for node in reversed(self._tensor_order):
                node_key = _storage_key(node.tensor)
                if node_key is not None:
                    self._storage_index[node_key] = node.tensor
        return self._storage_index.get(key)

    # DOT structure and node descriptions

    def _structure(self, base: torch.Tensor | None) -> tuple[dot.DotStructure, str]:
        object_ids = dict(self._function_ids)
        object_ids.update((id(node.tensor), node.node_id) for node in self._tensor_order)
        use_make_dot = not self._walk.truncated and len(self._walk.functions) <= self._make_dot_max_functions
        if use_make_dot:
            try:
                make_dot_root = self._root if len(self._roots) == 1 else self._roots
                return dot.structure_from_make_dot(make_dot_root, object_ids), "torchviz"
            except RecursionError:
                logger.info("torchviz.make_dot hit the recursion limit; using the iterative writer")
            except dot.StructureMismatch as error:
                logger.warning("%s; using the iterative writer", error)
        structure = dot.structure_from_walk(self._root, base, self._walk, object_ids)
        for extra in self._roots[1:]:
            extra_id = object_ids[id(extra)]
            structure.add_node(extra_id)
            if extra.grad_fn is not None and extra.grad_fn in self._walk:
                structure.add_edge(object_ids[id(extra.grad_fn)], extra_id)
        return structure, "iterative"

    def _describe_nodes(self, structure: dot.DotStructure) -> dict[str, NodeInfo]:
        tensor_by_id = {node.node_id: node for node in self._tensor_order}
        function_by_id = {self._function_ids[id(fn)]: fn for fn in self._walk.functions}
        order = list(structure.nodes)
        drawn = set(order)
        order.extend(node.node_id for node in self._tensor_order if node.node_id not in drawn)

        infos: dict[str, NodeInfo] = {}
        for node_id in order:
            if node_id in tensor_by_id:
                infos[node_id] = self._describe_tensor(tensor_by_id[node_id])
            else:
                infos[node_id] = self._describe_function(node_id, function_by_id[node_id])
        return infos

    def _describe_tensor(self, node: _TensorNode) -> NodeInfo:
        snapshot = node.snapshot or snapshot_tensor(node.tensor)
        if node.names:
            title = ", ".join(node.names)
            label_title = title
        elif node.kind == SAVED and node.saved_attribute is not None:
            title = node.saved_attribute
            label_title = node.saved_attribute.split("._saved_", 1)[1]
        elif node.kind == LEAF:
            title, label_title = "AccumulateGrad.variable", None
        else:
            grad_fn = snapshot.grad_fn
            title = "tensor()" if grad_fn is None else f"tensor(grad_fn=<{grad_fn}>)"
            label_title = None
        return NodeInfo(
            id=node.node_id,
            kind=node.kind,
            name=node.names[0] if node.names else None,
            title=title,
            tensor=snapshot,
            names=tuple(node.names),
            saved_by=tuple(node.saved_by),
            notes=tuple(node.notes),
            label_title=label_title,
            show_grad=node.kind != SAVED and node.tensor.requires_grad,
        )

    def _describe_function(self, node_id: str, fn: object) -> NodeInfo:
        name = function_name(fn)
        inputs = self._walk.inputs.get(id(fn), [])
        return NodeInfo(
            id=node_id,
            kind=FUNCTION,
            name=name,
            title=name,
            tensor=None,
            attributes=saved_values(fn),
            saved_tensors=dict(self._function_saved.get(node_id, {})),
            next_functions=tuple(None if child is None else self._function_ids[id(child)] for child in inputs),
            notes=tuple(self._function_notes.get(node_id, [])),
        )


def _storage_key(tensor: torch.Tensor) -> tuple | None:
    if tensor.layout != torch.strided or tensor.is_meta or tensor.numel() == 0:
        return None
    # torch.Size and stride() are tuples already.
    return (tensor.device, tensor.dtype, tensor.data_ptr(), tensor.shape, tensor.stride())
