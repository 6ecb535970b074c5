"""A plain-text code editor with line numbers, syntax colours, completion and an error underline."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QKeySequence, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QTextEdit, QWidget

from explorer.ui.highlighter import PythonHighlighter

INDENT = "    "
# The popup opens once this many characters of a name are typed.
COMPLETION_PREFIX_CHARS = 2
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")


class _LineNumberArea(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.line_number_width(), 0)

    def paintEvent(self, event) -> None:
        self._editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """Editor for playground programs. Ctrl+Enter emits `run_requested`."""

    run_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(11)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * len(INDENT))
        self._numbers = _LineNumberArea(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._scroll_numbers)
        self._update_margin()
        self._error_selection: QTextEdit.ExtraSelection | None = None
        self.highlighter = PythonHighlighter(self.document())
        self.completer = QCompleter(QStringListModel([], self), self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._on_completer_activated)

    def set_completion_words(self, words: list[str]) -> None:
        self.completer.model().setStringList(words)

    def set_font_size(self, points: int) -> None:
        font = self.font()
        font.setPointSize(points)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * len(INDENT))
        self._update_margin()

    def _name_before_cursor(self) -> str:
        cursor = self.textCursor()
        line = cursor.block().text()[: cursor.positionInBlock()]
        start = len(line)
        while start > 0 and line[start - 1] in _NAME_CHARS:
            start -= 1
        return line[start:]

    @Slot(str)
    def _on_completer_activated(self, word: str) -> None:
        prefix = self.completer.completionPrefix()
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(prefix))
        cursor.insertText(word)
        self.setTextCursor(cursor)

    def _update_completion(self) -> None:
        prefix = self._name_before_cursor()
        if len(prefix) < COMPLETION_PREFIX_CHARS or prefix[0].isdigit():
            self.completer.popup().hide()
            return
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0 or self.completer.currentCompletion() == prefix:
            self.completer.popup().hide()
            return
        self.completer.popup().setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(self.completer.popup().sizeHintForColumn(0) + 24)
        self.completer.complete(rect)

    def line_number_width(self) -> int:
        digits = max(2, len(str(self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margin(self) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _scroll_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        self._numbers.setGeometry(QRect(contents.left(), contents.top(), self.line_number_width(), contents.height()))

    def paint_line_numbers(self, event) -> None:
        painter = QPainter(self._numbers)
        painter.fillRect(event.rect(), QColor("#f0f0f0"))
        painter.setPen(QColor("#888888"))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible():
                painter.drawText(
                    0, top, self._numbers.width() - 5, height,
                    Qt.AlignmentFlag.AlignRight, str(block.blockNumber() + 1),
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()

    def keyPressEvent(self, event) -> None:
        if self.completer.popup().isVisible() and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape, Qt.Key.Key_Backtab,
        ):
            # The popup handles these keys itself.
            event.ignore()
            return
        self._handle_key(event)
        if event.text() and (event.text() in _NAME_CHARS or event.key() == Qt.Key.Key_Backspace):
            self._update_completion()
        else:
            self.completer.popup().hide()

    def _handle_key(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.run_requested.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.insertPlainText(INDENT)
            return
        if event.matches(QKeySequence.StandardKey.InsertParagraphSeparator):
            # Keep the indentation of the current line, and indent after a colon.
            line = self.textCursor().block().text()
            indent = line[: len(line) - len(line.lstrip())]
            if line.rstrip().endswith(":"):
                indent += INDENT
            super().keyPressEvent(event)
            self.insertPlainText(indent)
            return
        super().keyPressEvent(event)

    def mark_error(self, line: int, column: int, end_line: int, end_column: int) -> None:
        """Underline the span from (line, column) to (end_line, end_column), 1-based."""
        document = self.document()
        start_block = document.findBlockByNumber(max(line - 1, 0))
        if not start_block.isValid():
            return
        cursor = QTextCursor(start_block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(column - 1, 0))
        end_block = document.findBlockByNumber(max(end_line - 1, 0))
        if end_block.isValid() and (end_line, end_column) > (line, column):
            end = end_block.position() + min(max(end_column - 1, 0), end_block.length() - 1)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        if not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)

        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(QColor("#d62728"))
        underline.setBackground(QColor("#fde0e0"))
        selection.format = underline

        line_selection = QTextEdit.ExtraSelection()
        line_selection.cursor = QTextCursor(start_block)
        background = QTextCharFormat()
        background.setBackground(QColor("#fff3f3"))
        background.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line_selection.format = background
        self.setExtraSelections([line_selection, selection])
        self._error_selection = selection

    def clear_error(self) -> None:
        self.setExtraSelections([])
        self._error_selection = None

    def error_span(self) -> tuple[int, int] | None:
        """Return the (start, end) document positions of the underlined error, if any."""
        if self._error_selection is None:
            return None
        cursor = self._error_selection.cursor
        return cursor.selectionStart(), cursor.selectionEnd()
