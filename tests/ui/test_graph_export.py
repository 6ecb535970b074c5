"""Exporting the graph from the view and from `autograd-explorer render`, on both Graphviz backends."""

import shutil

import pytest
from PySide6.QtGui import QImage

from explorer.cli import main
from explorer.layout.backends import EMBEDDED, SYSTEM
from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_export import layout_bytes, write_file
from explorer.ui.graph_view import GraphView


@pytest.fixture(params=[SYSTEM, EMBEDDED])
def backend(request) -> str:
    """Each Graphviz backend; the system one is skipped where `dot` is not on PATH."""
    if request.param == SYSTEM and shutil.which("dot") is None:
        pytest.skip("the dot program is not on PATH")
    return request.param


@pytest.fixture
def view(qtbot, cells_dir):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    source = (cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8")
    graph_view.show_report(ProgramRunner().run([ProgramSource(source)]))
    return graph_view


def png_size(data: bytes) -> tuple[int, int]:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image.width(), image.height()


def test_export_svg_carries_labels_and_colours(view, tmp_path):
    path = tmp_path / "graph.svg"
    view.export_to(str(path), "svg")
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml")
    for label in ("PowBackward0", "AccumulateGrad", "data: 3.5", "grad: 7.0"):
        assert label in text
    for colour in ("#add8e6", "#caff70", "#d3d3d3"):
        assert colour in text


def test_export_png_scales(view, tmp_path):
    sizes = {}
    for scale in (1, 2, 4):
        path = tmp_path / f"graph{scale}.png"
        view.export_to(str(path), "png", scale)
        sizes[scale] = png_size(path.read_bytes())
    width, height = sizes[1]
    assert sizes[2] == pytest.approx((2 * width, 2 * height), abs=2)
    assert sizes[4] == pytest.approx((4 * width, 4 * height), abs=4)


def test_export_png_has_node_colour(view):
    image = QImage.fromData(view.export_bytes("png", 2), "PNG")
    item = view.canvas.node_items["tensor:x"]
    corner = item.rect.topLeft() - view.canvas.sceneRect().topLeft()
    pixel = image.pixelColor(int((corner.x() + 3) * 2), int((corner.y() + 3) * 2))
    assert pixel.name() == "#add8e6"


def test_export_pdf_and_dot(view, tmp_path):
    pdf = tmp_path / "graph.pdf"
    view.export_to(str(pdf), "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    dot = tmp_path / "graph.dot"
    view.export_to(str(dot), "dot")
    assert dot.read_text(encoding="utf-8") == view.graph().dot_source


def test_write_file_failure_keeps_nothing(tmp_path):
    from explorer.ui.graph_export import ExportError

    with pytest.raises(ExportError):
        write_file(str(tmp_path / "missing" / "graph.svg"), b"<svg/>")


@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "dot"])
def test_render_command_formats(monkeypatch, backend, tmp_path, cells_dir, suffix):
    monkeypatch.setenv("AUTOGRAD_EXPLORER_GRAPHVIZ", backend)
    output = tmp_path / f"graph.{suffix}"
    code = main(["render", str(cells_dir / "06_non_leaf.py"), "-o", str(output)])
    assert code == 0
    data = output.read_bytes()
    expected = {"svg": b"<svg", "png": b"\x89PNG", "pdf": b"%PDF", "dot": b"digraph"}[suffix]
    assert expected in data[:400]


def test_render_command_png_scale(monkeypatch, backend, tmp_path, cells_dir):
    monkeypatch.setenv("AUTOGRAD_EXPLORER_GRAPHVIZ", backend)
    sizes = []
    for scale in ("1", "2"):
        output = tmp_path / f"graph{scale}.png"
        assert main(["render", str(cells_dir / "05_autograd_basics.py"), "-o", str(output), "--scale", scale]) == 0
        sizes.append(png_size(output.read_bytes()))
    assert sizes[1][0] > 1.5 * sizes[0][0]


def test_render_command_root_option(tmp_path, cells_dir):
    output = tmp_path / "graph.dot"
    assert main(["render", str(cells_dir / "06_non_leaf.py"), "-o", str(output), "--root", "y"]) == 0
    text = output.read_text(encoding="utf-8")
    assert "PowBackward0" not in text
    assert "MulBackward0" in text


def test_render_command_unknown_root(capsys, tmp_path, cells_dir):
    output = tmp_path / "graph.svg"
    assert main(["render", str(cells_dir / "06_non_leaf.py"), "-o", str(output), "--root", "nothing"]) == 1
    assert "nothing" in capsys.readouterr().err
    assert not output.exists()


def test_layout_bytes_without_view(backend, cells_dir):
    from explorer.layout import layout_dot

    report = ProgramRunner(with_layout=False).run([ProgramSource((cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8"))])
    layout = layout_dot(report.graph.dot_source, backend=backend)
    assert layout_bytes(layout, "pdf").startswith(b"%PDF")
