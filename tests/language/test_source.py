"""Program text checks before interpretation: syntax, notebook lines, depth, length."""

from __future__ import annotations

import pytest

from explorer.language import limits
from explorer.language.errors import ProgramError
from explorer.language.source import parse_program


def test_valid_program_parses():
    tree = parse_program("x = 1\nprint(x)", "<program>")

    assert len(tree.body) == 2


def test_syntax_error_position_matches_python():
    source = "x = (1,\ny = 2"
    with pytest.raises(SyntaxError) as python_error:
        compile(source, "<program>", "exec", flags=0x400)  # PyCF_ONLY_AST: parse only

    with pytest.raises(ProgramError) as caught:
        parse_program(source, "<program>")

    assert caught.value.kind == "SyntaxError"
    assert str(caught.value) == python_error.value.msg
    assert (caught.value.line, caught.value.column) == (python_error.value.lineno, python_error.value.offset)


def test_null_byte_is_syntax_error():
    with pytest.raises(ProgramError) as caught:
        parse_program("x = 1\0", "<program>")

    assert caught.value.kind == "SyntaxError"


def test_shell_line_inside_string_is_code():
    tree = parse_program("s = '''\n!not a shell line\n'''", "<program>")

    assert len(tree.body) == 1


def test_deep_nesting_rejected():
    source = "x = " + "-" * (limits.MAX_NESTING_DEPTH + 5) + "1"

    with pytest.raises(ProgramError) as caught:
        parse_program(source, "<program>")

    assert "MAX_NESTING_DEPTH" in str(caught.value)
    assert caught.value.line == 1


def test_magic_cell_rejected():
    with pytest.raises(ProgramError) as caught:
        parse_program("%%time\nx = 1", "<program>")

    assert caught.value.kind == "Unsupported"
    assert caught.value.line == 1
