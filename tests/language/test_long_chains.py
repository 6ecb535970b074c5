"""A program that builds a very long autograd chain frees it without crashing."""

import subprocess
import sys

CHAIN_PROGRAM = (
    "x = torch.tensor(1.0, requires_grad=True)\n"
    "y = x\n"
    "for i in range(100000):\n"
    "    y = y * 1.0\n"
)

# Runs in a child process because the failure this guards against is a
# segmentation fault, which would take pytest down with it.
CHILD = f"""
from explorer.language import Session
session = Session()
result = session.run({CHAIN_PROGRAM!r})
assert result.error is None, result.error
assert result.last_grad_fn_name == "y"
del result
session.namespace.clear()
print("freed")
"""


def test_long_chain_freed_cleanly():
    completed = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300)

    assert completed.returncode == 0, completed.stderr[-2000:]
    assert completed.stdout.strip() == "freed"
