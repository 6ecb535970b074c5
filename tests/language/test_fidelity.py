"""Differential tests: the playground behaves exactly like plain Python with torch.

Each program runs twice from the same RNG seed: once with Python's own exec
(the oracle, on trusted test programs only) and once in a playground session.
Both runs must print the same text, leave every top-level tensor with the same
value and gradient (compared exactly: CPU kernels are deterministic), raise the
same warnings on the same lines, and fail where and only where Python fails,
with an error of the same kind on the same line.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.language import RunResult, Session
from language_oracle import PlainRun, run_both, run_plain

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CORPUS = sorted(CORPUS_DIR.glob("*.py"))
TUTORIAL_DIR = Path(__file__).resolve().parents[2] / "explorer" / "resources" / "examples" / "tutorial"


def _grad_of(tensor: torch.Tensor) -> torch.Tensor | None:
    # Reading .grad of a non-leaf warns; the comparison must not add warnings of its own.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tensor.grad


def _same_tensor(left: torch.Tensor, right: torch.Tensor) -> bool:
    if left.dtype != right.dtype or left.shape != right.shape or left.device != right.device:
        return False
    if left.device.type == "meta":
        return True  # meta tensors have a shape and a dtype but no values
    if left.dtype.is_floating_point or left.dtype.is_complex:
        both_nan = torch.isnan(left) & torch.isnan(right)
        return torch.equal(torch.where(both_nan, 0, left), torch.where(both_nan, 0, right))
    return torch.equal(left, right)


def _top_level_tensors(names: dict) -> dict[str, torch.Tensor]:
    """Return every tensor bound to a top-level name, and those directly inside top-level lists and tuples."""
    found = {}
    for name, value in names.items():
        if isinstance(value, torch.Tensor):
            found[name] = value
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, torch.Tensor):
                    found[f"{name}[{index}]"] = item
    return found


def assert_same_behaviour(plain: PlainRun, played: RunResult) -> None:
    assert played.output == plain.output

    if plain.error is None:
        assert played.error is None, f"the playground failed where Python did not: {played.error!r}"
    else:
        assert played.error is not None, f"Python raised {plain.error!r}, the playground did not"
        families = {kind.__name__ for kind in type(plain.error).__mro__}
        assert played.error.kind in families, f"{played.error!r} against {plain.error!r}"
        assert played.error.line == plain.error_line

    torch_warnings = [(w.line, w.message) for w in played.warnings if w.text is None]
    assert torch_warnings == plain.warnings

    plain_tensors = _top_level_tensors({k: v for k, v in plain.namespace.items() if k not in ("torch", "__builtins__")})
    played_tensors = _top_level_tensors(played.names)
    assert sorted(played_tensors) == sorted(plain_tensors)
    for name, expected in plain_tensors.items():
        actual = played_tensors[name]
        assert _same_tensor(actual, expected), f"value of {name}"
        assert actual.requires_grad == expected.requires_grad, f"requires_grad of {name}"
        assert actual.is_leaf == expected.is_leaf, f"is_leaf of {name}"
        expected_grad = _grad_of(expected)
        actual_grad = _grad_of(actual)
        assert (actual_grad is None) == (expected_grad is None), f"grad of {name}"
        if expected_grad is not None:
            assert _same_tensor(actual_grad, expected_grad), f"grad of {name}"


def test_corpus_has_forty_programs():
    assert len(CORPUS) >= 40


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_corpus_program_matches_python(path):
    plain, played = run_both(path.read_text(encoding="utf-8"))

    assert_same_behaviour(plain, played)


def test_corpus_includes_failing_programs():
    failing = [path for path in CORPUS if run_both(path.read_text(encoding="utf-8"))[0].error is not None]

    assert len(failing) >= 8


@pytest.mark.parametrize("cell", ["05_autograd_basics.py", "06_non_leaf.py"])
def test_tutorial_cell_matches_python(cell):
    plain, played = run_both((TUTORIAL_DIR / cell).read_text(encoding="utf-8"))

    assert_same_behaviour(plain, played)


def test_tutorial_regression_cells_match_python():
    # Cells 07 and 08 share one namespace, as in the notebook.
    sources = [(TUTORIAL_DIR / cell).read_text(encoding="utf-8") for cell in ("07_regression.py", "08_test_prediction.py")]
    namespace = {"torch": torch}
    session = Session()

    plain_runs = []
    torch.manual_seed(1120)
    for source in sources:
        plain = run_plain(source, namespace)
        plain.namespace = dict(plain.namespace)  # the next cell adds to the shared dict
        plain_runs.append(plain)
    torch.manual_seed(1120)
    played_runs = [session.run(source) for source in sources]

    for plain, played in zip(plain_runs, played_runs):
        assert_same_behaviour(plain, played)


# Random arithmetic programs over a few leaf tensors.

_BINARY = ["+", "-", "*", "/", "**"]
_FUNCTIONS = ["exp", "log", "sin", "cos", "tanh", "sigmoid", "sqrt", "abs", "relu"]

_numbers = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False, width=32).map(lambda v: round(v, 3))


@st.composite
def _leaf_line(draw, name: str) -> str:
    shape = draw(st.sampled_from(["scalar", "vector"]))
    dtype = draw(st.sampled_from(["", ", dtype=torch.float64"]))
    if shape == "scalar":
        data = repr(draw(_numbers))
    else:
        data = repr(draw(st.lists(_numbers, min_size=3, max_size=3)))
    return f"{name} = torch.tensor({data}{dtype}, requires_grad=True)"


@st.composite
def _expression(draw, names: list[str]) -> str:
    operand = st.sampled_from(names)
    form = draw(st.sampled_from(["binary", "binary", "function", "method", "constant"]))
    left = draw(operand)
    if form == "binary":
        operator = draw(st.sampled_from(_BINARY))
        right = draw(st.one_of(operand, _numbers.map(repr)))
        return f"{left} {operator} {right}"
    if form == "function":
        return f"torch.{draw(st.sampled_from(_FUNCTIONS))}({left})"
    if form == "method":
        return f"{left}.{draw(st.sampled_from(_FUNCTIONS))}()"
    return f"{draw(_numbers)!r} * {left} + {draw(_numbers)!r}"


@st.composite
def arithmetic_programs(draw) -> str:
    leaves = ["a", "b", "c"][: draw(st.integers(min_value=2, max_value=3))]
    lines = [draw(_leaf_line(name)) for name in leaves]
    names = list(leaves)
    for index in range(draw(st.integers(min_value=1, max_value=6))):
        target = f"t{index}"
        lines.append(f"{target} = {draw(_expression(names))}")
        names.append(target)
    lines.append(f"out = {names[-1]}.sum()")
    lines.append("out.backward()")
    lines.append("print(out, " + ", ".join(f"{leaf}.grad" for leaf in leaves) + ")")
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arithmetic_programs())
def test_random_arithmetic_matches_python(source):
    plain, played = run_both(source)

    assert_same_behaviour(plain, played)
