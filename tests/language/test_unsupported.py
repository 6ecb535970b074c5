"""Python constructs the playground deliberately leaves out, each with a clear error."""

from __future__ import annotations

import pytest

from explorer.language import Session

UNSUPPORTED = {
    "function definition": ("def f(x):\n    return x", "def"),
    "lambda": ("f = lambda x: x", "lambda"),
    "class": ("class Model:\n    pass", "class"),
    "try": ("try:\n    x = 1\nexcept Exception:\n    pass", "try"),
    "raise": ("raise ValueError('x')", "raise"),
    "global": ("global x", "global"),
    "walrus": ("print(y := 1)", ":="),
    "match": ("match 1:\n    case 1:\n        pass", "match"),
    "star import": ("from torch import *", "import *"),
    "relative import": ("from . import x", "relative"),
    "del item": ("x = [1]\ndel x[0]", "del"),
    "async": ("async def f():\n    pass", "async"),
}


@pytest.mark.parametrize(("source", "word"), UNSUPPORTED.values(), ids=UNSUPPORTED.keys())
def test_construct_is_unsupported(source, word):
    result = Session().run(source)

    assert result.error is not None
    assert result.error.kind == "Unsupported"
    assert word in str(result.error)
    assert result.error.line >= 1
    assert result.error.column >= 1


def test_unsupported_stops_before_later_lines():
    result = Session().run("print('a')\nf = lambda: 1\nprint('b')")

    assert result.output == "a\n"
    assert (result.error.line, result.error.column) == (2, 5)


def test_ipython_magic_is_explained():
    result = Session().run("%matplotlib inline")

    assert result.error.kind == "Unsupported"
    assert "magic" in str(result.error)


def test_with_other_context_rejected():
    result = Session().run("with [1]:\n    pass")

    assert result.error.kind == "NotAllowed"
    assert "torch.no_grad()" in str(result.error)


# Python's compiler rejects these before anything runs, although ast.parse accepts them.
MISPLACED = [
    ("print('before')\nbreak", "'break' outside loop", (2, 1)),
    ("print('before')\ncontinue", "'continue' not properly in loop", (2, 1)),
    ("if True:\n    break", "'break' outside loop", (2, 5)),
    ("x = 1\nif x:\n    continue", "'continue' not properly in loop", (3, 5)),
    ("with torch.no_grad():\n    break", "'break' outside loop", (2, 5)),
    ("for i in range(2):\n    pass\nelse:\n    break", "'break' outside loop", (4, 5)),
    ("return 1", "'return' outside function", (1, 1)),
    ("x = (yield)", "'yield' outside function", (1, 6)),
    ("s = '한글'; break", "'break' outside loop", (1, 11)),
]


@pytest.mark.parametrize(("source", "message", "position"), MISPLACED, ids=[case[0] for case in MISPLACED])
def test_misplaced_statement_is_syntax_error(source, message, position):
    result = Session().run(source)

    assert result.error is not None
    assert result.error.kind == "SyntaxError"
    assert str(result.error) == message
    assert (result.error.line, result.error.column) == position
    assert result.output == ""


def test_break_and_continue_inside_loops_run():
    source = (
        "out = []\nfor i in range(5):\n    if i == 1:\n        continue\n    with torch.no_grad():\n"
        "        if i == 3:\n            break\n    out.append(i)\nelse:\n    out.append(-1)\n"
        "n = 0\nwhile True:\n    n += 1\n    if n > 2:\n        break\nprint(out, n)"
    )
    result = Session().run(source)

    assert result.error is None
    assert result.output == "[0, 2] 3\n"
