"""Objects that a program gets in place of modules and functions.

A program never holds a real module or a raw torch function. `import torch`
binds a `ModuleProxy` that belongs to one session: it exposes only the
allow-listed names, and assigning to it (the classic `torch.manual_seed = 1120`)
changes that proxy alone, never the real module. Functions and methods reached
through a proxy or a value are `TorchFunction` and `BoundMethod` wrappers that
only the interpreter can call, so every call passes its size check.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import surface
from explorer.language.errors import ProgramError, not_allowed
from explorer.language.replacements import REPLACEMENTS


def _text(template: str, **args: object) -> Text:
    return Text("LanguageErrors", template, args)


def _hint(template: str, **args: object) -> Text:
    return Text("LanguageHints", template, args)


class TorchFunction:
    """An allow-listed function or class of a torch module, with its guard kind."""

    __slots__ = ("function", "qualified_name", "short_name", "kind", "meta_call")

    def __init__(self, function: Callable[..., Any], qualified_name: str, kind: str) -> None:
        self.function = function
        self.qualified_name = qualified_name
        self.short_name = qualified_name.rsplit(".", 1)[-1]
        self.kind = kind
        self.meta_call = lambda _receiver, *args, **kwargs: function(*args, **kwargs)

    def __repr__(self) -> str:
        return repr(self.function)


class BoundMethod:
    """A method of a program value, looked up by name when it is called."""

    __slots__ = ("receiver", "name")

    def __init__(self, receiver: object, name: str) -> None:
        self.receiver = receiver
        self.name = name

    def __repr__(self) -> str:
        return f"<method {self.name!r} of {type(self.receiver).__name__} object>"


class BuiltinFunction:
    """A playground builtin such as `print` or `range`.

    `implementation(interpreter, args, kwargs)` does the work; `python_type`
    is the type it stands for (`int`, `list`) so `isinstance` accepts it.
    """

    __slots__ = ("name", "implementation", "python_type")

    def __init__(self, name: str, implementation: Callable[..., Any], python_type: type | None = None) -> None:
        self.name = name
        self.implementation = implementation
        self.python_type = python_type

    def __repr__(self) -> str:
        if self.python_type is not None:
            return repr(self.python_type)
        return f"<built-in function {self.name}>"


class ModuleProxy:
    """One program's view of an allow-listed module.

    Attribute reads go through `get`, assignments through `set`; both are
    called by the interpreter only. `overrides` contains what the program
    assigned, which shadows the module's own attribute.
    """

    def __init__(self, name: str, module: Any, registry: ModuleRegistry) -> None:
        self.name = name
        self._module = module
        self._registry = registry
        self._functions = surface.MODULE_FUNCTIONS.get(name, {})
        self._values = surface.MODULE_VALUES.get(name, frozenset())
        self._submodules = surface.MODULE_SUBMODULES.get(name, {})
        self._cache: dict[str, object] = {}
        self.overrides: dict[str, object] = {}

    def __repr__(self) -> str:
        return f"<module {self.name!r}>"

    def get(self, attribute: str) -> object:
        try:
            return self.overrides[attribute]
        except KeyError:
            pass
        try:
            return self._cache[attribute]
        except KeyError:
            pass
        value = self._resolve(attribute)
        self._cache[attribute] = value
        return value

    def has(self, attribute: str) -> bool:
        return (
            attribute in self.overrides
            or attribute in self._functions
            or attribute in self._values
            or attribute in self._submodules
        )

    def set(self, attribute: str, value: object) -> None:
        self.overrides[attribute] = value

    def _resolve(self, attribute: str) -> object:
        kind = self._functions.get(attribute)
        if kind is not None:
            function = REPLACEMENTS.get((self.name, attribute)) or getattr(self._module, attribute)
            return TorchFunction(function, f"{self.name}.{attribute}", kind)
        if attribute in self._values:
            value = getattr(self._module, attribute)
            # TorchVersion is a str subclass with extra methods: expose the plain string.
            return str(value) if attribute == "__version__" else value
        submodule = self._submodules.get(attribute)
        if submodule is not None:
            return self._registry.module(submodule)
        if hasattr(self._module, attribute):
            raise not_allowed(
                QT_TRANSLATE_NOOP("LanguageErrors", "{module}.{name} is not available in the playground"),
                module=self.name,
                name=attribute,
            )
        raise ProgramError(
            "AttributeError",
            _text(
                QT_TRANSLATE_NOOP("LanguageErrors", "module {module!r} has no attribute {name!r}"),
                module=self.name,
                name=attribute,
            ),
        )


# Third-party packages the tutorial imports only to print their version.
VERSION_ONLY_PACKAGES = frozenset({"torchvision", "torchtext", "torchaudio"})


class VersionOnlyModule:
    """An installed package of which a program may read only `__version__`."""

    def __init__(self, name: str, version: str) -> None:
        self.name = name
        self.version = version

    def __repr__(self) -> str:
        return f"<module {self.name!r}>"


class ModuleRegistry:
    """The module proxies of one session, created on first use."""

    def __init__(self) -> None:
        self._proxies: dict[str, object] = {}

    def module(self, name: str) -> object:
        """Return the proxy for an importable module name, or raise the import error."""
        proxy = self._proxies.get(name)
        if proxy is not None:
            return proxy
        if name in surface.IMPORTABLE_MODULES:
            proxy = ModuleProxy(name, importlib.import_module(name), self)
        elif name in VERSION_ONLY_PACKAGES:
            proxy = self._version_only(name)
        else:
            raise import_error(name)
        self._proxies[name] = proxy
        return proxy

    def _version_only(self, name: str) -> VersionOnlyModule:
        if importlib.util.find_spec(name) is None:
            raise ProgramError(
                "ModuleNotFoundError",
                _text(QT_TRANSLATE_NOOP("LanguageErrors", "No module named {name!r}"), name=name),
                hint=_hint(
                    QT_TRANSLATE_NOOP(
                        "LanguageHints",
                        "{name} is not installed here. The playground needs only torch; remove this import.",
                    ),
                    name=name,
                ),
            )
        # NOTE: importing the package runs its initialisation code, which is
        # the package's own and not the program's.
        module = importlib.import_module(name)
        return VersionOnlyModule(name, str(getattr(module, "__version__", "unknown")))


def import_error(name: str) -> ProgramError:
    """Build the error for importing a module outside the playground's surface."""
    top = name.split(".")[0]
    if top == "google":
        return ProgramError(
            "ModuleNotFoundError",
            _text(QT_TRANSLATE_NOOP("LanguageErrors", "No module named {name!r}"), name=name),
            hint=_hint(
                QT_TRANSLATE_NOOP(
                    "LanguageHints",
                    "google.colab exists only inside Google Colab notebooks. The playground needs no "
                    "Google Drive: remove this cell and run the rest.",
                )
            ),
        )
    if top == "torch":
        return not_allowed(
            QT_TRANSLATE_NOOP(
                "LanguageErrors",
                "module {name!r} is not available in the playground; "
                "use torch, torch.optim, torch.nn or torch.nn.functional",
            ),
            name=name,
        )
    if importlib.util.find_spec(top) is None:
        return ProgramError(
            "ModuleNotFoundError",
            _text(QT_TRANSLATE_NOOP("LanguageErrors", "No module named {name!r}"), name=top),
        )
    return not_allowed(
        QT_TRANSLATE_NOOP(
            "LanguageErrors",
            "module {name!r} is not available in the playground; "
            "use torch, torch.optim, torch.nn or torch.nn.functional",
        ),
        name=name,
    )


# Python's and torch's own error messages name an operand's type, as in
# "unsupported operand type(s) for +: 'int' and 'module'". The wrappers take
# the type names of what they stand for, so that those messages read as in
# plain Python and never show the playground's internal class names.
ModuleProxy.__name__ = ModuleProxy.__qualname__ = "module"
VersionOnlyModule.__name__ = VersionOnlyModule.__qualname__ = "module"
TorchFunction.__name__ = TorchFunction.__qualname__ = "builtin_function_or_method"
BuiltinFunction.__name__ = BuiltinFunction.__qualname__ = "builtin_function_or_method"
BoundMethod.__name__ = BoundMethod.__qualname__ = "builtin_function_or_method"
