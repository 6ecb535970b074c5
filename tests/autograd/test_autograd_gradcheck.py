"""The finite-difference gradient check, run on real programs."""

import pytest
import torch

from explorer.autograd import gradcheck
from explorer.autograd.gradcheck import MAX_CHECKED_ELEMENTS, check_gradients
from explorer.runner import ProgramSource


def check(source: str):
    return check_gradients([ProgramSource(source)])


def test_cell05_passes(cells_dir):
    report = check((cells_dir / "05_autograd_basics.py").read_text(encoding="utf-8"))
    assert report.passed
    by_name = {leaf.name: leaf for leaf in report.leaves}
    assert by_name["x"].analytic == (1.0,)
    assert by_name["y"].analytic == (7.0,)
    assert by_name["y"].numeric[0] == pytest.approx(7.0, abs=1e-6)
    assert by_name["y"].max_abs_error < 1e-6
    assert report.runs == 5


def test_cell06_passes(cells_dir):
    report = check((cells_dir / "06_non_leaf.py").read_text(encoding="utf-8"))
    assert report.passed
    assert [leaf.name for leaf in report.leaves] == ["x"]
    assert report.leaves[0].numeric[0] == pytest.approx(24.0, abs=1e-6)


def test_random_matrix_matches_torch():
    source = "w = torch.randn(3, 2, requires_grad=True)\nx = torch.randn(2)\nz = (w @ x).tanh().sum()\nz.backward()\n"
    report = check(source)
    assert report.passed
    torch.manual_seed(gradcheck.SEED)
    # The check draws float32 values, as the program does, then works in float64.
    w = torch.randn(3, 2).double().requires_grad_()
    x = torch.randn(2).double()
    (w @ x).tanh().sum().backward()
    assert report.leaves[0].analytic == pytest.approx(w.grad.flatten().tolist(), abs=1e-12)
    assert report.leaves[0].max_rel_error < 1e-6


def test_relu_at_zero_fails_and_explains():
    report = check("x = torch.tensor([0.0, 1.0], requires_grad=True)\nz = torch.relu(x).sum()\nz.backward()\n")
    assert not report.passed
    leaf = report.leaves[0]
    assert leaf.numeric[0] == pytest.approx(0.5)
    assert leaf.analytic[0] == 0.0
    assert leaf.explanation is not None
    assert "not differentiable" in str(leaf.explanation)
    assert "ReluBackward0" in str(leaf.explanation)


def test_abs_at_zero_explains_kink():
    report = check("x = torch.tensor(0.0, requires_grad=True)\nz = x.abs()\nz.backward()\n")
    leaf = report.leaves[0]
    assert "from the left" in str(leaf.explanation)
    assert "AbsBackward0" in str(leaf.explanation)


def test_sqrt_at_zero_explains_nan():
    report = check("x = torch.tensor(0.0, requires_grad=True)\nz = x.sqrt()\nz.backward()\n")
    assert not report.passed
    assert "NaN" in str(report.leaves[0].explanation)


def test_smooth_point_has_no_explanation():
    report = check("x = torch.tensor(2.0, requires_grad=True)\nz = x.abs() * x.sqrt()\nz.backward()\n")
    assert report.passed
    assert report.leaves[0].explanation is None


def test_loop_with_backward_is_rejected(cells_dir):
    source = (cells_dir / "07_regression.py").read_text(encoding="utf-8").replace("epochs=10000", "epochs=2")
    report = check(source)
    assert report.problem is not None
    assert "exactly once" in str(report.problem)
    assert not report.passed


def test_element_cap_adds_note():
    report = check("w = torch.ones(50, requires_grad=True)\nz = (w * w).sum()\nz.backward()\n")
    assert report.leaves[0].checked == MAX_CHECKED_ELEMENTS
    assert report.notes
    assert report.passed


def test_program_error_is_reported():
    report = check("x = torch.tensor(1.0, requires_grad=True)\nz = x * undefined_name\nz.backward()\n")
    assert report.problem is not None
    assert "failed" in str(report.problem)
