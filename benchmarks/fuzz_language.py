"""Fuzz the playground language with random and mutated programs.

Usage:
    .venv/bin/python benchmarks/fuzz_language.py --count 100000 --seed 1 [--workers 2]

Each program runs in a fresh `Session` under a wall-clock guard that sets the
run's cancel event after GUARD_SECONDS. The script counts:

- crashes: an exception other than ProgramError escaping `Session.run`;
- hangs: runs longer than HANG_SECONDS;
- escapes: a program reaching something outside the allow-lists. Sentinels
  see them: a file created in the worker's empty temporary directory, a
  dangerous module newly imported, or an attribute of the real torch modules
  or builtins changed. So do a top-level statement that tries an escape and
  runs without an error, and a value of an unexpected type (a real module,
  class or function) left in the program's names;
- internal-looking errors: ProgramErrors whose message names an interpreter
  class, which means an internal value leaked into a user-facing message.
  An "InternalError" ProgramError (an interpreter exception caught at the
  boundary of `Session.run`) counts as a crash.

The programs are the test corpus (tests/language/corpus), the tutorial cells
05 to 08, mutations of them (token swaps, deletions, duplications, inserted
dunder names, forbidden names, imports and huge numbers, deep nesting, loops
around lines) and programs generated from a small grammar.

The default limits let one program run for about a minute (MAX_EVALUATION_STEPS
is sized for the tutorial's 10000 training epochs). A run past HANG_SECONDS is
only a finding when the work is bounded more tightly, so the fuzz lowers the
step, loop and tensor-size limits (FUZZ_LIMITS) unless --default-limits is given.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import io
import multiprocessing
import os
import random
import sys
import tempfile
import threading
import time
import tokenize
from collections import Counter
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

import torch  # noqa: E402

from explorer.language import ProgramError, Session, limits  # noqa: E402
from explorer.language.proxies import BoundMethod, BuiltinFunction, ModuleProxy, TorchFunction, VersionOnlyModule  # noqa: E402

GUARD_SECONDS = 2.0
HANG_SECONDS = 2.0
# Estimate: most slow evaluation steps (a constructor checked on the meta
# device, a tensor printed) take about 100 microseconds, so 10000 steps stay
# near one second, half of HANG_SECONDS.
FUZZ_LIMITS = {
    "MAX_EVALUATION_STEPS": 10_000,
    "MAX_LOOP_ITERATIONS": 2_000,
    "MAX_TENSOR_ELEMENTS": 10_000_000,
    "MAX_OUTPUT_CHARS": 100_000,
}
EXAMPLES_KEPT = 5
# Characters of a program shown with a finding; deep nesting makes some very long.
SOURCE_SHOWN = 1500

CORPUS_DIR = REPOSITORY / "tests" / "language" / "corpus"
TUTORIAL_DIR = REPOSITORY / "explorer" / "resources" / "examples" / "tutorial"
TUTORIAL_CELLS = ("05_autograd_basics.py", "06_non_leaf.py", "07_regression.py", "08_test_prediction.py")

# Inserted as whole top-level statements: each one, run without an error, is an escape.
ESCAPE_STATEMENTS = [
    "import os",
    "import subprocess",
    "import socket",
    "import sys",
    "import torch.utils.data",
    "from torch import hub",
    "from os import system",
    "__import__('os')",
    "open('fuzz-escape.txt', 'w')",
    "().__class__.__bases__[0].__subclasses__()",
    "[].__class__.__mro__",
    "getattr(torch, 'load')",
    "torch.load('fuzz-escape.pt')",
    "torch.save(torch.ones(1), 'fuzz-escape.pt')",
    "torch._C",
    "torch.Tensor.__subclasses__()",
    "print.__self__",
    "torch.tensor.__self__",
    "torch.zeros.function",
    "type(1)",
    "eval('1')",
    "exec('q = 1')",
    "globals()",
    "vars(torch)",
    "torch.set_default_dtype(torch.float64)",
    "torch.ones(1).numpy()",
    "torch.ones(1).register_hook(print)",
    "torch.ones(1).__class__",
    "'{0.__class__}'.format(1)",
    "torch.manual_seed.__globals__",
    "torch.__dict__",
    "torch.__builtins__",
    "torch.nn.functional.__dict__",
    "torch.optim.SGD.__init__",
    "torch.cuda._lazy_init()",
    "torch.ones(1).grad_fn.__class__",
    "breakpoint()",
    "compile('1', 'f', 'exec')",
    "torch.tensor(1.0).storage()",
    "torch.autograd.Function",
]

# Inserted as whole top-level statements: each must stop with an error, never escape Session.run.
FAILING_STATEMENTS = [
    "break",
    "continue",
    "if True:\n    break",
    "_a = [0]\n_a[0] = _a\n_t = torch.tensor(_a)",
    "_m = torch.ones(3000, 3000) @ torch.ones(3000, 3000)",
    "_s = '%*d' % (10**9, 1)",
    "_p = pow(10, 10**9, None)",
]

INSERTED_TOKENS = [
    "__class__", "__dict__", "__globals__", "__builtins__", "__subclasses__", "__import__", "__mro__",
    "__bases__", "__self__", "__func__", "__code__", "__reduce__", "__init__", "_C", "_saved_self",
    "os", "sys", "open", "eval", "exec", "getattr", "type", "globals", "import", "from", "lambda",
    ".", "(", ")", "[", "]", ",", ":", "**", "*", "@", "=", "-", "not", "if", "for", "in",
    "10**100", "9999999999", "2**31", "1e308", "-1", "0", "float('nan')", "100000000", "65536", "'x' * 10**9",
    "break", "continue", "return", "yield", "'%*d' % (10**9, 1)", "pow(10, 10**9, None)",
]

HUGE_NUMBERS = ["10**100", "9999999999", "2**63", "1e308", "-9999999", "100000000", "10**8", "2**40", "99999", "0", "-1"]

SURFACE_NAMES = [
    "zeros", "ones", "full", "rand", "randn", "arange", "linspace", "eye", "tensor", "backward", "grad", "item",
    "view", "reshape", "T", "sum", "mean", "max", "min", "norm", "prod", "matmul", "mm", "dot", "exp", "log",
    "detach", "retain_grad", "requires_grad_", "zero_", "clamp", "where", "softmax", "repeat", "expand",
    "tolist", "to", "float", "double", "cat", "stack", "einsum", "kron", "cdist", "outer", "x", "y", "w", "loss",
]

NESTING_FORMS = [("(", ")"), ("[", "]"), ("-(", ")"), ("(1 + ", ")"), ("torch.exp(", ")"), ("[", "][0]")]


# Program sources.


def load_corpus() -> list[str]:
    sources = [path.read_text(encoding="utf-8") for path in sorted(CORPUS_DIR.glob("*.py"))]
    for cell in TUTORIAL_CELLS:
        text = (TUTORIAL_DIR / cell).read_text(encoding="utf-8")
        # 10000 training epochs take a second; 20 exercise the same code.
        sources.append(text.replace("epochs=10000", "epochs=20"))
    return sources


def _tokens(source: str) -> list[tuple[int, str]]:
    try:
        return [(token.type, token.string) for token in tokenize.generate_tokens(io.StringIO(source).readline)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []


def _untokenize(tokens: list[tuple[int, str]]) -> str | None:
    try:
        return tokenize.untokenize(tokens)
    except (ValueError, TypeError, IndexError):
        return None


_STRUCTURAL = {tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT}


def mutate_tokens(source: str, rng: random.Random) -> str:
    tokens = _tokens(source)
    positions = [index for index, (kind, _) in enumerate(tokens) if kind not in _STRUCTURAL]
    if not positions:
        return source
    for _ in range(rng.randint(1, 3)):
        operation = rng.randrange(6)
        index = rng.choice(positions)
        kind, text = tokens[index]
        if operation == 0:
            other = rng.choice(positions)
            tokens[index], tokens[other] = tokens[other], tokens[index]
        elif operation == 1:
            tokens[index] = (tokenize.NAME, "")
        elif operation == 2:
            tokens.insert(index, (kind, text))
            positions = [i for i, (k, _) in enumerate(tokens) if k not in _STRUCTURAL]
        elif operation == 3:
            tokens[index] = (tokenize.NAME, f"{text} {rng.choice(INSERTED_TOKENS)}")
        elif operation == 4 and kind == tokenize.NUMBER:
            tokens[index] = (tokenize.NUMBER, rng.choice(HUGE_NUMBERS))
        elif operation == 5 and kind == tokenize.NAME:
            tokens[index] = (tokenize.NAME, rng.choice(SURFACE_NAMES))
        else:
            tokens[index] = (tokenize.NAME, f".{rng.choice(INSERTED_TOKENS)}")
    return _untokenize(tokens) or source


def insert_statement(source: str, statement: str, rng: random.Random) -> str:
    """Insert `statement` before a random top-level statement, or at the end."""
    lines = source.splitlines()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source + "\n" + statement + "\n"
    starts = [node.lineno - 1 for node in tree.body] + [len(lines)]
    position = rng.choice(starts)
    return "\n".join(lines[:position] + [statement] + lines[position:]) + "\n"


def nest_deeply(source: str, rng: random.Random) -> str:
    tokens = _tokens(source)
    names = [index for index, (kind, text) in enumerate(tokens) if kind == tokenize.NAME and text not in ("import", "for", "in", "if", "with", "as", "else", "while", "from", "print")]
    if not names:
        return source
    index = rng.choice(names)
    opening, closing = rng.choice(NESTING_FORMS)
    depth = rng.choice([5, 30, 90, 99, 101, 150, 400, 2000])
    tokens[index] = (tokenize.NAME, opening * depth + tokens[index][1] + closing * depth)
    return _untokenize(tokens) or source


def wrap_in_loop(source: str, rng: random.Random) -> str:
    lines = source.splitlines()
    candidates = [i for i, line in enumerate(lines) if line and not line[0].isspace() and not line.rstrip().endswith(":")]
    if not candidates:
        return source
    index = rng.choice(candidates)
    count = rng.choice(["10", "1000", "10**5", "10**6", "10**9"])
    form = rng.choice(["for", "comprehension", "while"])
    if form == "for":
        lines[index] = f"for _i in range({count}):\n    {lines[index]}"
    elif form == "comprehension":
        lines[index] = f"_items = [({lines[index].split('=', 1)[-1].strip() or 0}) for _i in range({count})]"
    else:
        lines[index] = f"_n = 0\nwhile _n < {count}:\n    _n += 1\n    {lines[index]}"
    return "\n".join(lines) + "\n"


def mutate_lines(source: str, rng: random.Random) -> str:
    lines = source.splitlines()
    if len(lines) < 2:
        return source
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    operation = rng.randrange(3)
    if operation == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif operation == 1:
        del lines[i]
    else:
        lines.insert(i, lines[j])
    return "\n".join(lines) + "\n"


# Generated programs.

_GEN_FUNCTIONS = [
    "exp", "log", "sin", "cos", "tanh", "sigmoid", "relu", "sqrt", "abs", "sum", "mean", "max", "min", "norm",
    "prod", "softmax", "flatten", "squeeze", "unsqueeze", "transpose", "reshape", "view", "detach", "clamp",
    "matmul", "mm", "dot", "where", "maximum", "minimum", "pow", "cat", "stack", "zeros_like", "ones_like",
    "repeat", "expand", "tolist", "item", "backward", "retain_grad", "requires_grad_", "zero_", "to", "load",
    "save", "__class__", "_C", "numpy", "storage", "register_hook", "apply_", "grad", "einsum", "kron", "cdist",
]
_GEN_NAMES = ["x", "y", "w", "b", "loss", "t"]


def _gen_argument(rng: random.Random, depth: int) -> str:
    choice = rng.randrange(7)
    if choice == 0:
        return str(rng.choice([0, 1, 2, 3, -1, 4, 100, 10**6, 10**9]))
    if choice == 1:
        return repr(rng.choice([0.5, -1.5, 1e-4, 1e30, float("inf")]))
    if choice == 2:
        return "(" + ", ".join(str(rng.randint(1, 5)) for _ in range(rng.randint(1, 3))) + ")"
    if choice == 3:
        return rng.choice(["dim=0", "dim=1", "keepdim=True", "dtype=torch.float64", "requires_grad=True", "dtype=torch.int64", "device='meta'"])
    return _gen_expression(rng, depth + 1)


def _gen_expression(rng: random.Random, depth: int = 0) -> str:
    if depth > 3:
        return rng.choice(_GEN_NAMES + ["1.0", "2", "torch.ones(3)"])
    choice = rng.randrange(9)
    if choice == 0:
        shape = ", ".join(str(rng.choice([1, 2, 3, 4])) for _ in range(rng.randint(1, 3)))
        constructor = rng.choice(["zeros", "ones", "rand", "randn", "full", "arange", "eye", "linspace", "tensor"])
        if constructor == "full":
            return f"torch.full(({shape},), 0.5{rng.choice(['', ', requires_grad=True'])})"
        if constructor == "tensor":
            return f"torch.tensor([{rng.uniform(-2, 2):.3f}, {rng.uniform(-2, 2):.3f}]{rng.choice(['', ', requires_grad=True'])})"
        if constructor in ("arange", "eye"):
            return f"torch.{constructor}({rng.randint(1, 6)})"
        if constructor == "linspace":
            return f"torch.linspace(0, 1, {rng.randint(1, 6)})"
        return f"torch.{constructor}({shape}{rng.choice(['', ', requires_grad=True'])})"
    if choice == 1:
        operator = rng.choice(["+", "-", "*", "/", "**", "@", "//", "%", "<", "==", "and", "or"])
        return f"({_gen_expression(rng, depth + 1)} {operator} {_gen_expression(rng, depth + 1)})"
    if choice == 2:
        arguments = ", ".join(_gen_argument(rng, depth) for _ in range(rng.randint(0, 2)))
        return f"torch.{rng.choice(_GEN_FUNCTIONS)}({arguments})"
    if choice == 3:
        arguments = ", ".join(_gen_argument(rng, depth) for _ in range(rng.randint(0, 2)))
        return f"{_gen_expression(rng, depth + 1)}.{rng.choice(_GEN_FUNCTIONS)}({arguments})"
    if choice == 4:
        return f"{rng.choice(_GEN_NAMES)}.{rng.choice(['grad', 'T', 'shape', 'grad_fn', 'is_leaf', 'requires_grad', 'data', 'dtype'])}"
    if choice == 5:
        return f"{rng.choice(_GEN_NAMES)}[{rng.choice(['0', '-1', '1:', ':, 0', '...', 'None', '[0, 0]', 'x > 0'])}]"
    if choice == 6:
        return f"[{_gen_expression(rng, depth + 1)} for _i in range({rng.choice([1, 3, 10, 1000])})]"
    return rng.choice(_GEN_NAMES)


def generate_program(rng: random.Random) -> str:
    lines = [f"{name} = {_gen_expression(rng, 2)}" for name in rng.sample(_GEN_NAMES, 3)]
    for _ in range(rng.randint(1, 8)):
        choice = rng.randrange(8)
        if choice < 3:
            lines.append(f"{rng.choice(_GEN_NAMES)} = {_gen_expression(rng)}")
        elif choice == 3:
            lines.append(f"{rng.choice(_GEN_NAMES)}.{rng.choice(['backward()', 'sum().backward()', 'retain_grad()', 'zero_()', 'requires_grad_()'])}")
        elif choice == 4:
            lines.append(f"print({_gen_expression(rng)})")
        elif choice == 5:
            lines.append(f"for _i in range({rng.choice([2, 5, 100])}):\n    {rng.choice(_GEN_NAMES)} = {_gen_expression(rng)}")
        elif choice == 6:
            lines.append(f"with torch.no_grad():\n    {rng.choice(_GEN_NAMES)} -= 0.1 * {rng.choice(_GEN_NAMES)}")
        else:
            lines.append(f"{rng.choice(_GEN_NAMES)}{rng.choice(['[0]', '.grad', '.data', ''])} = {_gen_expression(rng)}")
    return "\n".join(lines) + "\n"


def make_program(corpus: list[str], rng: random.Random) -> tuple[str, bool]:
    """Return a program and whether a clean run of it is an escape (it contains an escape statement)."""
    choice = rng.randrange(20)
    base = rng.choice(corpus)
    if choice < 3:
        return generate_program(rng), False
    if choice < 5:
        return insert_statement(generate_program(rng), rng.choice(ESCAPE_STATEMENTS), rng), True
    if choice < 7:
        if rng.randrange(4) == 0:
            return insert_statement(base, rng.choice(FAILING_STATEMENTS), rng), True
        return insert_statement(base, rng.choice(ESCAPE_STATEMENTS), rng), True
    if choice < 9:
        return nest_deeply(base, rng), False
    if choice < 10:
        # Loops run up to the fuzz limits, a hundred times longer than the other programs.
        return wrap_in_loop(base, rng), False
    if choice < 12:
        return mutate_lines(base, rng), False
    return mutate_tokens(base, rng), False


# Sentinels.

_DANGEROUS_MODULES = {"subprocess", "socket", "ctypes", "shutil", "pty", "http", "urllib", "ssl", "pickle", "webbrowser", "ftplib", "smtplib"}

_ALLOWED_VALUE_TYPES = (
    int, float, complex, bool, str, type(None), list, tuple, dict, set, frozenset, range, slice, type(Ellipsis),
    torch.Tensor, torch.Size, torch.dtype, torch.device, torch.finfo, torch.iinfo, torch.optim.Optimizer,
    # torch.manual_seed returns the default generator; no attribute of it is reachable.
    torch.Generator,
    torch.autograd.graph.Node, ModuleProxy, VersionOnlyModule, TorchFunction, BuiltinFunction, BoundMethod,
    enumerate, zip, reversed, type(iter([])), type(reversed([])), type({}.keys()), type({}.values()), type({}.items()),
    type(iter(range(0))), type(iter(())), type(iter("")),
    torch.no_grad, torch.enable_grad, torch.set_grad_enabled, torch.inference_mode,
)


def _unexpected_value(value: object, depth: int = 0) -> str | None:
    if depth > 4:
        return None
    if type(value).__module__ == "torch.return_types":
        return None
    if not isinstance(value, _ALLOWED_VALUE_TYPES):
        return type(value).__qualname__
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in list(value)[:50]:
            found = _unexpected_value(item, depth + 1)
            if found:
                return found
    elif isinstance(value, dict):
        for key, item in list(value.items())[:50]:
            found = _unexpected_value(key, depth + 1) or _unexpected_value(item, depth + 1)
            if found:
                return found
    return None


def _attribute_ids(namespaces: list[object]) -> list[dict[str, int]]:
    # warnings.warn adds __warningregistry__ to the module a warning is attributed to.
    return [
        {name: id(value) for name, value in vars(namespace).items() if name != "__warningregistry__"}
        for namespace in namespaces
    ]


class Sentinels:
    """The state of the worker that no program may change."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.watched = [torch, torch.Tensor, torch.nn.functional, torch.optim, torch.autograd, torch.cuda, builtins]
        self.reset()

    def reset(self) -> None:
        self.attributes = _attribute_ids(self.watched)
        self.modules = set(sys.modules)
        self.environment = dict(os.environ)
        self.cwd = os.getcwd()

    def check(self) -> list[str]:
        findings = []
        created = os.listdir(self.directory)
        if created:
            findings.append(f"files created: {created}")
            for name in created:
                path = self.directory / name
                if path.is_file():
                    path.unlink()
        new_modules = set(sys.modules) - self.modules
        dangerous = {name for name in new_modules if name.split(".")[0] in _DANGEROUS_MODULES}
        if dangerous:
            findings.append(f"modules imported: {sorted(dangerous)}")
        if _attribute_ids(self.watched) != self.attributes:
            findings.append("attributes of torch or builtins changed")
        if dict(os.environ) != self.environment or os.getcwd() != self.cwd:
            findings.append("environment or working directory changed")
        if findings or new_modules:
            self.reset()
        return findings


# Running.

_INTERNAL_NAMES = ("BoundMethod", "TorchFunction", "ModuleProxy", "BuiltinFunction", "VersionOnlyModule", "Interpreter", "ControlFlow", "_on_")


class Worker:
    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="fuzz-language-"))
        os.chdir(self.directory)
        torch.set_num_threads(1)
        self.corpus = load_corpus()
        for source in self.corpus:  # warm up the lazy imports torch does on first use
            Session().run(source)
        self.sentinels = Sentinels(self.directory)

    def run_one(self, source: str, escape_expected_to_fail: bool) -> dict[str, str]:
        findings: dict[str, str] = {}
        cancel = threading.Event()
        guard = threading.Timer(GUARD_SECONDS, cancel.set)
        guard.start()
        started = time.perf_counter()
        result = None
        try:
            result = Session().run(source, cancel=cancel)
        except Exception as error:  # an internal error: exactly what the fuzz looks for
            findings["crash"] = f"{type(error).__name__}: {error}"
        finally:
            guard.cancel()
        elapsed = time.perf_counter() - started

        if elapsed > HANG_SECONDS:
            findings["hang"] = f"{elapsed:.2f} s"
        escapes = self.sentinels.check()
        if result is not None:
            if escape_expected_to_fail and result.error is None:
                escapes.append("an escape statement ran without an error")
            unexpected = _unexpected_value(result.names)
            if unexpected:
                escapes.append(f"a value of type {unexpected} in the program's names")
            error = result.error
            if error is not None and not isinstance(error, ProgramError):
                findings["crash"] = f"error of type {type(error).__name__}"
            elif error is not None and error.kind == "InternalError":
                findings["crash"] = f"InternalError: {error}"
            elif error is not None and any(name in str(error) for name in _INTERNAL_NAMES):
                findings["internal"] = f"{error.kind}: {error}"
            elif error is not None and (error.line < 1 or error.column < 1):
                findings["internal"] = f"no position: {error!r}"

        if escapes:
            findings["escape"] = "; ".join(escapes)
        return findings


_worker: Worker | None = None


def _initialize(limit_values: dict[str, int]) -> None:
    global _worker
    for name, value in limit_values.items():
        setattr(limits, name, value)
    _worker = Worker()


def _run_batch(task: tuple[int, int, int]) -> tuple[Counter, dict[str, list[tuple[str, str]]], int]:
    seed, start, count = task
    counts: Counter = Counter()
    examples: dict[str, list[tuple[str, str]]] = {}
    for index in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + index)
        source, escape_statement = make_program(_worker.corpus, rng)
        findings = _worker.run_one(source, escape_statement)
        for category, detail in findings.items():
            counts[category] += 1
            category_examples = examples.setdefault(category, [])
            if len(category_examples) < EXAMPLES_KEPT:
                category_examples.append((detail, source))
    return counts, examples, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="number of programs to run")
    parser.add_argument("--seed", type=int, default=0, help="seed of the program generator")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--batch", type=int, default=200, help="programs per task sent to a worker")
    parser.add_argument("--default-limits", action="store_true", help="keep the playground's own limits")
    parser.add_argument("--examples", type=Path, help="write each finding's program to this file")
    options = parser.parse_args()

    limit_values = {} if options.default_limits else FUZZ_LIMITS
    tasks = [(options.seed, start, min(options.batch, options.count - start)) for start in range(0, options.count, options.batch)]
    totals: Counter = Counter()
    examples: dict[str, list[tuple[str, str]]] = {}
    done = 0
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(options.workers, initializer=_initialize, initargs=(limit_values,)) as pool:
        for counts, batch_examples, count in pool.imap_unordered(_run_batch, tasks):
            totals.update(counts)
            done += count
            for category, category_examples in batch_examples.items():
                target = examples.setdefault(category, [])
                target.extend(category_examples[: EXAMPLES_KEPT - len(target)])
            if done % 10_000 < options.batch:
                print(f"{done} programs, {time.perf_counter() - started:.0f} s, {dict(totals)}", flush=True)
    elapsed = time.perf_counter() - started

    print(f"limits: {limit_values or 'the playground defaults'}")
    print(f"programs: {done}")
    print(f"crashes: {totals['crash']}")
    print(f"hangs (> {HANG_SECONDS} s): {totals['hang']}")
    print(f"escapes: {totals['escape']}")
    print(f"internal-looking errors: {totals['internal']}")
    print(f"wall time: {elapsed:.0f} s with {options.workers} workers ({done / elapsed:.0f} programs/s)")
    for category, category_examples in examples.items():
        for detail, source in category_examples[:2]:
            print(f"\n--- {category}: {detail[:SOURCE_SHOWN]}\n{source[:SOURCE_SHOWN]}")
    if options.examples is not None:
        with options.examples.open("w", encoding="utf-8") as handle:
            for category, category_examples in examples.items():
                for detail, source in category_examples:
                    handle.write(f"### {category}: {detail[:SOURCE_SHOWN]}\n{source[:SOURCE_SHOWN]}\n\n")
    return 1 if totals["crash"] or totals["hang"] or totals["escape"] else 0


if __name__ == "__main__":
    sys.exit(main())
