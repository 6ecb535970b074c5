"""The built wheel carries every resource, found through explorer.assets from the installed copy.

Builds the wheel from a copy of the sources (so the checkout gets no build
folders), installs it with --no-deps into a folder, and imports it from there
in a fresh interpreter whose working directory is outside the repository.
torch, PySide6 and the other dependencies come from the running environment:
nothing is downloaded (--no-index everywhere).
"""

import json
import os
import shutil
import subprocess
import sys
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
    site = root / "site"
    run(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheels[0]))
    return site


def run_installed(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120,
                          cwd=site.parent, env=env)


def test_installed_copy_finds_resources(installed):
    result = run_installed(installed, "-c", CHECK)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)

    assert Path(facts["file"]).resolve().is_relative_to(installed.resolve())
    assert facts["qm"] is True
    assert facts["playground_ko"] == "플레이그라운드"
    assert all(length > 0 for length in facts["examples"].values())
    assert "chain_rule" in facts["examples"]
    assert facts["torch_loaded"] is False


def test_installed_entry_point(installed):
    entry_points = next(installed.glob("autograd_explorer-*.dist-info")) / "entry_points.txt"
    assert "autograd-explorer = explorer.cli:main" in entry_points.read_text(encoding="utf-8")


def test_installed_cli_runs_example(installed):
    example = installed / "explorer" / "resources" / "examples" / "concepts" / "chain_rule.py"
    result = run_installed(installed, "-m", "explorer", "run", str(example))
    assert result.returncode == 0, result.stderr
    assert "x.grad: tensor(-2.6146)" in result.stdout
