"""Size checks run before allocation and use meta tensors only when a cheap bound is too large."""

from __future__ import annotations

import pytest
import torch

from explorer.language import guards, limits
from explorer.language.errors import ProgramError


def _method(name):
    return getattr(torch.Tensor, name)


def test_safe_call_is_not_checked():
    guards.check_call(guards.SAFE, _method("sum"), torch.ones(3), (), {})


def test_creation_checked_on_meta():
    with pytest.raises(ProgramError) as caught:
        guards.check_call(guards.DRY_RUN, lambda _receiver, *a, **k: torch.zeros(*a, **k), None, (10**9,), {})

    assert caught.value.kind == "LimitExceeded"
    assert "MAX_TENSOR_ELEMENTS" in str(caught.value)


def test_creation_within_limit_passes():
    guards.check_call(guards.DRY_RUN, lambda _receiver, *a, **k: torch.zeros(*a, **k), None, (10, 10), {"dtype": torch.float64})


def test_bytes_limit_uses_dtype():
    count = limits.MAX_ALLOCATION_BYTES // 8 + 1

    guards.check_tensor_size((count,), torch.float32)
    with pytest.raises(ProgramError) as caught:
        guards.check_tensor_size((count,), torch.float64)

    assert "MAX_ALLOCATION_BYTES" in str(caught.value)


def test_broadcast_of_column_and_row():
    column = torch.ones(20000, 1)
    row = torch.ones(1, 20000)

    with pytest.raises(ProgramError):
        guards.check_binary_tensors(column, row)


def test_broadcast_mismatch_left_to_torch():
    guards.check_binary_tensors(torch.ones(2, 3), torch.ones(4))


def test_matmul_outer_product():
    with pytest.raises(ProgramError):
        guards.check_matmul(torch.ones(20000, 1), torch.ones(1, 20000))


def test_meta_error_reraised_as_torch_error():
    with pytest.raises(RuntimeError, match="must match"):
        guards.check_call(guards.DRY_RUN, _method("expand"), torch.ones(10), (10**9,), {})


@pytest.mark.parametrize(("base", "exponent"), [(10, 10**10), (2, limits.MAX_INT_BITS + 1), (3, 10**6)])
def test_int_power_over_limit(base, exponent):
    with pytest.raises(ProgramError):
        guards.check_int_power(base, exponent)


@pytest.mark.parametrize(("base", "exponent"), [(2, 1000), (1, 10**100), (-1, 10**100), (0, 10**100), (10, -5)])
def test_int_power_within_limit(base, exponent):
    guards.check_int_power(base, exponent)


def test_tolist_counts_elements():
    with pytest.raises(ProgramError):
        guards.check_call(guards.TOLIST, _method("tolist"), torch.ones(1).expand(limits.MAX_SEQUENCE_LENGTH + 1), (), {})
