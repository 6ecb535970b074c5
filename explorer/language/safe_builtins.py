"""The builtin functions a program can call, and checks on methods of Python values.

Each builtin is `implementation(interpreter, args, kwargs)`. Builtins that
consume an iterable go through `Interpreter.materialize`, which counts items
against MAX_SEQUENCE_LENGTH and checks for cancellation, so `sum(range(10**12))`
stops instead of running for hours.
"""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language.errors import ProgramError, not_allowed
from explorer.language import budget
from explorer.language.guards import check_created, check_length
from explorer.language.proxies import BuiltinFunction
from explorer.language.textsize import check_format_string, check_text

if TYPE_CHECKING:
    from explorer.language.interpreter import Interpreter


def _no_keywords(name: str, kwargs: dict) -> None:
    if kwargs:
        raise ProgramError(
            "TypeError",
            _type_error(
                QT_TRANSLATE_NOOP("LanguageErrors", "{name}() takes no keyword arguments"),
                name=name,
            ),
        )


def _type_error(template: str, **args: object) -> Text:
    return Text("LanguageErrors", template, args)


def _print(interp: Interpreter, args: tuple, kwargs: dict) -> None:
    sep = kwargs.pop("sep", None)
    end = kwargs.pop("end", None)
    kwargs.pop("flush", None)
    if kwargs:
        raise not_allowed(
            QT_TRANSLATE_NOOP("LanguageErrors", "print() accepts only sep, end and flush in the playground, not {names}"),
            names=", ".join(sorted(kwargs)),
        )
    for name, value in (("sep", sep), ("end", end)):
        if value is not None and type(value) is not str:
            raise ProgramError(
                "TypeError",
                _type_error(
                    QT_TRANSLATE_NOOP("LanguageErrors", "{name} must be None or a string, not {type}"),
                    name=name,
                    type=type(value).__name__,
                ),
            )
    pieces = [interp.to_text(value) for value in args]
    if sep is None:
        sep = " "
    if end is None:
        end = "\n"
    interp.write(sep.join(pieces) + end)


def _to_text(interp: Interpreter, args: tuple, kwargs: dict) -> str:
    if not args and not kwargs:
        return ""
    _no_keywords("str", kwargs)
    if len(args) != 1:
        # str(bytes, encoding): there are no bytes in the playground.
        raise ProgramError(
            "TypeError",
            _type_error(QT_TRANSLATE_NOOP("LanguageErrors", "str() takes exactly one argument in the playground")),
        )
    return interp.to_text(args[0])


def _repr(interp: Interpreter, args: tuple, kwargs: dict) -> str:
    _no_keywords("repr", kwargs)
    (value,) = args
    check_text(value)
    return repr(value)


def _range(interp: Interpreter, args: tuple, kwargs: dict) -> range:
    _no_keywords("range", kwargs)
    return range(*args)


def _len(interp: Interpreter, args: tuple, kwargs: dict) -> int:
    _no_keywords("len", kwargs)
    return len(*args)


def _sum(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
    if not 1 <= len(args) <= 2:
        return sum(*args, **kwargs)  # raises Python's own TypeError
    start = args[1] if len(args) == 2 else kwargs.pop("start", 0)
    _no_keywords("sum", kwargs)
    if not isinstance(start, (numbers.Number, torch.Tensor)):
        raise ProgramError(
            "TypeError",
            _type_error(
                QT_TRANSLATE_NOOP("LanguageErrors", "sum() start must be a number or a tensor, not {type}"),
                type=type(start).__name__,
            ),
        )
    items = interp.materialize(args[0])
    if not items or not isinstance(items[0], torch.Tensor):
        # NOTE: one sum() over up to MAX_SEQUENCE_LENGTH numbers runs without a
        # cancellation check (about 60 ms for 10 million ints). Splitting it
        # would change float results on Python 3.12, whose sum() compensates
        # rounding across the whole sequence.
        return sum(items, start)
    # Tensor additions are slow and exact in order, so a long sum is split to check cancellation.
    total = start
    for begin in range(0, len(items), _SUM_CHUNK):
        total = sum(items[begin : begin + _SUM_CHUNK], total)
        interp.check_cancel()
    return total


_SUM_CHUNK = 1024


def _extreme(function):
    def implementation(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
        key = kwargs.pop("key", None)
        if len(args) == 1:
            args = (interp.materialize(args[0]),)
        if key is not None:
            kwargs["key"] = interp.callable_for(key)
        return function(*args, **kwargs)

    return implementation


def _sorted(interp: Interpreter, args: tuple, kwargs: dict) -> list:
    (iterable,) = args
    key = kwargs.pop("key", None)
    if key is not None:
        kwargs["key"] = interp.callable_for(key)
    return sorted(interp.materialize(iterable), **kwargs)


def _consumer(function, name: str):
    def implementation(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
        _no_keywords(name, kwargs)
        if not args:
            return function()
        return function(interp.materialize(args[0]), *args[1:])

    return implementation


def _lazy(function):
    # enumerate and zip build nothing: whatever consumes them counts the items.
    def implementation(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
        return function(*args, **kwargs)

    return implementation


def _dict(interp: Interpreter, args: tuple, kwargs: dict) -> dict:
    if args:
        source = args[0]
        items = source.items() if isinstance(source, dict) else interp.materialize(source)
        return dict(items, **kwargs)
    return dict(**kwargs)


def _simple(function, name: str):
    def implementation(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
        _no_keywords(name, kwargs)
        return function(*args)

    return implementation


def _int(interp: Interpreter, args: tuple, kwargs: dict) -> int:
    return int(*args, **kwargs)


def _round(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
    return round(*args, **kwargs)


def _isinstance(interp: Interpreter, args: tuple, kwargs: dict) -> bool:
    _no_keywords("isinstance", kwargs)
    value, classes = args
    return isinstance(value, _unwrap_classes(classes))


def _unwrap_classes(classes: object) -> type | tuple:
    if isinstance(classes, tuple):
        return tuple(_unwrap_class(c) for c in classes)
    return _unwrap_class(classes)


def _unwrap_class(value: object) -> type:
    if isinstance(value, BuiltinFunction) and value.python_type is not None:
        return value.python_type
    function = getattr(value, "function", None)
    if isinstance(function, type):
        return function
    if isinstance(value, type) and value is torch.Tensor:
        return value
    raise ProgramError(
        "TypeError",
        _type_error(
            QT_TRANSLATE_NOOP("LanguageErrors", "isinstance() arg 2 must be a type or tuple of types, not {type}"),
            type=type(value).__name__,
        ),
    )


def _pow(interp: Interpreter, args: tuple, kwargs: dict) -> Any:
    """pow(base, exp, mod=None), with Python's keyword names.

    Without a modulus (`mod` None) this is `base ** exp` and gets its size
    check. With one, the result is smaller than the modulus and Python
    computes it by repeated squaring, so no check is needed.
    """
    names = ("base", "exp", "mod")
    unknown = sorted(set(kwargs) - set(names))
    if unknown or len(args) > 3:
        return pow(*args, **kwargs)  # raises Python's own TypeError
    values = dict(zip(names, args))
    for name, value in kwargs.items():
        if name in values:
            return pow(*args, **kwargs)  # "argument given by name and position"
        values[name] = value
    if "base" not in values or "exp" not in values:
        return pow(*args, **kwargs)
    if values.get("mod") is None:
        return interp.power(values["base"], values["exp"])
    return pow(values["base"], values["exp"], values["mod"])


def _make_table() -> dict[str, BuiltinFunction]:
    entries = [
        BuiltinFunction("print", _print),
        BuiltinFunction("range", _range, range),
        BuiltinFunction("len", _len),
        BuiltinFunction("sum", _sum),
        BuiltinFunction("min", _extreme(min)),
        BuiltinFunction("max", _extreme(max)),
        BuiltinFunction("abs", _simple(abs, "abs")),
        BuiltinFunction("round", _round),
        BuiltinFunction("float", _simple(float, "float"), float),
        BuiltinFunction("int", _int, int),
        BuiltinFunction("bool", _simple(bool, "bool"), bool),
        BuiltinFunction("complex", _simple(complex, "complex"), complex),
        BuiltinFunction("str", _to_text, str),
        BuiltinFunction("repr", _repr),
        BuiltinFunction("list", _consumer(list, "list"), list),
        BuiltinFunction("tuple", _consumer(tuple, "tuple"), tuple),
        BuiltinFunction("set", _consumer(set, "set"), set),
        BuiltinFunction("dict", _dict, dict),
        BuiltinFunction("sorted", _sorted),
        BuiltinFunction("reversed", _simple(reversed, "reversed")),
        BuiltinFunction("enumerate", _lazy(enumerate)),
        BuiltinFunction("zip", _lazy(zip)),
        BuiltinFunction("any", _consumer(any, "any")),
        BuiltinFunction("all", _consumer(all, "all")),
        BuiltinFunction("isinstance", _isinstance),
        BuiltinFunction("divmod", _simple(divmod, "divmod")),
        BuiltinFunction("pow", _pow),
    ]
    return {entry.name: entry for entry in entries}


BUILTINS: dict[str, BuiltinFunction] = _make_table()
BUILTIN_CONSTANTS: dict[str, object] = {"True": True, "False": False, "None": None}

# Builtins that a program may expect but cannot have, with the reason.
FORBIDDEN_BUILTINS = frozenset(
    """
    open exec eval compile __import__ getattr setattr delattr hasattr globals locals vars dir type
    input breakpoint help memoryview bytearray bytes object super classmethod staticmethod property
    id hash iter next callable issubclass format chr ord exit quit
    """.split()
)


def check_python_method(receiver: object, name: str, args: tuple, kwargs: dict, interp: Interpreter) -> dict:
    """Check a call of a str/list/dict method that could grow a value; return its kwargs to use."""
    kind = type(receiver)
    if kind is str:
        if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
            check_created(args[0], budget.CHARACTER_BYTES)
        elif name == "replace" and len(args) >= 2 and type(args[0]) is str and type(args[1]) is str:
            occurrences = receiver.count(args[0]) if args[0] else len(receiver) + 1
            if len(args) >= 3 and isinstance(args[2], int) and args[2] >= 0:
                occurrences = min(occurrences, args[2])
            check_created(len(receiver) + occurrences * max(len(args[1]) - len(args[0]), 0), budget.CHARACTER_BYTES)
        elif name == "join" and args:
            items = interp.materialize(args[0])
            length = sum(len(item) if type(item) is str else 0 for item in items) + len(receiver) * len(items)
            check_created(length, budget.CHARACTER_BYTES)
            return {"__args__": (items,)}
        elif name == "format":
            check_format_string(receiver)
            for value in (*args, *kwargs.values()):
                check_text(value)
    elif kind is list:
        if name in ("append", "insert"):
            check_length(len(receiver) + 1)
        elif name == "extend" and args:
            items = interp.materialize(args[0])
            check_length(len(receiver) + len(items))
            budget.note_created(len(items))
            return {"__args__": (items,)}
        elif name == "sort" and "key" in kwargs and kwargs["key"] is not None:
            kwargs = dict(kwargs)
            kwargs["key"] = interp.callable_for(kwargs["key"])
            return {"__kwargs__": kwargs}
    return {}
