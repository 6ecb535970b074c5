"""The built wheel carries every resource, found through explorer.assets from the installed copy.

Builds the wheel from a copy of the sources (so the checkout gets no build
folders), creates a fresh virtual environment, installs the wheel into it with
--no-deps, and runs it from a working directory outside the repository.
torch, PySide6 and the other dependencies come from the running environment
through a .pth file in the fresh environment, so nothing is downloaded
(--no-index everywhere). A .pth line adds a folder to sys.path without
processing the .pth files inside it, so the editable install of the checkout
stays invisible there.
"""

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.install

CHECK = r"""
import json, sys
import explorer
from explorer.assets import resource
from explorer.examples import EXAMPLES
from explorer.ui.translations import QM_NAME, load_app_translator

translator = load_app_translator("ko")
print(json.dumps({
    "file": explorer.__file__,
    "qm": resource("translations", QM_NAME).is_file(),
    "playground_ko": translator.translate("MainWindow", "Playground") if translator else None,
    "examples": {example.key: len(example.source()) for example in EXAMPLES},
    "torch_loaded": "torch" in sys.modules,
}))
"""


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPOSITORY / name, source / name)
    shutil.copytree(REPOSITORY / "explorer", source / "explorer", ignore=shutil.ignore_patterns("__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "-q", str(source), "-w", str(root / "dist"))
    wheels = list((root / "dist").glob("autograd_explorer-*.whl"))
    assert len(wheels) == 1
    environment = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(environment))
    python = environment / "bin" / "python"
    fresh_site = Path(run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    dependencies = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (fresh_site / "dependencies.pth").write_text("\n".join(dict.fromkeys(dependencies)) + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheels[0]))
    return environment


def run_installed(environment: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(environment / "bin" / "python"), *args], capture_output=True, text=True,
                          timeout=120, cwd=environment.parent, env=env)


def installed_package(environment: Path) -> Path:
    return next(environment.glob("lib/python*/site-packages/explorer"))


def test_installed_copy_finds_resources(installed):
    result = run_installed(installed, "-c", CHECK)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)

    assert Path(facts["file"]).resolve().is_relative_to(installed.resolve())
    assert not Path(facts["file"]).resolve().is_relative_to(REPOSITORY)
    assert facts["qm"] is True
    assert facts["playground_ko"] == "플레이그라운드"
    assert all(length > 0 for length in facts["examples"].values())
    assert "chain_rule" in facts["examples"]
    assert facts["torch_loaded"] is False


def test_installed_entry_point(installed):
    entry_points = next(installed_package(installed).parent.glob("autograd_explorer-*.dist-info")) / "entry_points.txt"
    assert "autograd-explorer = explorer.cli:main" in entry_points.read_text(encoding="utf-8")
    assert (installed / "bin" / "autograd-explorer").is_file()


def test_installed_cli_runs_example(installed):
    example = installed_package(installed) / "resources" / "examples" / "concepts" / "chain_rule.py"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(installed / "bin" / "autograd-explorer"), "run", str(example)],
                            capture_output=True, text=True, timeout=120, cwd=installed.parent, env=env)
    assert result.returncode == 0, result.stderr
    assert "x.grad: tensor(-2.6146)" in result.stdout
