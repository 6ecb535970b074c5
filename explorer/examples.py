"""The example programs shipped with the app: the tutorial's cells and one program per autograd idea.

Each example has a stable `key` (stored in session files), a title and a short
explanation, both translatable, and the error kind it is meant to raise, if any.
The sources live under resources/examples/<group>/ and are read through
`explorer.assets`, so an installed wheel finds them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.assets import read_text
from explorer.i18n import QT_TRANSLATE_NOOP, Text

CONTEXT = "Examples"

TUTORIAL = "tutorial"
CONCEPTS = "concepts"
GROUPS = (TUTORIAL, CONCEPTS)
GROUP_TITLES = {
    TUTORIAL: Text(CONTEXT, QT_TRANSLATE_NOOP("Examples", "Tutorial")),
    CONCEPTS: Text(CONTEXT, QT_TRANSLATE_NOOP("Examples", "Autograd ideas")),
}


@dataclass(frozen=True)
class Example:
    """One example program: the files it joins, in order, with its title and explanation."""

    key: str
    group: str
    files: tuple[str, ...]
    title: Text
    explanation: Text
    # The error kind the program is meant to raise; None when it should run to the end.
    # NOTE: the versions cell raises ModuleNotFoundError only where torchvision is missing.
    expected_error: str | None = None

    def source(self) -> str:
        return "\n".join(read_text("examples", self.group, file) for file in self.files)


def _text(source: str) -> Text:
    return Text(CONTEXT, source)


def _tutorial(
    key: str, files: str | tuple[str, ...], title: str, explanation: str, expected_error: str | None = None
) -> Example:
    files = files if isinstance(files, tuple) else (files,)
    return Example(key, TUTORIAL, files, _text(title), _text(explanation), expected_error)


def _concept(key: str, title: str, explanation: str, expected_error: str | None = None) -> Example:
    return Example(key, CONCEPTS, (f"{key}.py",), _text(title), _text(explanation), expected_error)


EXAMPLES = (
    _tutorial(
        "autograd_basics", "05_autograd_basics.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: z = y**2 + x and backward"),
        QT_TRANSLATE_NOOP("Examples", "Two leaf tensors with requires_grad=True, z = y**2 + x, then z.backward(). "
                          "x.grad is dz/dx = 1 and y.grad is dz/dy = 2y = 7."),
    ),
    _tutorial(
        "non_leaf", "06_non_leaf.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: .grad of a non-leaf tensor"),
        QT_TRANSLATE_NOOP("Examples", "y is computed from x, so it is not a leaf: backward does not fill y.grad, "
                          "and reading it prints PyTorch's warning. Only x.grad is kept."),
    ),
    _tutorial(
        "regression", "07_regression.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: linear regression with SGD"),
        QT_TRANSLATE_NOOP("Examples", "The weights and bias learn y = 2 * sum(x) + 1 with MSE loss and SGD. "
                          "Each epoch runs forward, backward, step and zero_grad."),
    ),
    _tutorial(
        "regression_prediction", ("07_regression.py", "08_test_prediction.py"),
        QT_TRANSLATE_NOOP("Examples", "Tutorial: regression, then a prediction under torch.no_grad()"),
        QT_TRANSLATE_NOOP("Examples", "After training, the prediction for a test input runs under torch.no_grad(), "
                          "so autograd records no graph for it."),
    ),
    _tutorial(
        "versions", "04_versions.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: torch, torchvision and torchtext versions"),
        QT_TRANSLATE_NOOP("Examples", "Prints the installed versions. Where torchvision or torchtext is not "
                          "installed, the import reports ModuleNotFoundError. The Device tab shows the same facts."),
    ),
    _tutorial(
        "colab_drive", "01_colab_drive.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: mount Google Drive (Colab only)"),
        QT_TRANSLATE_NOOP("Examples", "This cell only works in Colab. The playground has no google.colab module, "
                          "so it reports ModuleNotFoundError."),
        expected_error="ModuleNotFoundError",
    ),
    _tutorial(
        "nvidia_smi", "02_nvidia_smi.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: !nvidia-smi (see the Device tab)"),
        QT_TRANSLATE_NOOP("Examples", "Shell commands do not run in the playground. "
                          "The Device tab shows the GPUs that torch sees."),
        expected_error="Unsupported",
    ),
    _tutorial(
        "nvcc", "03_nvcc.py",
        QT_TRANSLATE_NOOP("Examples", "Tutorial: !nvcc -V (see the Device tab)"),
        QT_TRANSLATE_NOOP("Examples", "Shell commands do not run in the playground. "
                          "The Device tab shows the CUDA version torch was built with."),
        expected_error="Unsupported",
    ),
    _concept(
        "chain_rule",
        QT_TRANSLATE_NOOP("Examples", "Chain rule"),
        QT_TRANSLATE_NOOP("Examples", "z = sin(x**2). backward multiplies the local derivatives along the graph: "
                          "dz/dx = cos(x**2) * 2x. The graph shows SinBackward0 after PowBackward0."),
    ),
    _concept(
        "retain_grad",
        QT_TRANSLATE_NOOP("Examples", "retain_grad on a non-leaf tensor"),
        QT_TRANSLATE_NOOP("Examples", "y = 4x is not a leaf, so backward would not keep y.grad. "
                          "y.retain_grad() before backward keeps it: y.grad = dz/dy = 2y."),
    ),
    _concept(
        "no_grad_detach",
        QT_TRANSLATE_NOOP("Examples", "torch.no_grad() and detach()"),
        QT_TRANSLATE_NOOP("Examples", "Results computed under torch.no_grad() have no grad_fn. "
                          "detach() returns the same values without history, so a detached factor "
                          "acts as a constant in backward."),
    ),
    _concept(
        "inplace_error",
        QT_TRANSLATE_NOOP("Examples", "In-place change of a saved tensor (error)"),
        QT_TRANSLATE_NOOP("Examples", "exp saves its output for backward. y.add_(1) changes that output in place, "
                          "so backward raises a RuntimeError about a modified variable. This error is the point "
                          "of the example."),
        expected_error="RuntimeError",
    ),
    _concept(
        "accumulate",
        QT_TRANSLATE_NOOP("Examples", "Gradients accumulate without zero_grad"),
        QT_TRANSLATE_NOOP("Examples", "Each backward adds to w.grad: 12, 24, 36. optimizer.zero_grad() resets it, "
                          "and the next backward gives 12 again."),
    ),
    _concept(
        "higher_order",
        QT_TRANSLATE_NOOP("Examples", "Second derivative with create_graph"),
        QT_TRANSLATE_NOOP("Examples", "torch.autograd.grad(..., create_graph=True) returns a gradient that has "
                          "its own grad_fn, so it can be differentiated again: for y = x**3 at x = 2, "
                          "dy/dx = 12 and d2y/dx2 = 12."),
    ),
    _concept(
        "nonscalar_backward",
        QT_TRANSLATE_NOOP("Examples", "backward on a non-scalar with gradient="),
        QT_TRANSLATE_NOOP("Examples", "y = x * x is a vector, so y.backward() needs gradient=, the weights of each "
                          "output. y.sum().backward() is the same as gradient=torch.ones_like(y)."),
    ),
    _concept(
        "moved_leaf",
        QT_TRANSLATE_NOOP("Examples", "A leaf moved to another dtype or device"),
        QT_TRANSLATE_NOOP("Examples", ".to(torch.float64) after requires_grad=True returns a copy with a grad_fn, "
                          "which is not a leaf, so its .grad stays None. Create the tensor with its dtype and "
                          "device first."),
    ),
)

DEFAULT_EXAMPLE = EXAMPLES[0]

_BY_KEY = {example.key: example for example in EXAMPLES}


def example_by_key(key: str) -> Example | None:
    """Return the example stored under `key`, or None for an unknown key."""
    return _BY_KEY.get(key)
