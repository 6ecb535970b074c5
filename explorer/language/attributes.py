"""Rules for reading and assigning attributes of program values.

Attribute access is decided by the value's type against the allow-lists in
`surface`. Names starting with an underscore are never reachable, with the
single exception of a module's `__version__`.
"""

from __future__ import annotations

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import surface
from explorer.language.errors import ERRORS, ProgramError, attribute_not_allowed, not_allowed
from explorer.language.proxies import BoundMethod, ModuleProxy, VersionOnlyModule

_NODE_TYPE = torch.autograd.graph.Node

_PYTHON_ATTRIBUTES: dict[type, frozenset[str]] = {
    str: surface.STR_METHODS,
    list: surface.LIST_METHODS,
    tuple: surface.TUPLE_METHODS,
    dict: surface.DICT_METHODS,
    set: surface.SET_METHODS,
    int: surface.NUMBER_ATTRIBUTES,
    float: surface.NUMBER_ATTRIBUTES,
    bool: surface.NUMBER_ATTRIBUTES,
    complex: surface.NUMBER_ATTRIBUTES,
    torch.Size: surface.SIZE_METHODS,
    torch.dtype: surface.DTYPE_ATTRIBUTES,
    torch.device: surface.DEVICE_ATTRIBUTES,
    torch.finfo: surface.FINFO_ATTRIBUTES,
    torch.iinfo: surface.FINFO_ATTRIBUTES,
}


def _private_name(name: str) -> ProgramError:
    return not_allowed(
        QT_TRANSLATE_NOOP(
            "LanguageErrors",
            "attribute {name!r} is not available: names starting with an underscore are private "
            "or internal and cannot be used in the playground",
        ),
        name=name,
    )


def _missing(type_name: str, name: str) -> ProgramError:
    return ProgramError(
        "AttributeError",
        Text(
            ERRORS,
            QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object has no attribute {name!r}"),
            {"type": type_name, "name": name},
        ),
    )


def allowed_names_for(value: object) -> frozenset[str] | None:
    """Return the attribute names allowed on a non-tensor, non-module value, or None."""
    table = _PYTHON_ATTRIBUTES.get(type(value))
    if table is not None:
        return table
    if isinstance(value, _NODE_TYPE):
        return surface.NODE_ATTRIBUTES
    if isinstance(value, torch.optim.Optimizer):
        return surface.OPTIMIZER_ATTRIBUTES
    if type(value).__module__ == "torch.return_types":
        return surface.RETURN_TYPE_ATTRIBUTES
    return None


def get_attribute(value: object, name: str) -> object:
    """Read `value.name` for a program, or raise why it may not."""
    if name[0] == "_":
        if name == "__version__" and isinstance(value, VersionOnlyModule):
            return value.version
        if name == "__version__" and type(value) is ModuleProxy and value.name == "torch":
            return value.get(name)
        raise _private_name(name)
    if isinstance(value, torch.Tensor):
        if name in surface.TENSOR_VALUES:
            return getattr(value, name)
        if name in surface.TENSOR_METHODS:
            return BoundMethod(value, name)
        if hasattr(torch.Tensor, name):
            raise attribute_not_allowed("Tensor", name)
        raise _missing("Tensor", name)
    if type(value) is ModuleProxy:
        return value.get(name)
    allowed = allowed_names_for(value)
    if allowed is not None and name in allowed:
        attribute = getattr(value, name)
        return BoundMethod(value, name) if callable(attribute) else attribute
    type_name = type(value).__name__
    if allowed is not None and not hasattr(type(value), name):
        raise _missing(type_name, name)
    raise attribute_not_allowed(type_name, name)


def set_attribute(value: object, name: str, new_value: object) -> None:
    """Assign `value.name = new_value` for a program, or raise why it may not.

    Assigning to a module proxy changes only that proxy; the interpreter warns
    about it separately.
    """
    if name[0] == "_":
        raise _private_name(name)
    if type(value) is ModuleProxy:
        value.set(name, new_value)
        return
    if isinstance(value, torch.Tensor) and name in surface.TENSOR_SETTABLE:
        setattr(value, name, new_value)
        return
    raise not_allowed(
        QT_TRANSLATE_NOOP("LanguageErrors", "assigning attribute {name!r} of {type} values is not allowed"),
        name=name,
        type=type(value).__name__,
    )
