"""The allow-lists name only things that exist in the installed torch, and nothing private."""

from __future__ import annotations

import importlib

import pytest
import torch

from explorer.language import surface


@pytest.mark.parametrize("module_name", sorted(surface.MODULE_FUNCTIONS))
def test_module_functions_exist(module_name):
    module = importlib.import_module(module_name)
    missing = [name for name in surface.MODULE_FUNCTIONS[module_name] if not hasattr(module, name)]

    assert missing == []


def test_torch_values_exist():
    missing = [name for name in surface.TORCH_VALUES if not hasattr(torch, name)]

    assert missing == []


def test_tensor_surface_exists():
    names = set(surface.TENSOR_METHODS) | surface.TENSOR_VALUES
    missing = [name for name in names if not hasattr(torch.Tensor, name)]

    assert missing == []


def test_no_private_names_listed():
    listed = set(surface.TENSOR_METHODS) | surface.TENSOR_VALUES | surface.TORCH_VALUES
    for functions in surface.MODULE_FUNCTIONS.values():
        listed |= set(functions)

    assert [name for name in listed if name.startswith("_")] == ["__version__"]


@pytest.mark.parametrize(
    "dangerous",
    ["load", "save", "from_file", "hub", "ops", "library", "utils", "classes", "set_default_dtype", "set_printoptions"],
)
def test_dangerous_torch_names_absent(dangerous):
    assert dangerous not in surface.TORCH_FUNCTIONS
    assert dangerous not in surface.TORCH_VALUES
    assert dangerous not in surface.TORCH_SUBMODULES


@pytest.mark.parametrize("dangerous", ["numpy", "storage", "untyped_storage", "data_ptr", "register_hook", "apply_", "map_", "resize_", "set_"])
def test_dangerous_tensor_names_absent(dangerous):
    assert dangerous not in surface.TENSOR_METHODS
    assert dangerous not in surface.TENSOR_VALUES
