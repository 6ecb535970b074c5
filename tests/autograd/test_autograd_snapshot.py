import json
import warnings

import pytest
import torch

from explorer.autograd import TRUNCATION_MARKER, snapshot_tensor
from explorer.autograd.snapshot import MAX_VALUE_ELEMENTS, tensor_to_python

JSON_KEYS = {"shape", "dtype", "device", "value", "requires_grad", "is_leaf", "retains_grad", "grad", "grad_fn"}


def test_scalar_leaf_after_backward():
    x = torch.tensor(1.5, requires_grad=True)
    (x * 4).backward()
    snapshot = snapshot_tensor(x)
    assert snapshot.shape == []
    assert snapshot.dtype == "float32"
    assert snapshot.device == "cpu"
    assert snapshot.value == 1.5
    assert snapshot.grad == x.grad.item()
    assert snapshot.is_leaf
    assert snapshot.requires_grad
    assert snapshot.grad_fn is None


def test_nonleaf_grad_read_emits_no_warning():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    (y**2).backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        snapshot = snapshot_tensor(y)
    assert caught == []
    assert snapshot.grad is None
    assert snapshot.value == 6.0
    assert snapshot.grad_fn == "AddBackward0"
    assert not snapshot.is_leaf


def test_retained_nonleaf_grad_is_read():
    x = torch.tensor(1.5, requires_grad=True)
    y = x * 2 + 3
    y.retain_grad()
    (y**2).backward()
    snapshot = snapshot_tensor(y)
    assert snapshot.retains_grad
    assert snapshot.grad == y.grad.item()


def test_nested_list_value():
    tensor = torch.arange(6, dtype=torch.float64).view(2, 3)
    snapshot = snapshot_tensor(tensor)
    assert snapshot.value == tensor.tolist()
    assert snapshot.shape == [2, 3]
    assert snapshot.dtype == "float64"
    assert not snapshot.value_truncated


def test_big_tensor_is_capped_with_marker():
    tensor = torch.arange(1500, dtype=torch.float32).view(500, 3)
    value, truncated = tensor_to_python(tensor)
    assert truncated
    rows = value[:-1]
    assert value[-1] == TRUNCATION_MARKER
    assert all(len(row) == 3 for row in rows)
    assert len(rows) * 3 <= MAX_VALUE_ELEMENTS
    assert rows == tensor[: len(rows)].tolist()


def test_capped_inner_dimension_gets_marker():
    value, truncated = tensor_to_python(torch.zeros(2, 1000))
    assert truncated
    assert len(value) == 2
    assert all(row[-1] == TRUNCATION_MARKER for row in value)


def test_snapshot_is_a_detached_copy():
    tensor = torch.tensor([1.0, 2.0])
    snapshot = snapshot_tensor(tensor)
    tensor.add_(10)
    assert snapshot.value == [1.0, 2.0]
    assert snapshot.version == 0


def test_version_counts_in_place_changes():
    tensor = torch.zeros(2)
    tensor.add_(1)
    tensor.mul_(2)
    assert snapshot_tensor(tensor).version == 2


def test_value_from_an_earlier_copy():
    tensor = torch.tensor([1.0, 2.0], requires_grad=True)
    earlier = tensor.detach().clone()
    with torch.no_grad():
        tensor.add_(5)
    snapshot = snapshot_tensor(tensor, value_from=earlier)
    assert snapshot.value == [1.0, 2.0]
    assert snapshot.requires_grad


def test_keep_value_false_records_no_value():
    snapshot = snapshot_tensor(torch.ones(3), keep_value=False)
    assert snapshot.value is None
    assert snapshot.shape == [3]


@pytest.mark.parametrize(
    ("tensor", "expected"),
    [
        (torch.tensor([1, 2], dtype=torch.int64), [1, 2]),
        (torch.tensor([True, False]), [True, False]),
        (torch.tensor(0.5, dtype=torch.bfloat16), 0.5),
        (torch.tensor([1 + 2j]), ["(1+2j)"]),
        (torch.zeros(0, 3), []),
    ],
)
def test_dtypes_become_plain_python(tensor, expected):
    assert snapshot_tensor(tensor).value == expected


def test_meta_tensor_has_no_value():
    snapshot = snapshot_tensor(torch.empty(2, 2, device="meta"))
    assert snapshot.value is None
    assert snapshot.device == "meta"


def test_inference_tensor_has_no_version():
    with torch.inference_mode():
        tensor = torch.ones(2)
    assert snapshot_tensor(tensor).version is None


def test_to_json_keys_and_serialisable():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * x).sum().backward()
    data = snapshot_tensor(x).to_json()
    assert set(data) == JSON_KEYS
    assert json.loads(json.dumps(data))["grad"] == x.grad.tolist()


def test_rejects_non_tensor():
    with pytest.raises(TypeError, match="torch.Tensor"):
        snapshot_tensor([1.0])


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_tensor_copied_to_cpu():
    x = torch.tensor([1.5, 2.5], device="cuda", requires_grad=True)
    (x * x).sum().backward()
    snapshot = snapshot_tensor(x)
    assert snapshot.device == "cuda:0"
    assert snapshot.value == [1.5, 2.5]
    assert snapshot.grad == x.grad.cpu().tolist()
