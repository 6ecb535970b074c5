"""Pause CPython's cyclic garbage collector while a graph's objects are created.

Capturing, laying out and drawing a 6000-node graph creates a few hundred
thousand objects, and nearly all of them stay alive. With CPython 3.11's
default thresholds, every 700 new objects start a young collection. As they
pile up, the collector also runs full collections, each of which walks every
object of the process, torch's and Qt's included. Those took 80 to 400 ms
each on a 2-CPU machine, one or two per graph.
Paused, the collector runs later, when the graph is already on screen.

Reference counting still frees everything that is not in a cycle, and
`gc.collect()` still works during a pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic garbage collection inside the block, in any thread.

    Pauses may nest and overlap across threads: the collector resumes when
    the last one ends, and only if it was enabled when the first one began.
    NOTE: the collector is process-wide, so another thread's allocations go
    uncollected during a pause too. Keep pauses to bulk work of a second or less.
    """
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
