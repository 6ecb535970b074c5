"""Every module outside explorer/ui imports without Qt."""

import subprocess
import sys
from pathlib import Path

import explorer

PACKAGE_DIR = Path(explorer.__file__).resolve().parent


def qt_free_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR.parent)
        if relative.parts[1] in ("ui", "resources") or path.name == "__main__.py":
            continue
        name = ".".join(relative.with_suffix("").parts)
        modules.append(name.removesuffix(".__init__"))
    return modules


def test_qt_free_modules_found():
    modules = qt_free_modules()
    assert "explorer.runner" in modules
    assert "explorer.language" in modules
    assert not any(module.startswith("explorer.ui") for module in modules)


def test_qt_free_modules_import_without_pyside6():
    modules = qt_free_modules()
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(name for name in sys.modules if name.startswith('PySide6.'))\n"
        "assert not leaked, leaked\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
