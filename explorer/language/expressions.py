"""Handlers for expression nodes: operators, calls, attributes, displays, comprehensions, f-strings.

A mixin of `Interpreter`; every handler takes its node and returns the value.
Operators check sizes before computing (integer powers, sequence repetition,
tensor broadcasting) and otherwise use Python's own operator semantics.
"""

from __future__ import annotations

import ast
import operator
import re
from typing import TYPE_CHECKING, Any

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import budget, guards, limits
from explorer.language.attributes import get_attribute
from explorer.language.errors import ERRORS, ProgramError, limit_exceeded, not_allowed
from explorer.language.textsize import check_format_spec, check_text

if TYPE_CHECKING:
    from explorer.language.interpreter import Interpreter

_TENSOR_TYPE = torch.Tensor
_SEQUENCE_TYPES = (str, list, tuple)

BINARY_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.MatMult: operator.matmul,
    ast.LShift: operator.lshift,
    ast.RShift: operator.rshift,
    ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_,
    ast.BitXor: operator.xor,
}

# In-place forms for augmented assignment: tensors and lists change in place, as in Python.
INPLACE_OPERATORS = {
    ast.Add: operator.iadd,
    ast.Sub: operator.isub,
    ast.Mult: operator.imul,
    ast.Div: operator.itruediv,
    ast.FloorDiv: operator.ifloordiv,
    ast.Mod: operator.imod,
    ast.Pow: operator.ipow,
    ast.MatMult: operator.imatmul,
    ast.LShift: operator.ilshift,
    ast.RShift: operator.irshift,
    ast.BitAnd: operator.iand,
    ast.BitOr: operator.ior,
    ast.BitXor: operator.ixor,
}

COMPARISONS = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
    ast.In: lambda left, right: left in right,
    ast.NotIn: lambda left, right: left not in right,
}

UNARY_OPERATORS = {
    ast.UAdd: operator.pos,
    ast.USub: operator.neg,
    ast.Not: operator.not_,
    ast.Invert: operator.invert,
}

# One printf-style conversion: flags, width, precision, length modifier, conversion type.
_PERCENT_SPEC = re.compile(r"%[-+ #0]*(?P<width>\*|\d*)(?:\.(?P<precision>\*|\d*))?[hlL]?(?P<conversion>.?)", re.DOTALL)


def check_operands(op_type: type, left: object, right: object) -> None:
    """Raise before an operator whose result would exceed a limit."""
    if isinstance(left, _TENSOR_TYPE):
        if op_type is ast.MatMult:
            guards.check_matmul(left, right)
        else:
            guards.check_binary_tensors(left, right)
        return
    if isinstance(right, _TENSOR_TYPE):
        if op_type is ast.MatMult:
            guards.check_matmul(right, left)
        else:
            guards.check_binary_tensors(right, left)
        return
    left_type = type(left)
    right_type = type(right)
    if op_type is ast.Pow:
        if left_type in (int, bool) and right_type in (int, bool):
            guards.check_int_power(left, right)
    elif op_type is ast.Mult:
        if left_type is int and right_type in _SEQUENCE_TYPES:
            guards.check_created(len(right) * max(left, 0), _item_bytes(right_type))
        elif right_type is int and left_type in _SEQUENCE_TYPES:
            guards.check_created(len(left) * max(right, 0), _item_bytes(left_type))
        elif left_type is int and right_type is int:
            guards.check_int_bits(left.bit_length() + right.bit_length())
    elif op_type is ast.Add:
        if left_type in _SEQUENCE_TYPES and right_type is left_type:
            guards.check_created(len(left) + len(right), _item_bytes(left_type))
    elif op_type is ast.LShift:
        if left_type is int and right_type is int and right > 0:
            guards.check_int_bits(left.bit_length() + right)
    elif op_type is ast.Mod and left_type is str:
        _check_percent_format(left, right)


def _item_bytes(sequence_type: type) -> int:
    return budget.CHARACTER_BYTES if sequence_type is str else budget.ITEM_BYTES


def _check_percent_format(template: str, values: object) -> None:
    """Check the widths and precisions of a printf-style template before `template % values`.

    A `*` width or precision takes its value from the next argument, as in
    Python, and a negative `*` width means the absolute width, left-justified.
    """
    if "%(" in template:
        raise not_allowed(QT_TRANSLATE_NOOP("LanguageErrors", "%-formatting with named fields is not supported; use an f-string"))
    arguments = values if type(values) is tuple else (values,)
    position = 0
    for match in _PERCENT_SPEC.finditer(template):
        if match.group("conversion") == "%":
            continue
        for field in (match.group("width"), match.group("precision")):
            if field == "*":
                value = arguments[position] if position < len(arguments) else None
                position += 1
                if type(value) in (int, bool):
                    _check_format_number(abs(value))
            elif field:
                _check_format_number(int(field[:30]))
        position += 1
    check_text(values)


def _check_format_number(number: int) -> None:
    if number > limits.MAX_FORMAT_WIDTH:
        raise limit_exceeded("MAX_FORMAT_WIDTH", number, limits.MAX_FORMAT_WIDTH)


class ExpressionHandlers:
    """Expression handlers of the interpreter (mixed into `Interpreter`)."""

    def _on_Constant(self: Interpreter, node: ast.Constant) -> Any:
        return node.value

    def _on_Name(self: Interpreter, node: ast.Name) -> Any:
        scope = self.scope
        if scope is not None and node.id in scope:
            return scope[node.id]
        try:
            return self.namespace[node.id]
        except KeyError:
            return self.lookup(node.id)

    def _on_BinOp(self: Interpreter, node: ast.BinOp) -> Any:
        left = self.evaluate(node.left)
        right = self.evaluate(node.right)
        op_type = node.op.__class__
        check_operands(op_type, left, right)
        result = BINARY_OPERATORS[op_type](left, right)
        if op_type is ast.Mod and result.__class__ is str:
            budget.note_created(len(result), budget.CHARACTER_BYTES)
        else:
            self.memory.track(result)
        return result

    def power(self: Interpreter, base: object, exponent: object) -> Any:
        check_operands(ast.Pow, base, exponent)
        return base**exponent

    def _on_UnaryOp(self: Interpreter, node: ast.UnaryOp) -> Any:
        result = UNARY_OPERATORS[node.op.__class__](self.evaluate(node.operand))
        self.memory.track(result)
        return result

    def _on_BoolOp(self: Interpreter, node: ast.BoolOp) -> Any:
        is_and = node.op.__class__ is ast.And
        value = None
        for operand in node.values:
            value = self.evaluate(operand)
            if is_and != bool(value):
                return value
        return value

    def _on_Compare(self: Interpreter, node: ast.Compare) -> Any:
        left = self.evaluate(node.left)
        result: Any = True
        for op, comparator in zip(node.ops, node.comparators):
            right = self.evaluate(comparator)
            op_type = op.__class__
            if op_type not in (ast.Is, ast.IsNot, ast.In, ast.NotIn):
                check_operands(op_type, left, right)
            result = COMPARISONS[op_type](left, right)
            if len(node.ops) > 1 and not result:
                return result
            left = right
        self.memory.track(result)
        return result

    def _on_IfExp(self: Interpreter, node: ast.IfExp) -> Any:
        return self.evaluate(node.body) if self.evaluate(node.test) else self.evaluate(node.orelse)

    # Calls and attributes.

    def _on_Call(self: Interpreter, node: ast.Call) -> Any:
        function_node = node.func
        if function_node.__class__ is ast.Attribute:
            receiver = self.evaluate(function_node.value)
            args = self._arguments(node.args)
            kwargs = self._keywords(node.keywords) if node.keywords else {}
            result = self.call_method(receiver, function_node.attr, args, kwargs)
        else:
            function = self.evaluate(function_node)
            args = self._arguments(node.args)
            kwargs = self._keywords(node.keywords) if node.keywords else {}
            result = self.call_value(function, args, kwargs)
        if result.__class__ is str:
            # repr(), str.format() and other string methods: each result is at
            # most MAX_SEQUENCE_LENGTH long, but a loop can keep many of them.
            budget.note_created(len(result), budget.CHARACTER_BYTES)
        else:
            self.memory.track(result)
        if self.warning_log:
            self.collect_warnings(node)
        return result

    def _arguments(self: Interpreter, nodes: list[ast.expr]) -> tuple:
        values = []
        for argument in nodes:
            if argument.__class__ is ast.Starred:
                values.extend(self.materialize(self.evaluate(argument.value)))
            else:
                values.append(self.evaluate(argument))
        return tuple(values)

    def _keywords(self: Interpreter, keywords: list[ast.keyword]) -> dict:
        values: dict[str, Any] = {}
        for keyword in keywords:
            value = self.evaluate(keyword.value)
            if keyword.arg is not None:
                values[keyword.arg] = value
                continue
            if type(value) is not dict or not all(type(key) is str for key in value):
                raise ProgramError(
                    "TypeError",
                    Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "argument after ** must be a dict with string keys")),
                )
            values.update(value)
        return values

    def _on_Attribute(self: Interpreter, node: ast.Attribute) -> Any:
        receiver = self.evaluate(node.value)
        value = get_attribute(receiver, node.attr)
        hint = None
        if node.attr == "grad" and isinstance(receiver, _TENSOR_TYPE):
            hint = self.check_grad_read(node, receiver, value)
        if self.warning_log:
            self.collect_warnings(node, hint)
        return value

    def _on_Subscript(self: Interpreter, node: ast.Subscript) -> Any:
        container = self.evaluate(node.value)
        key = self.evaluate(node.slice)
        if isinstance(container, _TENSOR_TYPE):
            check_tensor_index(container, key)
        elif not _subscriptable(container):
            raise ProgramError(
                "TypeError",
                Text(
                    ERRORS,
                    QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object is not subscriptable"),
                    {"type": type(container).__name__},
                ),
            )
        result = container[key]
        self.memory.track(result)
        return result

    def _on_Slice(self: Interpreter, node: ast.Slice) -> slice:
        lower = None if node.lower is None else self.evaluate(node.lower)
        upper = None if node.upper is None else self.evaluate(node.upper)
        step = None if node.step is None else self.evaluate(node.step)
        return slice(lower, upper, step)

    # Displays.

    def _elements(self: Interpreter, nodes: list[ast.expr]) -> list:
        values: list = []
        for element in nodes:
            if element.__class__ is ast.Starred:
                values.extend(self.materialize(self.evaluate(element.value)))
                guards.check_length(len(values))
            else:
                values.append(self.evaluate(element))
        return values

    def _on_Tuple(self: Interpreter, node: ast.Tuple) -> tuple:
        return tuple(self._elements(node.elts))

    def _on_List(self: Interpreter, node: ast.List) -> list:
        return self._elements(node.elts)

    def _on_Set(self: Interpreter, node: ast.Set) -> set:
        return set(self._elements(node.elts))

    def _on_Dict(self: Interpreter, node: ast.Dict) -> dict:
        result: dict = {}
        for key_node, value_node in zip(node.keys, node.values):
            if key_node is None:
                mapping = self.evaluate(value_node)
                if type(mapping) is not dict:
                    raise ProgramError(
                        "TypeError",
                        Text(ERRORS, QT_TRANSLATE_NOOP("LanguageErrors", "{type!r} object is not a mapping"), {"type": type(mapping).__name__}),
                    )
                result.update(mapping)
            else:
                key = self.evaluate(key_node)
                result[key] = self.evaluate(value_node)
        return result

    # Comprehensions: their targets live in a scope of their own, as in Python 3.

    def _comprehension(self: Interpreter, generators: list[ast.comprehension], produce) -> None:
        outer_scope = self.scope
        self.scope = dict(outer_scope) if outer_scope is not None else {}
        try:
            self._comprehension_loop(generators, 0, produce)
        finally:
            self.scope = outer_scope

    def _comprehension_loop(self: Interpreter, generators: list[ast.comprehension], index: int, produce) -> None:
        generator = generators[index]
        if generator.is_async:
            raise self._unsupported_node(generator)
        iterable = self.evaluate(generator.iter)
        last = index == len(generators) - 1
        iterations = 0
        for item in self.iterate(iterable):
            iterations += 1
            if iterations > limits.MAX_LOOP_ITERATIONS:
                raise limit_exceeded("MAX_LOOP_ITERATIONS", iterations, limits.MAX_LOOP_ITERATIONS)
            self.assign(generator.target, item)
            if generator.ifs and not all(self.evaluate(condition) for condition in generator.ifs):
                continue
            if last:
                produce()
            else:
                self._comprehension_loop(generators, index + 1, produce)

    def _on_ListComp(self: Interpreter, node: ast.ListComp) -> list:
        result: list = []
        self._comprehension(node.generators, lambda: result.append(self.evaluate(node.elt)))
        return result

    # Generator expressions are evaluated eagerly into a list: the playground has no generators.
    _on_GeneratorExp = _on_ListComp

    def _on_SetComp(self: Interpreter, node: ast.SetComp) -> set:
        result: set = set()
        self._comprehension(node.generators, lambda: result.add(self.evaluate(node.elt)))
        return result

    def _on_DictComp(self: Interpreter, node: ast.DictComp) -> dict:
        result: dict = {}

        def produce() -> None:
            key = self.evaluate(node.key)
            result[key] = self.evaluate(node.value)

        self._comprehension(node.generators, produce)
        return result

    # f-strings.

    def _on_JoinedStr(self: Interpreter, node: ast.JoinedStr) -> str:
        pieces = []
        length = 0
        for part in node.values:
            piece = part.value if part.__class__ is ast.Constant else self.evaluate(part)
            length += len(piece)
            guards.check_length(length)
            pieces.append(piece)
        budget.note_created(length, budget.CHARACTER_BYTES)
        return "".join(pieces)

    def _on_FormattedValue(self: Interpreter, node: ast.FormattedValue) -> str:
        value = self.evaluate(node.value)
        conversion = node.conversion
        if conversion != -1:
            check_text(value)
            if conversion == ord("s"):
                value = str(value)
            elif conversion == ord("r"):
                value = repr(value)
            elif conversion == ord("a"):
                value = ascii(value)
        spec = "" if node.format_spec is None else self.evaluate(node.format_spec)
        if spec:
            check_format_spec(spec)
        elif type(value) is str:
            return value
        check_text(value)
        return format(value, spec)


def _subscriptable(value: object) -> bool:
    return isinstance(value, (list, tuple, str, dict, range, torch.Size)) or type(value).__module__ == "torch.return_types"


def check_tensor_index(tensor: torch.Tensor, key: object) -> None:
    """Raise before advanced indexing that would gather too many elements."""
    keys = key if type(key) is tuple else (key,)
    factor = 1
    has_mask = False
    for item in keys:
        if isinstance(item, _TENSOR_TYPE):
            if item.dtype is torch.bool:
                has_mask = True
            else:
                factor *= max(item.numel(), 1)
        elif type(item) is list:
            factor *= max(len(item), 1)
    if factor == 1 or tensor.numel() * factor <= limits.MAX_TENSOR_ELEMENTS:
        return
    if has_mask:
        raise limit_exceeded("MAX_TENSOR_ELEMENTS", tensor.numel() * factor, limits.MAX_TENSOR_ELEMENTS)
    guards.check_call(guards.DRY_RUN, lambda receiver, index: receiver[index], tensor, (key,), {})
