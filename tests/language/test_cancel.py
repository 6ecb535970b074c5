"""A cancelled run stops at its next evaluation step, wherever the program is.

Each program runs in a real thread. It prints once it is deep inside its long
work, the test sets the cancel event as soon as that output arrives, and then
checks that `Session.run` returns long before the program would have ended.
benchmarks/stop_latency.py measures how fast Stop is in the window.

NOTE: a single torch call or builtin runs to its end before the check: a
torch op on a tensor near MAX_TENSOR_ELEMENTS, sorted() or sum() over millions
of numbers can each take longer than 100 ms. The window therefore runs
programs in a child process that Stop can kill.
"""

from __future__ import annotations

import threading
import time

import pytest

from explorer.language import RunHooks, Session

# Every program below runs for over a second after its print if nothing stops it.
MAX_LATENCY_SECONDS = 0.5
START_TIMEOUT_SECONDS = 30

LONG_PROGRAMS = {
    "for loop": "for i in range(10**6):\n    x = i * 2\n    if i == 1000:\n        print('inside')",
    "while loop": "n = 0\nwhile True:\n    n += 1\n    if n == 1000:\n        print('inside')",
    "list comprehension": "xs = [print('inside') if i == 1000 else i * i for i in range(10**6)]",
    "nested comprehension": "xs = [[print('inside') if i == 3 and j == 0 else j for j in range(10**4)] for i in range(10**4)]",
    "dict comprehension": "d = {i: (print('inside') if i == 1000 else i) for i in range(3 * 10**6)}",
    "comprehension condition": "xs = [i for i in range(10**6) if i != 1000 or print('inside') is None]",
    "training loop": (
        "import torch.optim as optim\nw = torch.zeros(3, requires_grad=True)\nopt = optim.SGD([w], lr=0.01)\n"
        "for epoch in range(10**6):\n    opt.zero_grad()\n    loss = ((w - 1) ** 2).sum()\n    loss.backward()\n    opt.step()\n"
        "    if epoch == 100:\n        print('inside')"
    ),
    "long builtin list": "print('inside')\nfor k in range(1000):\n    items = list(range(10**7))",
    "tensor list sum": "print('inside')\nfor k in range(1000):\n    total = sum(list(torch.zeros(10**6)))",
}


def _cancel_latency(source: str) -> tuple[float, object]:
    cancel = threading.Event()
    inside = threading.Event()
    finished: dict[str, object] = {}

    def run() -> None:
        session = Session(hooks=RunHooks(on_output=lambda text: inside.set()))
        finished["result"] = session.run(source, cancel=cancel)
        finished["time"] = time.perf_counter()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert inside.wait(START_TIMEOUT_SECONDS), "the program never reached its long work"
    cancelled_at = time.perf_counter()
    cancel.set()
    thread.join(START_TIMEOUT_SECONDS)
    assert not thread.is_alive(), "the run did not stop"
    return finished["time"] - cancelled_at, finished["result"]


@pytest.mark.parametrize("source", LONG_PROGRAMS.values(), ids=LONG_PROGRAMS.keys())
def test_cancel_stops_long_program(source):
    latency, result = _cancel_latency(source)

    assert result.cancelled
    assert result.error.kind == "Cancelled"
    assert result.error.line >= 1
    assert latency < MAX_LATENCY_SECONDS, f"{latency * 1000:.1f} ms"


def test_cancelled_result_keeps_no_traceback():
    _, result = _cancel_latency(LONG_PROGRAMS["for loop"])

    assert result.error.__traceback__ is None
    assert result.error.__context__ is None
