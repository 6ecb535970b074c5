"""explorer.autograd and explorer.layout import with PySide6 blocked."""

import pkgutil
import subprocess
import sys

import explorer.autograd
import explorer.layout


def graph_modules() -> list[str]:
    names = []
    for package in (explorer.autograd, explorer.layout):
        names.append(package.__name__)
        for module in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
            names.append(module.name)
    return names


def test_graph_modules_found():
    modules = graph_modules()
    assert "explorer.autograd.internals" in modules
    assert "explorer.layout.embedded" in modules


def test_graph_modules_import_without_pyside6():
    script = (
        "import importlib, sys\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {graph_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "import torchviz\n"
        "leaked = sorted(name for name in sys.modules if name.startswith('PySide6'))\n"
        "assert leaked == ['PySide6'], leaked\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
