"""Checks on program text before interpretation: length, notebook-only lines, syntax, depth."""

from __future__ import annotations

import ast
import re

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import limits
from explorer.language.errors import ERRORS, ProgramError, limit_exceeded, verbatim

_SHELL_LINE = re.compile(r"^(\s*)!\s*(\S.*)?$")
_MAGIC_LINE = re.compile(r"^(\s*)%{1,2}[A-Za-z]\w*")


def parse_program(source: str, filename: str) -> ast.Module:
    """Parse `source` into a syntax tree, or raise a ProgramError with the position.

    IPython shell escapes (`!nvidia-smi`) and magics (`%time`) are syntax errors
    in Python. They are reported as notebook-only lines instead, with a hint
    to where the playground shows the same information.
    """
    if len(source) > limits.MAX_SOURCE_CHARS:
        error = limit_exceeded("MAX_SOURCE_CHARS", len(source), limits.MAX_SOURCE_CHARS)
        error.set_position(1, 1, 1, 1)
        raise error
    try:
        tree = ast.parse(source, filename=filename, mode="exec")
    except SyntaxError as syntax_error:
        notebook_error = _notebook_line_error(source)
        if notebook_error is not None:
            raise notebook_error from None
        raise _syntax_error(syntax_error) from None
    except ValueError as value_error:  # null bytes in the source
        raise ProgramError("SyntaxError", verbatim(str(value_error)), 1, 1) from None
    except (MemoryError, RecursionError):
        # CPython's parser gives up on very deep nesting without parentheses
        # (`- - - ... x`, `x[0][0]...`) with these instead of a SyntaxError.
        error = limit_exceeded("MAX_NESTING_DEPTH", limits.MAX_NESTING_DEPTH + 1, limits.MAX_NESTING_DEPTH)
        error.set_position(1, 1, 1, 1)
        raise error from None
    check_depth(tree)
    check_statement_context(tree, source)
    return tree


def _syntax_error(error: SyntaxError) -> ProgramError:
    line = error.lineno or 1
    column = error.offset or 1
    end_line = error.end_lineno or line
    end_column = error.end_offset or column
    return ProgramError("SyntaxError", verbatim(error.msg), line, column, end_line, end_column)


def _notebook_line_error(source: str) -> ProgramError | None:
    for number, text in enumerate(source.splitlines(), start=1):
        shell = _SHELL_LINE.match(text)
        if shell is not None:
            command = (shell.group(2) or "").strip()
            message = Text(
                ERRORS,
                QT_TRANSLATE_NOOP(
                    "LanguageErrors",
                    "'!{command}' is an IPython shell command; it runs only in Jupyter or Colab, not in the playground",
                ),
                {"command": command},
            )
            hint = Text(
                "LanguageHints",
                QT_TRANSLATE_NOOP(
                    "LanguageHints",
                    "The Device tab shows what nvidia-smi and nvcc -V report: the GPUs, their memory, "
                    "and the CUDA version torch was built with. Remove this line.",
                ),
            )
            column = len(shell.group(1)) + 1
            return ProgramError("Unsupported", message, number, column, number, len(text) + 1, hint=hint)
        magic = _MAGIC_LINE.match(text)
        if magic is not None:
            message = Text(
                ERRORS,
                QT_TRANSLATE_NOOP(
                    "LanguageErrors",
                    "'{magic}' is an IPython magic command; it runs only in Jupyter or Colab. Remove this line.",
                ),
                {"magic": text.strip()},
            )
            column = len(magic.group(1)) + 1
            return ProgramError("Unsupported", message, number, column, number, len(text) + 1)
    return None


# Python's compiler rejects these outside the construct they belong to, although
# ast.parse accepts them. The messages are CPython 3.11's.
_OUTSIDE_LOOP = {
    ast.Break: "'break' outside loop",
    ast.Continue: "'continue' not properly in loop",
}
_OUTSIDE_FUNCTION = {
    ast.Return: "'return' outside function",
    ast.Yield: "'yield' outside function",
    ast.YieldFrom: "'yield' outside function",
    ast.Await: "'await' outside function",
}
_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def check_statement_context(tree: ast.Module, source: str) -> None:
    """Raise the SyntaxError Python's compiler gives for break, continue, return, yield or await out of place.

    A loop's body is inside the loop but its `else` block is not, and a
    function or class body starts outside any loop. The tree is walked in
    source order without recursion, so the first misplaced statement is reported.
    """
    # (node, inside a loop, inside a function)
    pending: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]
    while pending:
        node, in_loop, in_function = pending.pop()
        node_type = type(node)
        message = None
        if node_type in _OUTSIDE_LOOP and not in_loop:
            message = _OUTSIDE_LOOP[node_type]
        elif node_type in _OUTSIDE_FUNCTION and not in_function:
            message = _OUTSIDE_FUNCTION[node_type]
        if message is not None:
            raise _misplaced(node, message, source)
        children: list[tuple[ast.AST, bool, bool]] = []
        if node_type in (ast.For, ast.AsyncFor, ast.While):
            loop_parts = {id(child) for child in node.body}
            for child in ast.iter_child_nodes(node):
                children.append((child, id(child) in loop_parts, in_function))
        elif node_type in _FUNCTION_NODES:
            children = [(child, False, True) for child in ast.iter_child_nodes(node)]
        elif node_type is ast.ClassDef:
            children = [(child, False, in_function) for child in ast.iter_child_nodes(node)]
        else:
            children = [(child, in_loop, in_function) for child in ast.iter_child_nodes(node)]
        pending.extend(reversed(children))


def _misplaced(node: ast.AST, message: str, source: str) -> ProgramError:
    lines = source.splitlines()

    def column(line: int, byte_offset: int) -> int:
        text = lines[line - 1] if 1 <= line <= len(lines) else ""
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")) + 1

    line = node.lineno
    end_line = node.end_lineno or line
    end_offset = node.end_col_offset if node.end_col_offset is not None else node.col_offset
    return ProgramError(
        "SyntaxError", verbatim(message), line, column(line, node.col_offset), end_line, column(end_line, end_offset)
    )


def check_depth(tree: ast.AST) -> None:
    """Raise if the syntax tree nests deeper than MAX_NESTING_DEPTH (walked without recursion)."""
    pending: list[tuple[ast.AST, int]] = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > limits.MAX_NESTING_DEPTH:
            error = limit_exceeded("MAX_NESTING_DEPTH", depth, limits.MAX_NESTING_DEPTH)
            line = getattr(node, "lineno", 1)
            error.set_position(line, getattr(node, "col_offset", 0) + 1, line, getattr(node, "col_offset", 0) + 1)
            raise error
        for child in ast.iter_child_nodes(node):
            pending.append((child, depth + 1))
