"""The system Graphviz: the `dot` program on PATH.

Exports run `dot -T<format>` once per file. Layouts go to a `dot -Tjson0`
process kept running between them (`layout_json`): dot reads one graph after
another from its standard input and writes each graph's output as soon as
that graph is done. Starting dot costs 10 to 30 ms (process, plugins,
fontconfig), which is most of the layout time of a tutorial-sized graph.
A second layout that arrives while the kept process is busy runs in a
process of its own instead of waiting for the first.
"""

from __future__ import annotations

import atexit
import functools
import logging
import os
import re
import selectors
import shutil
import subprocess
import threading
import time

from explorer.layout import messages
from explorer.layout.model import LayoutError

logger = logging.getLogger(__name__)

_VERSION = re.compile(r"version\s+(\S+)")
# Characters of dot's stderr kept in an error message.
MAX_ERROR_CHARS = 2000
LAYOUT_FORMAT = "json0"
# A kept process is replaced after this many layouts, which bounds whatever
# Graphviz keeps between graphs (40 layouts of a 600-node graph grew the
# resident memory of dot 2.43.0 by 1.4 MB, then it stayed flat).
MAX_LAYOUTS_PER_PROCESS = 1000
# A graph sent after every layout. dot writes its output right after the
# output of the graph before it, so it marks where that output ends. A graph
# that fails without stopping dot leaves nothing before the marker's output.
END_MARKER_SOURCE = b"digraph explorer_end_marker {}\n"
# How long a new process may take to lay out the end marker alone.
START_TIMEOUT_SECONDS = 10.0
READ_CHUNK_BYTES = 1 << 16
# How long closing waits for a layout in progress before killing dot under it.
CLOSE_WAIT_SECONDS = 1.0
# The kept process needs select() on pipes, which Windows lacks.
KEEP_PROCESS = os.name == "posix"
# How often a layout checks whether it was stopped.
CANCEL_POLL_SECONDS = 0.02


def find_dot() -> str | None:
    """Return the path of the `dot` program on PATH, or None."""
    return shutil.which("dot")


def render(
    dot_source: str,
    fmt: str,
    timeout: float,
    dot_path: str | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """Run `dot -T<fmt>` on `dot_source` in a new process and return its output.

    Raises LayoutError when dot is missing, cannot start, exceeds `timeout`
    seconds or is stopped through `cancel` (the process is killed either
    way), or exits with an error.
    """
    path = dot_path or find_dot()
    if path is None:
        raise LayoutError(messages.system_dot_missing())
    try:
        process = subprocess.Popen(
            [path, f"-T{fmt}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except OSError as error:
        raise LayoutError(messages.dot_not_runnable(path, str(error))) from None
    deadline = time.monotonic() + timeout
    data: bytes | None = dot_source.encode("utf-8")
    while True:
        wait = max(0.0, deadline - time.monotonic())
        if cancel is not None:
            wait = min(wait, CANCEL_POLL_SECONDS)
        try:
            output, stderr_bytes = process.communicate(data, timeout=wait)
            break
        except subprocess.TimeoutExpired:
            # communicate() resumes where it stopped, and it already has the input.
            data = None
        if cancel is not None and cancel.is_set():
            _kill(process)
            raise LayoutError(messages.layout_stopped())
        if time.monotonic() >= deadline:
            _kill(process)
            logger.warning("dot timed out after %s s on a graph of %d characters", timeout, len(dot_source))
            raise LayoutError(messages.timed_out(timeout))
    stderr = stderr_bytes.decode("utf-8", errors="replace").strip()
    if process.returncode != 0:
        detail = stderr[:MAX_ERROR_CHARS] or f"exit status {process.returncode}"
        raise LayoutError(messages.render_failed(detail))
    if stderr:
        logger.debug("dot warnings: %s", stderr[:MAX_ERROR_CHARS])
    return output


def _kill(process: subprocess.Popen) -> None:
    process.kill()
    process.communicate()


def layout_json(dot_source: str, timeout: float, cancel: threading.Event | None = None) -> bytes:
    """Return dot's `-Tjson0` output for `dot_source`, from the kept process when it is free.

    Raises LayoutError like `render`. A process that timed out, failed,
    exited or was stopped is discarded, and the next layout starts a fresh one.
    """
    path = find_dot()
    if path is None:
        raise LayoutError(messages.system_dot_missing())
    if not KEEP_PROCESS or not _kept_process_lock.acquire(blocking=False):
        return render(dot_source, LAYOUT_FORMAT, timeout, path, cancel)
    try:
        return _layout_in_kept_process(path, dot_source, timeout, cancel)
    finally:
        _kept_process_lock.release()


class _DotExited(Exception):
    """dot closed its output: it exited, usually after an error."""


class _DotTimedOut(Exception):
    """dot did not finish within the deadline."""


class _DotCancelled(Exception):
    """The layout was stopped before dot finished."""


class DotProcess:
    """One `dot -Tjson0` process that lays out graphs one at a time; not thread-safe."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.layouts = 0
        self._process = subprocess.Popen(
            [path, f"-T{LAYOUT_FORMAT}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            os.set_blocking(stream.fileno(), False)
        self._selector = selectors.DefaultSelector()
        try:
            # The marker's own output ends with the top-level "}" at the start of a line.
            self._marker_output, _stderr = self._exchange(END_MARKER_SOURCE, START_TIMEOUT_SECONDS, b"\n}\n")
        except (_DotExited, _DotTimedOut, OSError):
            self.kill()
            raise

    def layout(self, dot_source: str, timeout: float, cancel: threading.Event | None = None) -> tuple[bytes, str]:
        """Return the graph's output (empty when dot wrote none) and what dot wrote to stderr."""
        self.layouts += 1
        data = dot_source.encode("utf-8")
        if not data.endswith(b"\n"):
            data += b"\n"
        output, stderr = self._exchange(data + END_MARKER_SOURCE, timeout, self._marker_output, cancel)
        return output[: len(output) - len(self._marker_output)], stderr.decode("utf-8", errors="replace").strip()

    def _exchange(
        self, data: bytes, timeout: float, end: bytes, cancel: threading.Event | None = None
    ) -> tuple[bytes, bytes]:
        """Write `data` and read stdout until it ends with `end`, reading stderr meanwhile."""
        process = self._process
        deadline = time.monotonic() + timeout
        selector = self._selector
        selector.register(process.stdin, selectors.EVENT_WRITE)
        selector.register(process.stdout, selectors.EVENT_READ)
        selector.register(process.stderr, selectors.EVENT_READ)
        output = bytearray()
        errors = bytearray()
        pending = memoryview(data)
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _DotTimedOut
                if cancel is not None:
                    if cancel.is_set():
                        raise _DotCancelled
                    remaining = min(remaining, CANCEL_POLL_SECONDS)
                for key, _mask in selector.select(remaining):
                    if key.fileobj is process.stdin:
                        try:
                            written = os.write(key.fd, pending[:READ_CHUNK_BYTES])
                        except BrokenPipeError:
                            raise _DotExited(self._stderr_after_exit(errors)) from None
                        pending = pending[written:]
                        if not pending:
                            selector.unregister(process.stdin)
                        continue
                    chunk = os.read(key.fd, READ_CHUNK_BYTES)
                    if key.fileobj is process.stderr:
                        if chunk:
                            errors += chunk
                        else:
                            selector.unregister(process.stderr)
                        continue
                    if not chunk:
                        raise _DotExited(self._stderr_after_exit(errors))
                    output += chunk
                    if output.endswith(end):
                        return bytes(output), bytes(errors)
        finally:
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream in selector.get_map():
                    selector.unregister(stream)

    def _stderr_after_exit(self, errors: bytearray) -> str:
        """Return `errors` plus what an exiting process still writes to stderr within a second."""
        try:
            self._process.wait(1.0)
            errors += self._process.stderr.read() or b""
        except (subprocess.TimeoutExpired, OSError):
            pass
        return errors.decode("utf-8", errors="replace").strip()

    def close(self) -> None:
        """Stop the process; a kill when it does not exit on its own within a second."""
        process = self._process
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(1.0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
        self._selector.close()

    def send_kill(self) -> None:
        """Kill the process without waiting for it or closing the pipes; safe from any thread."""
        self._process.kill()

    def kill(self) -> None:
        """Stop the process at once."""
        self._process.kill()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            try:
                stream.close()
            except OSError:
                pass
        self._selector.close()


_kept_process_lock = threading.Lock()
_kept_process: DotProcess | None = None


def _layout_in_kept_process(path: str, dot_source: str, timeout: float, cancel: threading.Event | None) -> bytes:
    """Lay out `dot_source` in the kept process. Call it with `_kept_process_lock` acquired."""
    global _kept_process
    if _kept_process is not None:
        if _kept_process.path != path or _kept_process.layouts >= MAX_LAYOUTS_PER_PROCESS:
            _discard_kept_process(kill=False)
    try:
        if _kept_process is None:
            _kept_process = DotProcess(path)
        output, stderr = _kept_process.layout(dot_source, timeout, cancel)
    except _DotCancelled:
        _discard_kept_process(kill=True)
        raise LayoutError(messages.layout_stopped()) from None
    except _DotTimedOut:
        _discard_kept_process(kill=True)
        logger.warning("dot timed out after %s s on a graph of %d characters", timeout, len(dot_source))
        raise LayoutError(messages.timed_out(timeout)) from None
    except _DotExited as exited:
        _discard_kept_process(kill=True)
        detail = exited.args[0] or "dot exited"
        raise LayoutError(messages.render_failed(detail[:MAX_ERROR_CHARS])) from None
    except OSError as error:
        _discard_kept_process(kill=True)
        raise LayoutError(messages.dot_not_runnable(path, str(error))) from None
    if not output:
        _discard_kept_process(kill=True)
        raise LayoutError(messages.render_failed(stderr[:MAX_ERROR_CHARS] or "dot wrote no layout"))
    if stderr:
        logger.debug("dot warnings: %s", stderr[:MAX_ERROR_CHARS])
    return output


def _discard_kept_process(kill: bool) -> None:
    global _kept_process
    if _kept_process is None:
        return
    process, _kept_process = _kept_process, None
    if kill:
        process.kill()
    else:
        process.close()


def close_kept_process(wait: float = CLOSE_WAIT_SECONDS) -> None:
    """Stop the kept dot process, if any; the next layout starts a new one.

    A layout still running after `wait` seconds fails, because the process
    is killed under it: at exit, a layout thread left running must not
    hold the interpreter up for its whole timeout.
    """
    if _kept_process_lock.acquire(timeout=wait):
        try:
            _discard_kept_process(kill=False)
        finally:
            _kept_process_lock.release()
        return
    process = _kept_process
    if process is not None:
        # Only kill dot here. The layout thread then reads the end of dot's output
        # and cleans up under its lock.
        process.send_kill()


atexit.register(close_kept_process)


@functools.lru_cache(maxsize=4)
def version(dot_path: str) -> str | None:
    """Return the Graphviz version `dot -V` reports, such as "2.43.0", or None."""
    try:
        completed = subprocess.run([dot_path, "-V"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(completed.stderr.decode("utf-8", errors="replace"))
    return match.group(1) if match else None
