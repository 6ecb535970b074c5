"""Programs that the fuzz script (benchmarks/fuzz_language.py) found mishandled, now handled."""

from __future__ import annotations

import pytest

from explorer.language import Session
from language_oracle import run_plain

DEEP_UNARY = "x = 1\ny = " + "-" * 100_000 + "x\n"
DEEP_SUBSCRIPT = "x = [0]\ny = x" + "[0]" * 5000 + "\n"


@pytest.mark.parametrize("source", [DEEP_UNARY, DEEP_SUBSCRIPT, "y = " + "not " * 40_000 + "1\n"], ids=["unary", "subscript", "not"])
def test_parser_exhaustion_is_nesting_limit(source):
    # CPython's parser raises MemoryError or RecursionError here, not SyntaxError.
    result = Session().run(source)

    assert result.error is not None
    assert result.error.kind == "LimitExceeded"
    assert "MAX_NESTING_DEPTH" in str(result.error)
    assert (result.error.line, result.error.column) == (1, 1)


# Python's own messages name the type of a module or function operand; the
# playground's wrappers must not show their internal class names there.
TYPE_NAME_PROGRAMS = [
    "y = -torch",
    "y = torch.exp(torch)",
    "y = 1 + print",
    "y = torch.matmul(print, 1)",
    "x = torch.ones(1)\ny = x.add + 1",
    "y = torch.zeros + 1",
]


@pytest.mark.parametrize("source", TYPE_NAME_PROGRAMS)
def test_type_error_names_types_like_python(source):
    plain = run_plain(source)
    result = Session().run(source)

    assert result.error.kind == type(plain.error).__name__ == "TypeError"
    assert str(result.error) == str(plain.error)


@pytest.mark.parametrize("source", ["torch.zeros.function", "print.implementation", "x = torch.ones(1)\nx.add.receiver"])
def test_wrapper_attribute_error_hides_internal_names(source):
    result = Session().run(source)

    assert result.error.kind == "NotAllowed"
    assert "builtin_function_or_method" in str(result.error)
    for internal in ("TorchFunction", "BuiltinFunction", "BoundMethod"):
        assert internal not in str(result.error)
