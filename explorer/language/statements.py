"""Handlers for statement nodes: assignment, loops, if, with, import, del.

A mixin of `Interpreter`. `break` and `continue` travel as `ControlFlow`
exceptions, which derive from BaseException so that the conversion of torch
and Python errors into program errors never catches them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import guards, limits
from explorer.language.attributes import get_attribute, set_attribute
from explorer.language.errors import ERRORS, ProgramError, limit_exceeded, not_allowed, unsupported
from explorer.language.expressions import INPLACE_OPERATORS, check_operands, check_tensor_index
from explorer.language.proxies import BoundMethod, BuiltinFunction, ModuleProxy, TorchFunction, VersionOnlyModule

if TYPE_CHECKING:
    from explorer.language.interpreter import Interpreter


class ControlFlow(BaseException):
    """`break` or `continue` leaving a loop body."""


class BreakLoop(ControlFlow):
    pass


class ContinueLoop(ControlFlow):
    pass


# Context managers a `with` statement accepts: all of them only switch torch modes.
_CONTEXT_MANAGER_TYPES = (
    torch.no_grad,
    torch.enable_grad,
    torch.set_grad_enabled,
    torch.inference_mode,
    torch.device,
)


class StatementHandlers:
    """Statement handlers of the interpreter (mixed into `Interpreter`)."""

    def _on_Expr(self: Interpreter, node: ast.Expr) -> None:
        self.evaluate(node.value)

    def _on_Pass(self: Interpreter, node: ast.Pass) -> None:
        return None

    # Assignment.

    def _on_Assign(self: Interpreter, node: ast.Assign) -> None:
        value = self.evaluate(node.value)
        for target in node.targets:
            self.assign(target, value, node)

    def _on_AnnAssign(self: Interpreter, node: ast.AnnAssign) -> None:
        # The annotation is not evaluated: it has no effect on the program.
        if node.value is not None:
            self.assign(node.target, self.evaluate(node.value), node)

    def assign(self: Interpreter, target: ast.expr, value: Any, statement: ast.stmt | None = None) -> None:
        target_type = target.__class__
        if target_type is ast.Name:
            self.bind(target.id, value)
        elif target_type is ast.Tuple or target_type is ast.List:
            self._unpack(target.elts, value, statement)
        elif target_type is ast.Attribute:
            receiver = self.evaluate(target.value)
            self._assign_attribute(receiver, target, value, statement)
        elif target_type is ast.Subscript:
            container = self.evaluate(target.value)
            key = self.evaluate(target.slice)
            self._assign_item(container, key, value)
        else:
            raise self._unsupported_node(target)

    def _unpack(self: Interpreter, targets: list[ast.expr], value: Any, statement: ast.stmt | None) -> None:
        items = self.materialize(value)
        starred = [index for index, target in enumerate(targets) if target.__class__ is ast.Starred]
        if not starred:
            if len(items) != len(targets):
                template = (
                    QT_TRANSLATE_NOOP("LanguageErrors", "too many values to unpack (expected {expected})")
                    if len(items) > len(targets)
                    else QT_TRANSLATE_NOOP("LanguageErrors", "not enough values to unpack (expected {expected}, got {got})")
                )
                raise ProgramError("ValueError", Text(ERRORS, template, {"expected": len(targets), "got": len(items)}))
            for target, item in zip(targets, items):
                self.assign(target, item, statement)
            return
        position = starred[0]
        after = len(targets) - position - 1
        if len(items) < len(targets) - 1:
            raise ProgramError(
                "ValueError",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP("LanguageErrors", "not enough values to unpack (expected at least {expected}, got {got})"),
                    {"expected": len(targets) - 1, "got": len(items)},
                ),
            )
        for target, item in zip(targets[:position], items[:position]):
            self.assign(target, item, statement)
        self.assign(targets[position].value, list(items[position : len(items) - after]), statement)
        for target, item in zip(targets[position + 1 :], items[len(items) - after :]):
            self.assign(target, item, statement)

    def _assign_attribute(self: Interpreter, receiver: Any, target: ast.Attribute, value: Any, statement: ast.stmt | None) -> None:
        name = target.attr
        if type(receiver) is ModuleProxy and not name.startswith("_") and statement is not None:
            previous = receiver.get(name) if receiver.has(name) else None
            if isinstance(previous, (TorchFunction, BuiltinFunction, BoundMethod)) and not isinstance(
                value, (TorchFunction, BuiltinFunction, BoundMethod)
            ):
                self._warn_module_function_replaced(receiver, name, statement)
        set_attribute(receiver, name, value)

    def _warn_module_function_replaced(self: Interpreter, module: ModuleProxy, name: str, statement: ast.stmt) -> None:
        value_node = getattr(statement, "value", None)
        argument = ast.unparse(value_node) if value_node is not None else "..."
        qualified = f"{module.name}.{name}"
        text = Text(
            "LanguageWarnings",
            QT_TRANSLATE_NOOP(
                "LanguageWarnings",
                "{name} = {value} replaces the function {name} with a value instead of calling it, "
                "so it does nothing. {name}({value}) was probably meant.",
            ),
            {"name": qualified, "value": argument},
        )
        self.warn(statement, text)

    def _assign_item(self: Interpreter, container: Any, key: Any, value: Any) -> None:
        if isinstance(container, torch.Tensor):
            check_tensor_index(container, key)
        elif type(container) is list:
            if type(key) is slice:
                value = self.materialize(value)
                guards.check_length(len(container) + len(value))
        elif type(container) is dict:
            guards.check_length(len(container) + 1)
        else:
            raise ProgramError(
                "TypeError",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object does not support item assignment"),
                    {"type": type(container).__name__},
                ),
            )
        container[key] = value

    def _on_AugAssign(self: Interpreter, node: ast.AugAssign) -> None:
        target = node.target
        op_type = node.op.__class__
        target_type = target.__class__
        if target_type is ast.Name:
            current = self.evaluate(target)
            operand = self.evaluate(node.value)
            check_operands(op_type, current, operand)
            self.bind(target.id, INPLACE_OPERATORS[op_type](current, operand))
        elif target_type is ast.Attribute:
            receiver = self.evaluate(target.value)
            current = get_attribute(receiver, target.attr)
            operand = self.evaluate(node.value)
            check_operands(op_type, current, operand)
            self._assign_attribute(receiver, target, INPLACE_OPERATORS[op_type](current, operand), None)
        elif target_type is ast.Subscript:
            container = self.evaluate(target.value)
            key = self.evaluate(target.slice)
            if isinstance(container, torch.Tensor):
                check_tensor_index(container, key)
            current = container[key]
            operand = self.evaluate(node.value)
            check_operands(op_type, current, operand)
            self._assign_item(container, key, INPLACE_OPERATORS[op_type](current, operand))
        else:
            raise self._unsupported_node(target)

    def _on_Delete(self: Interpreter, node: ast.Delete) -> None:
        for target in node.targets:
            if target.__class__ is not ast.Name:
                raise unsupported(QT_TRANSLATE_NOOP("LanguageErrors", "del works only on names in the playground"))
            if self.namespace.pop(target.id, _MISSING) is _MISSING:
                raise ProgramError(
                    "NameError",
                    Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "name {name!r} is not defined"), {"name": target.id}),
                )

    # Control flow.

    def _on_If(self: Interpreter, node: ast.If) -> None:
        if self.evaluate(node.test):
            self.execute_block(node.body)
        elif node.orelse:
            self.execute_block(node.orelse)

    def _on_For(self: Interpreter, node: ast.For) -> None:
        iterations = 0
        target = node.target
        body = node.body
        simple_target = target.id if target.__class__ is ast.Name else None
        for item in self.iterate(self.evaluate(node.iter)):
            iterations += 1
            if iterations > limits.MAX_LOOP_ITERATIONS:
                raise limit_exceeded("MAX_LOOP_ITERATIONS", iterations, limits.MAX_LOOP_ITERATIONS)
            if simple_target is not None:
                self.bind(simple_target, item)
            else:
                self.assign(target, item, node)
            try:
                self.execute_block(body)
            except BreakLoop:
                return
            except ContinueLoop:
                continue
        if node.orelse:
            self.execute_block(node.orelse)

    def _on_While(self: Interpreter, node: ast.While) -> None:
        iterations = 0
        while self.evaluate(node.test):
            iterations += 1
            if iterations > limits.MAX_LOOP_ITERATIONS:
                raise limit_exceeded("MAX_LOOP_ITERATIONS", iterations, limits.MAX_LOOP_ITERATIONS)
            try:
                self.execute_block(node.body)
            except BreakLoop:
                return
            except ContinueLoop:
                continue
        if node.orelse:
            self.execute_block(node.orelse)

    def _on_Break(self: Interpreter, node: ast.Break) -> None:
        raise BreakLoop

    def _on_Continue(self: Interpreter, node: ast.Continue) -> None:
        raise ContinueLoop

    def _on_Assert(self: Interpreter, node: ast.Assert) -> None:
        if not self.evaluate(node.test):
            message = "" if node.msg is None else self.to_text(self.evaluate(node.msg))
            raise ProgramError("AssertionError", Text(ERRORS, "{message}", {"message": message}))

    def _on_With(self: Interpreter, node: ast.With) -> None:
        managers = []
        try:
            for item in node.items:
                manager = self.evaluate(item.context_expr)
                if not isinstance(manager, _CONTEXT_MANAGER_TYPES):
                    raise not_allowed(
                        QT_TRANSLATE_NOOP(
                            "LanguageErrors",
                            "'with' accepts only torch.no_grad(), torch.enable_grad(), "
                            "torch.set_grad_enabled(...), torch.inference_mode() and torch.device(...), "
                            "not {type}",
                        ),
                        type=type(manager).__name__,
                    )
                entered = manager.__enter__()
                managers.append(manager)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, entered, node)
            self.execute_block(node.body)
        finally:
            for manager in reversed(managers):
                manager.__exit__(None, None, None)

    # Imports.

    def _on_Import(self: Interpreter, node: ast.Import) -> None:
        for alias in node.names:
            module = self.registry.module(alias.name)
            if alias.asname is not None:
                self.bind(alias.asname, module)
            else:
                top = alias.name.split(".")[0]
                self.bind(top, self.registry.module(top))

    def _on_ImportFrom(self: Interpreter, node: ast.ImportFrom) -> None:
        if node.level:
            raise unsupported(QT_TRANSLATE_NOOP("LanguageErrors", "relative imports are not supported in the playground"))
        module = self.registry.module(node.module or "")
        for alias in node.names:
            if alias.name == "*":
                raise unsupported(QT_TRANSLATE_NOOP("LanguageErrors", "'from ... import *' is not supported in the playground"))
            if isinstance(module, VersionOnlyModule):
                value = get_attribute(module, alias.name)
            else:
                value = module.get(alias.name)
            self.bind(alias.asname or alias.name, value)


_MISSING = object()
