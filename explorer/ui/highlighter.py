"""Syntax colours for playground programs and the list of names the editor completes."""

from __future__ import annotations

import keyword
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


KEYWORD = _format("#0033b3", bold=True)
BUILTIN = _format("#000080")
TORCH = _format("#871094")
NUMBER = _format("#1750eb")
STRING = _format("#067d17")
COMMENT = _format("#8c8c8c", italic=True)

_KEYWORDS = re.compile(r"\b(?:" + "|".join(keyword.kwlist) + r")\b")
_BUILTINS = re.compile(r"\b(?:print|range|len|list|tuple|dict|set|int|float|str|bool|abs|min|max|sum|"
                       r"enumerate|zip|round|sorted|reversed|isinstance|type|any|all|map|filter)\b")
_TORCH = re.compile(r"\b(?:torch|optim)(?:\.[A-Za-z_]\w*)*")
_NUMBER = re.compile(r"\b(?:0[xX][0-9a-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?j?|\.\d+(?:[eE][+-]?\d+)?)\b")
# Strings (with an optional f/r/b prefix) and comments, matched together so
# that a "#" inside a string is not taken for a comment.
_STRING_OR_COMMENT = re.compile(
    r"""(?P<string>[rRbBfFuU]{0,2}(?:'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?))|(?P<comment>\#.*)"""
)
# NOTE: triple-quoted strings are coloured line by line, as single-line strings.


class PythonHighlighter(QSyntaxHighlighter):
    """Colours keywords, built-ins, torch names, numbers, strings and comments."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        for pattern, text_format in ((_KEYWORDS, KEYWORD), (_BUILTINS, BUILTIN), (_TORCH, TORCH), (_NUMBER, NUMBER)):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), text_format)
        for match in _STRING_OR_COMMENT.finditer(text):
            text_format = STRING if match.group("string") else COMMENT
            self.setFormat(match.start(), match.end() - match.start(), text_format)


def completion_words() -> list[str]:
    """Return every allow-listed name a program can type, sorted, for the editor's completer.

    Imports explorer.language, which loads torch: call it once torch is ready.
    """
    from explorer.language import surface
    from explorer.language.safe_builtins import BUILTIN_CONSTANTS, BUILTINS

    words: set[str] = {"torch", "optim", "import", "with", "for", "while", "print"}
    words.update(BUILTINS)
    words.update(BUILTIN_CONSTANTS)
    for module, functions in surface.MODULE_FUNCTIONS.items():
        prefix = "optim" if module == "torch.optim" else module
        words.update(f"{prefix}.{name}" for name in functions)
    words.update(f"torch.{name}" for name in surface.TORCH_VALUES if not name.startswith("_"))
    words.update(surface.TENSOR_VALUES)
    words.update(surface.TENSOR_METHODS)
    words.update(surface.OPTIMIZER_ATTRIBUTES)
    return sorted(word for word in words if not word.startswith("_"))
