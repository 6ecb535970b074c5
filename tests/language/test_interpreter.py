"""Language features print what plain Python prints for the same source."""

from __future__ import annotations

import pytest

from explorer.language import Session
from language_oracle import assert_same_output, run_both

PROGRAMS = {
    "arithmetic": "print(1 + 2 * 3, 7 // 2, 7 % 3, 2 ** 10, 7 / 2, -3, +3, ~5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 4, 256 >> 2)",
    "comparisons": "print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 'a' != 'b', 2 in [1, 2], 3 not in (1,), None is None)",
    "bool ops": "print(0 or 'x', 1 and 0, not 0, [] or [1], 2 and 3)",
    "if elif else": "for v in range(4):\n    if v == 0:\n        print('zero')\n    elif v % 2:\n        print('odd')\n    else:\n        print('even')",
    "for else break continue": (
        "for i in range(10):\n    if i == 2:\n        continue\n    if i == 5:\n        break\n    print(i)\n"
        "else:\n    print('no break')\nfor i in range(2):\n    pass\nelse:\n    print('done')"
    ),
    "while": "n = 0\nwhile n < 5:\n    n += 2\nelse:\n    print('end', n)",
    "tuple unpacking": "R, C = 500, 3\na, (b, c) = 1, (2, 3)\nfirst, *rest = [1, 2, 3]\n*init, last = 'abc'\nprint(R, C, a, b, c, first, rest, init, last)",
    "augmented assignment": "x = 1\nx += 2\nx *= 3\nx -= 1\nx //= 3\nx **= 2\nl = [1]\nl += [2]\nprint(x, l)",
    "comprehensions": (
        "print([i * i for i in range(5) if i % 2], {i: i * 2 for i in range(3)}, {i % 2 for i in range(5)},"
        " [(i, j) for i in range(2) for j in range(i + 1)], sum(i for i in range(4)))"
    ),
    "comprehension scope": "i = 'outer'\nsquares = [i for i in range(3)]\nprint(i, squares)",
    "fstrings": (
        "v = 3.14159\nn = 42\nprint(f'{v:.2f} {n:>5} {n:05d} {v!r} {\"s\"!s:>4} {n:{\"x\"}} {v:10.3e}|')"
    ),
    "fstring tensors": "t = torch.tensor(1.5)\nprint(f'{t} {t:.3f} {t!r} {torch.ones(2)}')",
    "strings": "s = 'Hello'\nprint(s.upper(), s.lower(), s[1:3], s * 2, s + '!', len(s), '-'.join(['a', 'b']), s.split('l'), s.replace('l', 'L'))",
    "str format": "print('{} and {:.2f} and {name}'.format(1, 2.5, name='x'), '%d items, %.1f%%' % (3, 2.5))",
    "lists": "l = [3, 1, 2]\nl.append(4)\nl.sort()\nl.reverse()\nprint(l, l[::-1], l.index(3), l.pop(), sorted(l), min(l), max(l), l[-1])",
    "dicts": "d = {'a': 1, **{'b': 2}}\nd['c'] = 3\nprint(d, list(d.keys()), d.get('z', 0), [(k, v) for k, v in d.items()])",
    "builtins": (
        "print(abs(-2), round(2.567, 2), float('1.5'), int('7'), bool(0), str(3), list(range(3)), tuple('ab'),"
        " list(enumerate('ab', start=1)), list(zip([1, 2], 'ab')), any([0, 1]), all([1, 0]), divmod(7, 2), pow(2, 5),"
        " list(reversed([1, 2])), repr('q'), isinstance(1, int), isinstance(torch.ones(1), torch.Tensor))"
    ),
    "print sep end": "print(1, 2, sep='-', end='!\\n')\nprint()",
    "if expression": "x = 3\nprint('big' if x > 2 else 'small')",
    "delete": "x = 1\ndel x\nprint('x' in dir) if False else print('deleted')",
    "star args": "args = [2, 3]\nkw = {'dtype': torch.float64}\nprint(torch.zeros(*args, **kw).shape)",
    "tensor basics": (
        "x = torch.arange(6.0).view(2, 3)\nprint(x, x.shape, x.dtype, x.T, x.sum(dim=0), x.mean(), x[0], x[:, 1], x[x > 2])\n"
        "print(x.size(0), x.numel(), x.dim(), x.tolist(), x.max().item())"
    ),
    "tensor arithmetic": (
        "a = torch.tensor([1.0, 2.0])\nb = torch.tensor([[3.0], [4.0]])\nprint(a + b, a * 2, 2 ** a, a @ a, b @ a.view(1, 2), -a, a / 2, a > 1)"
    ),
    "tensor assignment": "x = torch.zeros(3)\nx[1] = 5\nx[2] += 1\nprint(x)",
    "autograd basics": (
        "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x ** 2).sum()\ny.backward()\n"
        "print(x.grad, y.grad_fn.name(), x.is_leaf, y.is_leaf, y.requires_grad)"
    ),
    "retain grad": "x = torch.tensor(2.0, requires_grad=True)\ny = x * 3\ny.retain_grad()\nz = y ** 2\nz.backward()\nprint(x.grad, y.grad)",
    "no grad": "x = torch.tensor(2.0, requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\nprint(y.requires_grad, torch.is_grad_enabled())",
    "grad of grad": (
        "x = torch.tensor(3.0, requires_grad=True)\ny = x ** 3\n(g,) = torch.autograd.grad(y, x, create_graph=True)\n"
        "g.backward()\nprint(g, x.grad)"
    ),
    "optimizer": (
        "import torch.optim as optim\nw = torch.tensor([1.0], requires_grad=True)\nopt = optim.SGD([w], lr=0.1)\n"
        "for _ in range(3):\n    opt.zero_grad()\n    loss = (w * 2 - 1).pow(2).sum()\n    loss.backward()\n    opt.step()\n"
        "print(w, opt.param_groups[0]['lr'])"
    ),
    "functional": "import torch.nn.functional as F\nx = torch.tensor([-1.0, 0.5])\nprint(F.relu(x), F.mse_loss(x, torch.zeros(2)), F.softmax(x, dim=0))",
    "from import": "from torch import optim\nfrom torch.nn import functional as F\nprint(optim.SGD is not None, F.relu(torch.tensor(-1.0)))",
    "devices": "device = torch.device('cpu')\nprint(device, device.type, torch.cuda.is_available() in (True, False), torch.zeros(1, device=device).device)",
    "dtype values": "print(torch.float, torch.float32 is torch.float, torch.ones(1, dtype=torch.int64).dtype, torch.pi)",
    "chained methods": "print(torch.ones(2, 3).sum(dim=1).view(-1, 1).detach().clone().to(torch.float64))",
    "max with dim": "values, indices = torch.tensor([[1.0, 5.0], [7.0, 2.0]]).max(dim=1)\nr = torch.tensor([3.0, 1.0]).sort()\nprint(values, indices, r.values, r.indices)",
    "grad fn graph": "x = torch.tensor(1.0, requires_grad=True)\ny = x * 2 + 1\nprint(y.grad_fn.name(), [(f.name(), i) for f, i in y.grad_fn.next_functions if f is not None])",
}


@pytest.mark.parametrize("source", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_program_prints_like_python(source):
    assert_same_output(source)


def test_regression_cell_fragment():
    source = (
        "x = torch.randn((5, 3))\n"
        "y = torch.tensor([(2*sum(i)+1).item() for i in x]).view(-1,1)\n"
        "print(y)\n"
    )
    assert_same_output(source)


def test_errors_match_python_kind_and_message():
    sources = [
        "print(1 / 0)",
        "print([1][5])",
        "print({'a': 1}['b'])",
        "print(int('x'))",
        "a, b = [1, 2, 3]",
        "print(torch.ones(2, 3) @ torch.ones(2, 3))",
        "print(torch.ones(2) + torch.ones(3))",
        "print('a' + 1)",
        "x = torch.tensor(1.0)\nx()",
        "print(torch.ones(2).gard)",
        "print(torch.nothing)",
    ]
    for source in sources:
        plain, played = run_both(source)
        assert played.error is not None, source
        assert played.error.kind == type(plain.error).__name__, source
        assert str(played.error) == str(plain.error), source


def test_error_position_of_inner_expression():
    result = Session().run("x = 1\ny = [1, 2,\n     x / 0]")

    assert result.error.kind == "ZeroDivisionError"
    assert (result.error.line, result.error.column) == (3, 6)
    assert (result.error.end_line, result.error.end_column) == (3, 11)


def test_column_counts_characters_not_bytes():
    result = Session().run("값 = '기울기'; print(값 + 없음)")

    assert result.error.kind == "NameError"
    assert result.error.column == 22


def test_last_grad_fn_name_tracks_assignments():
    result = Session().run("a = torch.tensor(1.0, requires_grad=True)\nb = a * 2\nc = b + 1\nd = 5")

    assert result.last_grad_fn_name == "c"


def test_syntax_error_has_position():
    result = Session().run("x = 1\nif x\n    print(x)")

    assert result.error.kind == "SyntaxError"
    assert result.error.line == 2
    assert result.error.column >= 1
    assert "expected ':'" in str(result.error)


def test_backward_root_name_for_unnamed_root():
    result = Session().run("x = torch.tensor(1.0, requires_grad=True)\n(x * 2).backward()")

    assert result.backward_root_name is None
    assert result.backward_root is not None
    assert result.backward_root.grad_fn.name() == "MulBackward0"


def test_version_of_torch():
    import torch

    result = Session().run("print(f'torch version: {torch.__version__}')")

    assert result.output == f"torch version: {torch.__version__}\n"
