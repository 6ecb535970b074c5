"""Compare autograd's gradients with central finite differences by running the program again.

The recorded graph cannot be re-evaluated with other leaf values (backward()
freed it, and it is only a record), so the check re-runs the program's
source in fresh sessions. A torch function mode records every leaf the program
creates (a factory call with requires_grad=True, or requires_grad_()), makes
floating tensors float64 on the CPU, and adds +h or -h to one leaf element
per run. The function checked is the value of the tensor backward() is
called on, as a function of the leaves' created values:

    numeric[j] = (f(leaf + h e_j) - f(leaf - h e_j)) / (2 h)

compared with torch.autograd.grad of the same root in the unperturbed run.
Random tensors repeat because each run starts from the same seed.

Blocking and Qt-free; the GUI calls `check_gradients` from a worker thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
from torch.overrides import TorchFunctionMode

from explorer.i18n import QT_TRANSLATE_NOOP, Text

CONTEXT = "GradientCheck"

# Leaf elements perturbed in all; each one costs two runs of the program.
MAX_CHECKED_ELEMENTS = 32
STEP = 1e-6
# The tolerances of torch.autograd.gradcheck: |analytic - numeric| <= ATOL + RTOL * |numeric|.
ATOL = 1e-5
RTOL = 1e-3
SEED = 1120
# Backward nodes of operations with a kink or an edge of their domain at 0.
KINKED_FUNCTIONS = (
    "AbsBackward0",
    "ReluBackward0",
    "ThresholdBackward0",
    "SqrtBackward0",
    "ClampBackward1",
    "ClampMinBackward0",
    "ClampMaxBackward0",
    "HardtanhBackward0",
    "MaxBackward1",
    "MinBackward1",
    "MaximumBackward0",
    "MinimumBackward0",
    "SignBackward0",
    "LeakyReluBackward0",
)
_FACTORIES = frozenset(
    {
        "tensor", "as_tensor", "zeros", "ones", "full", "empty", "eye", "arange", "linspace",
        "rand", "randn", "normal", "zeros_like", "ones_like", "full_like", "empty_like",
        "rand_like", "randn_like",
    }
)
_FLOAT_CASTS = frozenset({"float", "half", "bfloat16", "to", "type"})
_LOW_PRECISION = (torch.float32, torch.float16, torch.bfloat16)


@dataclass(frozen=True)
class LeafCheck:
    """The check of one leaf: gradients of its first `checked` elements, flattened."""

    name: str
    shape: tuple[int, ...]
    analytic: tuple[float, ...]
    numeric: tuple[float, ...]
    checked: int
    max_abs_error: float
    max_rel_error: float
    passed: bool
    explanation: Text | None = None


@dataclass(frozen=True)
class GradcheckReport:
    """The result: one LeafCheck per leaf, or `problem` saying why there is none."""

    leaves: tuple[LeafCheck, ...] = ()
    problem: Text | None = None
    runs: int = 0
    notes: tuple[Text, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return self.problem is None and bool(self.leaves) and all(leaf.passed for leaf in self.leaves)


class _LeafMode(TorchFunctionMode):
    """Records created leaves in order, keeps floating tensors in float64, perturbs one element."""

    def __init__(self, perturb: tuple[int, int, float] | None) -> None:
        super().__init__()
        self.leaves: list[torch.Tensor] = []
        self._perturb = perturb

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        name = getattr(func, "__name__", "")
        if name in _FACTORIES:
            return self._factory(func, args, kwargs)
        result = func(*args, **kwargs)
        if name == "requires_grad_" and isinstance(result, torch.Tensor) and result.requires_grad:
            self._add_leaf(result)
        elif name in _FLOAT_CASTS and isinstance(result, torch.Tensor) and result.dtype in _LOW_PRECISION:
            # NOTE: the program's own casts to float32 are undone, so float32-only effects are not checked.
            result = result.to(torch.float64)
        return result

    def _factory(self, func, args, kwargs):
        requires_grad = bool(kwargs.pop("requires_grad", False))
        if kwargs.get("dtype") in _LOW_PRECISION:
            kwargs["dtype"] = torch.float64
        result = func(*args, **kwargs)
        if isinstance(result, torch.Tensor) and result.dtype in _LOW_PRECISION:
            result = result.to(torch.float64)
        if requires_grad and isinstance(result, torch.Tensor):
            result.requires_grad_(True)
            self._add_leaf(result)
        return result

    def _add_leaf(self, tensor: torch.Tensor) -> None:
        if tensor.is_meta:
            # The interpreter's size checks run calls on meta tensors first; those are not leaves.
            return
        index = len(self.leaves)
        self.leaves.append(tensor)
        if self._perturb is not None and self._perturb[0] == index and tensor.is_floating_point():
            _leaf, element, delta = self._perturb
            with torch.no_grad():
                tensor.view(-1)[element] += delta


@dataclass
class _Run:
    value: float | None = None
    backward_calls: int = 0
    analytic: list[torch.Tensor | None] | None = None
    functions: set[str] = field(default_factory=set)
    leaves: list[torch.Tensor] = field(default_factory=list)
    leaf_names: list[str] = field(default_factory=list)
    error: str | None = None
    non_scalar: bool = False


def _run_once(sources: Sequence, perturb: tuple[int, int, float] | None, cancel: threading.Event | None, analytic: bool) -> _Run:
    from explorer.autograd.internals import function_name
    from explorer.autograd.walk import walk_functions
    from explorer.language import RunHooks, Session

    run = _Run()
    mode = _LeafMode(perturb)

    def before_backward(root, names) -> None:
        run.backward_calls += 1
        if not isinstance(root, torch.Tensor):
            return
        if root.numel() != 1:
            run.non_scalar = True
            return
        run.value = float(root.detach().reshape(()).item())
        if analytic:
            leaves = [leaf for leaf in mode.leaves if leaf.requires_grad]
            with torch.enable_grad():
                grads = torch.autograd.grad(root, leaves, retain_graph=True, allow_unused=True) if leaves else ()
            run.analytic = [None if grad is None else grad.detach().clone() for grad in grads]
            walk = walk_functions((root.grad_fn,))
            run.functions = {function_name(fn) for fn in walk.functions}
            by_id = {id(value): key for key, value in names.items() if isinstance(value, torch.Tensor)}
            run.leaf_names = [by_id.get(id(leaf), f"leaf {index}") for index, leaf in enumerate(leaves)]

    session = Session(device="cpu", hooks=RunHooks(before_backward=before_backward))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(SEED)
        with mode:
            for source in sources:
                result = session.run(source.text, filename=source.filename, cancel=cancel)
                if result.error is not None or result.cancelled:
                    run.error = "cancelled" if result.cancelled else str(result.error)
                    break
    run.leaves = [leaf for leaf in mode.leaves if leaf.requires_grad]
    return run


def _problem(source: str, **args: object) -> GradcheckReport:
    return GradcheckReport(problem=Text(CONTEXT, source, args))


def check_gradients(sources: Sequence, cancel: threading.Event | None = None) -> GradcheckReport:
    """Run the program 1 + 2 x (checked elements) times and compare the gradients of its backward() root."""
    base = _run_once(sources, None, cancel, analytic=True)
    runs = 1
    if base.error is not None:
        return _problem(QT_TRANSLATE_NOOP("GradientCheck", "the program failed when run again: {error}"), error=base.error)
    if base.non_scalar:
        return _problem(QT_TRANSLATE_NOOP("GradientCheck", "backward() was called on a tensor with more than one element; the check needs a scalar"))
    if base.backward_calls != 1 or base.value is None or base.analytic is None:
        return _problem(
            QT_TRANSLATE_NOOP(
                "GradientCheck",
                "the check needs a program that calls backward() exactly once, on a scalar; this one calls it {count} times",
            ),
            count=base.backward_calls,
        )
    if not base.leaves:
        return _problem(QT_TRANSLATE_NOOP("GradientCheck", "the program creates no leaf tensor with requires_grad=True"))

    kinked = sorted(name for name in base.functions if name in KINKED_FUNCTIONS)
    budget = MAX_CHECKED_ELEMENTS
    checks: list[LeafCheck] = []
    notes: list[Text] = []
    for leaf_index, leaf in enumerate(base.leaves):
        count = min(leaf.numel(), budget)
        budget -= count
        grad = base.analytic[leaf_index]
        analytic = [0.0] * count if grad is None else [float(value) for value in grad.reshape(-1)[:count]]
        numeric: list[float] = []
        explanation = None
        for element in range(count):
            if cancel is not None and cancel.is_set():
                return _problem(QT_TRANSLATE_NOOP("GradientCheck", "the check was cancelled"))
            plus = _run_once(sources, (leaf_index, element, STEP), cancel, analytic=False)
            minus = _run_once(sources, (leaf_index, element, -STEP), cancel, analytic=False)
            runs += 2
            if plus.value is None or minus.value is None:
                return _problem(QT_TRANSLATE_NOOP("GradientCheck", "the program did not reach backward() when run with a perturbed leaf"))
            numeric.append((plus.value - minus.value) / (2 * STEP))
            if explanation is None:
                explanation = _explain(base.value, plus.value, minus.value, kinked)
        checks.append(_leaf_check(base.leaf_names[leaf_index], tuple(leaf.shape), analytic, numeric, explanation))
        if budget <= 0:
            if leaf_index + 1 < len(base.leaves) or count < leaf.numel():
                notes.append(
                    Text(
                        CONTEXT,
                        QT_TRANSLATE_NOOP("GradientCheck", "only the first {limit} leaf elements were checked"),
                        {"limit": MAX_CHECKED_ELEMENTS},
                    )
                )
            break
    return GradcheckReport(leaves=tuple(checks), runs=runs, notes=tuple(notes))


def _leaf_check(name: str, shape: tuple[int, ...], analytic: list[float], numeric: list[float], explanation: Text | None) -> LeafCheck:
    max_abs = 0.0
    max_rel = 0.0
    passed = True
    for a, n in zip(analytic, numeric):
        error = abs(a - n)
        if math.isnan(error):
            error = math.inf
        max_abs = max(max_abs, error)
        if math.isnan(n) or math.isinf(error):
            max_rel = math.inf
        elif error:
            max_rel = max(max_rel, error / max(abs(n), 1e-12))
        if not error <= ATOL + RTOL * abs(n):
            passed = False
    return LeafCheck(
        name=name,
        shape=shape,
        analytic=tuple(analytic),
        numeric=tuple(numeric),
        checked=len(numeric),
        max_abs_error=max_abs,
        max_rel_error=max_rel,
        passed=passed,
        explanation=explanation,
    )


def _explain(value: float, plus: float, minus: float, kinked: list[str]) -> Text | None:
    """Explain a point where the function is not differentiable, or return None."""
    right = (plus - value) / STEP
    left = (value - minus) / STEP
    functions = ", ".join(kinked) if kinked else "-"
    if any(math.isnan(number) for number in (plus, minus)):
        return Text(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "GradientCheck",
                "the function is not defined on both sides of this point (NaN), as sqrt at 0; the graph uses: {functions}",
            ),
            {"functions": functions},
        )
    if abs(right - left) > 10 * (ATOL + RTOL * max(abs(right), abs(left))):
        return Text(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "GradientCheck",
                "not differentiable at this point: the slope is {left:.4g} from the left and {right:.4g} from the right, "
                "as abs or relu at 0; the graph uses: {functions}",
            ),
            {"left": left, "right": right, "functions": functions},
        )
    return None
