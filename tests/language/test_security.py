"""Escapes a program might try: each must fail with a clear ProgramError and change nothing."""

from __future__ import annotations

import os
import sys

import pytest
import torch

from explorer.language import ProgramError, Session
from explorer.language import source as source_module

SETUP = "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * 2).sum()\n"

# (program line, expected error kind)
ESCAPES = [
    ("open('escape.txt', 'w')", "NotAllowed"),
    ("__import__('os')", "NotAllowed"),
    ("import os", "NotAllowed"),
    ("import subprocess", "NotAllowed"),
    ("from os import system", "NotAllowed"),
    ("import torch.utils.data", "NotAllowed"),
    ("from torch import hub", "NotAllowed"),
    ("torch.save(x, 'escape.pt')", "NotAllowed"),
    ("torch.load('escape.pt')", "NotAllowed"),
    ("torch.hub.load('owner/repo', 'model')", "NotAllowed"),
    ("torch.from_file('escape.bin', size=4)", "NotAllowed"),
    ("torch.ops.aten.add", "NotAllowed"),
    ("torch.library", "NotAllowed"),
    ("torch._C", "NotAllowed"),
    ("torch.utils", "NotAllowed"),
    ("torch.classes", "NotAllowed"),
    ("torch.jit.script", "NotAllowed"),
    ("torch.compile", "NotAllowed"),
    ("torch.backends", "NotAllowed"),
    ("torch.set_default_dtype(torch.float64)", "NotAllowed"),
    ("torch.autograd.set_detect_anomaly(True)", "NotAllowed"),
    ("torch.overrides", "NotAllowed"),
    ("x.numpy()", "NotAllowed"),
    ("x.storage()", "NotAllowed"),
    ("x.untyped_storage()", "NotAllowed"),
    ("x.data_ptr()", "NotAllowed"),
    ("x.register_hook(print)", "NotAllowed"),
    ("x.apply_(print)", "NotAllowed"),
    ("x.__class__", "NotAllowed"),
    ("x.__reduce_ex__(2)", "NotAllowed"),
    ("().__class__.__bases__[0].__subclasses__()", "NotAllowed"),
    ("[c for c in [].__class__.__mro__]", "NotAllowed"),
    ("getattr(x, '__class__')", "NotAllowed"),
    ("type(x)", "NotAllowed"),
    ("vars(torch)", "NotAllowed"),
    ("globals()", "NotAllowed"),
    ("eval('1')", "NotAllowed"),
    ("exec('y = 1')", "NotAllowed"),
    ("compile('1', 'f', 'exec')", "NotAllowed"),
    ("breakpoint()", "NotAllowed"),
    ("input()", "NotAllowed"),
    ("'{0.__class__}'.format(x)", "NotAllowed"),
    ("'{0[0]}'.format([1])", "NotAllowed"),
    ("f'{x.__class__}'", "NotAllowed"),
    ("torch.__dict__", "NotAllowed"),
    ("torch.__builtins__", "NotAllowed"),
    ("torch.__loader__", "NotAllowed"),
    ("print.__self__", "NotAllowed"),
    ("print.implementation", "NotAllowed"),
    ("torch.tensor.__self__", "NotAllowed"),
    ("torch.tensor.function", "NotAllowed"),
    ("x.add.receiver", "NotAllowed"),
    ("torch._registry", "NotAllowed"),
    ("torch.Tensor.add", "NotAllowed"),
    ("torch.Tensor.__subclasses__()", "NotAllowed"),
    ("torch.Tensor(10)", "NotAllowed"),
    ("y.grad_fn._saved_self", "NotAllowed"),
    ("y.grad_fn.register_hook(print)", "NotAllowed"),
    ("y.grad_fn.next_functions[0][0].__call__", "NotAllowed"),
    ("print(1, file=None)", "NotAllowed"),
    ("torch.cuda._lazy_init()", "NotAllowed"),
    ("import torch.optim as optim\noptim.SGD([x], lr=0.1).__dict__", "NotAllowed"),
    ("import torch.optim as optim\noptim.SGD([x], lr=0.1).step.__func__", "NotAllowed"),
    ("with open('escape.txt', 'w') as f:\n    pass", "NotAllowed"),
    ("lambda: 0", "Unsupported"),
    ("def f():\n    pass", "Unsupported"),
    ("class A:\n    pass", "Unsupported"),
    ("try:\n    pass\nexcept Exception:\n    pass", "Unsupported"),
    ("from torch import *", "Unsupported"),
    ("os", "NameError"),
    ("sys.modules", "NameError"),
]


# Creating the first optimizer makes torch import torch._dynamo, which adds and
# wraps attributes of the torch module; do it before any snapshot is taken.
torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)


def _torch_attributes() -> dict[str, int]:
    return {name: id(value) for name, value in vars(torch).items()}


@pytest.fixture
def isolated_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_escape_count_is_at_least_forty():
    assert len(ESCAPES) >= 40


@pytest.mark.parametrize(("line", "kind"), ESCAPES, ids=[line for line, _ in ESCAPES])
def test_escape_is_rejected(isolated_cwd, line, kind):
    torch_attributes = _torch_attributes()
    modules = set(sys.modules)
    environment = dict(os.environ)
    result = Session().run(SETUP + line)

    assert result.error is not None, f"{line!r} ran"
    assert result.error.kind == kind, str(result.error)
    assert result.error.line >= 3
    assert result.error.column >= 1
    assert str(result.error)
    assert result.output == ""
    assert list(isolated_cwd.iterdir()) == []
    assert _torch_attributes() == torch_attributes
    assert dict(os.environ) == environment
    assert not {"os.path", "subprocess"} & (set(sys.modules) - modules)


def test_torch_rebinding_stays_in_session():
    session = Session()
    session.run("torch.manual_seed = 1120\ntorch.tensor = None")

    assert callable(torch.manual_seed)
    assert callable(torch.tensor)
    assert Session().run("x = torch.tensor(1.0)").error is None


def test_module_rebinding_cannot_reach_real_module():
    session = Session()
    result = session.run("torch.zeros = torch.load")

    assert result.error.kind == "NotAllowed"
    assert torch.zeros is not torch.load


def test_private_assignment_rejected():
    result = Session().run("torch._C = 1")

    assert result.error.kind == "NotAllowed"


def test_tensor_attribute_assignment_limited():
    result = Session().run("x = torch.ones(2)\nx.foo = 1")

    assert result.error.kind == "NotAllowed"
    assert not hasattr(torch.ones(2), "foo")


def test_fstring_conversion_of_private_value_rejected():
    result = Session().run("x = torch.ones(1)\nprint(f'{x.__dict__!r}')")

    assert result.error.kind == "NotAllowed"


def test_colab_import_explains():
    result = Session().run("from google.colab import drive\ndrive.mount('/content/drive')")

    assert result.error.kind == "ModuleNotFoundError"
    assert result.error.line == 1
    assert "Colab" in str(result.error.hint)


def test_torchvision_import_like_python():
    result = Session().run("import torch\nimport torchvision")
    try:
        import torchvision  # noqa: F401
    except ModuleNotFoundError as error:
        expected = str(error)
    else:
        pytest.skip("torchvision is installed here")

    assert result.error.kind == "ModuleNotFoundError"
    assert str(result.error) == expected
    assert result.error.line == 2


@pytest.mark.parametrize("line", ["!nvidia-smi", "!nvcc -V"])
def test_shell_escape_points_to_device_tab(line):
    result = Session().run(line)

    assert result.error.kind == "Unsupported"
    assert line[1:] in str(result.error)
    assert "Device tab" in str(result.error.hint)
    assert (result.error.line, result.error.column) == (1, 1)


def test_shell_escape_found_after_code():
    result = Session().run("x = 1\n  !ls -la")

    assert result.error.kind == "Unsupported"
    assert (result.error.line, result.error.column) == (2, 3)
    assert result.output == ""


def test_leaked_control_flow_is_internal_error(monkeypatch):
    # With the static check removed, a top-level break reaches the boundary of
    # Session.run as the interpreter's own BreakLoop exception.
    monkeypatch.setattr(source_module, "check_statement_context", lambda tree, source: None)
    result = Session().run("print('before')\nbreak")

    assert isinstance(result.error, ProgramError)
    assert result.error.kind == "InternalError"
    assert result.error.line == 2
    assert result.output == "before\n"


def test_empty_tensors_hold_no_process_memory():
    result = Session().run(
        "a = torch.empty(4096, dtype=torch.uint8).tolist()\n"
        "b = torch.empty_like(torch.ones(512, dtype=torch.float64)).tolist()\n"
        "c = torch.empty(2, 3, requires_grad=True)\n"
        "print(sum(a), sum(b), c.is_leaf, c.requires_grad)"
    )

    assert result.error is None
    assert result.output == "0 0.0 True True\n"


def test_new_empty_not_reachable():
    result = Session().run("x = torch.ones(2).new_empty(4096)")

    assert result.error.kind == "NotAllowed"
