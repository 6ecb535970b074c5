"""Autograd graph capture and DOT, Qt-free.

`GraphRecorder` plugs into the interpreter's before-backward hook and builds a
`GraphSnapshot` after the run; `snapshot_tensor` copies one tensor as plain data.
"""

from explorer.autograd.model import KIND_FILL_COLORS, NODE_KINDS, GraphSnapshot, NodeInfo
from explorer.autograd.recorder import GraphRecorder
from explorer.autograd.snapshot import TRUNCATION_MARKER, TensorSnapshot, snapshot_tensor

__all__ = [
    "GraphRecorder",
    "GraphSnapshot",
    "KIND_FILL_COLORS",
    "NODE_KINDS",
    "NodeInfo",
    "TRUNCATION_MARKER",
    "TensorSnapshot",
    "snapshot_tensor",
]
