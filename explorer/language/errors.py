"""Errors and warnings that a playground program produces.

A `ProgramError` is raised without a position deep inside the interpreter and
gets its line and column from the innermost syntax node that was being
evaluated when it propagates out of that node.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language import limits

ERRORS = "LanguageErrors"


class ProgramError(Exception):
    """An error in the user's program, with its kind, position and an optional hint.

    `kind` reads like a Python exception name ("NameError", "RuntimeError") or
    one of the playground's own kinds ("LimitExceeded", "NotAllowed",
    "Unsupported", "Cancelled"). Lines and columns are 1-based; 0 means the
    position is not known yet.
    """

    def __init__(
        self,
        kind: str,
        message: Text,
        line: int = 0,
        column: int = 0,
        end_line: int | None = None,
        end_column: int | None = None,
        hint: Text | None = None,
    ) -> None:
        super().__init__(str(message))
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.end_line = line if end_line is None else end_line
        self.end_column = column if end_column is None else end_column
        self.hint = hint

    def __str__(self) -> str:
        return str(self.message)

    def __repr__(self) -> str:
        return f"ProgramError({self.kind!r}, {str(self.message)!r}, line={self.line}, column={self.column})"

    def set_position(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column


@dataclass(frozen=True)
class ProgramWarning:
    """A warning raised while a program ran, at the program line that raised it.

    `message` is PyTorch's own text verbatim for warnings that torch raises,
    and English for the playground's own warnings, which also carry `text` for
    translation. `hint` explains a well-known warning to a learner.
    """

    line: int
    message: str
    category: str
    text: Text | None = None
    hint: Text | None = None


def verbatim(message: str) -> Text:
    """Wrap a message that stays as written (PyTorch's or Python's own text)."""
    return Text(ERRORS, "{message}", {"message": message})


def not_allowed(template: str, **args: object) -> ProgramError:
    return ProgramError("NotAllowed", Text(ERRORS, template, args))


def unsupported(template: str, **args: object) -> ProgramError:
    return ProgramError("Unsupported", Text(ERRORS, template, args))


_LIMIT_MESSAGES = {
    "MAX_TENSOR_ELEMENTS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_TENSOR_ELEMENTS exceeded: the tensor would have {value:,} elements, the maximum is {maximum:,}",
    ),
    "MAX_ALLOCATION_BYTES": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_ALLOCATION_BYTES exceeded: the tensor would take {value:,} bytes, the maximum is {maximum:,}",
    ),
    "MAX_INT_BITS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_INT_BITS exceeded: the integer would have about {value:,} bits, the maximum is {maximum:,}",
    ),
    "MAX_SEQUENCE_LENGTH": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_SEQUENCE_LENGTH exceeded: the sequence would have {value:,} items, the maximum is {maximum:,}",
    ),
    "MAX_LOOP_ITERATIONS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_LOOP_ITERATIONS exceeded: the loop ran {value:,} times, the maximum is {maximum:,}",
    ),
    "MAX_EVALUATION_STEPS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_EVALUATION_STEPS exceeded: the program took {value:,} evaluation steps, the maximum is {maximum:,}",
    ),
    "MAX_NESTING_DEPTH": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_NESTING_DEPTH exceeded: the code is nested {value:,} levels deep, the maximum is {maximum:,}",
    ),
    "MAX_DATA_DEPTH": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_DATA_DEPTH exceeded: the data is nested {value:,} levels deep (lists inside lists), "
        "the maximum is {maximum:,}",
    ),
    "MAX_OPERATION_FLOPS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_OPERATION_FLOPS exceeded: this matrix product would take about {value:,} floating-point "
        "operations, the maximum is {maximum:,}. Use smaller matrices.",
    ),
    "MAX_TOTAL_TENSOR_BYTES": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_TOTAL_TENSOR_BYTES exceeded: the tensors this session keeps alive would take {value:,} bytes, "
        "the maximum is {maximum:,}. Keep fewer large tensors alive, for example in lists.",
    ),
    "MAX_CREATED_SEQUENCE_BYTES": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_CREATED_SEQUENCE_BYTES exceeded: the lists and strings built in this run add up to "
        "about {value:,} bytes, the maximum is {maximum:,}",
    ),
    "MAX_SOURCE_CHARS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_SOURCE_CHARS exceeded: the program has {value:,} characters, the maximum is {maximum:,}",
    ),
    "MAX_OUTPUT_CHARS": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_OUTPUT_CHARS exceeded: the program would print {value:,} characters, the maximum is {maximum:,}",
    ),
    "MAX_FORMAT_WIDTH": QT_TRANSLATE_NOOP(
        "LanguageErrors",
        "limit MAX_FORMAT_WIDTH exceeded: a format width or precision of {value:,}, the maximum is {maximum:,}",
    ),
}


def limit_exceeded(limit_name: str, value: int, maximum: int) -> ProgramError:
    """Build the error for an exceeded limit, naming the limit, the requested size and the maximum."""
    text = Text(ERRORS, _LIMIT_MESSAGES[limit_name], {"value": value, "maximum": maximum})
    return ProgramError("LimitExceeded", text)


def data_too_deep() -> ProgramError:
    """Build the error for data nested deeper than Python's recursion limit lets an operation walk."""
    return ProgramError(
        "LimitExceeded",
        Text(
            ERRORS,
            QT_TRANSLATE_NOOP(
                "LanguageErrors",
                "the data is nested too deep (lists inside lists) for this operation: it reached "
                "Python's recursion limit. Nest the data less deeply; MAX_DATA_DEPTH is {maximum:,} levels.",
            ),
            {"maximum": limits.MAX_DATA_DEPTH},
        ),
    )


def out_of_memory() -> ProgramError:
    """Build the error for Python's MemoryError, whose own message is empty."""
    return ProgramError(
        "MemoryError",
        Text(
            ERRORS,
            QT_TRANSLATE_NOOP(
                "LanguageErrors",
                "out of memory: the computer could not allocate memory for this operation. "
                "Use smaller tensors or lists, or keep fewer of them alive.",
            ),
        ),
    )


def attribute_not_allowed(type_name: str, name: str) -> ProgramError:
    return not_allowed(
        QT_TRANSLATE_NOOP(
            "LanguageErrors",
            "attribute {name!r} of {type} values is not available in the playground",
        ),
        name=name,
        type=type_name,
    )
