"""PyTorch's well-known autograd errors keep torch's message and gain a hint."""

from __future__ import annotations

import pytest

from explorer.language.hints import hint_for_error, hint_for_warning
from language_oracle import run_both

# (program that triggers the error, a word the hint must contain)
AUTOGRAD_ERRORS = {
    "backward twice": ("x = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()", "retain_graph=True"),
    "in-place on saved tensor": (
        "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x.sigmoid()\ny.mul_(2)\ny.sum().backward()",
        ".clone()",
    ),
    "backward on non-scalar": ("x = torch.tensor([1.0, 2.0], requires_grad=True)\n(x * 2).backward()", "gradient="),
    "integer requires grad": ("x = torch.tensor([1, 2], requires_grad=True)", "dtype=torch.float32"),
    "integer requires grad flag": ("x = torch.tensor([1, 2])\nx.requires_grad = True", "dtype=torch.float32"),
    "in-place on leaf": ("x = torch.tensor([1.0, 2.0], requires_grad=True)\nx.add_(1)", "torch.no_grad()"),
    "item assignment on leaf": ("x = torch.tensor([1.0, 2.0], requires_grad=True)\nx[0] = 5", "torch.no_grad()"),
    "augmented assignment on leaf": ("x = torch.tensor([1.0, 2.0], requires_grad=True)\nx -= 1", "torch.no_grad()"),
    "backward without grad_fn": ("x = torch.tensor([1.0, 2.0])\nx.sum().backward()", "requires_grad=True"),
    "backward after no_grad": (
        "x = torch.tensor(1.0, requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\ny.backward()",
        "torch.no_grad()",
    ),
    "device mismatch": ("x = torch.ones(2) + torch.ones(2, device='meta')", ".to(device)"),
    "unused input": (
        "x = torch.tensor(1.0, requires_grad=True)\nz = torch.tensor(1.0, requires_grad=True)\ntorch.autograd.grad(x * 2, z)",
        "allow_unused=True",
    ),
    "non-leaf requires_grad": ("x = torch.tensor(1.0, requires_grad=True)\ny = x * 2\ny.requires_grad = False", "detach()"),
    "matmul shapes": ("torch.ones(2, 3) @ torch.ones(2, 3)", ".shape"),
}


@pytest.mark.parametrize(("source", "hint_word"), AUTOGRAD_ERRORS.values(), ids=AUTOGRAD_ERRORS.keys())
def test_error_keeps_torch_message_and_hints(source, hint_word):
    plain, played = run_both(source)

    assert plain.error is not None
    assert played.error is not None
    assert played.error.kind == type(plain.error).__name__
    assert str(played.error) == str(plain.error)
    assert played.error.line == source.count("\n") + 1
    assert played.error.hint is not None
    assert hint_word in str(played.error.hint)


def test_cuda_device_mismatch_wording_hints():
    # NOTE: CPU-only torch cannot raise this; the text is CUDA torch's wording.
    message = "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!"

    assert ".to(device)" in str(hint_for_error(message))


def test_unknown_error_has_no_hint():
    assert hint_for_error("something else went wrong") is None


def test_non_leaf_grad_warning_hint():
    plain, played = run_both("x = torch.tensor(1.0, requires_grad=True)\ny = x * 2\ny.backward()\nprint(y.grad)")

    assert [(w.line, w.message) for w in played.warnings] == plain.warnings
    assert "retain_grad()" in str(played.warnings[0].hint)
    assert hint_for_warning("an unrelated warning") is None
