"""The classic autograd mistakes of learners end in an error or warning that explains them.

Each case runs a small program, checks what PyTorch itself does (through the
plain Python oracle) and the hint the playground adds, in English and through
the translator that `Text.localized` uses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import torch

from explorer import i18n
from explorer.language import Session
from language_oracle import run_both

TRANSLATIONS = Path(__file__).resolve().parents[2] / "explorer" / "resources" / "translations" / "explorer_ko.ts"
HANGUL = re.compile("[\uac00-\ud7a3]")


def _korean_catalog() -> dict[tuple[str, str], str]:
    if not TRANSLATIONS.exists():
        pytest.skip("the Korean translation source is not in this checkout")
    catalog = {}
    for context in ElementTree.parse(TRANSLATIONS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.findtext("translation")
            if translation:
                catalog[(name, message.findtext("source"))] = translation
    return catalog


@pytest.fixture
def korean():
    catalog = _korean_catalog()
    i18n.set_translator(lambda context, source: catalog.get((context, source), source))
    yield catalog
    i18n.set_translator(None)


@pytest.fixture
def marking_translator():
    """A translator that marks every message it translates, to check that a Text reaches it."""
    i18n.set_translator(lambda context, source: f"[{context}] {source}")
    yield
    i18n.set_translator(None)


def _app_warnings(result):
    return [warning for warning in result.warnings if warning.text is not None]


# Non-leaf tensors and retain_grad.

NON_LEAF = """a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
t = a + b
t.backward()
print(t.grad)
"""


def test_non_leaf_grad_is_none_with_warning(korean):
    plain, played = run_both(NON_LEAF)

    assert played.output == plain.output == "None\n"
    assert [(w.line, w.message) for w in played.warnings] == plain.warnings
    warning = played.warnings[0]
    assert warning.line == 5
    assert "retain_grad()" in str(warning.hint)
    assert HANGUL.search(warning.hint.localized())


def test_retain_grad_before_backward_keeps_grad():
    source = NON_LEAF.replace("t.backward()", "t.retain_grad()\nt.backward()")
    plain, played = run_both(source)

    assert played.output == plain.output == "tensor(1.)\n"
    assert played.warnings == []


def test_retain_grad_after_backward_warns():
    source = NON_LEAF.replace("t.backward()", "t.backward()\nt.retain_grad()")
    plain, played = run_both(source)

    assert played.output == plain.output == "None\n"
    assert plain.warnings == []
    warnings = _app_warnings(played)
    assert [w.line for w in warnings] == [6]
    assert "retain_grad() was called after the backward pass" in warnings[0].message
    assert "t.retain_grad() before backward" in str(warnings[0].hint)


def test_retain_grad_after_backward_localizes(marking_translator):
    played = Session().run(NON_LEAF.replace("t.backward()", "t.backward()\nt.retain_grad()"))
    warning = _app_warnings(played)[0]

    assert warning.text.localized().startswith("[LanguageWarnings] t.grad is None")
    assert warning.hint.localized().startswith("[LanguageHints] retain_grad()")


def test_retain_grad_late_then_backward_again_is_quiet():
    source = NON_LEAF.replace("t.backward()", "t.backward(retain_graph=True)\nt.retain_grad()\nt.backward()")
    played = Session().run(source)

    assert played.output == "tensor(1.)\n"
    assert played.warnings == []


def test_retain_grad_new_tensor_quiet():
    source = NON_LEAF.replace("print(t.grad)", "u = a * 2\nu.retain_grad()\nprint(u.grad)")
    played = Session().run(source)

    assert played.output == "None\n"
    assert played.warnings == []


# Backward twice.

TWICE = "w = torch.tensor([1.0, 2.0], requires_grad=True)\nl = (w * 3).sum()\nl.backward()\nl.backward()\n"


def test_backward_twice_fails_with_hint(korean):
    plain, played = run_both(TWICE)

    assert played.error.kind == type(plain.error).__name__ == "RuntimeError"
    assert str(played.error) == str(plain.error)
    assert played.error.line == 4
    assert "retain_graph=True" in str(played.error.hint)
    assert HANGUL.search(played.error.hint.localized())


def test_backward_twice_with_retain_graph_accumulates():
    plain, played = run_both(TWICE.replace("l.backward()\nl.backward()", "l.backward(retain_graph=True)\nl.backward()"))

    assert plain.error is None
    assert played.error is None
    assert torch.equal(played.names["w"].grad, plain.namespace["w"].grad)
    assert torch.equal(played.names["w"].grad, torch.tensor([6.0, 6.0]))


# Implicit gradients only for scalars.

NON_SCALAR = "x = torch.tensor([1., 2., 3.], requires_grad=True)\n(x*2).backward()\n"


def test_non_scalar_backward_fails_with_hint(korean):
    plain, played = run_both(NON_SCALAR)

    assert str(played.error) == str(plain.error)
    assert "only for scalar outputs" in str(played.error)
    assert played.error.line == 2
    assert "gradient=" in str(played.error.hint)
    assert HANGUL.search(played.error.hint.localized())


def test_non_scalar_backward_with_gradient():
    source = NON_SCALAR.replace("(x*2).backward()", "(x*2).backward(gradient=torch.tensor([0.1, 1., 1e-4]))")
    plain, played = run_both(source)

    assert played.error is None
    assert torch.equal(played.names["x"].grad, plain.namespace["x"].grad)
    assert torch.equal(played.names["x"].grad, torch.tensor([0.1, 1.0, 1e-4]) * 2)


# Simple error cases: PyTorch's message verbatim, a hint, and a Korean hint.

ERRORS = {
    "integer requires_grad": ("torch.tensor([1, 2], requires_grad=True)", 1, "dtype=torch.float32"),
    "version counter": ("x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x.sigmoid()\ny.mul_(2)\ny.sum().backward()", 4, ".clone()"),
    "leaf update outside no_grad": (
        "w = torch.tensor([1.0, 2.0], requires_grad=True)\n(w * w).sum().backward()\nw -= 0.1 * w.grad",
        3,
        "with torch.no_grad():",
    ),
    "backward without grad_fn": ("x = torch.tensor([1.0, 2.0])\nx.sum().backward()", 2, "requires_grad=True"),
    "device mismatch": ("a = torch.ones(2)\nb = torch.ones(2, device='meta')\nc = a + b", 3, ".to(device)"),
}


@pytest.mark.parametrize(("source", "line", "hint_words"), ERRORS.values(), ids=ERRORS.keys())
def test_error_explained(korean, source, line, hint_words):
    plain, played = run_both(source)

    assert plain.error is not None
    assert played.error.kind == type(plain.error).__name__
    assert str(played.error) == str(plain.error)
    assert played.error.line == line
    assert hint_words in str(played.error.hint)
    assert HANGUL.search(played.error.hint.localized())


# A leaf moved with .to() is no longer a leaf.

MOVED = """w = torch.tensor([1.0, 2.0], requires_grad=True).to(torch.float64)
loss = (w * w).sum()
loss.backward()
print(w.is_leaf)
print(w.grad)
"""


@pytest.mark.parametrize("move", [".to(torch.float64)", ".double()", ".to('cpu', torch.float64)"])
def test_moved_leaf_grad_read_explains(move):
    plain, played = run_both(MOVED.replace(".to(torch.float64)", move))

    assert played.output == plain.output == "False\nNone\n"
    assert [(w.line, w.message) for w in played.warnings] == plain.warnings
    hint = played.warnings[0].hint
    assert played.warnings[0].line == 5
    assert "w is not a leaf" in str(hint)
    assert ".requires_grad_()" in str(hint)


def test_moved_leaf_hint_localizes(marking_translator):
    played = Session().run(MOVED)

    assert played.warnings[0].hint.localized().startswith("[LanguageHints] w is not a leaf")


def test_computed_non_leaf_keeps_generic_hint():
    played = Session().run(MOVED.replace(".to(torch.float64)", " * 2"))

    assert "retain_grad()" in str(played.warnings[0].hint)


def test_moved_then_requires_grad_is_leaf():
    played = Session().run(MOVED.replace(".to(torch.float64)", "").replace("requires_grad=True)", "dtype=torch.float64).requires_grad_()"))

    assert played.output == "True\ntensor([2., 4.], dtype=torch.float64)\n"
    assert played.warnings == []


# Gradients accumulate across steps unless zeroed.

LOOP = """w = torch.tensor([1.0, -1.0], requires_grad=True)
for step in range(3):
    loss = (w * w).sum()
    loss.backward()
    print(w.grad)
    with torch.no_grad():
        w -= 0.1 * w.grad
{reset}
"""


def test_accumulating_loop_warns_on_grad_read():
    plain, played = run_both(LOOP.format(reset=""))

    assert played.output == plain.output
    warnings = _app_warnings(played)
    assert sorted({w.line for w in warnings}) == [5, 7]
    assert warnings[0].message == (
        "w.grad is the sum of the gradients of 2 backward passes made on line 4, because nothing zeroed it between them"
    )
    assert "optimizer.zero_grad()" in str(warnings[0].hint)


def test_accumulation_warning_localizes(marking_translator):
    warning = _app_warnings(Session().run(LOOP.format(reset="")))[0]

    assert warning.text.localized().startswith("[LanguageWarnings] w.grad is the sum")
    assert warning.hint.localized().startswith("[LanguageHints] backward adds")


@pytest.mark.parametrize(
    "reset",
    ["    w.grad.zero_()", "    w.grad = None", "    w.grad.data.zero_()", "    w.grad.mul_(0)", "    w.grad.zero_() if True else None"],
)
def test_zeroed_loop_is_quiet(reset):
    plain, played = run_both(LOOP.format(reset=reset))

    assert played.output == plain.output
    assert played.warnings == []


def test_two_deliberate_backward_lines_are_quiet():
    source = TWICE.replace("l.backward()\nl.backward()", "l.backward(retain_graph=True)\nl.backward()\nprint(w.grad)")
    played = Session().run(source)

    assert played.output == "tensor([6., 6.])\n"
    assert played.warnings == []


OPTIMIZER_LOOP = """import torch.optim as optim
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.SGD([w], lr=0.1)
for step in range(3):
{zero}
    loss = (w * w).sum()
    loss.backward()
    opt.step()
"""


def test_optimizer_without_zero_grad_warns_on_step():
    plain, played = run_both(OPTIMIZER_LOOP.format(zero="    pass"))

    assert torch.equal(played.names["w"], plain.namespace["w"])
    warnings = _app_warnings(played)
    assert [w.line for w in warnings] == [8]
    assert warnings[0].message.startswith("step() updates the parameters with gradients summed over 2 backward passes made on line 7")


def test_optimizer_with_zero_grad_is_quiet():
    played = Session().run(OPTIMIZER_LOOP.format(zero="    opt.zero_grad()"))

    assert played.error is None
    assert played.warnings == []


def test_accumulation_across_cells_is_quiet():
    # Rerunning a notebook cell accumulates on purpose as often as by mistake: only loops warn.
    session = Session()
    session.run("w = torch.tensor(1.0, requires_grad=True)")
    results = [session.run("(w * 2).backward()\nprint(w.grad)") for _ in range(3)]

    assert [result.output for result in results] == ["tensor(2.)\n", "tensor(4.)\n", "tensor(6.)\n"]
    assert all(result.warnings == [] for result in results)
