"""The tutorial's cells run verbatim and print what plain Python and torch print."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import torch

from explorer.language import ProgramError, RunHooks, Session
from language_oracle import run_both, run_plain


def _cell(cells_dir: Path, name: str) -> str:
    return (cells_dir / name).read_text(encoding="utf-8")


def test_cell_05_output_matches_python(cells_dir):
    source = _cell(cells_dir, "05_autograd_basics.py")
    plain, played = run_both(source)

    assert played.error is None
    assert played.output == plain.output
    assert played.warnings == []


def test_cell_05_grads_match_python(cells_dir):
    plain, played = run_both(_cell(cells_dir, "05_autograd_basics.py"))

    for name in ("x", "y"):
        assert torch.equal(played.names[name].grad, plain.namespace[name].grad)
    assert played.names["z"].grad_fn.name() == plain.namespace["z"].grad_fn.name()


def test_cell_05_reports_backward_root(cells_dir):
    _, played = run_both(_cell(cells_dir, "05_autograd_basics.py"))

    assert played.backward_root_name == "z"
    assert played.backward_root is played.names["z"]
    assert played.last_grad_fn_name == "z"


def test_cell_06_output_matches_python(cells_dir):
    plain, played = run_both(_cell(cells_dir, "06_non_leaf.py"))

    assert played.error is None
    assert played.output == plain.output


def test_cell_06_warns_on_line_15_like_python(cells_dir):
    plain, played = run_both(_cell(cells_dir, "06_non_leaf.py"))

    assert [(w.line, w.message) for w in played.warnings] == plain.warnings
    assert played.warnings[0].line == 15
    assert played.warnings[0].category == "UserWarning"
    assert "retain_grad" in str(played.warnings[0].hint)


def test_warning_shown_once_per_line():
    source = "x = torch.tensor(1.0, requires_grad=True)\ny = x * 2\nfor i in range(3):\n    g = y.grad\nh = y.grad\n"
    plain, played = run_both(source)

    assert [(w.line, w.message) for w in played.warnings] == plain.warnings
    assert [w.line for w in played.warnings] == [4, 5]


class _RegressionRuns:
    def __init__(self, cells_dir: Path) -> None:
        sources = [_cell(cells_dir, name) for name in ("07_regression.py", "08_test_prediction.py")]
        # Warm torch up so neither side pays for first-call initialisation.
        run_plain("import torch.optim as optim\nw = torch.zeros(3, requires_grad=True)\noptim.SGD([w], lr=0.1).step()")
        torch.manual_seed(1120)
        namespace = {"torch": torch}
        started = time.perf_counter()
        self.plain = [run_plain(source, namespace) for source in sources]
        self.plain_seconds = time.perf_counter() - started
        torch.manual_seed(1120)
        session = Session()
        started = time.perf_counter()
        self.played = [session.run(source) for source in sources]
        self.played_seconds = time.perf_counter() - started


@pytest.fixture(scope="module")
def regression(cells_dir_module) -> _RegressionRuns:
    return _RegressionRuns(cells_dir_module)


@pytest.fixture(scope="module")
def cells_dir_module() -> Path:
    return Path(__file__).resolve().parents[2] / "explorer" / "resources" / "examples" / "tutorial"


def test_cell_07_output_matches_python(regression):
    assert regression.played[0].error is None
    assert regression.played[0].output == regression.plain[0].output


def test_cell_08_output_matches_python(regression):
    assert regression.played[1].error is None
    assert regression.played[1].output == regression.plain[1].output


def test_cell_07_warns_about_manual_seed(regression):
    warnings = regression.played[0].warnings

    assert [w.line for w in warnings] == [5]
    assert "torch.manual_seed(1120)" in warnings[0].message
    assert warnings[0].text is not None


def test_cell_07_manual_seed_stays_real():
    session = Session()
    session.run("torch.manual_seed = 1120")

    assert callable(torch.manual_seed)
    assert session.run("print(torch.manual_seed)").output == "1120\n"


def test_cell_07_within_three_times_python(regression):
    assert regression.played_seconds <= 3 * regression.plain_seconds + 0.5


def test_namespace_persists_across_runs():
    session = Session()
    session.run("a = torch.ones(2)")
    result = session.run("print(a.sum().item())")

    assert result.output == "2.0\n"


def test_names_exclude_modules():
    result = Session().run("import torch.optim as optim\nx = 1")

    assert result.names == {"x": 1}


def test_hooks_receive_backward_and_output():
    calls = []
    printed = []

    def before_backward(tensor, names):
        calls.append((tensor, dict(names)))
        assert tensor.grad_fn is not None

    session = Session(hooks=RunHooks(before_backward=before_backward, on_output=printed.append))
    result = session.run("x = torch.tensor(2.0, requires_grad=True)\ny = x * x\nprint('a')\ny.backward()\nprint(x.grad)")

    assert len(calls) == 1
    assert calls[0][0] is result.names["y"]
    assert calls[0][1]["x"] is result.names["x"]
    assert printed == ["a\n", "tensor(4.)\n"]


def test_hook_called_for_autograd_grad():
    roots = []
    session = Session(hooks=RunHooks(before_backward=lambda tensor, names: roots.append(tensor)))
    result = session.run("x = torch.tensor(3.0, requires_grad=True)\ny = x ** 2\n(g,) = torch.autograd.grad(y, x)\nprint(g)")

    assert result.error is None
    assert result.output == "tensor(6.)\n"
    assert roots == [result.names["y"]]


def test_names_mapping_is_read_only():
    seen = []
    session = Session(hooks=RunHooks(before_backward=lambda tensor, names: seen.append(names)))
    session.run("x = torch.tensor(2.0, requires_grad=True)\n(x * 3).backward()")

    with pytest.raises(TypeError):
        seen[0]["x"] = 1


def test_cancel_before_start_returns_cancelled():
    cancel = threading.Event()
    cancel.set()
    result = Session().run("x = 1", cancel=cancel)

    assert result.cancelled
    assert result.error.kind == "Cancelled"


def test_cancel_stops_running_loop():
    cancel = threading.Event()
    printed = []

    def on_output(text):
        printed.append(text)
        cancel.set()

    session = Session(hooks=RunHooks(on_output=on_output))
    result = session.run("for i in range(1000000):\n    print(i)", cancel=cancel)

    assert result.cancelled
    assert result.error.line == 2
    assert printed == ["0\n"]


def test_error_stops_program_and_keeps_output():
    result = Session().run("print('before')\nx = undefined_name\nprint('after')")

    assert result.output == "before\n"
    assert isinstance(result.error, ProgramError)
    assert result.error.kind == "NameError"
    assert (result.error.line, result.error.column) == (2, 5)
    assert str(result.error) == "name 'undefined_name' is not defined"


def test_meta_device_session_creates_on_device():
    result = Session(device="meta").run("x = torch.zeros(3)\nprint(x.device)")

    assert result.error is None
    assert result.output == "meta\n"


def test_grad_mode_restored_after_run():
    result = Session().run("torch.set_grad_enabled(False)\nprint(torch.is_grad_enabled())")

    assert result.output == "False\n"
    assert torch.is_grad_enabled()
