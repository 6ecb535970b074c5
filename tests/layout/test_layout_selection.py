"""Which backend runs: AUTOGRAD_EXPLORER_GRAPHVIZ, PATH, and no Graphviz at all."""

import shutil
import subprocess
import sys

import pytest

from explorer.layout import LayoutError, backend_name, layout_dot, resolve_backend
from explorer.layout.backends import chooses_embedded

VARIABLE = "AUTOGRAD_EXPLORER_GRAPHVIZ"


@pytest.fixture
def no_dot_on_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))


def test_environment_forces_embedded(monkeypatch):
    monkeypatch.setenv(VARIABLE, "embedded")
    assert layout_dot("digraph { a -> b }").backend == "embedded"


def test_environment_forces_system(monkeypatch):
    if shutil.which("dot") is None:
        pytest.skip("the dot program is not on PATH")
    monkeypatch.setenv(VARIABLE, "system")
    assert layout_dot("digraph { a -> b }").backend == "system"
    assert backend_name().startswith("Graphviz ")
    assert backend_name().endswith("dot)")


def test_auto_prefers_system_dot(monkeypatch):
    if shutil.which("dot") is None:
        pytest.skip("the dot program is not on PATH")
    monkeypatch.setenv(VARIABLE, "auto")
    assert resolve_backend() == "system"


def test_auto_without_dot_uses_embedded(monkeypatch, no_dot_on_path):
    monkeypatch.setenv(VARIABLE, "auto")
    assert resolve_backend() == "embedded"
    assert layout_dot("digraph { a -> b }").backend == "embedded"


def test_forced_system_without_dot(monkeypatch, no_dot_on_path):
    monkeypatch.setenv(VARIABLE, "system")
    with pytest.raises(LayoutError, match="dot program was not found on PATH"):
        layout_dot("digraph { a -> b }")
    assert backend_name() == ""


def test_invalid_environment_value(monkeypatch):
    monkeypatch.setenv(VARIABLE, "cairo")
    with pytest.raises(LayoutError, match="invalid AUTOGRAD_EXPLORER_GRAPHVIZ value 'cairo'"):
        layout_dot("digraph { a -> b }")


def test_argument_overrides_environment(monkeypatch):
    monkeypatch.setenv(VARIABLE, "cairo")
    assert layout_dot("digraph { a -> b }", backend="embedded").backend == "embedded"


def test_no_graphviz_at_all_explains_install(tmp_path):
    # A fresh interpreter with no dot on PATH and wasmtime blocked must
    # get a message that explains how to install Graphviz.
    script = (
        "import sys\n"
        "sys.modules['wasmtime'] = None\n"
        "from explorer.layout import LayoutError, layout_dot, backend_name\n"
        "assert backend_name() == ''\n"
        "try:\n"
        "    layout_dot('digraph { a }')\n"
        "except LayoutError as error:\n"
        "    print(error)\n"
        "else:\n"
        "    raise SystemExit('layout_dot succeeded without Graphviz')\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": str(tmp_path), "AUTOGRAD_EXPLORER_GRAPHVIZ": "auto"},
    )
    assert completed.returncode == 0, completed.stderr
    assert "Graphviz is not available" in completed.stdout
    assert "Install Graphviz" in completed.stdout
    assert "DOT source" in completed.stdout


@pytest.mark.parametrize("value", ["embedded", "EMBEDDED "])
def test_embedded_when_forced(monkeypatch, value):
    monkeypatch.setenv(VARIABLE, value)
    assert chooses_embedded()


def test_embedded_in_auto_without_dot(monkeypatch, no_dot_on_path):
    monkeypatch.setenv(VARIABLE, "auto")
    assert chooses_embedded()


@pytest.mark.parametrize("value", ["system", "cairo"])
def test_not_embedded_for_system_or_invalid(monkeypatch, value):
    monkeypatch.setenv(VARIABLE, value)
    assert not chooses_embedded()


def test_not_embedded_in_auto_with_dot(monkeypatch):
    if shutil.which("dot") is None:
        pytest.skip("the dot program is not on PATH")
    monkeypatch.setenv(VARIABLE, "auto")
    assert not chooses_embedded()
