"""Pins the private autograd behaviour the recorder relies on to the installed torch.

If one of these fails after a torch upgrade, explorer/autograd/internals.py
is the only module to adapt.
"""

import pytest
import torch

from explorer.autograd import internals


def test_pow_saves_self_and_exponent():
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2
    saved = dict(internals.iter_saved_tensors(z.grad_fn))
    assert list(saved) == ["self"]
    assert saved["self"] is y
    assert internals.saved_values(z.grad_fn) == {"exponent": 2}


def test_saved_tensors_freed_by_backward():
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2
    z.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        z.grad_fn._saved_self
    assert list(internals.iter_saved_tensors(z.grad_fn)) == [("self", None)]


def test_saved_values_survive_backward():
    x = torch.tensor(1.0, requires_grad=True)
    z = x - x * 3
    z.backward()
    assert internals.saved_values(z.grad_fn) == {"alpha": 1}


def test_saved_nonleaf_input_is_the_same_object():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    z = y**2
    assert dict(internals.iter_saved_tensors(z.grad_fn))["self"] is y


def test_saved_output_shares_memory_only():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    e = x.exp()
    result = dict(internals.iter_saved_tensors(e.grad_fn))["result"]
    assert result is not e
    assert result.data_ptr() == e.data_ptr()


def test_undefined_saved_tensor_is_skipped():
    x = torch.randn(4, 3)
    w = torch.zeros(3, 1, requires_grad=True)
    h = x.matmul(w)
    saved = dict(internals.iter_saved_tensors(h.grad_fn))
    assert type(h.grad_fn).__name__ == "MmBackward0"
    assert list(saved) == ["self"]
    assert saved["self"] is x


def test_saved_tensor_tuples_are_indexed():
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2, requires_grad=True)
    out = torch.stack([a * 2, b * 3]).max(dim=0).values
    names = [attribute for attribute, _ in internals.iter_saved_tensors(out.grad_fn)]
    assert names == ["indices"]
    values = internals.saved_values(out.grad_fn)
    assert values["dim"] == 0
    assert values["keepdim"] is False


def test_accumulate_grad_variable_is_the_leaf():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2
    accumulate, input_nr = internals.next_functions(y.grad_fn)[0]
    assert internals.function_name(accumulate) == "AccumulateGrad"
    assert input_nr == 0
    assert internals.leaf_variable(accumulate) is x
    assert internals.leaf_variable(y.grad_fn) is None


def test_next_functions_pairs_and_none_entries():
    x = torch.tensor(1.5, requires_grad=True)
    data = torch.tensor(2.0)
    y = x * data
    entries = internals.next_functions(y.grad_fn)
    assert len(entries) == 2
    assert entries[1] == (None, 0)


def test_next_functions_objects_are_stable():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * x
    first = internals.next_functions(y.grad_fn)[0][0]
    second = internals.next_functions(y.grad_fn)[1][0]
    assert first is second
    assert y.grad_fn is y.grad_fn


def test_tensor_version_and_view_base():
    x = torch.zeros(4)
    view = x.view(2, 2)
    assert internals.view_base(view) is x
    assert internals.view_base(x) is None
    before = internals.tensor_version(x)
    view.add_(1)
    assert internals.tensor_version(x) == before + 1
