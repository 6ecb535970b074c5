"""Every limit stops a program before the work it bounds, naming the limit and the line."""

from __future__ import annotations

import time
import traceback

import pytest
import torch

from explorer.language import Session, limits

# (program, name of the limit in the message, line of the error)
OVER_LIMIT = [
    ("10**10**10", "MAX_INT_BITS", 1),
    ("x = 2\nfor i in range(40):\n    x = x * x", "MAX_INT_BITS", 3),
    ("1 << 10**9", "MAX_INT_BITS", 1),
    ("x = pow(10, 10**9)", "MAX_INT_BITS", 1),
    ("x = pow(10, 10**9, None)", "MAX_INT_BITS", 1),
    ("x = pow(base=10, exp=10**9)", "MAX_INT_BITS", 1),
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
    ("s = '%*d' % (10**9, 1)", "MAX_FORMAT_WIDTH", 1),
    ("s = '%*d' % (-10**9, 1)", "MAX_FORMAT_WIDTH", 1),
    ("s = '%.*f' % (10**9, 1.5)", "MAX_FORMAT_WIDTH", 1),
    ("s = '%d %-*s' % (1, 10**9, 'a')", "MAX_FORMAT_WIDTH", 1),
    ("a = [0]\na[0] = a\nt = torch.tensor(a)", "MAX_DATA_DEPTH", 3),
    ("a = [0]\nfor i in range(200):\n    a = [a]\nprint(a)", "MAX_DATA_DEPTH", 4),
    ("a = [0]\nfor i in range(200):\n    a = [a]\ns = f'{a}'", "MAX_DATA_DEPTH", 4),
    ("a = torch.ones(10000, 10000)\nb = a @ a", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\nb = torch.mm(a, a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\nb = a.matmul(a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(50, 500, 500)\nb = torch.bmm(a, a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\nb = torch.einsum('ij,jk->ik', a, a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\nb = torch.tensordot(a, a, 1)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\nb = torch.nn.functional.linear(a, a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(5000, 5000)\nb = torch.cdist(a, a)", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(1000, 1000, dtype=torch.float16)\nb = a @ a", "MAX_OPERATION_FLOPS", 2),
    ("a = torch.ones(2000, 2000)\na @= a", "MAX_OPERATION_FLOPS", 2),
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
        "MAX_DATA_DEPTH",
        "MAX_OPERATION_FLOPS",
        "MAX_TOTAL_TENSOR_BYTES",
        "MAX_CREATED_SEQUENCE_BYTES",
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


# Programs that keep building memory, run against budgets a thousand times
# smaller than the defaults so the test stays fast: (program, limit, line).
MEMORY_PROGRAMS = [
    ("xs = []\nfor i in range(200):\n    xs.append(torch.zeros(10**5))", "MAX_TOTAL_TENSOR_BYTES", 3),
    ("xs = []\nfor i in range(200):\n    xs.append(torch.zeros(10**5)[1:])", "MAX_TOTAL_TENSOR_BYTES", 3),
    ("xs = [torch.ones(10**5) * i for i in range(200)]", "MAX_TOTAL_TENSOR_BYTES", 1),
    ("xs = [[0] * 10**4 for i in range(300)]", "MAX_CREATED_SEQUENCE_BYTES", 1),
    ("xs = [list(range(10**4)) for i in range(300)]", "MAX_CREATED_SEQUENCE_BYTES", 1),
    ("xs = ['a' * 10**5 + str(i) for i in range(300)]", "MAX_CREATED_SEQUENCE_BYTES", 1),
    ("t = torch.zeros(10**4)\nxs = [t.tolist() for i in range(300)]", "MAX_CREATED_SEQUENCE_BYTES", 2),
]


@pytest.mark.parametrize(("source", "limit", "line"), MEMORY_PROGRAMS, ids=[case[0][:40] for case in MEMORY_PROGRAMS])
def test_memory_budget_stops_program(monkeypatch, source, limit, line):
    monkeypatch.setattr(limits, "MAX_TOTAL_TENSOR_BYTES", limits.MAX_TOTAL_TENSOR_BYTES // 1000)
    monkeypatch.setattr(limits, "MAX_CREATED_SEQUENCE_BYTES", limits.MAX_CREATED_SEQUENCE_BYTES // 1000)
    result = Session().run(source)

    assert result.error is not None
    assert result.error.kind == "LimitExceeded"
    assert limit in str(result.error)
    assert result.error.line == line


def test_products_within_flop_limit_run():
    source = (
        "x = torch.randn(500, 3)\nw = torch.zeros(3, 1)\ny = x @ w\n"
        "a = torch.ones(1000, 1000)\nb = torch.einsum('ij,jk->ik', a, a)\n"
        "c = torch.bmm(torch.ones(10, 100, 100), torch.ones(10, 100, 100))\n"
        "d = torch.ones(1000).dot(torch.ones(1000))\nprint(y.shape, b.shape, c.shape, d.item())"
    )
    result = Session().run(source)

    assert result.error is None
    assert result.output == "torch.Size([500, 1]) torch.Size([1000, 1000]) torch.Size([10, 100, 100]) 1000.0\n"


def test_freed_tensors_leave_tensor_budget(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_TENSOR_BYTES", 200_000)
    # Each tensor takes 40,000 bytes and is freed when x is bound to the next
    # one; at most three are alive at once (the old x, zeros and the sum).
    result = Session().run("for i in range(100):\n    x = torch.zeros(10_000) + i\nprint('done')")

    assert result.error is None
    assert result.output == "done\n"


def test_tensor_budget_counts_live_tensors(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_TENSOR_BYTES", 10_000)
    session = Session()
    # Only the errors are kept: a RunResult's names would keep the tensors alive.
    kept = session.run("a = torch.zeros(1000)\nb = a[1:]\nc = a.view(10, 100)").error
    over = session.run("d = torch.zeros(2000)").error
    session.run("del a\ndel b\ndel c")
    after_free = session.run("d = torch.zeros(2000)").error

    assert kept is None
    assert "MAX_TOTAL_TENSOR_BYTES" in str(over)
    assert over.line == 1
    assert after_free is None


def test_sequence_budget_resets_each_run(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CREATED_SEQUENCE_BYTES", 1_000_000)
    session = Session()
    results = [session.run("x = [0] * 100_000") for _ in range(3)]

    assert [result.error for result in results] == [None, None, None]


def test_deep_data_in_comparison_names_data_depth():
    source = "a = [0]\nb = [0]\nfor i in range(5000):\n    a = [a]\n    b = [b]\nsame = a == b"
    result = Session().run(source)

    assert result.error.kind == "LimitExceeded"
    assert result.error.line == 6
    assert "data is nested too deep" in str(result.error)
    assert "MAX_DATA_DEPTH" in str(result.error)
    assert "code is nested" not in str(result.error)


def test_memory_error_message_names_memory_and_line(monkeypatch):
    import explorer.language.safe_builtins as safe_builtins

    def exhausted(interp, args, kwargs):
        raise MemoryError

    monkeypatch.setattr(safe_builtins.BUILTINS["len"], "implementation", exhausted)
    result = Session().run("x = 1\nn = len([1, 2])")

    assert result.error.kind == "MemoryError"
    assert "memory" in str(result.error)
    assert result.error.line == 2


def test_cyclic_list_to_tensor_is_fast():
    started = time.perf_counter()
    result = Session().run("a = [0]\na[0] = a\nt = torch.tensor(a)")

    assert "MAX_DATA_DEPTH" in str(result.error)
    assert time.perf_counter() - started < 1


def test_manual_seed_formats_no_stack(monkeypatch):
    # torch's lazy seeding of unavailable device backends formats the caller's
    # stack on every call, which costs more the deeper the interpreter's stack is.
    calls = []
    real_format_stack = traceback.format_stack
    monkeypatch.setattr(traceback, "format_stack", lambda *args: calls.append(1) or real_format_stack(*args))
    result = Session().run("for i in range(10):\n    g = torch.manual_seed(i)\nx = torch.rand(1)")

    assert result.error is None
    assert calls == []


def test_manual_seed_still_seeds():
    session = Session()
    first = session.run("torch.manual_seed(7)\na = torch.rand(3).tolist()").names["a"]
    second = session.run("torch.manual_seed(7)\nb = torch.rand(3).tolist()").names["b"]
    torch.manual_seed(7)

    assert first == second == torch.rand(3).tolist()


def test_sequence_budget_counts_kept_strings(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CREATED_SEQUENCE_BYTES", 1_000_000)
    sources = [
        "big = [0] * 10**4\nkept = [repr(big) for i in range(100)]",
        "s = 'a' * 10**4\nkept = ['%s' % s for i in range(200)]",
        "s = 'a' * 10**4\nkept = ['{}'.format(s) for i in range(200)]",
    ]
    results = [Session().run(source) for source in sources]

    for result in results:
        assert "MAX_CREATED_SEQUENCE_BYTES" in str(result.error)
