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
