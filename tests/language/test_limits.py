"""Every limit stops a program before the work it bounds, naming the limit and the line."""

from __future__ import annotations

import time

import pytest

from explorer.language import Session, limits

# (program, name of the limit in the message, line of the error)
OVER_LIMIT = [
    ("10**10**10", "MAX_INT_BITS", 1),
    ("x = 2\nfor i in range(40):\n    x = x * x", "MAX_INT_BITS", 3),
    ("1 << 10**9", "MAX_INT_BITS", 1),
    ("x = pow(10, 10**9)", "MAX_INT_BITS", 1),
    ("x = [0] * 10**10", "MAX_SEQUENCE_LENGTH", 1),
    ("x = 'a' * 10**10", "MAX_SEQUENCE_LENGTH", 1),
    ("s = 'a'\nfor i in range(100):\n    s = s + s", "MAX_SEQUENCE_LENGTH", 3),
    ("sum(range(10**12))", "MAX_SEQUENCE_LENGTH", 1),
    ("list(range(10**9))", "MAX_SEQUENCE_LENGTH", 1),
    ("'a'.ljust(10**10)", "MAX_SEQUENCE_LENGTH", 1),
    ("('a' * 1000).replace('a', 'b' * 100000)", "MAX_SEQUENCE_LENGTH", 1),
    ("l = ['a' * 1000000] * 1000\nprint(l)", "MAX_SEQUENCE_LENGTH", 2),
    ("'-'.join(['a' * 1000000] * 100)", "MAX_SEQUENCE_LENGTH", 1),
    ("torch.zeros(10**10)", "MAX_TENSOR_ELEMENTS", 1),
    ("torch.ones(20000, 20000)", "MAX_TENSOR_ELEMENTS", 1),
    ("torch.randn((3, 10**9))", "MAX_TENSOR_ELEMENTS", 1),
    ("torch.zeros(70000000, dtype=torch.float64)", "MAX_ALLOCATION_BYTES", 1),
    ("a = torch.ones(100000, 1)\nb = torch.ones(1, 100000)\nc = a + b", "MAX_TENSOR_ELEMENTS", 3),
    ("a = torch.ones(20000, 1)\nb = torch.ones(1, 20000)\nc = a @ b", "MAX_TENSOR_ELEMENTS", 3),
    ("a = torch.ones(20000, 1)\nc = a.matmul(a.T)", "MAX_TENSOR_ELEMENTS", 2),
    ("x = torch.ones(1).expand(10**9)", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.ones(1000).repeat(10**6)", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.arange(0, 10**12)", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.linspace(0, 1, steps=10**10)", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.ones(3).new_zeros(10**10)", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.outer(torch.ones(20000), torch.ones(20000))", "MAX_TENSOR_ELEMENTS", 1),
    ("x = torch.ones(10**4)\ny = x.view(1, -1)[torch.zeros(10**5, dtype=torch.long)]", "MAX_TENSOR_ELEMENTS", 2),
    ("x = torch.ones(70000000).double()", "MAX_ALLOCATION_BYTES", 1),
    ("while True:\n    pass", "MAX_LOOP_ITERATIONS", 1),
    ("for i in range(10**9):\n    pass", "MAX_LOOP_ITERATIONS", 1),
    ("x = [i for i in range(10**9)]", "MAX_LOOP_ITERATIONS", 1),
    ("print(f'{1:>100000000}')", "MAX_FORMAT_WIDTH", 1),
    ("print('%100000000d' % 1)", "MAX_FORMAT_WIDTH", 1),
    ("'{:>100000000}'.format(1)", "MAX_FORMAT_WIDTH", 1),
    ("x = " + "+".join(["1"] * 150), "MAX_NESTING_DEPTH", 1),
]


@pytest.mark.parametrize(("source", "limit", "line"), OVER_LIMIT, ids=[case[0][:40] for case in OVER_LIMIT])
def test_limit_stops_program(source, limit, line):
    started = time.perf_counter()
    result = Session().run(source)

    assert result.error is not None
    assert result.error.kind == "LimitExceeded"
    assert limit in str(result.error)
    assert result.error.line == line
    assert time.perf_counter() - started < 5


def test_limits_are_named_constants():
    for name in (
        "MAX_SOURCE_CHARS",
        "MAX_NESTING_DEPTH",
        "MAX_EVALUATION_STEPS",
        "MAX_LOOP_ITERATIONS",
        "MAX_TENSOR_ELEMENTS",
        "MAX_ALLOCATION_BYTES",
        "MAX_INT_BITS",
        "MAX_SEQUENCE_LENGTH",
        "MAX_OUTPUT_CHARS",
        "MAX_FORMAT_WIDTH",
    ):
        assert isinstance(getattr(limits, name), int)


def test_source_length_limit():
    result = Session().run("x = 1\n" * (limits.MAX_SOURCE_CHARS // 6 + 1))

    assert result.error.kind == "LimitExceeded"
    assert "MAX_SOURCE_CHARS" in str(result.error)
    assert result.error.line == 1


def test_evaluation_step_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_EVALUATION_STEPS", 1000)
    result = Session().run("x = 0\nfor i in range(10000):\n    x = x + 1")

    assert result.error.kind == "LimitExceeded"
    assert "MAX_EVALUATION_STEPS" in str(result.error)
    assert result.error.line in (2, 3)


def test_output_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_OUTPUT_CHARS", 100)
    result = Session().run("for i in range(1000):\n    print('0123456789')")

    assert result.error.kind == "LimitExceeded"
    assert "MAX_OUTPUT_CHARS" in str(result.error)
    assert result.error.line == 2
    assert len(result.output) <= 100


def test_within_limits_runs():
    result = Session().run("x = torch.ones(1000, 1000)\ny = x @ x\nprint(y.shape, [0] * 1000 == [0] * 1000, 2 ** 1000 > 0)")

    assert result.error is None
    assert result.output == "torch.Size([1000, 1000]) True True\n"


@pytest.mark.parametrize(
    "source",
    [
        "row = [0.0] * 10**7\nt = torch.tensor([row] * 10**7)",
        "t = torch.tensor(range(10**9))",
        "t = torch.ones(2).new_tensor([[0] * 10**4] * 10**5)",
    ],
)
def test_tensor_from_nested_data_checked(source):
    result = Session().run(source)

    assert result.error.kind == "LimitExceeded"
    assert "MAX_TENSOR_ELEMENTS" in str(result.error)
