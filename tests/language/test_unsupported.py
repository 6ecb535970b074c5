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
