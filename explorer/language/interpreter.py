"""The tree-walking interpreter: evaluation steps, names, calls and positions.

A run executes in the thread that calls `Session.run` and touches only its
session's namespace. Each syntax node type has one handler (`_on_<NodeType>`),
found through a dispatch table built once per interpreter. A node type without
a handler is an "Unsupported" error at that node.

Every evaluation step counts against MAX_EVALUATION_STEPS and checks the
cancel event. Exceptions raised by torch or by Python operations become
`ProgramError`s at the innermost node that was being evaluated.
"""

from __future__ import annotations

import ast
import itertools
import threading
import warnings
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Any

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import budget, guards, limits, surface
from explorer.language.attributes import allowed_names_for, get_attribute
from explorer.language.budget import MemoryBudget
from explorer.language.errors import ERRORS, ProgramError, ProgramWarning, data_too_deep, limit_exceeded, out_of_memory, verbatim
from explorer.language.expressions import ExpressionHandlers
from explorer.language.gradients import GradientTracker, accumulated_grad_text, accumulated_step_text, grad_hint, retained_late_text
from explorer.language.hints import hint_for_error, hint_for_warning
from explorer.language.proxies import BoundMethod, BuiltinFunction, ModuleProxy, ModuleRegistry, TorchFunction
from explorer.language.safe_builtins import BUILTINS, FORBIDDEN_BUILTINS, check_python_method
from explorer.language.statements import ControlFlow, StatementHandlers
from explorer.language.textsize import check_text

_TENSOR_TYPE = torch.Tensor
# Items copied between two cancellation checks when a builtin turns a long
# iterable into a list: well under a millisecond for numbers, about 8 ms for tensors.
_MATERIALIZE_CHUNK = 8192
_UNBOUND_TENSOR_METHODS = {name: getattr(torch.Tensor, name) for name in surface.TENSOR_METHODS}


class Interpreter(StatementHandlers, ExpressionHandlers):
    """Evaluates one program's syntax tree in a session namespace."""

    def __init__(
        self,
        namespace: dict[str, object],
        registry: ModuleRegistry,
        source: str,
        cancel: threading.Event | None,
        before_backward: Callable[[torch.Tensor, Any], None] | None,
        on_output: Callable[[str], None] | None,
        warning_log: list[warnings.WarningMessage],
        gradients: GradientTracker | None = None,
        memory: MemoryBudget | None = None,
    ) -> None:
        self.namespace = namespace
        self.registry = registry
        self.scope: dict[str, object] | None = None
        self.steps = 0
        self._cancel_is_set = cancel.is_set if cancel is not None else (lambda: False)
        self._before_backward_hook = before_backward
        self._on_output = on_output
        self._lines = source.splitlines()
        self.output_parts: list[str] = []
        self._output_length = 0
        self.warning_log = warning_log
        self.warnings: list[ProgramWarning] = []
        self._seen_warnings: set[tuple[int, str, str]] = set()
        self.gradients = gradients if gradients is not None else GradientTracker()
        self.memory = memory if memory is not None else MemoryBudget()
        # Line of the statement being executed, for the backward bookkeeping.
        self.line = 0
        self.last_grad_fn_name: str | None = None
        self.backward_root: torch.Tensor | None = None
        self.backward_root_name: str | None = None
        self._handlers: dict[type, Callable[[ast.AST], Any]] = {}
        for node_type in _node_types():
            handler = getattr(self, f"_on_{node_type.__name__}", None)
            if handler is not None:
                self._handlers[node_type] = handler

    # Evaluation steps and positions.

    def evaluate(self, node: ast.AST) -> Any:
        """Evaluate one node: count the step, check cancellation, dispatch to its handler."""
        self.steps += 1
        if self.steps > limits.MAX_EVALUATION_STEPS:
            raise self._at(limit_exceeded("MAX_EVALUATION_STEPS", self.steps, limits.MAX_EVALUATION_STEPS), node)
        if self._cancel_is_set():
            raise self._at(_cancelled(), node)
        handler = self._handlers.get(node.__class__)
        if handler is None:
            raise self._at(self._unsupported_node(node), node)
        try:
            return handler(node)
        except ProgramError as error:
            if not error.line:
                self._at(error, node)
            raise
        except (ControlFlow, KeyboardInterrupt):
            raise
        except RecursionError:
            # The syntax tree is at most MAX_NESTING_DEPTH deep, which keeps the
            # interpreter's own recursion far from Python's limit: the recursion
            # is in an operation walking deeply nested data (repr, ==, sorted).
            raise self._at(data_too_deep(), node) from None
        except MemoryError:
            raise self._at(out_of_memory(), node) from None
        except Exception as error:  # torch and Python errors become program errors here
            raise self._at(program_error_from(error), node) from None

    def execute_block(self, statements: list[ast.stmt]) -> None:
        evaluate = self.evaluate
        for statement in statements:
            self.line = statement.lineno
            evaluate(statement)
            if self.warning_log:
                self.collect_warnings(statement)

    def _at(self, error: ProgramError, node: ast.AST) -> ProgramError:
        line = getattr(node, "lineno", None)
        if line is None:
            return error
        end_line = getattr(node, "end_lineno", None) or line
        error.set_position(
            line,
            self._column(line, node.col_offset),
            end_line,
            self._column(end_line, getattr(node, "end_col_offset", None) or node.col_offset),
        )
        return error

    def _column(self, line: int, byte_offset: int) -> int:
        """Convert ast's 0-based UTF-8 byte offset into a 1-based character column."""
        if 1 <= line <= len(self._lines):
            text = self._lines[line - 1]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")) + 1
        return byte_offset + 1

    def _unsupported_node(self, node: ast.AST) -> ProgramError:
        construct = _CONSTRUCT_NAMES.get(type(node).__name__, type(node).__name__)
        return ProgramError(
            "Unsupported",
            Text(
                ERRORS,
                QT_TRANSLATE_NOOP("LanguageErrors", "{construct} is not supported in the playground"),
                {"construct": construct},
            ),
        )

    # Output and warnings.

    def write(self, text: str) -> None:
        self._output_length += len(text)
        if self._output_length > limits.MAX_OUTPUT_CHARS:
            raise limit_exceeded("MAX_OUTPUT_CHARS", self._output_length, limits.MAX_OUTPUT_CHARS)
        self.output_parts.append(text)
        if self._on_output is not None:
            self._on_output(text)

    def to_text(self, value: object) -> str:
        if type(value) is str:
            return value
        check_text(value)
        text = str(value)
        budget.note_created(len(text), budget.CHARACTER_BYTES)
        return text

    def collect_warnings(self, node: ast.AST, hint: Text | None = None) -> None:
        """Turn the warnings recorded since the last call into ProgramWarnings at `node`'s line.

        Like Python's default warning filter, a message shows once per line.
        `hint`, when given, replaces the generic hint of the warnings collected.
        """
        line = getattr(node, "lineno", 0)
        for record in self.warning_log:
            message = str(record.message)
            category = record.category.__name__
            key = (line, message, category)
            if key in self._seen_warnings:
                continue
            self._seen_warnings.add(key)
            self.warnings.append(ProgramWarning(line, message, category, hint=hint or hint_for_warning(message)))
        self.warning_log.clear()

    def warn(self, node: ast.AST, text: Text, category: str = "PlaygroundWarning", hint: Text | None = None) -> None:
        """Add the playground's own warning at `node`'s line, once per line and template."""
        self.warn_at(node.lineno, text, category, hint)

    def warn_at(self, line: int, text: Text, category: str = "PlaygroundWarning", hint: Text | None = None) -> None:
        # The template, not the message, so a count that grows in a loop warns once.
        key = (line, text.source, category)
        if key in self._seen_warnings:
            return
        self._seen_warnings.add(key)
        self.warnings.append(ProgramWarning(line, str(text), category, text=text, hint=hint))

    def check_grad_read(self, node: ast.Attribute, tensor: torch.Tensor, grad: object) -> Text | None:
        """Warn about a `.grad` read that PyTorch lets pass silently; return a hint for PyTorch's own warning."""
        name = ast.unparse(node.value)
        if tensor.is_leaf:
            accumulation = self.gradients.accumulation(tensor)
            if accumulation is not None:
                self.warn(node, *accumulated_grad_text(name, accumulation))
            return None
        if grad is None and tensor.retains_grad and self.gradients.retained_too_late(tensor):
            self.warn(node, *retained_late_text(name))
        return grad_hint(name, tensor)

    # Names.

    def lookup(self, name: str) -> object:
        scope = self.scope
        if scope is not None and name in scope:
            return scope[name]
        try:
            return self.namespace[name]
        except KeyError:
            pass
        builtin = BUILTINS.get(name)
        if builtin is not None:
            return builtin
        if name in FORBIDDEN_BUILTINS or name.startswith("__"):
            raise ProgramError(
                "NotAllowed",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP("LanguageErrors", "{name!r} is not available in the playground"),
                    {"name": name},
                ),
            )
        raise ProgramError(
            "NameError",
            Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "name {name!r} is not defined"), {"name": name}),
        )

    def bind(self, name: str, value: object) -> None:
        if self.scope is not None:
            self.scope[name] = value
            return
        self.namespace[name] = value
        # `not is_leaf` is the same test as `grad_fn is not None`, without
        # creating a Python object for the node. In torch 2.13 a long chain
        # whose node objects were created and dropped one by one crashes
        # (SIGSEGV) when the chain is freed, even in plain Python.
        if type(value) is _TENSOR_TYPE and not value.is_leaf:
            self.last_grad_fn_name = name

    # Calls.

    def call_value(self, function: object, args: tuple, kwargs: dict) -> Any:
        kind = type(function)
        if kind is TorchFunction:
            if function.kind is guards.BACKWARD:
                root = _first_output(args, kwargs)
                self._before_backward(root)
                if function.qualified_name == "torch.autograd.backward":
                    return self._run_backward(root, function.function, args, kwargs)
            elif function.kind is not guards.SAFE:
                guards.check_call(function.kind, function.meta_call, None, args, kwargs, function.short_name)
            return function.function(*args, **kwargs)
        if kind is BoundMethod:
            return self.call_method(function.receiver, function.name, args, kwargs)
        if kind is BuiltinFunction:
            return function.implementation(self, args, kwargs)
        if isinstance(function, type):
            raise ProgramError(
                "NotAllowed",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP(
                        "LanguageErrors",
                        "creating {type} objects by calling the class is not available in the playground; "
                        "use a function such as torch.tensor(...)",
                    ),
                    {"type": function.__name__},
                ),
            )
        raise ProgramError(
            "TypeError",
            Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object is not callable"), {"type": _type_name(function)}),
        )

    def call_method(self, receiver: object, name: str, args: tuple, kwargs: dict) -> Any:
        if isinstance(receiver, _TENSOR_TYPE):
            kind = surface.TENSOR_METHODS.get(name)
            if kind is None:
                return self.call_value(get_attribute(receiver, name), args, kwargs)
            if kind is guards.BACKWARD:
                self._before_backward(receiver)
                return self._run_backward(receiver, getattr(receiver, name), args, kwargs)
            if kind is not guards.SAFE:
                guards.check_call(kind, _UNBOUND_TENSOR_METHODS[name], receiver, args, kwargs, name)
            elif name[-1] == "_":
                self.gradients.note_in_place(receiver)
            elif name == "retain_grad":
                self.gradients.note_retain_grad(receiver)
            return getattr(receiver, name)(*args, **kwargs)
        if type(receiver) is ModuleProxy:
            return self.call_value(receiver.get(name), args, kwargs)
        allowed = allowed_names_for(receiver)
        if allowed is None or name not in allowed or name[0] == "_":
            return self.call_value(get_attribute(receiver, name), args, kwargs)
        if name == "step" and isinstance(receiver, torch.optim.Optimizer):
            self._check_optimizer_step(receiver)
        if name in surface.GROWING_METHODS or name == "sort":
            replacement = check_python_method(receiver, name, args, kwargs, self)
            args = replacement.get("__args__", args)
            kwargs = replacement.get("__kwargs__", kwargs)
        return getattr(receiver, name)(*args, **kwargs)

    def callable_for(self, function: object) -> Callable[..., Any]:
        """Wrap a program callable so Python builtins (sorted's key) can call it."""
        return lambda *args: self.call_value(function, args, {})

    def _run_backward(self, root: object, backward: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        states = self.gradients.snapshot(self.namespace)
        result = backward(*args, **kwargs)
        self.gradients.record_backward(root, states, self.line)
        return result

    def _check_optimizer_step(self, optimizer: torch.optim.Optimizer) -> None:
        for group in optimizer.param_groups:
            for parameter in group["params"]:
                accumulation = self.gradients.accumulation(parameter)
                if accumulation is not None:
                    self.warn_at(self.line, *accumulated_step_text(accumulation))
                    return

    def _before_backward(self, root: object) -> None:
        if not isinstance(root, _TENSOR_TYPE):
            return
        self.backward_root = root
        self.backward_root_name = next((name for name, value in self.namespace.items() if value is root), None)
        if self._before_backward_hook is not None:
            self._before_backward_hook(root, MappingProxyType(self.namespace))

    # Iteration.

    def materialize(self, iterable: object) -> list | tuple:
        """Return the items of `iterable`, counting them against MAX_SEQUENCE_LENGTH first."""
        if type(iterable) in (list, tuple):
            return iterable
        if isinstance(iterable, (ModuleProxy, TorchFunction, BoundMethod, BuiltinFunction)):
            raise ProgramError(
                "TypeError",
                Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object is not iterable"), {"type": _type_name(iterable)}),
            )
        try:
            length = len(iterable)
        except TypeError:
            return self._count_items(iterable)
        guards.check_created(length)
        if length <= _MATERIALIZE_CHUNK:
            return list(iterable)
        items: list = []
        iterator = self.iterate(iterable)
        while chunk := list(itertools.islice(iterator, _MATERIALIZE_CHUNK)):
            items.extend(chunk)
            self.check_cancel()
        return items

    def check_cancel(self) -> None:
        """Raise the Cancelled error if the run's cancel event is set (for long work inside one step)."""
        if self._cancel_is_set():
            raise _cancelled()

    def iterate(self, iterable: object) -> Iterable:
        """Return an iterator over a program value for `for` loops and comprehensions."""
        if isinstance(iterable, (ModuleProxy, TorchFunction, BoundMethod, BuiltinFunction)):
            raise ProgramError(
                "TypeError",
                Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object is not iterable"), {"type": _type_name(iterable)}),
            )
        if isinstance(iterable, _TENSOR_TYPE) and iterable.dim() > 0 and len(iterable) > _MATERIALIZE_CHUNK:
            return self._tensor_rows(iterable)
        return iter(iterable)

    def _tensor_rows(self, tensor: torch.Tensor) -> Iterable[torch.Tensor]:
        """Yield the rows of a long tensor as iter(tensor) does, unbinding one chunk at a time.

        iter(tensor) unbinds every row at once, in one uninterruptible call that
        takes seconds for millions of rows. Each row is still an unbind view, so
        its grad_fn reads UnbindBackward0 as in plain Python, but autograd
        records a slice before each chunk.
        """
        for begin in range(0, len(tensor), _MATERIALIZE_CHUNK):
            self.check_cancel()
            yield from tensor[begin : begin + _MATERIALIZE_CHUNK].unbind(0)

    def _count_items(self, iterable: Iterable) -> list:
        items = []
        for item in iterable:
            items.append(item)
            if len(items) % 1024 == 0:
                guards.check_length(len(items))
                self.check_cancel()
        guards.check_created(len(items))
        return items


def _cancelled() -> ProgramError:
    return ProgramError("Cancelled", Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "the run was cancelled")))


def _first_output(args: tuple, kwargs: dict) -> object:
    outputs = args[0] if args else kwargs.get("outputs", kwargs.get("tensors"))
    if isinstance(outputs, (list, tuple)) and outputs:
        return outputs[0]
    return outputs


def _type_name(value: object) -> str:
    if isinstance(value, ModuleProxy):
        return "module"
    if isinstance(value, (TorchFunction, BuiltinFunction)):
        return "builtin_function_or_method"
    if isinstance(value, BoundMethod):
        return "method"
    return type(value).__name__


def program_error_from(error: BaseException) -> ProgramError:
    """Convert an exception from torch or Python into a ProgramError with the same text."""
    message = str(error)
    if isinstance(error, KeyError) and error.args:
        message = repr(error.args[0])
    kind = type(error).__name__
    if kind == "OutOfMemoryError":
        kind = "RuntimeError"
    return ProgramError(kind, verbatim(message), hint=hint_for_error(message))


def _node_types() -> list[type]:
    found = []
    pending = [ast.AST]
    while pending:
        node_type = pending.pop()
        found.append(node_type)
        pending.extend(node_type.__subclasses__())
    return found


_CONSTRUCT_NAMES = {
    "FunctionDef": "def (function definition)",
    "AsyncFunctionDef": "async def",
    "ClassDef": "class",
    "Lambda": "lambda",
    "Try": "try/except",
    "TryStar": "try/except*",
    "Raise": "raise",
    "Return": "return",
    "Global": "global",
    "Nonlocal": "nonlocal",
    "Yield": "yield",
    "YieldFrom": "yield from",
    "Await": "await",
    "AsyncFor": "async for",
    "AsyncWith": "async with",
    "NamedExpr": "the := operator",
    "Match": "match",
}
