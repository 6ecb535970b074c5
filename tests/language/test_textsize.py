"""Text size estimates bound str() before it runs; format checks reject attribute fields."""

from __future__ import annotations

import pytest
import torch

from explorer.language import limits
from explorer.language.errors import ProgramError
from explorer.language.textsize import check_format_spec, check_format_string, check_text, estimate_text_length


@pytest.mark.parametrize(
    "value",
    [[1, 2.5, "abc", None], {"a": [1, 2]}, (1, (2, (3,))), torch.ones(3), torch.ones(5000), 10**300, "text"],
)
def test_estimate_not_below_real_length(value):
    assert estimate_text_length(value, 10**9) >= len(repr(value))


def test_estimate_handles_cycles():
    items = [1]
    items.append(items)

    assert estimate_text_length(items, 10**6) >= len(repr(items))


def test_repeated_large_strings_rejected():
    with pytest.raises(ProgramError):
        check_text(["a" * 1_000_000] * 100)


def test_estimate_exceeds_maximum_for_long_list():
    assert estimate_text_length(["a" * 1000] * 10**6, 5000) > 5000


def test_format_spec_width_limit():
    check_format_spec(f">{limits.MAX_FORMAT_WIDTH}")
    with pytest.raises(ProgramError):
        check_format_spec(f">{limits.MAX_FORMAT_WIDTH + 1}")


@pytest.mark.parametrize("template", ["{0.real}", "{x.__class__}", "{0[0]}", "{:{}}"])
def test_format_string_rejected(template):
    with pytest.raises(ProgramError):
        check_format_string(template)


@pytest.mark.parametrize("template", ["{}", "{0} {1:.2f}", "{name!r:>5}", "plain"])
def test_format_string_accepted(template):
    check_format_string(template)
